/**
 * Truncated SVD of a sparse matrix by randomised range finding (Halko, Martinsson & Tropp 2011),
 * just enough linear algebra for the local LSA embedder: no native dependency, deterministic
 * for a given seed, a second or so for a few thousand documents.
 */

/** Sparse rows: `cols[i]` and `vals[i]` hold the non-zeros of row i. */
export interface SparseRows {
  cols: Int32Array[];
  vals: Float32Array[];
  /** Number of columns. */
  m: number;
}

/** Deterministic PRNG (mulberry32), so the same corpus always gives the same vectors. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Y (n×l) = X Ω, Ω given as m×l row-major. */
function times(x: SparseRows, omega: Float64Array, l: number): Float64Array[] {
  return x.cols.map((cols, i) => {
    const row = new Float64Array(l);
    const vals = x.vals[i]!;
    for (let j = 0; j < cols.length; j++) {
      const base = cols[j]! * l;
      const v = vals[j]!;
      for (let c = 0; c < l; c++) row[c]! += v * omega[base + c]!;
    }
    return row;
  });
}

/** Z (m×l, row-major) = Xᵀ Y. */
function transposeTimes(x: SparseRows, y: Float64Array[], l: number): Float64Array {
  const z = new Float64Array(x.m * l);
  x.cols.forEach((cols, i) => {
    const vals = x.vals[i]!;
    const yi = y[i]!;
    for (let j = 0; j < cols.length; j++) {
      const base = cols[j]! * l;
      const v = vals[j]!;
      for (let c = 0; c < l; c++) z[base + c]! += v * yi[c]!;
    }
  });
  return z;
}

/** Orthonormalises the l columns of the n×l matrix `rows` in place (modified Gram–Schmidt). */
function orthonormalize(rows: Float64Array[], l: number): void {
  for (let c = 0; c < l; c++) {
    for (let p = 0; p < c; p++) {
      let dot = 0;
      for (const r of rows) dot += r[c]! * r[p]!;
      for (const r of rows) r[c]! -= dot * r[p]!;
    }
    let norm = 0;
    for (const r of rows) norm += r[c]! * r[c]!;
    norm = Math.sqrt(norm) || 1;
    for (const r of rows) r[c]! /= norm;
  }
}

/** Eigen-decomposition of a symmetric l×l matrix by cyclic Jacobi; eigenvectors as columns of V. */
function jacobi(a: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 30; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += a[p * l + q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q]!;
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (a[q * l + q]! - a[p * l + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p]!;
          const akq = a[k * l + q]!;
          a[k * l + p] = c * akp - s * akq;
          a[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k]!;
          const aqk = a[q * l + k]!;
          a[p * l + k] = c * apk - s * aqk;
          a[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]!;
          const vkq = v[k * l + q]!;
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(l);
  for (let i = 0; i < l; i++) values[i] = a[i * l + i]!;
  return { values, vectors: v };
}

/**
 * Top-`k` right singular vectors of X, as an m×k row-major projection P, so that a row x maps to
 * x·P (its coordinates in the latent space).
 */
export function truncatedSvd(x: SparseRows, k: number, seed = 42, powerIterations = 1): Float32Array {
  const l = Math.min(k + 10, x.cols.length, x.m);
  const next = rng(seed);
  const omega = new Float64Array(x.m * l);
  for (let i = 0; i < omega.length; i++) omega[i] = next() * 2 - 1;
  let y = times(x, omega, l);
  orthonormalize(y, l);
  for (let it = 0; it < powerIterations; it++) {
    y = times(x, transposeTimes(x, y, l), l);
    orthonormalize(y, l);
  }
  // B = Qᵀ X is l×m; stored transposed (m×l) as Xᵀ Q. B Bᵀ = W Λ Wᵀ gives V = Bᵀ W Λ^{-1/2}.
  const bt = transposeTimes(x, y, l);
  const bbt = new Float64Array(l * l);
  for (let r = 0; r < x.m; r++) {
    const base = r * l;
    for (let i = 0; i < l; i++) {
      const bi = bt[base + i]!;
      if (bi === 0) continue;
      for (let j = i; j < l; j++) bbt[i * l + j]! += bi * bt[base + j]!;
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) bbt[i * l + j] = bbt[j * l + i]!;
  const { values, vectors } = jacobi(bbt, l);
  const order = [...values.keys()].sort((a, b) => values[b]! - values[a]!).slice(0, Math.min(k, l));
  const kk = order.length;
  const p = new Float32Array(x.m * k);
  for (let r = 0; r < x.m; r++) {
    for (let c = 0; c < kk; c++) {
      const e = order[c]!;
      const scale = 1 / Math.sqrt(Math.max(values[e]!, 1e-12));
      let s = 0;
      for (let i = 0; i < l; i++) s += bt[r * l + i]! * vectors[i * l + e]!;
      p[r * k + c] = s * scale;
    }
  }
  return p;
}

/**
 * `truncatedSvd` on a worker thread, so that a reindex while the bot serves does not hold the
 * event loop for the few hundred milliseconds the factorisation takes. The worker runs this very
 * module's functions (they use nothing but typed arrays), so it needs no file of its own and
 * works the same from sources, tests and the bundle. Falls back to the calling thread if a
 * worker cannot start.
 */
export async function truncatedSvdOffThread(x: SparseRows, k: number, seed = 42, powerIterations = 1, onFallback?: (err: unknown) => void): Promise<Float32Array> {
  const { Worker } = await import('node:worker_threads');
  const fns = [rng, times, transposeTimes, orthonormalize, jacobi, truncatedSvd];
  const source = `${fns.map(String).join('\n')}
const { parentPort, workerData } = require('node:worker_threads');
const d = workerData;
const p = ${truncatedSvd.name}({ cols: d.cols, vals: d.vals, m: d.m }, d.k, d.seed, d.powerIterations);
parentPort.postMessage(p, [p.buffer]);`;
  return new Promise<Float32Array>((resolve) => {
    let worker: InstanceType<typeof Worker>;
    const inline = (err: unknown) => {
      onFallback?.(err);
      resolve(truncatedSvd(x, k, seed, powerIterations));
    };
    try {
      worker = new Worker(source, { eval: true, workerData: { cols: x.cols, vals: x.vals, m: x.m, k, seed, powerIterations } });
    } catch (err) {
      return inline(err);
    }
    let done = false;
    worker.once('message', (p: Float32Array) => {
      done = true;
      resolve(p);
      void worker.terminate();
    });
    worker.once('error', (err) => (done ? undefined : ((done = true), inline(err))));
    worker.once('exit', (code) => (done ? undefined : ((done = true), inline(new Error(`svd worker exited with ${code}`)))));
  });
}
