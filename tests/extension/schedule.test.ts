import { afterEach, describe, expect, it, vi } from 'vitest';
import { debounce } from '../../src/extension/content/schedule';

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
