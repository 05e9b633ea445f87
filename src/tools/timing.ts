// Timing helpers for `npm run bench`: warm up first (the JIT compiles the hot paths, caches
// fill), then run until both a minimum count and a time budget are reached, and report the
// median, which one slow run (a GC pause, another process) cannot move.

export interface Timing {
  median: number;
  p90: number;
  min: number;
  runs: number;
}

export interface TimingPlan {
  warmupRuns: number;
  minRuns: number;
  maxRuns: number;
  /** Keep running (up to maxRuns) until this many milliseconds have been spent measuring. */
  budgetMs: number;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), min: sorted[0] ?? NaN, runs: sorted.length };
}

export function measure(run: () => unknown, plan: TimingPlan): Timing {
  for (let i = 0; i < plan.warmupRuns; i++) run();
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < plan.maxRuns && (samples.length < plan.minRuns || spent < plan.budgetMs)) {
    const t0 = performance.now();
    run();
    const ms = performance.now() - t0;
    samples.push(ms);
    spent += ms;
  }
  return summarize(samples);
}
