// Real-browser budgets of the content script, measured in Chromium and Firefox ESR through the
// test harness (tests/browser/harness) on the built extension (npm run build first). Printed,
// never asserted: speed belongs here, not in tests.
//
//   tsx src/tools/bench-browser.ts [--runs 3] [--browser chromium|firefox] [--mb-runs 1]
//
// What is measured, and how:
// - Time to highlights: from the content script's start to its first highlights. When the
//   content script leaves performance marks (caveat:start, caveat:highlighted) their difference
//   is used; otherwise the page is polled for CSS.highlights and the time is counted from
//   DOMContentLoaded (the content script runs at document_idle: after DOMContentLoaded, and
//   before load on a page whose subresources hang), so the number is an upper bound that
//   includes up to one poll interval of slack. The method used is printed with each number.
// - Longest main-thread task the content script causes on a ~1 MB article (our generated page,
//   tests/browser/pages/hostile/generated.html?kb=1000, which does nothing after it has parsed
//   except a 10 ms heartbeat): Chromium's longtask entries after DOMContentLoaded, and in both
//   browsers the page's heartbeat: the longest gap between two 10 ms ticks after
//   DOMContentLoaded. Budget: no task over 50 ms. Which of those are Caveat's:
//   - its own measures (schedule.ts: its longest slices and step, its synchronous start), and
//     each heartbeat gap over 50 ms with the Caveat slices inside it (both browsers);
//   - Chromium: one more load under a CDP trace, each task over 50 ms attributed by what runs in
//     it (Caveat's script or not; see attributeTrace in bench-attribution.ts);
//   - Firefox: one more load under the Gecko profiler, each gap over 50 ms attributed by the
//     stacks sampled in it (see attributeGeckoProfile in bench-attribution.ts);
//   - the same page with an empty extension instead of Caveat, for what the page costs alone.
//   The machine's load shows in all of these: repeat (--mb-runs N) before trusting a number.
// - Memory held by the content script after the scan (Chromium): JS heap used by the tab's
//   renderer (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage; the page's main
//   world and the content script's isolated world share that heap) with Caveat, minus the same
//   page in a browser whose only extension is an empty one.
// - Bundle size of the content script, raw and gzip (level 9).
import { gzipSync } from 'node:zlib';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import { BROWSERS, startFixtureServer, type BrowserLauncher, type BrowserSession, type FixtureServer, type Tab } from '../../tests/browser/harness/index';
import { CHROME_BUILD_DIR, FIREFOX_BUILD_DIR } from '../../tests/browser/harness/paths';
import {
  BUDGET_TASK_MS,
  chromiumTrace,
  describeProfile,
  describeSelfReport,
  describeTrace,
  firefoxProfile,
  ms,
  readSelfReport,
  sleep,
  type ProfiledGap,
  type SelfReport,
  type TraceAttribution,
} from './bench-attribution';

const POLL_MS = 20;

interface Timing {
  ms: number;
  method: 'marks' | 'poll-from-domcontentloaded';
  /** The content script's own breakdown of its latest scan (caveat:<phase> measures), in ms. */
  phases?: Record<string, number>;
}

/** The phases the content script measures, in the order they run (api: its first touch of the extension API, in a task before the scan's; settings runs alongside; wait is the time left waiting for it). */
const PHASES = ['api', 'settings', 'precheck', 'extract', 'cues', 'wait', 'scan', 'visible', 'paint', 'figures', 'store', 'conflicts'];

interface TaskSummary {
  longestTaskMs: number | null;
  longestHeartbeatGapMs: number;
  overBudgetTasks: number;
}

export interface BrowserBench {
  browser: string;
  seed: Timing[];
  largestFixture: Timing[];
  onMegabytePage: TaskSummary & { timeToHighlights: Timing };
  /** The same page in a browser whose only extension is an empty one: what the page costs by itself. */
  megabytePageAlone: TaskSummary | null;
  /** The ~1 MB page's heartbeat gaps without Caveat (ms after DOMContentLoaded, length). */
  megabytePageAloneGaps: { at: number; ms: number }[];
  /** Caveat's own measures on the ~1 MB page, and the heartbeat gaps they explain. */
  selfReport: SelfReport | null;
  /** Chromium: a traced load of the ~1 MB page, its long tasks attributed; or why not. */
  trace: TraceAttribution | { error: string } | null;
  /** Firefox: a profiled load of the ~1 MB page, its heartbeat gaps attributed; or why not. */
  profile: ProfiledGap[] | { error: string } | null;
  /** More loads of the ~1 MB page (--mb-runs N asks for N in all): the same figures again. */
  moreMegabyteRuns: { summary: TaskSummary; selfReport: SelfReport | null; trace: TraceAttribution | { error: string } | null; profile: ProfiledGap[] | { error: string } | null }[];
  memoryDeltaBytes: number | null;
  memoryNote: string;
}

/** Runs in the page: the content script's marks, when it leaves them. */
function readMarks(): { start: number; highlighted: number } | null {
  const start = performance.getEntriesByName('caveat:start')[0];
  const highlighted = performance.getEntriesByName('caveat:highlighted')[0];
  return start && highlighted ? { start: start.startTime, highlighted: highlighted.startTime } : null;
}

/** Runs in the page: the content script's phase measures, once its scan is complete (caveat:scanned). */
function readPhases(): Record<string, number> | null {
  if (performance.getEntriesByName('caveat:scanned').length === 0) return null;
  const out: Record<string, number> = {};
  for (const entry of performance.getEntriesByType('measure')) {
    if (entry.name.startsWith('caveat:')) out[entry.name.slice('caveat:'.length)] = entry.duration;
  }
  return out;
}

/** Runs in the page: "now", whether Caveat's highlights are on the page, and when DOMContentLoaded ended. */
function highlightProbe(): { now: number; marked: boolean; dclEnd: number } {
  let marked = false;
  CSS.highlights.forEach((highlight, name) => {
    if (name.startsWith('caveat-') && highlight.size > 0) marked = true;
  });
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return { now: performance.now(), marked, dclEnd: nav?.domContentLoadedEventEnd ?? 0 };
}


/** Opens `url` in a new tab and measures the time to Caveat's first highlights. */
async function timeToHighlights(session: BrowserSession, url: string, timeoutMs = 120_000): Promise<{ tab: Tab; timing: Timing }> {
  const tab = await session.openTab(url);
  const deadline = Date.now() + timeoutMs;
  let probe = await tab.evaluate(highlightProbe);
  while (!probe.marked) {
    if (Date.now() > deadline) throw new Error(`no highlights on ${url} after ${timeoutMs} ms`);
    await sleep(POLL_MS);
    probe = await tab.evaluate(highlightProbe);
  }
  // Highlights show slice by slice; the content script marks the end of painting.
  const probeTime = Date.now();
  let marks = await tab.evaluate(readMarks);
  while (!marks && Date.now() < deadline && Date.now() - probeTime < 30_000) {
    await sleep(POLL_MS);
    marks = await tab.evaluate(readMarks);
  }
  const timing: Timing = marks
    ? { ms: marks.highlighted - marks.start, method: 'marks' }
    : { ms: probe.now - probe.dclEnd, method: 'poll-from-domcontentloaded' };
  // The breakdown is complete once the whole scan is (the store round trip included).
  let phases = await tab.evaluate(readPhases);
  while (marks && !phases && Date.now() < deadline && Date.now() - probeTime < 30_000) {
    await sleep(POLL_MS);
    phases = await tab.evaluate(readPhases);
  }
  if (phases) timing.phases = phases;
  return { tab, timing };
}

/** Runs in the page: long tasks (Chromium) and heartbeat gaps that began after DOMContentLoaded. */
function taskProbe(): Promise<{ longTasks: number[]; heartbeatGaps: number[] }> {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const after = nav?.domContentLoadedEventEnd ?? 0;
  const beat = (window as unknown as { __heartbeat?: () => { maxGap: number; longGaps: { at: number; gap: number }[] } }).__heartbeat?.();
  const heartbeatGaps = (beat?.longGaps ?? []).filter((g) => g.at - g.gap >= after).map((g) => g.gap);
  return new Promise((resolve) => {
    const supported = typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('longtask');
    if (!supported) return resolve({ longTasks: [], heartbeatGaps });
    const observer = new PerformanceObserver((list) => {
      observer.disconnect();
      resolve({ longTasks: list.getEntries().filter((e) => e.startTime >= after).map((e) => e.duration), heartbeatGaps });
    });
    observer.observe({ type: 'longtask', buffered: true });
    // No buffered entries at all: the callback never fires.
    setTimeout(() => {
      observer.disconnect();
      resolve({ longTasks: [], heartbeatGaps });
    }, 500);
  });
}

async function heapUsed(tab: Tab): Promise<number> {
  const page = (tab as unknown as { page: Page }).page;
  const cdp: CDPSession = await page.createCDPSession();
  try {
    await cdp.send('HeapProfiler.enable');
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** An extension with nothing in it: the same browser set-up as Caveat's, minus Caveat. */
async function emptyExtension(browser: BrowserLauncher['name'] = 'chromium'): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'caveat-empty-ext-'));
  const manifest = {
    manifest_version: 3,
    name: 'empty',
    version: '1.0',
    // Firefox (and the harness) want an add-on id.
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'empty@caveat-bench.invalid', data_collection_permissions: { required: ['none'] } } } } : {}),
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

async function chromiumMemoryDelta(launcher: BrowserLauncher, server: FixtureServer, url: string): Promise<number> {
  const measure = async (extensionDir?: string): Promise<number> => {
    const session = await launcher.launch(extensionDir ? { extensionDir } : {});
    try {
      // With Caveat, wait for its highlights; without, the page as it loads.
      const tab = extensionDir ? await session.openTab(url) : (await timeToHighlights(session, url)).tab;
      await sleep(1500); // let idle-time work (painting slices, the store round trip) finish
      return await heapUsed(tab);
    } finally {
      await session.close();
    }
  };
  const empty = await emptyExtension();
  try {
    const without = await measure(empty.dir);
    const withCaveat = await measure();
    return withCaveat - without;
  } finally {
    await empty.remove();
  }
}

function taskSummary(launcher: BrowserLauncher, tasks: { longTasks: number[]; heartbeatGaps: number[] }): TaskSummary {
  const all = [...tasks.longTasks, ...tasks.heartbeatGaps];
  return {
    longestTaskMs: tasks.longTasks.length > 0 ? Math.max(...tasks.longTasks) : launcher.name === 'chromium' ? 0 : null,
    longestHeartbeatGapMs: tasks.heartbeatGaps.length > 0 ? Math.max(...tasks.heartbeatGaps) : 0,
    overBudgetTasks: all.filter((ms) => ms > BUDGET_TASK_MS).length,
  };
}

/** The ~1 MB page's own long tasks and heartbeat gaps, with an empty extension instead of Caveat. */
async function megabytePageAlone(launcher: BrowserLauncher, server: FixtureServer): Promise<{ summary: TaskSummary; gaps: { at: number; ms: number }[] }> {
  const empty = await emptyExtension(launcher.name);
  try {
    const session = await launcher.launch({ extensionDir: empty.dir });
    try {
      const tab = await session.openTab(server.pageUrl('hostile/generated.html?kb=1000'));
      await sleep(3000); // as long as Caveat's scan and the wait after it above, roughly
      const summary = taskSummary(launcher, await tab.evaluate(taskProbe));
      const report = await tab.evaluate(readSelfReport);
      return { summary, gaps: report.gaps.map((g) => ({ at: g.start - report.dclEnd, ms: g.end - g.start })) };
    } finally {
      await session.close();
    }
  } finally {
    await empty.remove();
  }
}

async function benchOne(launcher: BrowserLauncher, server: FixtureServer, runs: number, megabyteRuns = 1): Promise<BrowserBench> {
  const session = await launcher.launch();
  const result: BrowserBench = {
    browser: launcher.name,
    seed: [],
    largestFixture: [],
    onMegabytePage: { timeToHighlights: { ms: NaN, method: 'poll-from-domcontentloaded' }, longestTaskMs: null, longestHeartbeatGapMs: NaN, overBudgetTasks: 0 },
    megabytePageAlone: null,
    megabytePageAloneGaps: [],
    selfReport: null,
    trace: null,
    profile: null,
    moreMegabyteRuns: [],
    memoryDeltaBytes: null,
    memoryNote: '',
  };
  try {
    for (let i = 0; i < runs; i++) {
      for (const [name, list] of [
        ['seed-article.html', result.seed],
        ['gizmodo-feather-duvet-lung.html', result.largestFixture],
      ] as const) {
        const { tab, timing } = await timeToHighlights(session, server.fixtureUrl(name));
        list.push(timing);
        await tab.close();
      }
    }
    for (let i = 0; i < megabyteRuns; i++) {
      const { tab, timing } = await timeToHighlights(session, server.pageUrl('hostile/generated.html?kb=1000'));
      await sleep(2000); // the rest of the scan (painting slices, the store round trip)
      const summary = taskSummary(launcher, await tab.evaluate(taskProbe));
      const selfReport = await tab.evaluate(readSelfReport).catch((error: unknown) => {
        console.error(`(${launcher.name}: Caveat's own measures could not be read: ${String(error)})`);
        return null;
      });
      await tab.close();
      const trace =
        launcher.name === 'chromium'
          ? await chromiumTrace(session, server.pageUrl('hostile/generated.html?kb=1000')).catch((error: unknown) => ({
              error: error instanceof Error ? error.message : String(error),
            }))
          : null;
      const profile =
        launcher.name === 'firefox'
          ? await firefoxProfile(session, server.pageUrl('hostile/generated.html?kb=1000')).catch((error: unknown) => ({
              error: error instanceof Error ? error.message : String(error),
            }))
          : null;
      if (i === 0) {
        result.onMegabytePage = { timeToHighlights: timing, ...summary };
        result.selfReport = selfReport;
        result.trace = trace;
        result.profile = profile;
      } else {
        result.moreMegabyteRuns.push({ summary, selfReport, trace, profile });
      }
    }
  } finally {
    await session.close();
  }
  const alone = await megabytePageAlone(launcher, server).catch((error: unknown) => {
    console.error(`(${launcher.name}: the page without Caveat could not be measured: ${String(error)})`);
    return null;
  });
  result.megabytePageAlone = alone?.summary ?? null;
  result.megabytePageAloneGaps = alone?.gaps ?? [];
  if (launcher.name === 'chromium') {
    result.memoryDeltaBytes = await chromiumMemoryDelta(launcher, server, server.fixtureUrl('gizmodo-feather-duvet-lung.html'));
    result.memoryNote = 'JS heap of the tab (CDP Runtime.getHeapUsage after 3 GCs), Caveat minus an empty extension, on the largest fixture';
  } else {
    result.memoryNote = 'not measured: Firefox exposes no per-tab JS heap to Marionette; use about:memory by hand';
  }
  return result;
}

async function bundleSizes(): Promise<{ file: string; raw: number; gzip: number }[]> {
  const out: { file: string; raw: number; gzip: number }[] = [];
  for (const dir of [CHROME_BUILD_DIR, FIREFOX_BUILD_DIR]) {
    for (const file of ['content/main.js', 'content/highlights.css']) {
      const path = join(dir, file);
      const body = await readFile(path).catch(() => null);
      if (body) out.push({ file: path, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    }
  }
  return out;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
/** Median per phase over the runs, e.g. "extract 3.1, scan 2.0, ...". */
function phaseBreakdown(list: Timing[]): string {
  const parts: string[] = [];
  for (const phase of PHASES) {
    const values = list.map((t) => t.phases?.[phase]).filter((v): v is number => typeof v === 'number');
    if (values.length > 0) parts.push(`${phase} ${median(values).toFixed(1)}`);
  }
  const paused = list.map((t) => t.phases?.paused).filter((v): v is number => typeof v === 'number');
  if (paused.length > 0) parts.push(`(page's turns within these ${median(paused).toFixed(1)})`);
  return parts.length > 0 ? `median ms per phase: ${parts.join(', ')}` : 'no phase measures';
}
const timings = (list: Timing[]) => `median ${ms(median(list.map((t) => t.ms)))} of ${list.length} [${list.map((t) => Math.round(t.ms)).join(', ')}] (${list[0]?.method ?? 'n/a'})`;

/** Measures and prints every budget; returns the numbers too. */
export async function benchBrowsers(options: { runs?: number; browsers?: string[]; megabyteRuns?: number } = {}): Promise<{ browsers: BrowserBench[]; bundle: Awaited<ReturnType<typeof bundleSizes>> }> {
  const runs = options.runs ?? 3;
  const launchers = BROWSERS.filter((b) => !options.browsers || options.browsers.includes(b.name));
  const server = await startFixtureServer();
  const browsers: BrowserBench[] = [];
  try {
    for (const launcher of launchers) {
      const result = await benchOne(launcher, server, runs, options.megabyteRuns ?? 1);
      browsers.push(result);
      const mb = result.onMegabytePage;
      console.log(`\n${result.browser}`);
      console.log(`  time to highlights, seed article:     ${timings(result.seed)}`);
      console.log(`    ${phaseBreakdown(result.seed)}`);
      console.log(`  time to highlights, largest fixture:  ${timings(result.largestFixture)}`);
      console.log(`    ${phaseBreakdown(result.largestFixture)}`);
      console.log(`  ~1 MB article: highlights after ${ms(mb.timeToHighlights.ms)} (${mb.timeToHighlights.method})`);
      console.log(`    ${phaseBreakdown([mb.timeToHighlights])}`);
      console.log(`    longest task (longtask API): ${ms(mb.longestTaskMs)}; longest heartbeat gap: ${ms(mb.longestHeartbeatGapMs)}; over ${BUDGET_TASK_MS} ms: ${mb.overBudgetTasks}${mb.overBudgetTasks > 0 ? '  <-- OVER BUDGET' : ''}`);
      const alone = result.megabytePageAlone;
      if (result.selfReport) for (const line of describeSelfReport(result.selfReport)) console.log(`    ${line}`);
      if (alone) console.log(`    the same page without Caveat (an empty extension): longest task ${ms(alone.longestTaskMs)}; longest heartbeat gap: ${ms(alone.longestHeartbeatGapMs)}; over ${BUDGET_TASK_MS} ms: ${alone.overBudgetTasks}${result.megabytePageAloneGaps.length > 0 ? ` (${result.megabytePageAloneGaps.map((g) => `+${Math.round(g.at)}: ${Math.round(g.ms)}`).join(', ')})` : ''}`);
      for (const line of describeTrace(result.trace)) console.log(`    ${line}`);
      for (const line of describeProfile(result.profile)) console.log(`    ${line}`);
      for (const [i, more] of result.moreMegabyteRuns.entries()) {
        console.log(`    ~1 MB article, load ${i + 2}: longest task (longtask API): ${ms(more.summary.longestTaskMs)}; longest heartbeat gap: ${ms(more.summary.longestHeartbeatGapMs)}; over ${BUDGET_TASK_MS} ms: ${more.summary.overBudgetTasks}`);
        if (more.selfReport) for (const line of describeSelfReport(more.selfReport)) console.log(`      ${line}`);
        for (const line of describeTrace(more.trace)) console.log(`      ${line}`);
        for (const line of describeProfile(more.profile)) console.log(`      ${line}`);
      }
      console.log(`  memory held after the scan: ${result.memoryDeltaBytes === null ? 'n/a' : `${(result.memoryDeltaBytes / 1024 / 1024).toFixed(1)} MB`} (${result.memoryNote})`);
    }
  } finally {
    await server.close();
  }
  const bundle = await bundleSizes();
  console.log('\ncontent script bundle');
  for (const b of bundle) console.log(`  ${b.file}: ${(b.raw / 1024).toFixed(1)} kB, gzip ${(b.gzip / 1024).toFixed(1)} kB`);
  return { browsers, bundle };
}

const invokedDirectly = process.argv[1]?.endsWith('bench-browser.ts') ?? false;
if (invokedDirectly) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const browserAt = args.indexOf('--browser');
  const megabyteAt = args.indexOf('--mb-runs');
  await benchBrowsers({
    runs: runsAt >= 0 ? Number(args[runsAt + 1]) : 3,
    megabyteRuns: megabyteAt >= 0 ? Number(args[megabyteAt + 1]) : 1,
    browsers: browserAt >= 0 && args[browserAt + 1] ? [args[browserAt + 1]!] : undefined,
  });
}
