// The behaviour every storage adapter must have, run against each of them (memory, JSON
// file, IndexedDB) so that the figure memory works the same over all three.
import { describe, expect, it } from 'vitest';
import type { StoragePort } from '../../../src/engine/store/port';
import type { KeptFigureRecord } from '../../../src/engine/store/schema';

export function keptRecord(partial: Partial<KeptFigureRecord> & Pick<KeptFigureRecord, 'id'>): KeptFigureRecord {
  return {
    pageKey: 'news.example/a',
    site: 'news.example',
    what: 'person|killed',
    unit: 'count',
    number: '12',
    low: 12,
    high: 12,
    text: '12 people were killed',
    sentence: '12 people were killed in the blast.',
    attributedTo: null,
    context: ['blast'],
    storyTerms: ['kabul', 'blast'],
    fingerprint: 'fp',
    source: 'https://news.example/a',
    title: 'Blast in Kabul',
    siteName: 'News',
    publishedAt: null,
    seenAt: '2024-01-01T00:00:00.000Z',
    ...partial,
  };
}

export function describePortContract(name: string, makePort: () => Promise<StoragePort>): void {
  describe(`${name} storage port`, () => {
    it('finds figures by what and by page, and not others', async () => {
      const port = await makePort();
      await port.write({
        put: [
          keptRecord({ id: 'a1', what: 'person|killed', pageKey: 'p/a' }),
          keptRecord({ id: 'a2', what: 'person|injured', pageKey: 'p/a' }),
          keptRecord({ id: 'b1', what: 'person|killed', pageKey: 'p/b' }),
        ],
      });
      expect((await port.findByWhat(['person|killed'])).map((r) => r.id).sort()).toEqual(['a1', 'b1']);
      expect((await port.findByWhat(['person|missing'])).length).toBe(0);
      expect((await port.findByPage('p/a')).map((r) => r.id).sort()).toEqual(['a1', 'a2']);
    });

    it('finds figures by what among pages sharing a story term, each once, and follows removals', async () => {
      const port = await makePort();
      await port.write({
        put: [
          keptRecord({ id: 'a1', what: 'person|killed', pageKey: 'p/a', storyTerms: ['kabul', 'blast'] }),
          keptRecord({ id: 'a2', what: 'person|injured', pageKey: 'p/a', storyTerms: ['kabul', 'blast'] }),
          keptRecord({ id: 'b1', what: 'person|killed', pageKey: 'p/b', storyTerms: ['paris', 'flood'] }),
          keptRecord({ id: 'c1', what: 'person|killed', pageKey: 'p/c', storyTerms: ['blast', 'paris'] }),
          keptRecord({ id: 'd1', what: 'person|killed', pageKey: 'p/d', storyTerms: [] }),
        ],
      });
      const ids = async (whats: string[], terms: string[]): Promise<string[]> =>
        (await port.findByWhatSharingTerms(whats, terms)).map((r) => r.id).sort();
      expect(await ids(['person|killed'], ['kabul', 'blast'])).toEqual(['a1', 'c1']);
      expect(await ids(['person|killed', 'person|injured'], ['blast', 'paris', 'blast'])).toEqual(['a1', 'a2', 'b1', 'c1']);
      expect(await ids(['person|killed'], [])).toEqual([]);
      const twice = async (terms: string[]): Promise<string[]> =>
        (await port.findByWhatSharingTerms(['person|killed'], terms, 2)).map((r) => r.id).sort();
      expect(await twice(['kabul', 'blast', 'kabul'])).toEqual(['a1']);
      expect(await twice(['blast', 'paris'])).toEqual(['c1']);
      expect(await twice(['paris', 'kabul'])).toEqual([]);
      expect(await ids(['person|missing'], ['kabul'])).toEqual([]);
      await port.write({ removePages: ['p/a'], put: [keptRecord({ id: 'b1', what: 'person|killed', pageKey: 'p/b', storyTerms: ['kabul'] })] });
      expect(await ids(['person|killed'], ['kabul'])).toEqual(['b1']);
      expect(await ids(['person|killed'], ['flood'])).toEqual([]);
      await port.write({ removeIds: ['c1'] });
      expect(await ids(['person|killed'], ['blast', 'paris'])).toEqual([]);
      await port.clear();
      expect(await ids(['person|killed'], ['kabul'])).toEqual([]);
    });

    it('keeps a record exactly as written (nulls, arrays, numbers)', async () => {
      const port = await makePort();
      const record = keptRecord({ id: 'x', low: 1401, high: null, attributedTo: null, publishedAt: '2023-10-19T12:00:00Z', context: ['a', 'b'] });
      await port.write({ put: [record] });
      expect(await port.findByPage(record.pageKey)).toEqual([record]);
    });

    it('removes whole pages and single ids, then puts, in one change', async () => {
      const port = await makePort();
      await port.write({ put: [keptRecord({ id: 'a1', pageKey: 'p/a' }), keptRecord({ id: 'a2', pageKey: 'p/a' }), keptRecord({ id: 'b1', pageKey: 'p/b' })] });
      await port.write({ removePages: ['p/a'], removeIds: ['b1'], put: [keptRecord({ id: 'a3', pageKey: 'p/a' })] });
      expect((await port.readAll()).map((r) => r.id)).toEqual(['a3']);
    });

    it('counts by site and in all, and lists the oldest first', async () => {
      const port = await makePort();
      await port.write({
        put: [
          keptRecord({ id: 'new', site: 's1', seenAt: '2024-03-01T00:00:00.000Z' }),
          keptRecord({ id: 'old', site: 's1', seenAt: '2024-01-01T00:00:00.000Z' }),
          keptRecord({ id: 'mid', site: 's2', seenAt: '2024-02-01T00:00:00.000Z' }),
        ],
      });
      expect(await port.countAll()).toBe(3);
      expect(await port.countSite('s1')).toBe(2);
      expect(await port.countSite('nowhere')).toBe(0);
      expect(await port.oldestIds(2)).toEqual(['old', 'mid']);
      expect(await port.oldestIds(5, 's1')).toEqual(['old', 'new']);
    });

    it('treats "__proto__" and "constructor" as ordinary keys', async () => {
      const port = await makePort();
      await port.write({ put: [keptRecord({ id: '__proto__', what: '__proto__', pageKey: 'constructor', site: 'hasOwnProperty' })] });
      expect((await port.findByWhat(['__proto__'])).map((r) => r.id)).toEqual(['__proto__']);
      expect((await port.findByWhat(['constructor'])).length).toBe(0);
      expect(await port.countSite('hasOwnProperty')).toBe(1);
      expect(await port.countSite('toString')).toBe(0);
    });

    it('reports usage in figures, pages and bytes, and clears', async () => {
      const port = await makePort();
      const records = [keptRecord({ id: 'a1', pageKey: 'p/a' }), keptRecord({ id: 'a2', pageKey: 'p/a' }), keptRecord({ id: 'b1', pageKey: 'p/b', title: 'Blast in Kâbul — “update” 🚨' })];
      await port.write({ put: records });
      const usage = await port.usage();
      expect(usage.figures).toBe(3);
      expect(usage.pages).toBe(2);
      const jsonBytes = records.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r)), 0);
      expect(usage.bytes).toBe(jsonBytes);
      await port.clear();
      expect(await port.usage()).toEqual({ figures: 0, pages: 0, bytes: 0 });
      expect(await port.findByWhat(['person|killed'])).toEqual([]);
    });

    it('replaces a record written again under the same id', async () => {
      const port = await makePort();
      await port.write({ put: [keptRecord({ id: 'a', low: 1, high: 1 })] });
      await port.write({ put: [keptRecord({ id: 'a', low: 2, high: 2 })] });
      const all = await port.readAll();
      expect(all.length).toBe(1);
      expect(all[0]!.low).toBe(2);
      expect((await port.usage()).figures).toBe(1);
    });
  });
}

export function describeAtomicWrites(name: string, makePort: () => Promise<StoragePort>): void {
  it(`${name}: applies a change whole or not at all`, async () => {
    const port = await makePort();
    await port.write({ put: [keptRecord({ id: 'a', pageKey: 'p/a' })] });
    // A record that cannot be stored (a function is not cloneable) fails the change: the
    // removal of page p/a asked for in the same change must not happen either.
    const broken = { ...keptRecord({ id: 'b', pageKey: 'p/a' }), context: [() => 1] } as never;
    await expect(port.write({ removePages: ['p/a'], put: [broken] })).rejects.toThrow();
    expect((await port.readAll()).map((r) => r.id)).toEqual(['a']);
  });
}
