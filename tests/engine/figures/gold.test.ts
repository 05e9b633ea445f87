import { describe, expect, it } from 'vitest';
import { scoreAll } from './gold';

// The accuracy targets on the gold fixtures (../shared/fixtures): a gold figure is found when
// the engine has a figure in the same sentence with an overlapping interval; "exact" when
// low and high are equal too.
describe('figures on the gold fixtures', () => {
  const all = scoreAll();

  it('reaches F1 >= 0.85', () => {
    expect(all.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('gives the exact interval for >= 90% of the figures it finds', () => {
    expect(all.exactRate).toBeGreaterThanOrEqual(0.9);
  });

  it('finds every figure of the seed article with its exact interval', () => {
    const seed = all.results.find((r) => r.page === 'seed-article')!;
    expect(seed.missed).toEqual([]);
    expect(seed.falsePositives).toEqual([]);
    expect(seed.exact).toBe(seed.found.length);
  });
});
