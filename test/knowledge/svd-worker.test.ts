import { describe, expect, it } from 'vitest';
import { rng, truncatedSvd, truncatedSvdOffThread, type SparseRows } from '../../src/knowledge/search/svd.js';

/** A random sparse 60 × 200 matrix, deterministic. */
function matrix(): SparseRows {
  const next = rng(7);
  const cols: Int32Array[] = [];
  const vals: Float32Array[] = [];
  for (let r = 0; r < 60; r++) {
    const c = [...new Set(Array.from({ length: 12 }, () => Math.floor(next() * 200)))].sort((a, b) => a - b);
    cols.push(Int32Array.from(c));
    vals.push(Float32Array.from(c, () => next()));
  }
  return { cols, vals, m: 200 };
}

describe('the factorisation on a worker thread', () => {
  it('runs in the worker (no fallback) and gives exactly what the calling thread gives', async () => {
    const x = matrix();
    const fallbacks: unknown[] = [];
    const off = await truncatedSvdOffThread(x, 8, 42, 1, (err) => fallbacks.push(err));
    expect(fallbacks).toEqual([]);
    expect(Array.from(off)).toEqual(Array.from(truncatedSvd(x, 8, 42, 1)));
  });
});
