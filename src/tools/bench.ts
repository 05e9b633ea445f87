// `npm run bench`: how fast the engine is, and how big the content script is. Speed lives
// here, never in tests (a test that asserts a time fails on a busy machine, not on slow code).
//
//   1. analysis time per fixture article (ArticleText -> report; extraction excluded)
//   1b. the first (cold) scan of the seed article in fresh processes, against the same scan warm
//   2. the same on a synthetic 100,000-word text, and the time ratio between 10x and 1x input
//   3. extraction + analysis of the largest fixture page in Node (jsdom)
//   4. the figure store (src/tools/bench-store.ts, when present)
//   5. the content script bundle, gzip (when dist/chrome exists)

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, scanArticle } from '../engine/analyze';
import type { ArticleText } from '../engine/types';
import { extractArticle } from '../engine/article/extract';
import { parseHtml } from '../cli/html';
import { contentScriptFiles } from './bundle-size';
import { fixturesDir, projectRoot } from './fixtures';
import type { ColdStartSample } from './cold-start';
import { syntheticArticle } from './synthetic-news';
import { measure, summarize } from './timing';

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const int = (n: number): string => n.toLocaleString('en-US');

function table(head: string[], rows: string[][], alignLeft = 1): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < alignLeft ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function print(s = ''): void {
  process.stdout.write(`${s}\n`);
}

function fixtureArticles(dir: string): { name: string; article: ArticleText; path: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      return { name: basename(f, '.html'), path, article: extractArticle(parseHtml(readFileSync(path, 'utf8'), path), { url: path }) };
    });
}

/**
 * The seed article's first scan in fresh Node processes (see cold-start.ts): what a content
 * script pays on every page it opens, against the same scan once the code is warm.
 */
function benchColdStart(dir: string): void {
  const seed = join(dir, 'seed-article.txt');
  const script = fileURLToPath(new URL('./cold-start.ts', import.meta.url));
  const samples: ColdStartSample[] = [];
  for (let i = 0; i < 7; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, seed], { cwd: projectRoot, encoding: 'utf8' });
    samples.push(JSON.parse(out.trim().split('\n').pop()!) as ColdStartSample);
  }
  const med = (pick: (s: ColdStartSample) => number) => summarize(samples.map(pick)).median;
  print('1b. First scan vs warm: the seed article (seed-article.txt) in 7 fresh Node processes, median ms');
  print(table(['half of the scan', 'first run', 'warm', 'first / warm'], [
    ['flags (what the first highlights need)', ms(med((s) => s.firstFlags)), ms(med((s) => s.warmFlags)), `${(med((s) => s.firstFlags) / med((s) => s.warmFlags)).toFixed(0)}x`],
    ['figures and conflicts', ms(med((s) => s.firstFigures)), ms(med((s) => s.warmFigures)), `${(med((s) => s.firstFigures) / med((s) => s.warmFigures)).toFixed(0)}x`],
  ]));
  print('   The first run compiles every function and regex it touches and runs them unoptimised: its cost is');
  print('   the code a page exercises, not the length of its text. A content script pays it on every page.');
  print('');
}

function benchFixtures(dir: string): void {
  const pages = fixtureArticles(dir);
  print(`1. Analysis per fixture article (ArticleText -> report, extraction excluded)`);
  print(`   median of at least 30 runs (and 0.3 s) after 5 warm-up runs, in ms`);
  const rows: string[][] = [];
  const medians: number[] = [];
  let totalWords = 0;
  let totalMs = 0;
  for (const { name, article, path } of pages) {
    const t = measure(() => scanArticle(article, path), { warmupRuns: 5, minRuns: 30, maxRuns: 1000, budgetMs: 300 });
    const report = scanArticle(article, path);
    const n = words(article.text);
    medians.push(t.median);
    totalWords += n;
    totalMs += t.median;
    rows.push([name, int(n), ms(t.median), ms(t.p90), String(t.runs), String(report.flags.length), String(report.figures.length)]);
  }
  print(table(['page', 'words', 'median', 'p90', 'runs', 'flags', 'figures'], rows));
  const all = summarize(medians);
  print(`   ${pages.length} pages: median ${ms(all.median)} ms, slowest ${ms(Math.max(...medians))} ms; ${int(Math.round(totalWords / totalMs))} words/ms overall`);
}

function benchSynthetic(): void {
  print('');
  print('2. Synthetic news text (varied sentences with cues and figures; src/tools/synthetic-news.ts)');
  const texts = [syntheticArticle(10_000), syntheticArticle(100_000)];
  // Both sizes are warmed up, then timed in alternation, so a busy spell of the machine or a
  // late JIT tier lands on both alike instead of skewing their ratio.
  for (let i = 0; i < 3; i++) scanArticle(texts[0]!, 'synthetic');
  scanArticle(texts[1]!, 'synthetic');
  const samples: number[][] = [[], []];
  for (let round = 0; round < 5; round++) {
    texts.forEach((article, i) => {
      const t0 = performance.now();
      scanArticle(article, 'synthetic');
      samples[i]!.push(performance.now() - t0);
    });
  }
  const results = texts.map((article, i) => {
    const r = analyze(article);
    return { n: words(article.text), t: summarize(samples[i]!), flags: r.flags.length, figures: r.figures.length, conflicts: r.conflicts.length };
  });
  print(table(
    ['input', 'words', 'median ms', 'runs', 'words/ms', 'flags', 'figures', 'conflicts'],
    results.map((r, i) => [i === 0 ? '1x' : '10x', int(r.n), ms(r.t.median), String(r.t.runs), int(Math.round(r.n / r.t.median)), int(r.flags), int(r.figures), int(r.conflicts)]),
  ));
  const ratio = results[1]!.t.median / results[0]!.t.median;
  print(`   time ratio 10x / 1x: ${ratio.toFixed(1)} (linear = 10${ratio > 15 ? '; ABOVE LINEAR: some step grows faster than the text' : ''})`);
}

function benchLargestPage(dir: string): void {
  const largest = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ f, size: statSync(join(dir, f)).size }))
    .sort((a, b) => b.size - a.size)[0];
  if (!largest) return;
  const path = join(dir, largest.f);
  const html = readFileSync(path, 'utf8');
  const parse: number[] = [];
  const extract: number[] = [];
  const analysis: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const doc = parseHtml(html, path);
    const t1 = performance.now();
    const article = extractArticle(doc, { url: path });
    const t2 = performance.now();
    scanArticle(article, path);
    const t3 = performance.now();
    if (i < 2) continue; // warm-up
    parse.push(t1 - t0);
    extract.push(t2 - t1);
    analysis.push(t3 - t2);
    total.push(t3 - t0);
  }
  print('');
  print(`3. Largest fixture page in Node: ${largest.f} (${kb(largest.size)}), median of 5 runs after 2 warm-up runs`);
  print(table(['step', 'median ms'], [
    ['parse HTML (jsdom)', ms(summarize(parse).median)],
    ['extract article', ms(summarize(extract).median)],
    ['analyse', ms(summarize(analysis).median)],
    ['total', ms(summarize(total).median)],
  ]));
}

/** The store engineer's bench, loaded by a computed path so this file runs without it. */
async function benchStoreHook(): Promise<void> {
  print('');
  const url = new URL('./bench-store.ts', import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    print('4. Figure store: src/tools/bench-store.ts (benchStore) not there yet.');
    return;
  }
  const mod = (await import(url.href)) as { benchStore?: () => unknown };
  if (typeof mod.benchStore !== 'function') {
    print('4. Figure store: src/tools/bench-store.ts has no benchStore().');
    return;
  }
  print('4. Figure store (src/tools/bench-store.ts)');
  const result = await mod.benchStore();
  if (typeof result === 'string') print(result);
  else if (result !== undefined) print(JSON.stringify(result, null, 2));
}

function benchBundle(): void {
  print('');
  const dist = join(projectRoot, 'dist/chrome');
  const files = contentScriptFiles(dist);
  if (!files) {
    print('5. Content script bundle: no dist/chrome/manifest.json (run npm run build first).');
    return;
  }
  const built = new Date(statSync(join(dist, 'manifest.json')).mtime).toISOString();
  print(`5. Content script bundle (dist/chrome, built ${built}): files the manifest lists and the chunks they import`);
  const rows = files.map((f) => [f.path, kb(f.bytes), kb(f.gzipBytes)]);
  rows.push(['total', kb(files.reduce((s, f) => s + f.bytes, 0)), kb(files.reduce((s, f) => s + f.gzipBytes, 0))]);
  print(table(['file', 'raw', 'gzip -9'], rows));
}

const PARTS = ['fixtures', 'cold', 'synthetic', 'page', 'store', 'bundle', 'browsers'] as const;
type Part = (typeof PARTS)[number];

/** `--skip store,synthetic` leaves parts out (the store bench alone can take many minutes). */
function partsToRun(argv: readonly string[]): Set<Part> {
  const skip = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--skip' ? argv[++i] : arg.startsWith('--skip=') ? arg.slice('--skip='.length) : undefined;
    if (value === undefined) throw new Error(`unknown argument ${arg} (usage: npm run bench [-- --skip ${PARTS.join(',')}])`);
    for (const part of value.split(',')) {
      if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--skip: unknown part "${part}" (parts: ${PARTS.join(', ')})`);
      skip.add(part);
    }
  }
  return new Set(PARTS.filter((p) => !skip.has(p)));
}

async function main(): Promise<void> {
  const parts = partsToRun(process.argv.slice(2));
  const dir = fixturesDir();
  const haveFixtures = existsSync(dir);
  print(`Caveat bench (Node ${process.version}, fixtures ${dir})`);
  print('');
  if (!haveFixtures) print(`(no fixtures at ${dir}: set CAVEAT_FIXTURES)`);
  if (parts.has('fixtures') && haveFixtures) benchFixtures(dir);
  if (parts.has('cold') && haveFixtures) benchColdStart(dir);
  if (parts.has('synthetic')) benchSynthetic();
  if (parts.has('page') && haveFixtures) benchLargestPage(dir);
  if (parts.has('store')) await benchStoreHook();
  if (parts.has('bundle')) benchBundle();
  // Real Chromium and Firefox budgets (time to highlights, longest task, memory): needs `npm run build`.
  if (parts.has('browsers')) await (await import('./bench-browser')).benchBrowsers();
}

main().catch((error: unknown) => {
  process.stderr.write(`caveat bench: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exitCode = 1;
});
