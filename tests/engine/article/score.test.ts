import { describe, expect, it } from 'vitest';
import { articleTextScore, missingSentences, referenceText } from '../../../src/engine/article/score';

describe('articleTextScore', () => {
  const reference = 'Flood waters rose overnight. The council said 340 homes were evacuated.';

  it('is perfect for the same words, whatever the spacing and quote style', () => {
    expect(articleTextScore('Flood  waters rose\novernight.\n\nThe council said 340 homes were evacuated.', reference)).toEqual({ precision: 1, recall: 1 });
    expect(articleTextScore('He didn’t say.', "He didn't say.")).toEqual({ precision: 1, recall: 1 });
  });

  it('loses precision, not recall, when furniture gets in', () => {
    const score = articleTextScore(`Skip to main content ${reference} Share Tweet Email`, reference);
    expect(score.recall).toBe(1);
    expect(score.precision).toBeCloseTo(11 / 18, 5);
  });

  it('loses recall, not precision, when text is missed', () => {
    const score = articleTextScore('Flood waters rose overnight.', reference);
    expect(score.precision).toBe(1);
    expect(score.recall).toBeCloseTo(4 / 11, 5);
  });

  it('has no precision for an empty extraction of a real article', () => {
    expect(articleTextScore('', reference)).toEqual({ precision: 0, recall: 0 });
  });
});

describe('referenceText and missingSentences', () => {
  it('drops the URL line of a reference file', () => {
    expect(referenceText('https://news.example/a\n\nText here.\n')).toBe('\nText here.\n');
    expect(referenceText('Text here.\n')).toBe('Text here.\n');
  });

  it('finds gold sentences that are not in the text, white space aside', () => {
    const text = 'The council said\n340 homes were evacuated.\n\nOfficials did not say more.';
    expect(missingSentences(text, ['The council said 340 homes were evacuated.', 'Nobody was hurt.'])).toEqual(['Nobody was hurt.']);
  });
});
