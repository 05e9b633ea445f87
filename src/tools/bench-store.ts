// Bench of the figure memory (`npm run bench` calls benchStore(); `tsx src/tools/bench-store.ts`
// runs it alone). With 100,000 synthetic kept figures (a realistic spread: a few very common
// keys such as "person|killed" and a long tail, a few big sites and many small ones, pages of
// ~30 figures) it times, per adapter:
//   - lookup: conflictsFor() of a new 30-figure page (target < 10 ms);
//   - write: recordPage() of a new 30-figure page, eviction included (target < 20 ms);
// and prints the bytes a kept figure takes. Targets are printed, never asserted in tests.

import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JsonFileStore } from '../cli/json-file-store';
import { FigureMemory } from '../engine/store/figure-memory';
import { MemoryPort } from '../engine/store/memory-port';
import type { StoragePort } from '../engine/store/port';
import { pageIdentity, recordsOfPage, type PageInput } from '../engine/store/records';
import { DEFAULT_LIMITS } from '../engine/store/limits';
import type { KeptFigureRecord } from '../engine/store/schema';
import type { Figure, ScanReport } from '../engine/types';
import { summarize, type Timing } from './timing';
import { seededRandom } from './random';

const TOTAL = 100_000;
const FIGURES_PER_PAGE = 30;
const TIMED_PAGES = 25;
/** ~3,300 kept pages read 50 minutes apart: a reading history of about 115 days. */
const PAGE_INTERVAL_MS = 50 * 60_000;
const HISTORY_START = '2024-01-01T00:00:00Z';
const IDB_FIGURES = 20_000;

/** Index drawn with Zipf-like weights 1/(i+1): item 0 is the most common. */
function zipf(rand: () => number, n: number): number {
  const h = Math.log(n) + 0.5772;
  const target = rand() * h;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / (i + 1);
    if (sum >= target) return i;
  }
  return n - 1;
}

const NOUNS = ['person', 'child', 'soldier', 'civilian', 'worker', 'student', 'home', 'job', 'car', 'dollar', 'percent', 'vote', 'case', 'patient', 'migrant', 'company', 'school', 'vehicle', 'building', 'officer'];
const EVENTS = ['killed', 'injured', 'missing', 'arrested', 'displaced', 'evacuated', 'infected', 'hospitalized', 'rescued', 'sold', 'lost', 'cut', 'hired', 'destroyed', 'damaged', 'cast', 'raised', 'spent', 'fined', 'charged'];
/** Figure keys: 400 (nouns x events: pessimistic, real keys are far more varied) or more. */
function whatsOf(count: number): string[] {
  const base = NOUNS.flatMap((noun) => EVENTS.map((event) => `${noun}|${event}`));
  return Array.from({ length: count }, (_, i) => (i < base.length ? base[i]! : `${base[i % base.length]!.replace('|', ` ${Math.floor(i / base.length)}|`)}`));
}
let WHATS = whatsOf(400);
const WORDS = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu'.split(' ');

/** Fourteen names (people, places, bodies) of a story, capitalised as names are. */
function storyNames(story: number): string[] {
  return Array.from({ length: 14 }, (_, i) => {
    const word = WORDS[(story * 7 + i) % WORDS.length]!;
    return `${word.charAt(0).toUpperCase()}${word.slice(1)}${story % 997}n${i}`;
  });
}

interface SyntheticPage {
  report: ScanReport;
  page: PageInput;
}

/**
 * Page n of the reading history: its story is one of the stories in the news around that
 * time (about four pages a story, read close together), so a new page meets a few kept
 * pages of its own story among thousands of others.
 */
export function syntheticPage(rand: () => number, n: number, seenAt: Date, isFull: (site: string) => boolean = () => false): SyntheticPage {
  let site = `site${zipf(rand, 300)}.example`;
  // A big site at its cap (5,000) would only evict its own oldest: draw another one.
  while (isFull(site)) site = `site${Math.floor(rand() * 300)}.example`;
  const story = Math.max(0, Math.floor(n / 4) + Math.floor(rand() * 8) - 4);
  const names = storyNames(story);
  const figures: Figure[] = Array.from({ length: FIGURES_PER_PAGE }, (_, i) => {
    const what = WHATS[zipf(rand, WHATS.length)]!;
    const value = Math.floor(rand() * 2000);
    const text = `${value} ${what.replace('|', 's were ')}`;
    return {
      id: `f${i}`, start: 0, end: text.length, text, number: String(value), low: value, high: value, what, unit: 'count',
      attributedTo: rand() < 0.6 ? `${names[1]} ${names[2]}` : null,
      sentence: `According to ${names[0]} of ${names[3]}, ${text} in the ${names[4]} ${WORDS[i % WORDS.length]} on Tuesday, officials said.`,
      sentenceStart: 0, context: [names[4]!.toLowerCase(), WORDS[i % WORDS.length]!],
    };
  });
  // Each page its own text (same-text pages are one article under two addresses).
  const text =
    `${names.slice(0, 6).join(' ')}\n\n` +
    names.map((name, i) => `The report by ${name} and ${names[(i + 3) % names.length]} was read. `).join('') +
    `Page ${n} of ${site} at ${seenAt.toISOString()}.`;
  return {
    report: {
      source: `https://www.${site}/news/${story}/${n}-${seenAt.getTime()}?utm_source=bench`, title: `${names[0]} ${names[1]}: story ${story}, take ${n}`,
      publishedAt: null, siteName: site, isArticle: true, reason: null, flags: [], figures, conflicts: [],
    },
    page: { url: `https://www.${site}/news/${story}/${n}-${seenAt.getTime()}`, text, seenAt },
  };
}

/** TOTAL records of synthetic pages, oldest first (built once, loaded into every adapter). */
export function syntheticRecords(): KeptFigureRecord[] {
  const rand = seededRandom(42);
  const records: KeptFigureRecord[] = [];
  const start = Date.parse(HISTORY_START);
  const perSite = new Map<string, number>();
  // Sites kept under their cap with room for the timed pages, as a store that lived under
  // the caps would be: the bench measures lookups and writes, not a mass eviction.
  const isFull = (site: string): boolean => (perSite.get(site) ?? 0) >= DEFAULT_LIMITS.perSite - 2 * TIMED_PAGES * FIGURES_PER_PAGE;
  for (let n = 0; records.length < TOTAL; n++) {
    const { report, page } = syntheticPage(rand, n, new Date(start + n * PAGE_INTERVAL_MS), isFull);
    const identity = pageIdentity(report, page);
    for (const record of recordsOfPage(report, identity, DEFAULT_LIMITS).values()) {
      if (records.length < TOTAL) records.push(record);
      perSite.set(record.site, (perSite.get(record.site) ?? 0) + 1);
    }
  }
  return records;
}

async function timeEach(pages: SyntheticPage[], run: (page: SyntheticPage) => Promise<unknown>): Promise<Timing> {
  for (const page of pages.slice(0, 5)) await run(page); // warm-up
  const samples: number[] = [];
  for (const page of pages.slice(5)) {
    const t0 = performance.now();
    await run(page);
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

interface AdapterRow {
  name: string;
  load: number;
  lookup: Timing;
  write: Timing;
  conflictsPerPage: number;
  note?: string;
}

async function benchAdapter(name: string, port: StoragePort, records: KeptFigureRecord[], note?: string): Promise<AdapterRow> {
  const t0 = performance.now();
  for (let i = 0; i < records.length; i += 5000) await port.write({ put: records.slice(i, i + 5000) });
  const load = performance.now() - t0;
  const memory = new FigureMemory(port);
  const rand = seededRandom(7);
  // New pages continue the history: their stories are the recent ones of the store.
  const last = records.reduce((max, r) => (r.seenAt > max ? r.seenAt : max), '');
  const lastPage = Math.round((Date.parse(last) - Date.parse(HISTORY_START)) / PAGE_INTERVAL_MS);
  const next = (i: number): SyntheticPage =>
    syntheticPage(rand, lastPage - Math.floor(rand() * 40), new Date(Date.parse(last) + (i + 1) * 1000));
  const lookupPages = Array.from({ length: TIMED_PAGES }, (_, i) => next(i));
  const writePages = Array.from({ length: TIMED_PAGES }, (_, i) => next(TIMED_PAGES + i));
  let conflicts = 0;
  const lookup = await timeEach(lookupPages, async ({ report, page }) => {
    conflicts += (await memory.conflictsFor(report, page)).conflicts.length;
  });
  const write = await timeEach(writePages, ({ report, page }) => memory.recordPage(report, page));
  return { name, load, lookup, write, conflictsPerPage: conflicts / TIMED_PAGES, ...(note ? { note } : {}) };
}

/** Prints the figure-store bench. */
export async function benchStore(): Promise<void> {
  WHATS = whatsOf(400);
  const records = syntheticRecords();
  const keys = new Set(records.map((r) => r.what)).size;
  const sites = new Set(records.map((r) => r.site)).size;
  print(`Synthetic store: ${records.length.toLocaleString('en-US')} figures, ${keys} keys, ${sites} sites, ${FIGURES_PER_PAGE} figures a page; timed on ${TIMED_PAGES - 5} new pages each (median / p90).`);
  const printRow = (row: AdapterRow): void => {
    print(
      `  ${row.name}: load ${ms(row.load)} ms; lookup ${ms(row.lookup.median)} ms median, ${ms(row.lookup.p90)} p90 (target < 10); ` +
        `write ${ms(row.write.median)} ms median, ${ms(row.write.p90)} p90 (target < 20); ${row.conflictsPerPage.toFixed(1)} conflicts a page` +
        (row.note ? ` [${row.note}]` : ''),
    );
  };

  const memoryPort = new MemoryPort();
  printRow(await benchAdapter('in-memory', memoryPort, records));
  const usage = await memoryPort.usage();
  // The same with 4,000 keys: a spread closer to real pages (147 fixture figures have ~140 keys).
  WHATS = whatsOf(4000);
  const varied = syntheticRecords();
  printRow(await benchAdapter('in-memory, 4,000 keys', new MemoryPort(), varied));
  WHATS = whatsOf(400);
  print(`In-memory store after the timed pages: ${usage.figures.toLocaleString('en-US')} figures on ${usage.pages.toLocaleString('en-US')} pages.`);

  const dir = await mkdtemp(join(tmpdir(), 'caveat-bench-'));
  try {
    const path = join(dir, 'store.json');
    const batch = await JsonFileStore.open(path, { autoFlush: false });
    printRow(await benchAdapter('JSON file, flush at end', batch, records, 'the CLI: one atomic write per run'));
    const t0 = performance.now();
    await batch.flush();
    const flush = performance.now() - t0;
    const fileBytes = (await stat(path)).size;
    const fileFigures = await batch.countAll();
    const t1 = performance.now();
    await JsonFileStore.open(path);
    const open = performance.now() - t1;

    print(`Bytes per kept figure: ${(usage.bytes / usage.figures).toFixed(0)} (records as JSON); store file ${(fileBytes / 1e6).toFixed(1)} MB = ${(fileBytes / fileFigures).toFixed(0)} bytes a figure (${fileFigures.toLocaleString('en-US')} figures).`);
    print(`JSON file with 100,000 figures: atomic write ${ms(flush)} ms, open (read + validate) ${ms(open)} ms.`);

    // Writing the whole file after every page is what autoFlush does: shown for the record.
    const eager = await JsonFileStore.open(path, { autoFlush: true });
    const memory = new FigureMemory(eager);
    const rand = seededRandom(9);
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { report, page } = syntheticPage(rand, 3_000 + i, new Date(Date.parse('2024-07-01T00:00:00Z') + i * 1000));
      const t = performance.now();
      await memory.recordPage(report, page);
      samples.push(performance.now() - t);
    }
    print(`JSON file, autoFlush on (whole file written per page): ${ms(summarize(samples).median)} ms a page.`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  try {
    // A computed specifier: the package ships no types for its side-effect entry point.
    const fakeIndexedDb: string = 'fake-indexeddb/auto';
    await import(fakeIndexedDb);
    const { IdbStore } = await import('../extension/background/idb-store');
    const idb = await IdbStore.open(`caveat-bench-${Date.now()}`);
    // fake-indexeddb is a pure-JS model of IndexedDB, far slower than a browser's: loaded with
    // a fifth of the figures so the bench ends in reasonable time. For information only.
    const some = records.slice(0, IDB_FIGURES);
    printRow(await benchAdapter(`IndexedDB (fake-indexeddb, ${IDB_FIGURES.toLocaleString('en-US')} figures)`, idb, some, 'pure-JS IndexedDB in Node: for information, real browsers differ'));
    idb.close();
  } catch (error) {
    print(`IndexedDB (fake-indexeddb): not measured (${error instanceof Error ? error.message : String(error)})`);
  }

}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchStore().catch((error: unknown) => {
    process.stderr.write(`bench-store: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
