// Waiting for something the browser does asynchronously (the content script running, the
// background answering). Polls instead of sleeping a fixed time; the timer is unref'd so a
// failed wait never keeps the test process alive.

export interface PollOptions {
  timeoutMs?: number;
  intervalMs?: number;
  message?: string;
}

const sleep = (ms: number): Promise<void> =>
  new Promise((done) => {
    setTimeout(done, ms).unref();
  });

/** Calls `probe` until it returns a truthy value (returned) or the timeout passes (throws). */
export async function pollUntil<T>(probe: () => Promise<T>, options: PollOptions = {}): Promise<NonNullable<T>> {
  const { timeoutMs = 10_000, intervalMs = 100, message = 'condition not met' } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
      lastError = null;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`${message} (after ${timeoutMs} ms)${cause}`);
    }
    await sleep(intervalMs);
  }
}
