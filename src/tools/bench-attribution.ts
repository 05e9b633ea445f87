// Which long main-thread tasks on the ~1 MB page are Caveat's, for the browser bench
// (bench-browser.ts): a traced Chromium load, a profiled Firefox load, and the content
// script's own measures.
//
// Chromium, ground truth: a CDP trace of one more load of the ~1 MB page. The renderer main
// thread's top-level tasks (RunTask) that began after DOMContentLoaded and lasted over 50 ms are
// Caveat's when script of the extension (chrome-extension://<id>/...: EvaluateScript, v8.compile,
// v8.run, FunctionCall) or one of its caveat:* performance marks is inside; otherwise the page's
// or the browser's. A task of rendering only (style, layout, paint) that starts right after a
// Caveat task that changed the highlights is counted apart: Caveat caused it, though no script
// of its own runs in it. Tracing slows everything down a little.
//
// Both browsers, self-report: the content script leaves its few longest slices (caveat:slice),
// its longest step and its synchronous start (caveat:script) as measures (schedule.ts); each
// heartbeat gap over 50 ms is listed with the Caveat work inside it.

import type { Browser } from 'puppeteer-core';
import type { BrowserSession, Tab } from '../../tests/browser/harness/index';

/** The budget of issue 6: no main-thread task over 50 ms caused by Caveat. */
export const BUDGET_TASK_MS = 50;

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms).unref());
export const ms = (value: number | null) => (value === null || Number.isNaN(value) ? 'n/a' : `${Math.round(value)} ms`);

/** The trace categories: tasks, script, GC, rendering, user timing. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink', 'blink.user_timing', 'toplevel'];

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: less than dur when the thread was descheduled (a busy machine). */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; fileName?: string; [key: string]: unknown };
}

export interface TracedTask {
  /** ms after DOMContentLoaded. */
  at: number;
  ms: number;
  /** The thread's CPU time in the task (ms), when traced: far below `ms` means the thread was descheduled, not busy. */
  cpuMs: number | null;
  owner: 'caveat' | 'caveat-rendering' | 'other';
  what: string;
}

export interface TraceAttribution {
  tasks: TracedTask[];
  /** Every Caveat task's length (any length), for the longest one; and the longest in CPU time. */
  caveatLongestMs: number;
  caveatLongestCpuMs: number | null;
  caveatTasks: number;
  /** Caveat's tasks whose CPU time alone is over 50 ms. */
  caveatOverBudgetCpu: number | null;
}

const RENDERING = new Set(['WebFrameWidgetImpl::UpdateLifecycle', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);
const GC = new Set(['MinorGC', 'MajorGC']);

const fmt = (us: number) => `${Math.round(us / 1000)} ms`;

/** The attribution of the long tasks in a Chromium trace of `pageUrl` (see above). */
export function attributeTrace(events: TraceEvent[], pageUrl: string, extensionOrigin: string): TraceAttribution {
  const commit = events.find((e) => e.name === 'CommitLoad' && e.args?.data?.url === pageUrl && e.args.data.isOutermostMainFrame !== false);
  if (!commit) throw new Error(`no CommitLoad for ${pageUrl} in the trace`);
  const { pid, tid } = commit;
  const frame = commit.args?.data?.frame;
  const dcl = events.find((e) => e.name === 'MarkDOMContent' && e.pid === pid && e.ts >= commit.ts && e.args?.data?.frame === frame);
  if (!dcl) throw new Error('no DOMContentLoaded in the trace');
  const thread = events.filter((e) => e.pid === pid && e.tid === tid && e.ts >= dcl.ts).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const taskName = thread.some((e) => e.name === 'RunTask') ? 'RunTask' : 'ThreadControllerImpl::RunTask';
  const tasks: TraceEvent[] = [];
  for (const e of thread) {
    if (e.ph !== 'X' || e.name !== taskName || e.dur === undefined) continue;
    const last = tasks[tasks.length - 1];
    if (last && e.ts < last.ts + last.dur!) continue; // nested in the previous task
    tasks.push(e);
  }
  const isCaveatUrl = (e: TraceEvent) => {
    const url = e.args?.data?.url ?? e.args?.fileName;
    return typeof url === 'string' && url.startsWith(extensionOrigin);
  };
  // A mark, or the end of a measure the content script took at that moment (caveat:paused ends
  // at a computed time, not when it was taken: it proves nothing about the task it falls in).
  const isCaveatMark = (e: TraceEvent) =>
    e.name.startsWith('caveat:') && e.name !== 'caveat:paused' && (e.cat ?? '').includes('user_timing') && (e.ph === 'I' || e.ph === 'R' || e.ph === 'e');
  // Phases as the content script measured them (async begin/end pairs), to name a slice's work.
  const phases: { name: string; start: number; end: number }[] = [];
  const open = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== pid || !(e.cat ?? '').includes('user_timing') || !e.name.startsWith('caveat:')) continue;
    const name = e.name.slice('caveat:'.length);
    if (['settings', 'paused', 'store', 'slice', 'longest-step', 'script'].includes(name)) continue;
    if (e.ph === 'b') open.set(name, e.ts);
    else if (e.ph === 'e' && open.has(name)) phases.push({ name, start: open.get(name)!, end: e.ts });
  }
  const highlightedAt = events.find((e) => e.pid === pid && e.name === 'caveat:highlighted')?.ts ?? null;

  const hasCpu = tasks.some((t) => t.tdur !== undefined);
  const result: TraceAttribution = { tasks: [], caveatLongestMs: 0, caveatLongestCpuMs: hasCpu ? 0 : null, caveatTasks: 0, caveatOverBudgetCpu: hasCpu ? 0 : null };
  let lastCaveatEnd = -Infinity;
  let lastCaveatPainted = false;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    let lo = 0;
    let hi = thread.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (thread[mid]!.ts < task.ts) lo = mid + 1;
      else hi = mid;
    }
    const inside: TraceEvent[] = [];
    for (let i = lo; i < thread.length && thread[i]!.ts <= end; i++) if (thread[i] !== task) inside.push(thread[i]!);
    const caveat = inside.some((e) => isCaveatUrl(e) || isCaveatMark(e));
    let cpuOfLastSum = 0;
    const sum = (pick: (e: TraceEvent) => boolean) => {
      // Top-level matches only: a GC inside a GC is counted once. The CPU time is left in cpuOfLastSum.
      let total = 0;
      let until = -Infinity;
      cpuOfLastSum = 0;
      for (const e of inside) {
        if (e.ph !== 'X' || !pick(e) || e.ts < until) continue;
        total += e.dur ?? 0;
        cpuOfLastSum += e.tdur ?? e.dur ?? 0;
        until = e.ts + (e.dur ?? 0);
      }
      return total;
    };
    const withCpu = (us: number) => (hasCpu ? `${fmt(us)} (CPU ${fmt(cpuOfLastSum)})` : fmt(us));
    const gc = sum((e) => GC.has(e.name));
    const gcText = withCpu(gc);
    const rendering = sum((e) => RENDERING.has(e.name));
    if (caveat) {
      result.caveatTasks++;
      result.caveatLongestMs = Math.max(result.caveatLongestMs, task.dur! / 1000);
      if (result.caveatLongestCpuMs !== null) result.caveatLongestCpuMs = Math.max(result.caveatLongestCpuMs, (task.tdur ?? 0) / 1000);
      if (result.caveatOverBudgetCpu !== null && (task.tdur ?? 0) > BUDGET_TASK_MS * 1000) result.caveatOverBudgetCpu++;
    }
    const paintedHere = highlightedAt !== null && highlightedAt >= task.ts && highlightedAt <= end;
    const afterCaveatPaint = !caveat && lastCaveatPainted && task.ts - lastCaveatEnd < 50_000 && rendering > (task.dur! - gc) / 2;
    if (caveat) {
      lastCaveatEnd = end;
      lastCaveatPainted = paintedHere || inside.some((e) => e.name === 'caveat:paint' || e.name === 'caveat:conflicts');
    }
    if (task.dur! <= BUDGET_TASK_MS * 1000) continue;
    const parts: string[] = [];
    if (caveat) {
      const evaluate = inside.find((e) => e.name === 'EvaluateScript' && isCaveatUrl(e));
      if (evaluate) {
        const compile = withCpu(sum((e) => e.name === 'v8.compile' && isCaveatUrl(e)));
        const run = withCpu(sum((e) => e.name === 'v8.run' && isCaveatUrl(e)));
        parts.push(`script load of ${String(evaluate.args?.data?.url).slice(extensionOrigin.length + 1)} (compile ${compile}, run ${run})`);
      } else {
        const names = phases.filter((p) => p.start < end && p.end > task.ts).map((p) => p.name);
        parts.push(`a slice${names.length > 0 ? ` of ${[...new Set(names)].join(' + ')}` : ''}`);
        if (paintedHere) parts.push('highlights shown');
      }
    } else {
      const page = inside.find((e) => (e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'TimerFire') && !isCaveatUrl(e));
      if (rendering > 0) parts.push(`rendering (style/layout/paint) ${fmt(rendering)}`);
      if (page) parts.push(`page script ${String(page.args?.data?.url ?? page.name).replace(/^.*\//, '')}`);
      if (inside.some((e) => e.name === 'ParseHTML')) parts.push('HTML parsing');
      if (parts.length === 0) parts.push(inside.filter((e) => e.ph === 'X').slice(0, 3).map((e) => e.name).join(' > ') || 'nothing traced inside');
      if (afterCaveatPaint) parts.push(`right after Caveat changed its highlights (${fmt(task.ts - lastCaveatEnd)} later)`);
    }
    if (gc > 1000) parts.push(`GC ${gcText}`);
    if (caveat && rendering > 1000) parts.push(`forced style/layout ${fmt(rendering)}`);
    result.tasks.push({
      at: (task.ts - dcl.ts) / 1000,
      ms: task.dur! / 1000,
      cpuMs: task.tdur === undefined ? null : task.tdur / 1000,
      owner: caveat ? 'caveat' : afterCaveatPaint ? 'caveat-rendering' : 'other',
      what: parts.join(', '),
    });
  }
  return result;
}

/** One traced load of `url` in a Chromium session: the trace's attribution of long tasks. */
export async function chromiumTrace(session: BrowserSession, url: string): Promise<TraceAttribution> {
  const browser = (session as unknown as { browser?: Browser }).browser;
  if (!browser) throw new Error('no puppeteer Browser in the Chromium session');
  const page = await browser.newPage();
  try {
    await page.tracing.start({ categories: TRACE_CATEGORIES });
    let stopped = false;
    try {
      await page.goto(url, { waitUntil: 'load' });
      const deadline = Date.now() + 120_000;
      while (!(await page.evaluate(() => performance.getEntriesByName('caveat:scanned').length > 0))) {
        if (Date.now() > deadline) throw new Error('Caveat did not finish its scan');
        await sleep(250);
      }
      await sleep(1000); // the frames after the last marks
      const buffer = await page.tracing.stop();
      stopped = true;
      if (!buffer) throw new Error('empty trace');
      const parsed = JSON.parse(Buffer.from(buffer).toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
      const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
      return attributeTrace(events, page.url(), session.extensionOrigin);
    } finally {
      if (!stopped) await page.tracing.stop().catch(() => undefined);
    }
  } finally {
    await page.close().catch(() => undefined);
  }
}

interface Interval {
  start: number;
  end: number;
}

export interface SelfReport {
  /** The content script's synchronous start (caveat:script), and where caveat:start fell. */
  script: Interval | null;
  startMark: number | null;
  /** Its longest slices (caveat:slice), longest first, and longest step. */
  slices: Interval[];
  longestStep: Interval | null;
  /** Its phases (caveat:<phase>), to name what a slice did. */
  phases: (Interval & { name: string })[];
  /** Heartbeat gaps over 50 ms after DOMContentLoaded. */
  gaps: Interval[];
  dclEnd: number;
}

/**
 * Runs in the page: Caveat's own measures and the heartbeat's long gaps. (No named inner
 * functions: tsx's keepNames would wrap them in a helper the page does not have.)
 */
export function readSelfReport(): SelfReport {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const dclEnd = nav?.domContentLoadedEventEnd ?? 0;
  const script = performance.getEntriesByName('caveat:script')[0];
  const step = performance.getEntriesByName('caveat:longest-step')[0];
  const beat = (window as unknown as { __heartbeat?: () => { longGaps: { at: number; gap: number }[] } }).__heartbeat?.();
  const skip = ['caveat:slice', 'caveat:longest-step', 'caveat:script', 'caveat:settings', 'caveat:paused', 'caveat:store'];
  return {
    script: script ? { start: script.startTime, end: script.startTime + script.duration } : null,
    startMark: performance.getEntriesByName('caveat:start')[0]?.startTime ?? null,
    slices: performance
      .getEntriesByName('caveat:slice')
      .map((e) => ({ start: e.startTime, end: e.startTime + e.duration }))
      .sort((a, b) => b.end - b.start - (a.end - a.start)),
    longestStep: step ? { start: step.startTime, end: step.startTime + step.duration } : null,
    phases: performance
      .getEntriesByType('measure')
      .filter((e) => e.name.startsWith('caveat:') && !skip.includes(e.name))
      .map((e) => ({ name: e.name.slice('caveat:'.length), start: e.startTime, end: e.startTime + e.duration })),
    gaps: (beat?.longGaps ?? []).map((g) => ({ start: g.at - g.gap, end: g.at })).filter((g) => g.start >= dclEnd),
    dclEnd,
  };
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && a.end > b.start;
const length = (i: Interval) => i.end - i.start;

/** The phases a span of time of the content script's fell in. */
function phasesOf(report: SelfReport, span: Interval): string {
  const names = [...new Set(report.phases.filter((p) => overlaps(p, span)).map((p) => p.name))];
  return names.length > 0 ? names.join(' + ') : 'phase unknown';
}

/** Where a step fell in its phase: its first or last step, or how far in. */
function stepPlace(report: SelfReport, step: Interval): string {
  const phase = report.phases.find((p) => overlaps(p, step) || (p.start <= step.start && p.end >= step.end));
  if (!phase) return 'phase unknown';
  // Phases end when their last step does (main.ts measures right after), to the clock's grain.
  if (Math.abs(step.end - phase.end) < 1) return `the last step of ${phase.name}`;
  if (Math.abs(step.start - phase.start) < 1) return `the first step of ${phase.name}`;
  return `${phase.name}, from +${Math.round(step.start - phase.start)} to +${Math.round(step.end - phase.start)} ms of its ${Math.round(phase.end - phase.start)} ms`;
}

/** Lines describing Caveat's self-reported figures and each heartbeat gap over 50 ms. */
export function describeSelfReport(report: SelfReport): string[] {
  const lines: string[] = [];
  const rel = (t: number) => `+${Math.round(t - report.dclEnd)} ms`;
  const longest = report.slices[0];
  const over = report.slices.filter((s) => length(s) > BUDGET_TASK_MS).length;
  lines.push(
    `Caveat's own figures: synchronous start ${report.script ? ms(length(report.script)) : 'n/a'} (caveat:script); ` +
      `longest slice ${longest ? `${ms(length(longest))} (${phasesOf(report, longest)})` : 'n/a'}; ` +
      `slices over ${BUDGET_TASK_MS} ms: ${over}${over === report.slices.length && over > 0 ? ' or more' : ''}; ` +
      `longest step ${report.longestStep ? `${ms(length(report.longestStep))} (${stepPlace(report, report.longestStep)})` : 'n/a'}`,
  );
  lines.push(`  its ${report.slices.length} longest slices: ${report.slices.map((s) => `${Math.round(length(s))} (${phasesOf(report, s)})`).join(', ')}`);
  if (report.gaps.length === 0) lines.push(`heartbeat gaps over ${BUDGET_TASK_MS} ms: none`);
  else lines.push(`heartbeat gaps over ${BUDGET_TASK_MS} ms (after DOMContentLoaded):`);
  for (const gap of report.gaps) {
    const why: string[] = [];
    if (report.startMark !== null && report.startMark >= gap.start && report.startMark <= gap.end) {
      why.push(`Caveat's script load (caveat:start inside; its synchronous start ${report.script ? ms(length(report.script)) : 'n/a'}, compilation not counted)`);
    } else if (report.script && overlaps(report.script, gap)) {
      why.push(`Caveat's synchronous start (${ms(length(report.script))})`);
    }
    const slices = report.slices.filter((s) => overlaps(s, gap));
    if (slices.length > 0) why.push(`Caveat slice${slices.length > 1 ? 's' : ''} ${slices.map((s) => `${Math.round(length(s))} ms (${phasesOf(report, s)})`).join(', ')}`);
    if (why.length === 0) {
      const during = report.phases.filter((p) => overlaps(p, gap)).map((p) => p.name);
      why.push(`no Caveat slice among its ${report.slices.length} longest${during.length > 0 ? ` (during ${[...new Set(during)].join(', ')}: a short slice, the page's turn, GC or rendering)` : ': the page\'s or the browser\'s'}`);
    }
    lines.push(`  ${rel(gap.start)}, ${ms(length(gap))}: ${why.join('; ')}`);
  }
  return lines;
}

// Firefox: which heartbeat gaps are Caveat's, from the Gecko profiler (bench only: started and
// read from the browser's privileged context through Marionette). One more load of the ~1 MB
// page is profiled (JS and label frames sampled every ms on the main threads); for each gap
// over 50 ms, the share of the page process's samples with Caveat's script on the stack
// (moz-extension://), the functions or labels most often on top, and the longer markers inside
// (GC, styles, reflow, script loads). The profiler slows everything a little.

interface GeckoTable {
  schema: Record<string, number>;
  data: unknown[][];
}
interface GeckoThread {
  name: string;
  processType?: string;
  samples: GeckoTable;
  markers: GeckoTable;
  stackTable: GeckoTable;
  frameTable: GeckoTable;
  stringTable: string[];
}
interface GeckoProfile {
  meta: { startTime: number; sampleUnits?: { threadCPUDelta?: string } };
  threads: GeckoThread[];
  processes?: GeckoProfile[];
}

export interface ProfiledGap {
  at: number;
  ms: number;
  samples: number;
  caveatSamples: number;
  /**
   * Samples in Firefox's extension framework working for Caveat (injecting its script, serving its
   * storage and messages: Extension*.sys.mjs, ext-*.js, Conduits*): Caveat is the only extension
   * with a content script on the page.
   */
  frameworkSamples: number;
  /** Samples of the bench's own driver (Marionette answering its polls). */
  benchSamples: number;
  /** Samples with the browser's own script on the stack (resource://, chrome://: e.g. Reader View's check), not Caveat's. */
  browserSamples: number;
  /** Samples of the main thread waiting for events (PollWrapper): nothing ran, the timer was late. */
  idleSamples: number;
  /** The main thread's CPU time in the gap, and in samples with Caveat's script (ms; null when not recorded). */
  cpuMs: number | null;
  caveatCpuMs: number | null;
  top: string[];
  markers: string[];
}

const hexFrame = /^0x[0-9a-f]+$/i;

/** The gaps' attribution from a Gecko profile (see above); `timeOrigin` is the page's. */
export function attributeGeckoProfile(profile: GeckoProfile, page: { timeOrigin: number; dclEnd: number; gaps: Interval[] }, pageUrl: string, extensionOrigin: string): ProfiledGap[] {
  const candidates: { meta: GeckoProfile['meta']; thread: GeckoThread }[] = [];
  for (const process of [profile, ...(profile.processes ?? [])]) {
    for (const thread of process.threads) {
      if (thread.name === 'GeckoMain' && thread.stringTable.some((s) => s.includes(pageUrl)) && thread.stringTable.some((s) => s.includes(extensionOrigin))) {
        candidates.push({ meta: process.meta, thread });
      }
    }
  }
  const found = candidates.sort((a, b) => b.thread.samples.data.length - a.thread.samples.data.length)[0];
  if (!found) throw new Error('no profiled thread shows both the page and Caveat');
  const { meta, thread } = found;
  const strings = thread.stringTable;
  const st = thread.stackTable;
  const fr = thread.frameTable;
  const [prefixAt, frameAt, locationAt] = [st.schema.prefix!, st.schema.frame!, fr.schema.location!];
  const frames = (stack: number | null): string[] => {
    const out: string[] = [];
    for (let s = stack; s !== null && s !== undefined; s = st.data[s]![prefixAt] as number | null) out.push(strings[fr.data[st.data[s]![frameAt] as number]![locationAt] as number]!);
    return out;
  };
  const [stackAt, timeAt, cpuAt] = [thread.samples.schema.stack!, thread.samples.schema.time!, thread.samples.schema.threadCPUDelta];
  const cpuUnit = { ns: 1e-6, µs: 1e-3, us: 1e-3, ms: 1 }[meta.sampleUnits?.threadCPUDelta ?? ''] ?? null;
  const m = thread.markers.schema;
  const toThread = (pageMs: number) => page.timeOrigin + pageMs - meta.startTime;
  // "fn (moz-extension://…/content/main.js:3:836)[12]" -> "fn (Caveat)"; "fn (resource://gre/modules/Readerable.sys.mjs:92:39)" -> "fn (Readerable.sys.mjs)".
  const shortName = (frame: string) =>
    frame
      .replace(/ \(moz-extension:\/\/[^)]*\)(\[\d+\])?$/, ' (Caveat)')
      .replace(/ \([a-z]+:\/\/(?:[^)]*\/)?([^/:)]+)[^)]*\)(\[\d+\])?$/, ' ($1)')
      .replace(/ https?:\/\/\S+$/, '');
  const isJs = (frame: string) => / \([a-z-]+:\/\/[^)]*\)(\[\d+\])?$/.test(frame);
  return page.gaps.map((gap) => {
    const from = toThread(gap.start);
    const to = toThread(gap.end);
    let samples = 0;
    let caveatSamples = 0;
    let browserSamples = 0;
    let frameworkSamples = 0;
    let benchSamples = 0;
    let idleSamples = 0;
    let cpu = 0;
    let caveatCpu = 0;
    const tops = new Map<string, number>();
    for (const sample of thread.samples.data) {
      const time = sample[timeAt] as number;
      if (time < from || time > to) continue;
      samples++;
      // The CPU time since the previous sample, charged to this sample's stack.
      const delta = cpuAt === undefined || cpuUnit === null ? 0 : ((sample[cpuAt] as number | null) ?? 0) * cpuUnit;
      cpu += delta;
      const stack = frames(sample[stackAt] as number | null).filter((f) => !hexFrame.test(f));
      if (stack.some((f) => f.includes('PollWrapper'))) {
        idleSamples++;
        continue;
      }
      if (stack.some((f) => f.includes(extensionOrigin))) {
        caveatSamples++;
        caveatCpu += delta;
      } else if (stack.some((f) => /\((resource|chrome):\/\/\S*\/(Extension\w*\.sys\.mjs|ext-[\w-]+\.js|Conduits\w*\.sys\.mjs)/.test(f))) {
        frameworkSamples++;
        caveatCpu += delta;
      } else if (stack.some((f) => /\((resource|chrome):\/\/\S*\/(Marionette\w*\.sys\.mjs|json\.sys\.mjs|evaluate\.sys\.mjs|web-reference\.sys\.mjs)/.test(f))) {
        benchSamples++;
      } else if (stack.some((f) => /\((resource|chrome):\/\//.test(f))) browserSamples++;
      // The innermost frame, and the innermost script function under it when that is another.
      const top = stack[0];
      if (!top) continue;
      const js = stack.find(isJs);
      const name = js && js !== top ? `${shortName(top)} < ${shortName(js)}` : shortName(top);
      tops.set(name, (tops.get(name) ?? 0) + 1);
    }
    const markers: string[] = [];
    for (const marker of thread.markers.data) {
      const start = marker[m.startTime!] as number;
      const end = marker[m.endTime!] as number | null;
      if (marker[m.phase!] !== 1 || end === null || end - start < 5 || start > to || end < from) continue;
      const name = strings[marker[m.name!] as number] ?? '?';
      if (['UserTiming', 'LongTask', 'Perform microtasks', 'DOMEvent', 'Awake'].some((n) => name.startsWith(n))) continue;
      markers.push(`${name} ${Math.round(end - start)} ms`);
    }
    return {
      at: gap.start - page.dclEnd,
      ms: gap.end - gap.start,
      samples,
      caveatSamples,
      frameworkSamples,
      benchSamples,
      browserSamples,
      idleSamples,
      cpuMs: cpuAt === undefined || cpuUnit === null ? null : cpu,
      caveatCpuMs: cpuAt === undefined || cpuUnit === null ? null : caveatCpu,
      top: [...tops].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, n]) => `${name} ${n}`),
      markers: markers.slice(0, 6),
    };
  });
}

/** One profiled load of `url` in a Firefox session: its heartbeat gaps over 50 ms, attributed. */
export async function firefoxProfile(session: BrowserSession, url: string): Promise<ProfiledGap[]> {
  const firefox = session as unknown as { inChrome?: <T>(script: string, args?: unknown[]) => Promise<T> };
  if (typeof firefox.inChrome !== 'function') throw new Error('no privileged context in the Firefox session');
  const inChrome = firefox.inChrome.bind(session);
  await inChrome(`return Promise.resolve(Services.profiler.StartProfiler(1 << 24, 1, ['js', 'cpu'], ['GeckoMain'])).then(() => true);`);
  let tab: Tab | null = null;
  try {
    tab = await session.openTab(url);
    await tab.waitFor(() => performance.getEntriesByName('caveat:scanned').length > 0, { timeoutMs: 120_000, message: 'Caveat did not finish its scan' });
    await sleep(1000);
    const report = await tab.evaluate(readSelfReport);
    const timeOrigin = await tab.evaluate(() => performance.timeOrigin);
    const json = await inChrome<string>(`return Services.profiler.getProfileDataAsync().then((p) => JSON.stringify(p));`);
    return attributeGeckoProfile(JSON.parse(json) as GeckoProfile, { timeOrigin, dclEnd: report.dclEnd, gaps: report.gaps }, url, session.extensionOrigin);
  } finally {
    await inChrome(`Services.profiler.StopProfiler(); return true;`).catch(() => undefined);
    await tab?.close().catch(() => undefined);
  }
}

/** Lines describing a profiled Firefox load's gaps. */
export function describeProfile(profile: ProfiledGap[] | { error: string } | null): string[] {
  if (profile === null) return [];
  if ('error' in profile) return [`profile: failed (${profile.error}); the figures above stand without it`];
  const lines = [`profile (one more load, with Firefox's profiler running: it slows it a little): heartbeat gaps over ${BUDGET_TASK_MS} ms: ${profile.length}`];
  for (const gap of profile) {
    const busy = gap.samples - gap.idleSamples;
    const verdict =
      gap.samples === 0
        ? 'no samples'
        : gap.cpuMs !== null && gap.cpuMs < gap.ms / 10
          ? 'the thread hardly ran (waiting for a core, or blocked)'
          : gap.idleSamples >= busy
          ? 'mostly idle: the heartbeat timer came late (deferred during load, or the process descheduled)'
          : gap.caveatSamples + gap.frameworkSamples >= busy / 2
            ? "Caveat's"
            : gap.browserSamples >= busy / 2
              ? "the browser's own script"
              : gap.benchSamples >= busy / 2
                ? "the bench's driver (Marionette)"
                : gap.caveatSamples + gap.frameworkSamples > busy / 10
                  ? 'partly Caveat'
                  : "not Caveat's";
    lines.push(
      `      +${Math.round(gap.at)} ms, ${Math.round(gap.ms)} ms${gap.cpuMs === null ? '' : ` (CPU ${Math.round(gap.cpuMs)}, Caveat's and its framework's ${Math.round(gap.caveatCpuMs ?? 0)})`}: ${verdict} (of ${gap.samples} samples: Caveat ${gap.caveatSamples} + the extension framework for it ${gap.frameworkSamples}, the browser's script ${gap.browserSamples}, the bench's driver ${gap.benchSamples}, idle ${gap.idleSamples}); on top: ${gap.top.join(', ') || 'n/a'}` +
        (gap.markers.length > 0 ? `; markers: ${gap.markers.join(', ')}` : ''),
    );
  }
  return lines;
}

/** Lines describing the traced load's attribution (Chromium). */
export function describeTrace(trace: TraceAttribution | { error: string } | null): string[] {
  if (trace === null) return [];
  if ('error' in trace) return [`trace: failed (${trace.error}); the figures above stand without it`];
  const mine = trace.tasks.filter((t) => t.owner === 'caveat');
  const rendering = trace.tasks.filter((t) => t.owner === 'caveat-rendering');
  const others = trace.tasks.filter((t) => t.owner === 'other');
  const longestOther = others.reduce<TracedTask | null>((a, t) => (a && a.ms >= t.ms ? a : t), null);
  const line = (t: TracedTask) => `      +${Math.round(t.at)} ms, ${Math.round(t.ms)} ms${t.cpuMs === null ? '' : ` (CPU ${Math.round(t.cpuMs)})`}: ${t.what}`;
  const cpu = trace.caveatLongestCpuMs === null ? '' : ` (in CPU time: longest ${ms(trace.caveatLongestCpuMs)}, over ${BUDGET_TASK_MS} ms: ${trace.caveatOverBudgetCpu}; a task's CPU time far below its length means the thread waited for a core)`;
  return [
    `trace (one more load, traced: tracing slows it a little): ${trace.caveatTasks} Caveat tasks, longest ${ms(trace.caveatLongestMs)}; Caveat's tasks over ${BUDGET_TASK_MS} ms: ${mine.length}${mine.length > 0 ? '  <-- OVER BUDGET' : ''}${cpu}`,
    ...mine.map(line),
    ...(rendering.length > 0 ? [`    rendering over ${BUDGET_TASK_MS} ms right after Caveat changed its highlights: ${rendering.length}`, ...rendering.map(line)] : []),
    `    not Caveat's, over ${BUDGET_TASK_MS} ms: ${others.length}; longest ${longestOther ? `${ms(longestOther.ms)} (${longestOther.what})` : 'none'}`,
    ...others.filter((t) => t !== longestOther).map(line),
  ];
}

