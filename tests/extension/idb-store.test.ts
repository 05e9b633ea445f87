import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { IdbStore, IdbStoreError, openIdbFigureMemory, writeFailure, type NoteArea } from '../../src/extension/background/idb-store';
import { isStoreFull } from '../../src/engine/store/port';
import { describeAtomicWrites, describePortContract, keptRecord } from '../engine/store/port-contract';
import { ambassadorPage, israelPage } from '../engine/store/helpers';
import { FigureMemory } from '../../src/engine/store/figure-memory';
import type { KeptFigureRecord } from '../../src/engine/store/schema';
import { describeUsage } from '../../src/extension/options/usage';

let dbCounter = 0;
const freshName = (): string => `caveat-test-${++dbCounter}`;

describePortContract('IndexedDB', () => IdbStore.open(freshName()));
describeAtomicWrites('IndexedDB', () => IdbStore.open(freshName()));

describe('IdbStore', () => {
  it('keeps figures after the background is closed and woken again', async () => {
    const name = freshName();
    const first = await openIdbFigureMemory(name);
    const israel = israelPage();
    await first.recordPage(israel.report, { url: israel.report.source, text: israel.text });

    const woken = await openIdbFigureMemory(name);
    const ambassador = ambassadorPage();
    const { conflicts, keptFigures } = await woken.recordPage(ambassador.report, { url: ambassador.report.source, text: ambassador.text });
    expect(conflicts).toHaveLength(1);
    expect(keptFigures[0]).toMatchObject({ text: '23 Russian citizens were killed', source: israel.report.source });
  });

  it('migrates records of schema v1 to v2 when it opens', async () => {
    const name = freshName();
    (await IdbStore.open(name)).close();
    const { unit: _u, number: _n, ...v1 } = keptRecord({ id: 'old', what: 'dollar|campaign cost', text: 'roughly $449,000' });
    const raw = await openDB(name, 2);
    await raw.put('meta', 1, 'schemaVersion');
    await raw.put('figures', v1);
    raw.close();

    const store = await IdbStore.open(name);
    expect(await store.findByPage(v1.pageKey)).toEqual([{ ...v1, unit: 'usd', number: '$449,000' }]);
    store.close();
    const again = await openDB(name, 2);
    expect(await again.get('meta', 'schemaVersion')).toBe(2);
    again.close();
  });

  it('indexes the story terms of figures kept before the storyTerms index existed (database v1 -> v2)', async () => {
    const name = freshName();
    const raw = await openDB(name, 1, {
      upgrade(database) {
        const figures = database.createObjectStore('figures', { keyPath: 'id' });
        for (const field of ['what', 'pageKey', 'site', 'seenAt']) figures.createIndex(field, field);
        figures.createIndex('siteSeenAt', ['site', 'seenAt']);
        database.createObjectStore('meta');
      },
    });
    await raw.put('meta', 2, 'schemaVersion');
    await raw.put('figures', keptRecord({ id: 'old', pageKey: 'p/old', storyTerms: ['kabul', 'blast'] }));
    await raw.put('figures', keptRecord({ id: 'other', pageKey: 'p/other', storyTerms: ['paris', 'flood'] }));
    raw.close();

    const store = await IdbStore.open(name);
    expect((await store.findByWhatSharingTerms(['person|killed'], ['blast', 'kabul'], 2)).map((r) => r.id)).toEqual(['old']);
    expect((await store.findByWhat(['person|killed'])).map((r) => r.id)).toEqual(['old', 'other']);
    store.close();
  });

  it('refuses, without touching it, a database written by a newer Caveat', async () => {
    const name = freshName();
    (await IdbStore.open(name)).close();
    const raw = await openDB(name, 2);
    await raw.put('meta', 3, 'schemaVersion');
    await raw.put('figures', { ...keptRecord({ id: 'future' }), newField: 1 });
    raw.close();
    await expect(IdbStore.open(name)).rejects.toThrow(IdbStoreError);
    const check = await openDB(name, 2);
    expect(await check.get('figures', 'future')).toMatchObject({ newField: 1 });
    expect(await check.get('meta', 'schemaVersion')).toBe(3);
    check.close();
  });

  it('exports and imports through the figure memory', async () => {
    const source = await openIdbFigureMemory(freshName());
    const israel = israelPage();
    await source.recordPage(israel.report, { url: israel.report.source, text: israel.text });
    const target = await openIdbFigureMemory(freshName());
    expect(await target.importJson(await source.exportJson())).toMatchObject({ figuresAdded: 1 });
    expect(await target.usage()).toMatchObject({ figures: 1, pages: 1 });
  });

  it('skips a damaged record beside a good one in every read, counts it in usage, and leaves it out of exports', async () => {
    const name = freshName();
    const store = await IdbStore.open(name);
    const good = keptRecord({ id: 'good', pageKey: 'p/good' });
    await store.write({ put: [good] });
    // Same what, page terms and page index keys as a good record, but not a valid record.
    const damaged = { ...keptRecord({ id: 'damaged-record', pageKey: 'p/good' }), low: 'many', high: {}, text: 42, context: 'not a list' };
    const raw = await openDB(name, 2);
    await raw.put('figures', damaged);
    raw.close();

    expect((await store.findByWhat([good.what])).map((r) => r.id)).toEqual(['good']);
    expect((await store.findByWhatSharingTerms([good.what], ['kabul', 'blast'], 2)).map((r) => r.id)).toEqual(['good']);
    expect((await store.findByPage('p/good')).map((r) => r.id)).toEqual(['good']);
    expect((await store.readAll()).map((r) => r.id)).toEqual(['good']);
    const usage = await store.usage();
    expect(usage).toMatchObject({ figures: 1, pages: 1, damaged: 1 });
    expect(describeUsage(usage)).toMatch(/1 damaged record skipped/);

    const memory = new FigureMemory(store);
    const exported = await memory.exportJson();
    expect(exported).not.toContain('damaged-record');
    expect(JSON.parse(exported)).toMatchObject({ figures: [{ id: 'good' }] });
    store.close();
  });

  it('still shows the cross-page conflict when a damaged record shares the kept figure’s key', async () => {
    const name = freshName();
    const memory = await openIdbFigureMemory(name);
    const israel = israelPage();
    await memory.recordPage(israel.report, { url: israel.report.source, text: israel.text });
    const kept = JSON.parse(await memory.exportJson()) as { figures: KeptFigureRecord[] };
    const killed = kept.figures.find((f) => /23 Russian/.test(f.text))!;
    const raw = await openDB(name, 2);
    await raw.put('figures', { ...killed, id: 'damaged-record', pageKey: 'damaged', low: 'many', text: 42, context: 'not a list' });
    raw.close();

    const woken = await openIdbFigureMemory(name);
    const ambassador = ambassadorPage();
    const { conflicts, keptFigures } = await woken.recordPage(ambassador.report, { url: ambassador.report.source, text: ambassador.text });
    expect(conflicts).toHaveLength(1);
    expect(keptFigures.map((f) => f.text)).toEqual(['23 Russian citizens were killed']);
    expect(await woken.usage()).toMatchObject({ damaged: 1 });
  });
});

describe('IdbStore: storage full', () => {
  it('reads a QuotaExceededError, of the transaction or of one request, as a full storage', () => {
    const full = new DOMException('full', 'QuotaExceededError');
    const aborted = new DOMException('aborted', 'AbortError');
    // Chromium: the transaction aborts at commit with QuotaExceededError, its requests with AbortError.
    expect(writeFailure(full, [aborted, full])).toMatchObject({ name: 'StoreFullError' });
    // Firefox may fail one request with it and abort the rest.
    expect(writeFailure(null, [aborted, full])).toMatchObject({ name: 'StoreFullError' });
    expect(isStoreFull(writeFailure(full, [full]))).toBe(true);
    // Anything else is thrown as it was, never taken for a full storage.
    const clone = new DOMException('no', 'DataCloneError');
    expect(writeFailure(aborted, [aborted, clone])).toBe(clone);
    expect(writeFailure(aborted, [aborted])).toBe(aborted);
  });

  it('keeps the storage-full note across a wake, reports it in usage, and forgets it on clear', async () => {
    const name = freshName();
    const store = await IdbStore.open(name);
    await store.noteStorageFull({ at: '2026-11-25T01:00:00.000Z', evicted: 2130, notKept: 0 });
    store.close();
    const woken = await IdbStore.open(name);
    expect((await woken.usage()).storageFull).toEqual({ at: '2026-11-25T01:00:00.000Z', evicted: 2130, notKept: 0 });
    await woken.clear();
    expect((await woken.usage()).storageFull).toBeUndefined();
    woken.close();
  });

  it('reclaim keeps every record where it is, with the note, and lookups still work', async () => {
    const store = await IdbStore.open(freshName(), { compactToReclaim: true });
    expect((await IdbStore.open(freshName())).reclaim, 'only where asked for').toBeUndefined();
    const records = Array.from({ length: 1200 }, (_, i) =>
      keptRecord({ id: `r${i}`, pageKey: `news.example/${i % 40}`, seenAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }),
    );
    await store.write({ put: records });
    await store.noteStorageFull({ at: '2026-11-25T01:00:00.000Z', evicted: 7, notKept: 0 });
    expect(await store.reclaim!()).toBe(0);
    expect(await store.countAll()).toBe(1200);
    expect(await store.oldestIds(2)).toEqual(['r0', 'r1']);
    expect((await store.findByPage('news.example/3')).length).toBe(30);
    expect((await store.usage()).storageFull).toMatchObject({ evicted: 7 });
    store.close();
  });

  it('loses nothing when the background is stopped at any step of a reclaim, and the next reclaim cleans up', async () => {
    const steps = ['beforeScratch', 'beforeScratchDeleted'] as const;
    for (const step of steps) {
      const name = freshName();
      const store = await IdbStore.open(name, { compactToReclaim: true });
      const records = Array.from({ length: 300 }, (_, i) => keptRecord({ id: `r${i}`, pageKey: `news.example/${i % 10}`, seenAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }));
      await store.write({ put: records });
      await store.write({ removeIds: ['r0', 'r1'] });
      await store.noteStorageFull({ at: '2026-11-25T01:00:00.000Z', evicted: 2, notKept: 0 });
      // The stop: the worker's code ends at this step (a throw stands for it), its connection with it.
      IdbStore.compactSteps = { [step]: () => Promise.reject(new Error('worker stopped')) };
      try {
        await expect(store.reclaim!()).rejects.toThrow('worker stopped');
      } finally {
        IdbStore.compactSteps = {};
      }
      store.close();

      const woken = await IdbStore.open(name, { compactToReclaim: true });
      expect(await woken.countAll(), `stopped ${step}`).toBe(298);
      expect((await woken.readAll()).map((r) => r.id).sort()).toEqual(records.slice(2).map((r) => r.id).sort());
      expect((await woken.usage()).storageFull).toMatchObject({ evicted: 2 });
      expect(await woken.reclaim!()).toBe(0);
      expect(await woken.countAll()).toBe(298);
      const names = (await indexedDB.databases()).map((db) => db.name);
      expect(names).toContain(name);
      expect(names, 'no scratch database is left once a reclaim finished').not.toContain(`${name}:compact`);
      woken.close();
    }
  });
});

/** A note area as storage.local is, in memory: one value under one key. */
function memoryNoteArea(): NoteArea & { value: unknown } {
  return {
    value: undefined,
    async get() {
      return this.value;
    },
    async set(note) {
      this.value = structuredClone(note);
    },
    async remove() {
      this.value = undefined;
    },
  };
}

/** Every put of IndexedDB refused for room while `during` runs, as at a full quota. */
async function withIdbFull<T>(during: () => Promise<T>): Promise<T> {
  const proto = (globalThis as unknown as { IDBObjectStore: { prototype: { put: unknown } } }).IDBObjectStore.prototype;
  const put = proto.put;
  proto.put = () => {
    throw new DOMException('no room', 'QuotaExceededError');
  };
  try {
    return await during();
  } finally {
    proto.put = put;
  }
}

describe('IdbStore: the storage-full note outside IndexedDB', () => {
  it('keeps the note that a page was not kept in the note area when IndexedDB has no room at all, across a restart', async () => {
    const name = freshName();
    const area = memoryNoteArea();
    const memory = await openIdbFigureMemory(name, {}, { noteArea: area });
    const israel = israelPage();
    const result = await withIdbFull(() => memory.recordPage(israel.report, { url: israel.report.source, text: israel.text }));
    expect(result.conflicts).toEqual([]);
    expect(area.value).toMatchObject({ evicted: 0, notKept: 1 });

    // A new wake of the background: the meta store never got the note, the area has it.
    const woken = await openIdbFigureMemory(name, {}, { noteArea: area });
    const usage = await woken.usage();
    expect(usage).toMatchObject({ figures: 0, storageFull: { evicted: 0, notKept: 1 } });
    expect(describeUsage(usage)).toBe('No figures kept yet');

    // Room again: the page is kept, the note is still there until the memory is cleared.
    await woken.recordPage(israel.report, { url: israel.report.source, text: israel.text });
    expect(await woken.usage()).toMatchObject({ figures: 1, storageFull: { notKept: 1 } });
    await woken.clear();
    expect(area.value).toBeUndefined();
    expect((await woken.usage()).storageFull).toBeUndefined();
  });

  it('reads the later of the two notes, and keeps one small value in the area however often storage is full', async () => {
    const name = freshName();
    const area = memoryNoteArea();
    const store = await IdbStore.open(name, { noteArea: area });
    await store.noteStorageFull({ at: '2026-11-25T01:00:00.000Z', evicted: 10, notKept: 0 });
    for (let i = 0; i < 50; i++) await store.noteStorageFull({ at: `2026-11-25T02:${String(i).padStart(2, '0')}:00.000Z`, evicted: 10 + i, notKept: i % 3 });
    expect(JSON.stringify(area.value).length).toBeLessThan(100);
    // The meta store's note is older than the area's: the area's is the one shown.
    const raw = await openDB(name, 2);
    await raw.put('meta', { at: '2026-11-25T00:00:00.000Z', evicted: 1, notKept: 0 }, 'storageFull');
    raw.close();
    expect((await store.usage()).storageFull).toEqual({ at: '2026-11-25T02:49:00.000Z', evicted: 59, notKept: 1 });
    // A damaged value in the area is ignored, not shown.
    area.value = { at: 5, evicted: 'many' };
    expect((await store.usage()).storageFull).toEqual({ at: '2026-11-25T00:00:00.000Z', evicted: 1, notKept: 0 });
    store.close();
  });
});
