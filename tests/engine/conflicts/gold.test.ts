import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figuresConflict } from '../../../src/engine/conflicts/conflicts';
import { FIXTURES, engineFigure, goldPages, scorePage } from '../figures/gold';

// In-page conflicts against every gold file's `conflicts` and `not_conflicts`, and the
// cross-page pairs of cross-pages.gold.json through figuresConflict (what the store reuses).
const results = new Map(goldPages().map((p) => [p, scorePage(p)]));

describe('in-page conflicts on the gold fixtures', () => {
  for (const [page, r] of results) {
    it(`${page}: finds every gold conflict and no other`, () => {
      const expected = (r.gold.conflicts ?? []).map((c) => {
        const a = engineFigure(r, c.a);
        const b = engineFigure(r, c.b);
        expect(a, `figure "${c.a}"`).toBeDefined();
        expect(b, `figure "${c.b}"`).toBeDefined();
        return [a!.id, b!.id].sort().join(' ');
      });
      const found = r.conflicts.map((c) => [...c.figures].sort().join(' '));
      expect(found.sort()).toEqual(expected.sort());
    });
  }

  it('the seed gives exactly 23 vs 20 killed and four vs seven missing', () => {
    const seed = results.get('seed-article')!;
    const text = (id: string): string => seed.figures.find((f) => f.id === id)!.text;
    expect(seed.conflicts.map((c) => c.figures.map(text))).toEqual([
      ['23 Russian citizens were killed', '20 Russian citizens were killed'],
      ['four were reported missing', 'seven missing'],
    ]);
  });
});

interface CrossPair { a: { page: string; text: string }; b: { page: string; text: string } }
const cross = JSON.parse(readFileSync(join(FIXTURES, 'cross-pages.gold.json'), 'utf8')) as {
  conflicts: CrossPair[];
  not_conflicts: CrossPair[];
};

function pairFigures(pair: CrossPair) {
  const ra = results.get(pair.a.page);
  const rb = results.get(pair.b.page);
  return [ra && engineFigure(ra, pair.a.text), rb && engineFigure(rb, pair.b.text)] as const;
}

describe('cross-page pairs through figuresConflict', () => {
  it.each(cross.conflicts.map((p) => [`${p.a.page}: ${p.a.text} / ${p.b.page}: ${p.b.text}`, p] as const))('conflict: %s', (_n, pair) => {
    const [a, b] = pairFigures(pair);
    expect(a && b && figuresConflict(a, b)).toBeTruthy();
  });

  it.each(cross.not_conflicts.map((p) => [`${p.a.page}: ${p.a.text} / ${p.b.page}: ${p.b.text}`, p] as const))('not a conflict: %s', (_n, pair) => {
    const [a, b] = pairFigures(pair);
    if (a && b) expect(figuresConflict(a, b)).toBeNull();
  });
});
