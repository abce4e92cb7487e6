/**
 * Long builds that share the event loop. A reindex runs while the bot answers; a build written
 * as a generator that `yield`s after each unit of work (a record, a document) can run either at
 * once (`runSync`, for scripts and tests) or in slices of a few milliseconds (`runCooperatively`),
 * between which questions are answered. `turn()` does the same inside an async loop.
 */

/** A build in steps: `yield` where it may pause, `return` the result. */
export type Steps<T> = Generator<void, T, void>;

/** Slices this long keep a question's wait during a reindex within 2× its normal p95 (3 ms gave 2.3–2.5×, 1 ms 1.8–2.0×; `bench:ingest reindex`). */
export const SLICE_MS = 1;

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the steps to the end without pausing. */
export function runSync<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps, letting other work run whenever a slice of `sliceMs` is used up. */
export async function runCooperatively<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let since = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - since >= sliceMs) {
      await pause();
      since = performance.now();
    }
  }
}

/** For async loops: `await turn()` after each unit pauses only when the slice is used up. */
export function cooperative(sliceMs = SLICE_MS): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return pause().then(() => {
      since = performance.now();
    });
  };
}
