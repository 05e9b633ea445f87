import type { Steps } from '../../engine/steps';

// Long work is written as steps (generators that yield at safe points, see
// src/engine/steps.ts); a Slicer runs them in short slices of main-thread time and gives the
// page its turn between slices, so input, rendering and the page's own scripts never wait long.
// A small page's whole job fits in the first slice and runs with no pause at all.

/** A slice of main-thread time: long enough to get work done, far below the 50 ms long task. */
export const SLICE_MS = 8;

/** What a Slicer returns when a newer scan superseded the work midway. */
export const SUPERSEDED: unique symbol = Symbol('superseded');
export type Superseded = typeof SUPERSEDED;

let channel: MessageChannel | null = null;
const resumes: (() => void)[] = [];

// What the bench reads (src/tools/bench-browser.ts), as performance measures: the content
// script's synchronous start (caveat:script: from this module's evaluation to the first time
// the page is given its turn; main.ts imports this module first, so that is nearly all of the
// script's evaluation, its compilation aside), the few longest slices of main-thread time
// (caveat:slice, SLICES_KEPT of them at most, however long the page) and the longest single
// step (caveat:longest-step). Like the phase measures they carry times only: no text, no count.
const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const evaluatedAt = clock();
let scriptMeasured = false;

function leaveMeasure(name: string, start: number, end: number): void {
  try {
    performance.measure(name, { start, end });
  } catch {
    // No performance timeline, or an old one without measure options: the figures are only for the bench.
  }
}

/** How many of the longest slices are kept as caveat:slice measures. */
export const SLICES_KEPT = 8;

/** The longest slices (and the longest step) seen, bounded; optionally left as performance measures. */
export class SliceLog {
  /** Longest first, at most `kept`. */
  readonly slices: { start: number; end: number }[] = [];
  longestStep: { start: number; end: number } | null = null;
  private stepChanged = false;

  constructor(
    private readonly kept = SLICES_KEPT,
    private readonly publish = false,
  ) {}

  /**
   * Notes that a slice began at `start` and has run until `end` so far: called again for the
   * same slice as it goes on (phases run back to back in one slice), it replaces its entry.
   */
  slice(start: number, end: number): void {
    const duration = end - start;
    const at = this.slices.findIndex((s) => s.start === start);
    if (at >= 0) {
      if (this.slices[at]!.end >= end) return;
      this.slices.splice(at, 1);
    } else if (this.slices.length >= this.kept && duration <= this.slices[this.slices.length - 1]!.end - this.slices[this.slices.length - 1]!.start) {
      return;
    }
    let i = 0;
    while (i < this.slices.length && this.slices[i]!.end - this.slices[i]!.start >= duration) i++;
    this.slices.splice(i, 0, { start, end });
    if (this.slices.length > this.kept) this.slices.pop();
    if (this.publish) {
      performance.clearMeasures('caveat:slice');
      for (const s of this.slices) leaveMeasure('caveat:slice', s.start, s.end);
    }
  }

  /** Notes one step's time (from `start` to `end`); cheap, published with the next slice. */
  step(start: number, end: number): void {
    if (this.longestStep && end - start <= this.longestStep.end - this.longestStep.start) return;
    this.longestStep = { start, end };
    this.stepChanged = true;
  }

  /** Leaves caveat:longest-step if it changed since the last time. */
  flushStep(): void {
    if (!this.publish || !this.stepChanged || !this.longestStep) return;
    this.stepChanged = false;
    performance.clearMeasures('caveat:longest-step');
    leaveMeasure('caveat:longest-step', this.longestStep.start, this.longestStep.end);
  }
}

/** The page's log: every Slicer's slices, for as long as the page lives. */
const pageLog = new SliceLog(SLICES_KEPT, typeof performance !== 'undefined' && typeof performance.measure === 'function');

/** Whether the last turn given to the page was a timer (see yieldToPage). */
let lastTurnWasTimer = false;

/**
 * Gives the page its turn and resumes as soon as it had it: a task of its own queued behind
 * what the page has waiting. Turn about, a MessageChannel message and a setTimeout(0):
 * - a message alone can run ahead of the page's timers that are already due (the bench's ~1 MB
 *   page: its 10 ms heartbeat waited through three slices in a row), while a timer of ours
 *   queues behind every timer due before it;
 * - setTimeout alone is clamped to 4 ms once nested five deep (a timer set from a timer), and
 *   a timer set from a message task is not nested;
 * - not requestIdleCallback, which a busy page may never grant; and not scheduler.yield(),
 *   whose continuations run ahead of the page's own tasks: measured in Chromium, a page's 10 ms
 *   timer did not fire once in 2 s of 8 ms slices with scheduler.yield between them.
 */
export function yieldToPage(): Promise<void> {
  if (!scriptMeasured) {
    scriptMeasured = true;
    leaveMeasure('caveat:script', evaluatedAt, clock());
  }
  lastTurnWasTimer = !lastTurnWasTimer;
  if (lastTurnWasTimer) return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => resumes.shift()?.();
    // Node (unit tests) would otherwise stay alive for the open port; browsers have no unref.
    (channel.port1 as { unref?: () => void }).unref?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    resumes.push(resolve);
    port.postMessage(null);
  });
}

export interface SliceOptions {
  /** Main-thread time per slice, in ms. */
  sliceMs?: number;
  /**
   * The first slice's budget (sliceMs by default): a small page's whole job, cold code
   * included, fits in one somewhat longer slice with no pause at all.
   */
  firstSliceMs?: number;
  /** False once a newer scan superseded this work: then it stops at the next pause. */
  isCurrent?: () => boolean;
  /** The clock (performance.now by default; tests pass a fake one). */
  now?: () => number;
  /** How to give the page its turn (yieldToPage by default; tests pass a fake one). */
  pause?: () => Promise<void>;
  /** Where the longest slices and steps are noted (the page's log, left as measures, by default). */
  log?: SliceLog;
}

/**
 * One time budget shared by every phase of a scan (extract, scan, hidden-text filter,
 * painting): each phase checks in at its safe points, and the slicer pauses only once the
 * current slice is spent. Never pauses in the middle of a step.
 */
export class Slicer {
  private readonly sliceMs: number;
  private budget: number;
  private readonly isCurrent: () => boolean;
  private readonly now: () => number;
  private readonly pauseFn: () => Promise<void>;
  private readonly log: SliceLog;
  private sliceStart: number;
  /** How many times the page was given its turn, and for how long in all (ms). */
  pauses = 0;
  pausedMs = 0;

  constructor(options: SliceOptions = {}) {
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.isCurrent = options.isCurrent ?? (() => true);
    this.now = options.now ?? (() => performance.now());
    this.pauseFn = options.pause ?? yieldToPage;
    this.log = options.log ?? pageLog;
    this.budget = options.firstSliceMs ?? this.sliceMs;
    this.sliceStart = this.now();
  }

  /** True when the current slice is spent. */
  get spent(): boolean {
    return this.now() - this.sliceStart >= this.budget;
  }

  /** Pauses if the slice is spent; then true while the work is still current. */
  async checkIn(): Promise<boolean> {
    if (this.spent) await this.pause();
    return this.isCurrent();
  }

  /** Gives the page its turn now and starts a new slice. */
  async pause(): Promise<void> {
    this.pauses++;
    const before = this.now();
    this.log.slice(this.sliceStart, before);
    this.log.flushStep();
    await this.pauseFn();
    this.budget = this.sliceMs;
    this.sliceStart = this.now();
    this.pausedMs += this.sliceStart - before;
  }

  /**
   * Runs `steps` to the end, pausing between steps whenever the slice is spent. Returns the
   * steps' value, or SUPERSEDED (after closing the generator) once `isCurrent` turns false.
   */
  async run<T>(steps: Steps<T>): Promise<T | Superseded> {
    for (;;) {
      if (this.spent) await this.pause();
      if (!this.isCurrent()) {
        steps.return(undefined as T);
        return SUPERSEDED;
      }
      // Run steps until the slice is spent, with no await in between: an await per step would
      // cost a microtask each, and a small page must finish in one go. The clock read that
      // tells whether the slice is spent also times the step, for the log.
      let before = this.now();
      let next = steps.next();
      for (;;) {
        const after = this.now();
        this.log.step(before, after);
        if (next.done) {
          this.log.slice(this.sliceStart, after);
          this.log.flushStep();
          return next.value;
        }
        if (after - this.sliceStart >= this.budget) break;
        before = after;
        next = steps.next();
      }
    }
  }
}

/**
 * Calls `fn` once calls stop coming for `wait` ms, but at least every `maxWait` ms while they
 * keep coming (a live ticker must not postpone a rescan forever). `cancel` drops a pending call.
 */
export function debounce(fn: () => void, wait: number, maxWait = Infinity): { (): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstCall: number | null = null;
  const fire = () => {
    timer = undefined;
    firstCall = null;
    fn();
  };
  const debounced = () => {
    const now = Date.now();
    firstCall ??= now;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, Math.min(wait, firstCall + maxWait - now)));
  };
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    firstCall = null;
  };
  return debounced;
}
