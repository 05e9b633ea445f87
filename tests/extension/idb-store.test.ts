import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { IdbStore, IdbStoreError, openIdbFigureMemory } from '../../src/extension/background/idb-store';
import { describeAtomicWrites, describePortContract, keptRecord } from '../engine/store/port-contract';
import { ambassadorPage, israelPage } from '../engine/store/helpers';

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
});
