import { describe, expect, it } from 'vitest';
import { FigureMemory } from '../../../src/engine/store/figure-memory';
import { MemoryPort } from '../../../src/engine/store/memory-port';
import { FigureMemoryFormatError } from '../../../src/engine/store/validate';
import { ambassadorPage, israelPage } from './helpers';

async function memoryWithTwoPages(): Promise<FigureMemory> {
  const memory = new FigureMemory(new MemoryPort());
  const israel = israelPage();
  const ambassador = ambassadorPage();
  await memory.recordPage(israel.report, { url: israel.report.source, text: israel.text, seenAt: new Date('2023-10-21T00:00:00Z') });
  await memory.recordPage(ambassador.report, { url: ambassador.report.source, text: ambassador.text, seenAt: new Date('2023-10-22T00:00:00Z') });
  return memory;
}

describe('export and import', () => {
  it('round-trips every kept figure into an empty memory, and conflicts still show', async () => {
    const source = await memoryWithTwoPages();
    const json = await source.exportJson();
    const doc = JSON.parse(json);
    expect(doc).toMatchObject({ format: 'caveat-figure-memory', schemaVersion: 2 });
    expect(doc.figures).toHaveLength(2);

    const target = new FigureMemory(new MemoryPort());
    expect(await target.importJson(json)).toMatchObject({ pagesAdded: 2, figuresAdded: 2, pagesSkipped: 0 });
    expect(JSON.parse(await target.exportJson()).figures).toEqual(doc.figures);
    const again = ambassadorPage('https://elsewhere.example/ambassador-copy');
    again.report.title = 'Ambassador Viktorov: 20 Russian citizens killed in the Hamas attack on Israel';
    const { conflicts } = await target.conflictsFor(again.report, { url: again.report.source, text: again.text });
    expect(conflicts.length).toBeGreaterThan(0);
  });

  it('merges duplicates: importing the same file twice keeps one copy', async () => {
    const source = await memoryWithTwoPages();
    const json = await source.exportJson();
    const target = new FigureMemory(new MemoryPort());
    await target.importJson(json);
    expect(await target.importJson(json)).toMatchObject({ pagesAdded: 0, pagesSkipped: 2, figuresAdded: 0 });
    expect(await target.usage()).toMatchObject({ figures: 2, pages: 2 });
  });

  it('keeps the most recent read of a page on either side', async () => {
    const old = new FigureMemory(new MemoryPort());
    const stale = israelPage();
    stale.f.low = 21;
    stale.f.high = 21;
    await old.recordPage(stale.report, { url: stale.report.source, text: stale.text, seenAt: new Date('2023-10-01T00:00:00Z') });
    const staleJson = await old.exportJson();

    const target = await memoryWithTwoPages(); // read the page on 2023-10-21: newer
    expect(await target.importJson(staleJson)).toMatchObject({ pagesSkipped: 1, figuresAdded: 0 });
    const lows = JSON.parse(await target.exportJson()).figures.map((f: { low: number }) => f.low).sort();
    expect(lows).toEqual([20, 23]);

    const fresh = new FigureMemory(new MemoryPort());
    await fresh.importJson(staleJson);
    expect(await fresh.importJson(await target.exportJson())).toMatchObject({ pagesReplaced: 1, pagesAdded: 1 });
    expect((await fresh.usage()).figures).toBe(2);
  });

  describe('rejects a bad file whole and changes nothing', () => {
    const cases: [string, (valid: any) => string, RegExp][] = [
      ['not JSON', () => '{"format": "caveat-figure-memory", ', /not JSON/],
      ['another JSON file', () => JSON.stringify({ hello: 'world' }), /not a Caveat figure memory export/],
      ['an array', () => '[]', /not a Caveat figure memory export/],
      ['a newer schema version', (v) => JSON.stringify({ ...v, schemaVersion: 3 }), /schema version 3 is not supported/],
      ['a missing version', (v) => JSON.stringify({ ...v, schemaVersion: undefined }), /no schemaVersion/],
      ['a string where a number belongs', (v) => JSON.stringify({ ...v, figures: [v.figures[0], { ...v.figures[1], low: '20' }] }), /figures\[1\]: low: expected a finite number or null/],
      ['a number past JSON range (Infinity)', (v) => JSON.stringify({ ...v, figures: [v.figures[0], { ...v.figures[1], low: 1 }] }).replace('"low":1', '"low":1e999'), /figures\[1\]: low/],
      ['low above high', (v) => JSON.stringify({ ...v, figures: [{ ...v.figures[0], low: 30, high: 3 }] }), /low is greater than high/],
      ['a missing field', (v) => { const f = { ...v.figures[0] }; delete f.what; return JSON.stringify({ ...v, figures: [f] }); }, /missing field "what"/],
      ['an unknown field', (v) => JSON.stringify({ ...v, figures: [{ ...v.figures[0], script: 'alert(1)' }] }), /unknown field "script"/],
      ['a __proto__ field', (v) => JSON.stringify({ ...v, figures: [v.figures[0]] }).replace('{"id"', '{"__proto__":{"polluted":true},"id"'), /unknown field "__proto__"/],
      ['an over-long sentence', (v) => JSON.stringify({ ...v, figures: [{ ...v.figures[0], sentence: 'x'.repeat(501) }] }), /sentence: longer than 500/],
      ['a bad date', (v) => JSON.stringify({ ...v, figures: [{ ...v.figures[0], seenAt: 'yesterday' }] }), /seenAt: expected an ISO 8601 date/],
      ['a term that is not a string', (v) => JSON.stringify({ ...v, figures: [{ ...v.figures[0], context: [{}] }] }), /context: term/],
    ];
    it.each(cases)('%s', async (_name, corrupt, message) => {
      const target = await memoryWithTwoPages();
      const before = await target.exportJson(new Date(0));
      const valid = JSON.parse(await target.exportJson());
      const bad = corrupt(valid);
      await expect(target.importJson(bad)).rejects.toThrow(FigureMemoryFormatError);
      await expect(target.importJson(bad)).rejects.toThrow(message);
      expect(await target.exportJson(new Date(0))).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('a file larger than the import limit', async () => {
      const target = new FigureMemory(new MemoryPort(), { importChars: 1000 });
      const source = await memoryWithTwoPages();
      await expect(target.importJson(await source.exportJson())).rejects.toThrow(/too large/);
      expect((await target.usage()).figures).toBe(0);
    });

    it('a file with more figures than the memory keeps', async () => {
      const target = new FigureMemory(new MemoryPort(), { total: 1 });
      const source = await memoryWithTwoPages();
      await expect(target.importJson(await source.exportJson())).rejects.toThrow(/holds 2 figures; the memory keeps at most 1/);
      expect((await target.usage()).figures).toBe(0);
    });
  });

  it('clear forgets everything', async () => {
    const memory = await memoryWithTwoPages();
    await memory.clear();
    expect(await memory.usage()).toEqual({ figures: 0, pages: 0, bytes: 0 });
  });
});
