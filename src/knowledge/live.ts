/**
 * A knowledge base that can be rebuilt while it serves. `rebuild()` builds a complete new one in
 * the background (corpus read, index built) and swaps the reference in one assignment, so a
 * question always runs against one whole index: the old one until the swap, the new one after.
 * A build that fails leaves the old one serving and reports why. Rebuilds asked for while one
 * runs are merged into one more build after it, which sees every change made meanwhile.
 */
import type { Knowledge } from './types.js';

export type RebuildResult = { ok: true; docs: number; chunks: number; ms: number } | { ok: false; error: string };

export type Live<K extends Knowledge> = K & {
  /** Builds a new knowledge base and swaps it in; resolves once questions use it. */
  rebuild(): Promise<RebuildResult>;
  /** The one serving now (for what is not part of `Knowledge`). */
  current(): K;
};

export async function createLiveKnowledge<K extends Knowledge>(build: () => Promise<K>, onError?: (err: unknown) => void): Promise<Live<K>> {
  let current = await build();
  let running: Promise<RebuildResult> | undefined;
  let queued: Promise<RebuildResult> | undefined;

  async function buildOnce(): Promise<RebuildResult> {
    const t0 = performance.now();
    try {
      const next = await build();
      current = next;
      return { ok: true, docs: next.docs.length, chunks: next.chunks.length, ms: Math.round(performance.now() - t0) };
    } catch (err) {
      onError?.(err);
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  function rebuild(): Promise<RebuildResult> {
    if (!running) {
      running = buildOnce().finally(() => (running = undefined));
      return running;
    }
    // One build runs: a change made now must not be missed, so one more follows it, shared.
    queued ??= running.then(() => {
      queued = undefined;
      return rebuild();
    });
    return queued;
  }

  // Every property reads the current base at call time; methods are bound to it.
  return new Proxy({} as Live<K>, {
    get(_t, key) {
      if (key === 'rebuild') return rebuild;
      if (key === 'current') return () => current;
      const v = (current as Record<PropertyKey, unknown>)[key];
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(current) : v;
    },
    has: (_t, key) => key === 'rebuild' || key === 'current' || key in current,
  });
}
