import { describe, expect, it } from 'vitest';
import { FigureMemory } from '../../../src/engine/store/figure-memory';
import { DEFAULT_LIMITS } from '../../../src/engine/store/limits';
import { MemoryPort } from '../../../src/engine/store/memory-port';
import type { KeptFigureRecord } from '../../../src/engine/store/schema';
import { figure, report } from './helpers';

function pageOf(site: string, n: number, figures = 2) {
  return report({
    source: `https://${site}/story-${n}`,
    title: `Story number ${n} from ${site}`,
    figures: Array.from({ length: figures }, (_, i) => figure({ id: `f${i}`, text: `${n + i} cars were sold`, what: 'car|sold', low: n + i, high: n + i })),
  });
}

async function kept(memory: FigureMemory): Promise<KeptFigureRecord[]> {
  return JSON.parse(await memory.exportJson()).figures;
}

describe('limits', () => {
  it('has documented defaults', () => {
    expect(DEFAULT_LIMITS).toMatchObject({ perSite: 5000, total: 100000 });
  });

  it('evicts the oldest figures of a site over its cap, and only that site', async () => {
    const memory = new FigureMemory(new MemoryPort(), { perSite: 4 });
    await memory.recordPage(pageOf('quiet.example', 100), { url: 'https://quiet.example/story-100', seenAt: new Date('2024-01-01T00:00:00Z') });
    for (let day = 1; day <= 5; day++) {
      const page = pageOf('flood.example', day);
      await memory.recordPage(page, { url: page.source, seenAt: new Date(`2024-02-0${day}T00:00:00Z`) });
    }
    const all = await kept(memory);
    const flood = all.filter((r) => r.site === 'flood.example');
    expect(flood.map((r) => r.source).sort()).toEqual(['https://flood.example/story-4', 'https://flood.example/story-4', 'https://flood.example/story-5', 'https://flood.example/story-5']);
    expect(all.filter((r) => r.site === 'quiet.example')).toHaveLength(2);
  });

  it('evicts the oldest figures of any site over the total cap, never the page just read', async () => {
    const memory = new FigureMemory(new MemoryPort(), { total: 5 });
    for (let day = 1; day <= 3; day++) {
      const page = pageOf(`site${day}.example`, day);
      await memory.recordPage(page, { url: page.source, seenAt: new Date(`2024-02-0${day}T00:00:00Z`) });
    }
    const late = pageOf('late.example', 9, 5);
    // Read with an old date: its figures are the oldest, yet they are the ones just read.
    await memory.recordPage(late, { url: late.source, seenAt: new Date('2020-01-01T00:00:00Z') });
    const all = await kept(memory);
    expect(all).toHaveLength(5);
    expect(all.every((r) => r.site === 'late.example')).toBe(true);
  });

  it('keeps at most perPage figures of one page', async () => {
    const memory = new FigureMemory(new MemoryPort(), { perPage: 3 });
    const page = pageOf('big.example', 1, 50);
    await memory.recordPage(page, { url: page.source });
    expect((await memory.usage()).figures).toBe(3);
  });

  it('cuts long page text to the field lengths', async () => {
    const memory = new FigureMemory(new MemoryPort());
    const long = 'word '.repeat(2000);
    const page = report({
      source: 'https://long.example/a',
      title: long,
      figures: [figure({ text: long, what: 'car|sold', low: 1, high: 1, sentence: long, attributedTo: long })],
    });
    await memory.recordPage(page, { url: page.source, text: long });
    const [record] = await kept(memory);
    expect(record!.sentence.length).toBe(500);
    expect(record!.text.length).toBe(200);
    expect(record!.title.length).toBe(300);
    expect(record!.attributedTo!.length).toBe(200);
    // What it keeps, it can export and import again.
    await expect(new FigureMemory(new MemoryPort()).importJson(await memory.exportJson())).resolves.toMatchObject({ figuresAdded: 1 });
  });

  it('keeps no figure whose value is not a finite number', async () => {
    const memory = new FigureMemory(new MemoryPort());
    const page = report({
      source: 'https://nan.example/a',
      title: 'Numbers',
      figures: [
        figure({ text: 'NaN cars', what: 'car|sold', low: Number.NaN, high: 3 }),
        figure({ text: 'infinite cars', what: 'car|sold', low: 1, high: Number.POSITIVE_INFINITY }),
        figure({ text: 'no value', what: 'car|sold', low: null, high: null }),
        figure({ text: 'backwards', what: 'car|sold', low: 9, high: 1 }),
        figure({ text: '7 cars', what: 'car|sold', low: 7, high: 7 }),
      ],
    });
    await memory.recordPage(page, { url: page.source });
    expect((await kept(memory)).map((r) => r.text)).toEqual(['7 cars']);
  });

  it('treats keys like "__proto__" and "constructor" as ordinary text', async () => {
    const memory = new FigureMemory(new MemoryPort());
    for (const [n, what] of ['__proto__', 'constructor', 'hasOwnProperty'].entries()) {
      const page = report({ source: `https://__proto__.example/${what}`, title: `The ${what} story`, figures: [figure({ text: `${n} things`, what, low: n, high: n })] });
      const result = await memory.recordPage(page, { url: page.source });
      expect(result.conflicts).toEqual([]);
    }
    expect((await memory.usage()).figures).toBe(3);
    expect(({} as Record<string, unknown>).low).toBeUndefined();
  });
});
