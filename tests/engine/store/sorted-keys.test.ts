import { describe, expect, it } from 'vitest';
import { SortedKeys } from '../../../src/engine/store/sorted-keys';

describe('SortedKeys', () => {
  it('matches a plain sorted set under random adds and removes (front removals included)', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const keys = new SortedKeys();
    const model = new Set<string>();
    const key = (i: number): string => `k${String(i).padStart(5, '0')}`;
    for (let step = 0; step < 20_000; step++) {
      const sorted = [...model].sort();
      const op = rand(10);
      if (op < 4) {
        const k = key(rand(3000));
        keys.add(k);
        model.add(k);
      } else if (op < 8 && sorted.length > 0) {
        // Mostly the oldest, as eviction does.
        const k = sorted[0]!;
        keys.delete(k);
        model.delete(k);
      } else if (op < 9) {
        const k = key(rand(3000));
        keys.delete(k);
        model.delete(k);
      } else if (sorted.length > 0) {
        // Re-add an early key: lands before the head.
        const k = key(Math.max(0, Number(sorted[0]!.slice(1)) - 1 - rand(3)));
        keys.add(k);
        model.add(k);
      }
      if (step % 97 === 0 || step > 19_900) {
        const expected = [...model].sort();
        expect(keys.size).toBe(expected.length);
        expect(keys.first(expected.length + 5)).toEqual(expected);
        expect(keys.first(3)).toEqual(expected.slice(0, 3));
      }
    }
    keys.clear();
    expect(keys.size).toBe(0);
    expect(keys.first(3)).toEqual([]);
  });

  it('compacts after many front removals and keeps working', () => {
    const keys = SortedKeys.fromUnsorted(Array.from({ length: 5000 }, (_, i) => `k${String(4999 - i).padStart(5, '0')}`));
    for (let i = 0; i < 4000; i++) keys.delete(`k${String(i).padStart(5, '0')}`);
    expect(keys.size).toBe(1000);
    expect(keys.first(2)).toEqual(['k04000', 'k04001']);
    keys.add('k00001');
    keys.add('k09999');
    expect(keys.first(2)).toEqual(['k00001', 'k04000']);
    expect(keys.size).toBe(1002);
  });
});
