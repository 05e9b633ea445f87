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

/**
 * Gives the page its turn and resumes as soon as it had it: a MessageChannel message, a task of
 * its own queued behind whatever the page has waiting. Not setTimeout(0), which browsers clamp
 * to 4 ms once nested; not requestIdleCallback, which a busy page may never grant; and not
 * scheduler.yield(), whose continuations run ahead of the page's own tasks: measured in
 * Chromium, a page's 10 ms timer did not fire once in 2 s of 8 ms slices with scheduler.yield
 * between them (with a MessageChannel it fired every other slice).
 */
export function yieldToPage(): Promise<void> {
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
  private sliceStart: number;
  /** How many times the page was given its turn, and for how long in all (ms). */
  pauses = 0;
  pausedMs = 0;

  constructor(options: SliceOptions = {}) {
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.isCurrent = options.isCurrent ?? (() => true);
    this.now = options.now ?? (() => performance.now());
    this.pauseFn = options.pause ?? yieldToPage;
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
      // cost a microtask each, and a small page must finish in one go.
      let next = steps.next();
      while (!next.done && !this.spent) next = steps.next();
      if (next.done) return next.value;
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
