import { afterEach, describe, expect, it, vi } from 'vitest';
import { SUPERSEDED, SliceLog, Slicer, debounce, yieldToPage } from '../../src/extension/content/schedule';

afterEach(() => vi.useRealTimers());

describe('rescan debounce', () => {
  it('waits for changes to stop, then runs once', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 800, 4000);
    d();
    vi.advanceTimersByTime(500);
    d();
    vi.advanceTimersByTime(799);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('still runs during a page that never stops changing (a live ticker)', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 800, 4000);
    for (let t = 0; t < 10_000; t += 300) {
      d();
      vi.advanceTimersByTime(300);
    }
    expect(fn.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('can be cancelled', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 100);
    d();
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('the slice driver', () => {
  /** A fake clock that each step advances by its own cost, and a pause that records when it came. */
  function harness(costs: number[], options: { sliceMs?: number; current?: () => boolean } = {}) {
    let clock = 0;
    const log: string[] = [];
    function* steps(): Generator<void, string, void> {
      for (const [i, cost] of costs.entries()) {
        log.push(`step ${i} start`);
        clock += cost;
        log.push(`step ${i} end`);
        yield;
      }
      return 'value';
    }
    const slicer = new Slicer({
      sliceMs: options.sliceMs ?? 8,
      isCurrent: options.current,
      now: () => clock,
      pause: async () => {
        log.push('pause');
        clock += 100; // the page's turn
      },
    });
    return { slicer, steps, log };
  }

  it('runs a small job to the end with no pause and returns its value', async () => {
    const { slicer, steps, log } = harness([1, 1, 1]);
    expect(await slicer.run(steps())).toBe('value');
    expect(log).not.toContain('pause');
    expect(slicer.pauses).toBe(0);
  });

  it('gives the page its turn once the slice is spent, only between steps', async () => {
    const { slicer, steps, log } = harness([3, 3, 3, 3, 3, 3]);
    expect(await slicer.run(steps())).toBe('value');
    // 3 + 3 + 3 = 9 ms >= 8: a pause after the third step and after the sixth (a generator
    // cannot tell it is done before it is stepped again).
    expect(log.filter((l) => l === 'pause')).toHaveLength(2);
    const pauseAt = log.indexOf('pause');
    expect(log[pauseAt - 1]).toBe('step 2 end');
    expect(log[pauseAt + 1]).toBe('step 3 start');
  });

  it('never splits a step that runs over the slice on its own', async () => {
    const { slicer, steps, log } = harness([20, 20]);
    expect(await slicer.run(steps())).toBe('value');
    expect(log).toEqual(['step 0 start', 'step 0 end', 'pause', 'step 1 start', 'step 1 end', 'pause']);
  });

  it('stops at the next pause once a newer scan superseded the work, and closes the steps', async () => {
    let current = true;
    let closed = false;
    const { slicer, log } = harness([], {
      current: () => current,
    });
    let clock = 0;
    function* steps(): Generator<void, string, void> {
      try {
        for (let i = 0; i < 100; i++) {
          log.push(`step ${i}`);
          if (i === 4) current = false; // a newer scan began during the page's turn
          clock += 5;
          yield;
        }
        return 'value';
      } finally {
        closed = true;
      }
    }
    const driver = new Slicer({ sliceMs: 8, isCurrent: () => current, now: () => clock, pause: async () => void log.push('pause') });
    expect(await driver.run(steps())).toBe(SUPERSEDED);
    expect(closed).toBe(true);
    expect(log.filter((l) => l.startsWith('step')).length).toBeLessThan(8);
    expect(slicer.pauses).toBe(0);
  });

  it('does not start work that is already superseded', async () => {
    const { slicer, steps, log } = harness([1], { current: () => false });
    expect(await slicer.run(steps())).toBe(SUPERSEDED);
    expect(log).toEqual([]);
  });

  it('shares one budget across phases: a later phase pauses when the phases together spent the slice', async () => {
    const { slicer, steps, log } = harness([3, 3]);
    await slicer.run(steps());
    expect(log).not.toContain('pause');
    log.push('phase 2');
    await slicer.run(steps());
    // 3 + 3 + 3 = 9 ms: the pause comes after the second phase's first step.
    expect(log.slice(log.indexOf('phase 2'))).toEqual(['phase 2', 'step 0 start', 'step 0 end', 'pause', 'step 1 start', 'step 1 end']);
  });

  it('gives the first slice a budget of its own, then the usual one', async () => {
    let clock = 0;
    const log: string[] = [];
    function* steps(): Generator<void, void, void> {
      for (let i = 0; i < 10; i++) {
        clock += 5;
        log.push('step');
        yield;
      }
    }
    const slicer = new Slicer({ sliceMs: 8, firstSliceMs: 20, now: () => clock, pause: async () => void log.push('pause') });
    await slicer.run(steps());
    // 4 steps (20 ms) in the first slice, then 2 steps (10 ms >= 8) per slice.
    expect(log.join(' ')).toBe('step step step step pause step step pause step step pause step step pause');
  });

  it('a fresh slicer runs steps to their value', async () => {
    function* steps(): Generator<void, number, void> {
      yield;
      yield;
      return 42;
    }
    expect(await new Slicer({ pause: async () => undefined }).run(steps())).toBe(42);
  });
});

describe('the slice log (what the bench reads)', () => {
  it('keeps only the few longest slices, longest first, however many there were', () => {
    const log = new SliceLog(3);
    for (const [start, length] of [[0, 5], [10, 9], [20, 2], [30, 12], [50, 7], [60, 1]] as const) log.slice(start, start + length);
    expect(log.slices).toEqual([
      { start: 30, end: 42 },
      { start: 10, end: 19 },
      { start: 50, end: 57 },
    ]);
  });

  it('a slice noted again as it goes on (several phases in one slice) is one entry, with its latest end', () => {
    const log = new SliceLog(3);
    log.slice(0, 4);
    log.slice(0, 9);
    log.slice(20, 25);
    expect(log.slices).toEqual([
      { start: 0, end: 9 },
      { start: 20, end: 25 },
    ]);
  });

  it('notes every slice a Slicer runs, from where it began to where the page got its turn, across phases', async () => {
    let clock = 0;
    const log = new SliceLog(10);
    function* steps(costs: number[]): Generator<void, void, void> {
      for (const cost of costs) {
        clock += cost;
        yield;
      }
    }
    const slicer = new Slicer({ sliceMs: 8, now: () => clock, pause: async () => void (clock += 100), log });
    await slicer.run(steps([3, 30])); // one step overruns the slice on its own
    await slicer.run(steps([2, 2])); // the next phase, in a fresh slice
    await slicer.run(steps([1])); // and a third, in the same slice
    expect(log.slices).toEqual([
      { start: 0, end: 33 },
      { start: 133, end: 138 },
    ]);
    expect(log.longestStep).toEqual({ start: 3, end: 33 });
  });
});

describe('yieldToPage', () => {
  it('resumes after other queued work had its turn', async () => {
    const order: string[] = [];
    const waiting = yieldToPage().then(() => order.push('resumed'));
    await Promise.resolve();
    order.push('sync');
    await waiting;
    expect(order).toEqual(['sync', 'resumed']);
  });
});
