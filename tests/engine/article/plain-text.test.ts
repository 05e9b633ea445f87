import { describe, expect, it } from 'vitest';
import { articleFromPlainText } from '../../../src/engine/article/plain-text';

// A page copied as text, with the furniture a news page leaves in it (written for this test).
const COPIED_PAGE = `Skip to main content
  • Share to or
world

Storm floods coastal town of Riverton

Source: The Daily Test
Jane Roe / AP / Shutterstock

Flood waters in Riverton rose by more than two metres overnight, forcing hundreds of residents from their homes, the council said.

The council said 340 homes had been evacuated. Officials have not said when residents will be able to return.

More on this year's storm season

Storm season: what to expect and how to prepare

More on this year's storm season

Storm season: what to expect and how to prepare

Translation by John Doe

  • Share to or
`;

describe('articleFromPlainText', () => {
  const article = articleFromPlainText(COPIED_PAGE);
  const blocks = article.blocks.map((b) => article.text.slice(b.start, b.end));

  it('takes the first title-like line that is not furniture as the headline', () => {
    expect(article.isArticle).toBe(true);
    expect(article.title).toBe('Storm floods coastal town of Riverton');
    expect(blocks[0]).toBe('Storm floods coastal town of Riverton');
  });

  it('keeps exactly the headline and the prose', () => {
    expect(blocks).toEqual([
      'Storm floods coastal town of Riverton',
      'Flood waters in Riverton rose by more than two metres overnight, forcing hundreds of residents from their homes, the council said.',
      'The council said 340 homes had been evacuated. Officials have not said when residents will be able to return.',
    ]);
    expect(article.text).toBe(blocks.join('\n\n'));
  });

  it('leaves out skip links, share bars, section names, sources, credits and related links', () => {
    for (const furniture of ['Skip to', 'Share', 'world', 'Source:', 'Shutterstock', 'More on', 'what to expect', 'Translation by']) {
      expect(article.text).not.toContain(furniture);
    }
  });

  it('joins hard-wrapped lines of one paragraph', () => {
    const wrapped = articleFromPlainText(
      'Council approves flood barrier\n\nThe town council approved a new flood barrier on Tuesday after a\nlong debate, and said work would begin in the spring of next year.\n',
    );
    expect(wrapped.text).toBe(
      'Council approves flood barrier\n\nThe town council approved a new flood barrier on Tuesday after a long debate, and said work would begin in the spring of next year.',
    );
  });

  it('keeps a subheading between paragraphs of prose', () => {
    const withSubhead = articleFromPlainText(
      'Council approves flood barrier\n\nThe town council approved a new flood barrier on Tuesday after a long debate.\n\nWhat happens next\n\nWork will begin in the spring, and the council expects it to take two years to finish.\n',
    );
    expect(withSubhead.text).toContain('\n\nWhat happens next\n\n');
  });

  it('turns down text with no prose in it', () => {
    const menu = articleFromPlainText('Home\nWorld\nSport\nWeather\nSign in\n');
    expect(menu.isArticle).toBe(false);
    expect(menu.reason).toBe('no article found: 0 paragraphs of text');
    expect(menu.text).toBe('');
    expect(menu.blocks).toEqual([]);
  });
});
