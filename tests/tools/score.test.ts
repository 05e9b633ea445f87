import { describe, expect, it } from 'vitest';
import type { Conflict, Figure, Flag, FlagKind } from '../../src/engine/types';
import { intervalsOverlap, ratesOf, scoreConflicts, scoreFigures, scoreFlags, type GoldFigure, type GoldFlag, type GoldPage } from '../../src/tools/score';
import { sameSentence } from '../../src/tools/text-match';

const S1 = 'Hamas claims that more than 7,000 people have been killed in the counterattack on Gaza.';
const S2 = 'The ministry’s statement did not mention that Hamas had taken the hostages.';
const S3 = 'Officials said the bridge would reopen next week, according to people familiar with the plan.';
const S4 = 'The mayor said the budget was balanced.';

function flag(kind: FlagKind, cue: string, sentence: string): Flag {
  return { id: `${kind}-${cue}`, kind, cue, sentence, start: 0, end: 1, sentenceStart: 0, claim: sentence, attributedTo: null, rule: 'test' };
}

function figure(id: string, text: string, sentence: string, low: number | null, high: number | null): Figure {
  return { id, text, number: text, low, high, what: 'x', unit: 'count', attributedTo: null, sentence, sentenceStart: 0, start: 0, end: 1, context: [] };
}

describe('sameSentence', () => {
  it('ignores curly quotes, dashes, case and white space', () => {
    expect(sameSentence('He said “it’s  fine” — really.', 'he said "it\'s fine" - really.')).toBe(true);
  });
  it('matches a sentence the splitter cut from a longer one, but not a tiny fragment', () => {
    expect(sameSentence('The ministry’s statement did not mention that Hamas had taken the hostages', S2)).toBe(true);
    expect(sameSentence('He said.', 'He said. Then the ministry issued a long statement about the hostages.')).toBe(false);
  });
  it('does not match different sentences that share some words', () => {
    expect(sameSentence(S1, 'Hamas claims that 20 people were wounded.')).toBe(false);
  });
});

describe('scoreFlags', () => {
  const gold: GoldFlag[] = [
    { kind: 'hedge', cue: 'claims', sentence: S1 },
    { kind: 'omission', cue: 'did not mention', sentence: S2 },
    { kind: 'vague-source', cue: 'people familiar with', sentence: S3, borderline: true },
  ];

  it('finds a gold flag when the engine flags its sentence, with or without the right kind', () => {
    const s = scoreFlags(gold, [flag('hedge', 'claims', S1), flag('unverified', 'did not mention', S2)]);
    expect(s.anyFlag).toEqual({ gold: 2, found: 2, predicted: 2, correct: 2 });
    expect(s.byKind.hedge).toEqual({ gold: 1, found: 1, predicted: 1, correct: 1 });
    expect(s.byKind.omission).toEqual({ gold: 1, found: 0, predicted: 0, correct: 0 });
    expect(s.byKind.unverified).toEqual({ gold: 0, found: 0, predicted: 1, correct: 0 });
    expect(s.misses).toEqual([{ kind: 'omission', cue: 'did not mention', sentence: S2, engineKinds: ['unverified'] }]);
    expect(s.falseFlags.map((f) => [f.kind, f.goldKinds])).toEqual([['unverified', ['omission']]]);
  });

  it('neither rewards nor penalises a flag on a borderline sentence', () => {
    const s = scoreFlags(gold, [flag('vague-source', 'people familiar with', S3)]);
    expect(s.anyFlag).toEqual({ gold: 2, found: 0, predicted: 0, correct: 0 });
    expect(s.falseFlags).toEqual([]);
  });

  it('counts a flag on an unlabelled sentence as false, and two cues of one sentence once', () => {
    const s = scoreFlags(gold, [flag('hedge', 'said', S4), flag('hedge', 'balanced', S4)]);
    expect(s.anyFlag.predicted).toBe(1);
    expect(s.anyFlag.correct).toBe(0);
    expect(s.byKind.hedge.predicted).toBe(1);
    expect(s.falseFlags).toHaveLength(2);
    expect(ratesOf(s.anyFlag)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('rates', () => {
  it('gives no precision without predictions and F1 0 when gold was missed', () => {
    expect(ratesOf({ gold: 4, found: 0, predicted: 0, correct: 0 })).toEqual({ precision: null, recall: 0, f1: 0 });
    expect(ratesOf({ gold: 4, found: 2, predicted: 2, correct: 2 }).f1).toBeCloseTo(2 / 3);
  });
});

describe('scoreFigures', () => {
  const sentence = 'According to the ministry, 23 Russian citizens were killed, and another four were reported missing.';
  const gold: GoldFigure[] = [
    { text: '23 Russian citizens were killed', sentence, low: 23, high: 23, what: 'russian citizen|killed' },
    { text: 'another four were reported missing', sentence, low: 4, high: 4, what: 'russian citizen|missing' },
  ];

  it('pairs figures of one sentence by phrase, and measures exact bounds among matches', () => {
    const s = scoreFigures(gold, [
      figure('b', 'four were reported missing', sentence, 4, null),
      figure('a', '23 Russian citizens', sentence, 23, 23),
    ]);
    expect(s.tally).toEqual({ gold: 2, found: 2, predicted: 2, correct: 2 });
    expect(s.intervalExact).toBe(1);
    expect(s.matchedIds.get(0)).toBe('a');
    expect(s.inexact.map((x) => x.engine.id)).toEqual(['b']);
  });

  it('does not match a figure whose interval excludes the gold value', () => {
    const s = scoreFigures(gold, [figure('a', '23 Russian citizens were killed', sentence, 30, 40)]);
    expect(s.tally.found).toBe(0);
    expect(s.extras).toHaveLength(1);
    expect(s.misses).toHaveLength(2);
  });

  it('treats null bounds as unbounded', () => {
    expect(intervalsOverlap(1401, null, 7000, 7000)).toBe(true);
    expect(intervalsOverlap(null, 10, 11, null)).toBe(false);
  });
});

describe('scoreConflicts', () => {
  const s1 = 'The ministry said 23 Russian citizens were killed.';
  const s2 = 'The ambassador said 20 Russian citizens were killed.';
  const s3 = 'More than 1,400 people were killed in the attack.';
  const page: GoldPage = {
    page: 'x',
    flags: [],
    figures: [
      { text: '23 Russian citizens were killed', sentence: s1, low: 23, high: 23, what: 'k' },
      { text: '20 Russian citizens were killed', sentence: s2, low: 20, high: 20, what: 'k' },
      { text: 'More than 1,400 people were killed', sentence: s3, low: 1401, high: null, what: 'p' },
    ],
    conflicts: [{ a: '23 Russian citizens were killed', b: '20 Russian citizens were killed' }],
    not_conflicts: [{ a: '23 Russian citizens were killed', b: 'More than 1,400 people were killed' }],
  };
  const figures = [figure('f1', '23 Russian citizens', s1, 23, 23), figure('f2', '20 Russian citizens', s2, 20, 20), figure('f3', 'More than 1,400 people', s3, 1401, null)];
  const matched = scoreFigures(page.figures, figures);

  it('matches an engine conflict to gold by its two figures, in either order', () => {
    const conflicts: Conflict[] = [{ figures: ['f2', 'f1'], reason: 'same count' }];
    expect(scoreConflicts(page, figures, conflicts, matched).tally).toEqual({ gold: 1, found: 1, predicted: 1, correct: 1 });
  });

  it('counts a conflict the gold calls not-a-conflict as false and says so', () => {
    const conflicts: Conflict[] = [{ figures: ['f1', 'f3'], reason: 'killed' }];
    const s = scoreConflicts(page, figures, conflicts, matched);
    expect(s.tally).toEqual({ gold: 1, found: 0, predicted: 1, correct: 0 });
    expect(s.notConflictHits).toBe(1);
    expect(s.misses).toHaveLength(1);
  });
});
