// The figure memory when the browser's storage is full: a port that refuses any write taking
// it past a byte budget (as IndexedDB throws QuotaExceededError), and one that frees the space
// of removed records only when asked (as Chromium's IndexedDB before it compacts).
import { describe, expect, it } from 'vitest';
import { FigureMemory } from '../../../src/engine/store/figure-memory';
import { MemoryPort } from '../../../src/engine/store/memory-port';
import { StoreFullError, type StoreChange } from '../../../src/engine/store/port';
import type { KeptFigureRecord } from '../../../src/engine/store/schema';
import { figure, report } from './helpers';

/** A memory port with a byte budget: a write that would go past it is refused whole. */
class QuotaPort extends MemoryPort {
  /** Bytes of removed records not yet given back (when `lazyReclaim`). */
  private dead = 0;
  reclaims = 0;
  refused = 0;

  constructor(
    public budget: number,
    private readonly lazyReclaim = false,
  ) {
    super();
  }

  private async bytesNow(): Promise<number> {
    return (await this.usage()).bytes + this.dead;
  }

  override async write(change: StoreChange): Promise<void> {
    const before = (await this.usage()).bytes;
    const added = (change.put ?? []).reduce((sum, record) => sum + JSON.stringify(record).length, 0);
    if (added > 0 && (await this.bytesNow()) + added > this.budget) {
      this.refused++;
      throw new StoreFullError('no room');
    }
    await super.write(change);
    const freed = before + added - (await this.usage()).bytes;
    if (this.lazyReclaim && freed > 0) this.dead += freed;
  }

  async reclaim(): Promise<number> {
    this.reclaims++;
    this.dead = 0;
    return 0;
  }
}

let seq = 0;
function pageOf(n: number, figures = 10) {
  seq++;
  return report({
    source: `https://site${n % 7}.example/story-${n}`,
    title: `Story number ${n} about the harbour repairs`,
    figures: Array.from({ length: figures }, (_, i) => figure({ id: `p${seq}f${i}`, text: `${n * 100 + i} boats were repaired`, what: `boat|repaired${i}`, low: n * 100 + i, high: n * 100 + i })),
  });
}

async function read(memory: FigureMemory, n: number, figures = 10) {
  const page = pageOf(n, figures);
  // One page a day, in order: page n is older than page n + 1.
  const seenAt = new Date(Date.UTC(2024, 0, 1) + n * 86_400_000);
  return memory.recordPage(page, { url: page.source, seenAt });
}

async function keptSources(memory: FigureMemory): Promise<Set<string>> {
  const figures = JSON.parse(await memory.exportJson()).figures as KeptFigureRecord[];
  return new Set(figures.map((record) => record.source));
}

describe('FigureMemory: storage full', () => {
  it('evicts the oldest figures, keeps the new page and says how many went', async () => {
    const port = new QuotaPort(60_000);
    const memory = new FigureMemory(port);
    let n = 0;
    while (port.refused === 0) await read(memory, n++);
    const before = (await memory.usage()).figures;
    expect(before).toBeGreaterThan(20);

    // Read further: every page is kept, the oldest go.
    const last = n + 5;
    for (; n < last; n++) await read(memory, n);
    const sources = await keptSources(memory);
    expect(sources.has(`https://site${(last - 1) % 7}.example/story-${last - 1}`)).toBe(true);
    expect(sources.has('https://site0.example/story-0')).toBe(false);

    const usage = await memory.usage();
    expect(usage.bytes).toBeLessThanOrEqual(port.budget);
    expect(usage.storageFull).toBeDefined();
    expect(usage.storageFull!.notKept).toBe(0);
    // A meaningful batch each time (15% of the memory), not one figure at a time.
    expect(usage.storageFull!.evicted).toBeGreaterThanOrEqual(Math.ceil(before * 0.15));
    expect(usage.storageFull!.evicted + usage.figures).toBeLessThanOrEqual(n * 10);
    expect(Number.isNaN(Date.parse(usage.storageFull!.at))).toBe(false);
  });

  it('asks the port to give back the space of removed records when removing alone made no room', async () => {
    const port = new QuotaPort(40_000, true);
    const memory = new FigureMemory(port);
    let n = 0;
    while (port.refused === 0) await read(memory, n++);
    const lastRead = n - 1;
    expect(port.reclaims).toBeGreaterThan(0);
    expect(await keptSources(memory)).toContain(`https://site${lastRead % 7}.example/story-${lastRead}`);
    expect((await memory.usage()).storageFull?.notKept).toBe(0);
  });

  it('still answers the page, keeps what it had, and says the page could not be kept when nothing makes room', async () => {
    const port = new QuotaPort(30_000);
    const memory = new FigureMemory(port);
    await read(memory, 1);
    const kept = await keptSources(memory);
    // A page bigger than the whole budget: no eviction can make room for it.
    port.budget = 5_000;
    const result = await read(memory, 2, 40);
    // The page of the same story still gets its conflicts with the figures kept before.
    expect(result.conflicts.length).toBeGreaterThan(0);
    const usage = await memory.usage();
    expect(usage.storageFull).toMatchObject({ notKept: 40 });
    // Evicting could not help; nothing was written for the page, and the memory still reads.
    expect(await keptSources(memory)).not.toContain('https://site2.example/story-2');
    expect([...(await keptSources(memory))].every((source) => kept.has(source))).toBe(true);
  });

  it('adds up evictions across episodes and forgets them when the memory is cleared', async () => {
    const port = new QuotaPort(50_000);
    const memory = new FigureMemory(port);
    let n = 0;
    while (port.refused === 0) await read(memory, n++);
    const first = (await memory.usage()).storageFull!.evicted;
    const refused = port.refused;
    while (port.refused === refused) await read(memory, n++);
    expect((await memory.usage()).storageFull!.evicted).toBeGreaterThan(first);
    await memory.clear();
    expect((await memory.usage()).storageFull).toBeUndefined();
  });

  it('refuses an import whole when the storage has no room for it, changes nothing and says so', async () => {
    const port = new QuotaPort(60_000);
    const memory = new FigureMemory(port);
    for (let n = 0; n < 3; n++) await read(memory, n);
    const file = await memory.exportJson();
    const other = new FigureMemory(new QuotaPort(1_000_000));
    for (let n = 10; n < 20; n++) await read(other, n);
    const kept = async () => JSON.stringify(JSON.parse(await memory.exportJson()).figures);
    const before = await kept();
    port.budget = (await memory.usage()).bytes + 500;
    await expect(memory.importJson(await other.exportJson())).rejects.toThrow(/^Not imported: the browser has no storage room for the file’s 100 figures\. Nothing was changed\./);
    expect(await kept()).toBe(before);
    // A file of what is kept already needs no room: it is merged (nothing to add).
    expect(await memory.importJson(file)).toMatchObject({ figuresAdded: 0, pagesSkipped: 3 });
  });

  it('rethrows errors that are not a full storage', async () => {
    const port = new MemoryPort();
    port.write = () => Promise.reject(new Error('disk on fire'));
    const memory = new FigureMemory(port);
    await expect(read(memory, 1)).rejects.toThrow('disk on fire');
  });
});
