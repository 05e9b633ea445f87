import { describe, expect, it } from 'vitest';
import { namesIn, sameStory, storyTermsOf, weightedOverlap } from '../../../src/engine/store/story';
import { AMBASSADOR_TEXT, FLOOD_TEXT, ISRAEL_TEXT } from './helpers';

const side = (title: string, text: string, date: string | null = '2023-10-20T00:00:00Z', context: string[] = []) => ({
  storyTerms: storyTermsOf(title, text, 40),
  context,
  date,
});

describe('story terms', () => {
  it('are the names of the article, not the words that open its sentences', () => {
    const names = namesIn('The ministry said so. According to Israel’s Foreign Affairs Ministry, Hamas attacked.');
    expect(names).toEqual(expect.arrayContaining(['israel', 'foreign', 'affairs', 'ministry', 'hamas']));
    expect(names).not.toContain('the');
    expect(names).not.toContain('according');
  });

  it('rank the headline first', () => {
    const terms = storyTermsOf('Floods in Brazil', FLOOD_TEXT, 40);
    expect(terms.slice(0, 2).sort()).toEqual(['brazil', 'floods']);
    expect(terms).toContain('porto');
  });
});

describe('sameStory', () => {
  const israel = side('Israel gives its count of Russian citizens killed in the Hamas attack', ISRAEL_TEXT);
  const ambassador = side('Russian ambassador gives his count of Russian citizens killed in the Hamas attack', AMBASSADOR_TEXT);
  const flood = side('Floods in Brazil: death toll rises in Rio Grande do Sul', FLOOD_TEXT);

  it('ties two accounts of one event worded differently', () => {
    expect(sameStory(israel, ambassador, 30).same).toBe(true);
  });

  it('keeps apart two events that merely share a figure key', () => {
    const verdict = sameStory(israel, flood, 30);
    expect(verdict.same).toBe(false);
    expect(verdict.sharedTerms).toBeLessThan(2);
  });

  it('keeps apart pages of one story further apart in time than the window', () => {
    const later = { ...ambassador, date: '2023-12-31T00:00:00Z' };
    expect(sameStory(israel, later, 30)).toMatchObject({ same: false, why: expect.stringContaining('days apart') });
    expect(sameStory(israel, later, 90).same).toBe(true);
  });

  it('lets two sentences that share names tie pages whose articles drift apart', () => {
    const a = { storyTerms: ['spokane', 'dakota', 'meth', 'agencies', 'washington', 'opioid'], context: ['noem', 'dakota'], date: null };
    const b = { storyTerms: ['noem', 'twitter', 'governor', 'sioux', 'falls', 'dakota', 'meth'], context: ['noem', 'dakota', 'twitter'], date: null };
    expect(sameStory({ ...a, context: [] }, { ...b, context: [] }, 30).same).toBe(false);
    expect(sameStory(a, b, 30).same).toBe(true);
  });

  it('weights the main names of both articles most', () => {
    const main = weightedOverlap(['hamas', 'israel', 'x1', 'x2', 'x3'], ['hamas', 'israel', 'y1', 'y2', 'y3']);
    const passing = weightedOverlap(['x1', 'x2', 'x3', 'hamas', 'israel'], ['y1', 'y2', 'y3', 'hamas', 'israel']);
    expect(main).toBeGreaterThan(passing);
    expect(weightedOverlap(['a', 'b'], ['a', 'b'])).toBe(1);
    expect(weightedOverlap([], ['a'])).toBe(0);
  });
});
