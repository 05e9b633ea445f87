// Work off the page's critical path: every heavy step waits for an idle moment, and long
// loops yield between slices so input and rendering go first.

type IdleCallback = (cb: () => void, options?: { timeout: number }) => number;

/** Resolves in the next idle period (or after `timeout` ms at the latest). */
export function whenIdle(timeout = 500): Promise<void> {
  const idle = (globalThis as unknown as { requestIdleCallback?: IdleCallback }).requestIdleCallback;
  return new Promise((resolve) => {
    if (typeof idle === 'function') idle(() => resolve(), { timeout });
    else setTimeout(resolve, 16);
  });
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
