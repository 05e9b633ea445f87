// The two primitives of resumable engine work (see steps.ts for the why), in a module of their
// own so that every engine module can write its work as steps without importing steps.ts,
// which imports them all.

/** Resumable work that produces a T: a generator that yields where stopping is safe. */
export type Steps<T> = Generator<void, T, void>;

/** Runs steps without ever pausing: the synchronous result. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
