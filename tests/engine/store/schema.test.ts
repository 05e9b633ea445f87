import { describe, expect, it } from 'vitest';
import { FigureMemory } from '../../../src/engine/store/figure-memory';
import { MemoryPort } from '../../../src/engine/store/memory-port';
import { EXPORT_FORMAT, STORE_SCHEMA_VERSION, migrateRecords, type KeptFigureRecordV1 } from '../../../src/engine/store/schema';
import { FigureMemoryFormatError } from '../../../src/engine/store/validate';

function v1Record(partial: Partial<KeptFigureRecordV1> = {}): KeptFigureRecordV1 {
  return {
    id: 'k1',
    pageKey: 'meduza.io/en/news/2023/10/26/hamas',
    site: 'meduza.io',
    what: 'dollar|campaign cost',
    low: 404100,
    high: 493900,
    text: 'roughly $449,000',
    sentence: 'The campaign cost roughly $449,000.',
    attributedTo: 'the Sioux Falls Argus Leader',
    context: ['campaign'],
    storyTerms: ['dakota', 'meth'],
    fingerprint: 'abc',
    source: 'https://meduza.io/en/news/2023/10/26/hamas',
    title: 'South Dakota meth campaign',
    siteName: 'Meduza',
    publishedAt: '2019-11-19T06:56:43-05:00',
    seenAt: '2023-10-27T10:00:00.000Z',
    ...partial,
  };
}

describe('kept-figure schema', () => {
  it('is at version 2', () => {
    expect(STORE_SCHEMA_VERSION).toBe(2);
  });

  it('migrates v1 records: unit from the key, number from the phrase, the rest unchanged', () => {
    const [money, count] = migrateRecords(
      [v1Record(), v1Record({ id: 'k2', what: 'russian citizen|killed', text: '23 Russian citizens were killed', low: 23, high: 23 })],
      1,
    );
    expect(money).toEqual({ ...v1Record(), unit: 'usd', number: '$449,000' });
    expect(count).toMatchObject({ id: 'k2', unit: 'count', number: '23' });
  });

  it('refuses a version it does not know rather than guess', () => {
    expect(() => migrateRecords([], 3)).toThrow(/version 3 is not supported/);
    expect(() => migrateRecords([], 0)).toThrow(/not supported/);
  });

  it('imports a stored v1 export file as current records', async () => {
    const memory = new FigureMemory(new MemoryPort());
    const file = JSON.stringify({ format: EXPORT_FORMAT, schemaVersion: 1, exportedAt: '2023-10-28T00:00:00Z', figures: [v1Record()] });
    const result = await memory.importJson(file);
    expect(result).toMatchObject({ pagesAdded: 1, figuresAdded: 1 });
    const exported = JSON.parse(await memory.exportJson());
    expect(exported.schemaVersion).toBe(2);
    expect(exported.figures[0]).toMatchObject({ id: 'k1', unit: 'usd', number: '$449,000', low: 404100 });
  });

  it('rejects a v1 file that carries v2 fields (each version is validated as itself)', async () => {
    const memory = new FigureMemory(new MemoryPort());
    const file = JSON.stringify({ format: EXPORT_FORMAT, schemaVersion: 1, exportedAt: '2023-10-28T00:00:00Z', figures: [{ ...v1Record(), unit: 'usd' }] });
    await expect(memory.importJson(file)).rejects.toThrow(FigureMemoryFormatError);
    await expect(memory.importJson(file)).rejects.toThrow(/figures\[0\]: unknown field "unit"/);
  });
});
