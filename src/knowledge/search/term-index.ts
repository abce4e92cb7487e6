/**
 * The inverted index behind the lexical ranker: BM25F impacts precomputed per posting, in typed
 * arrays, so that a query is a few array walks (well under a millisecond on a few thousand
 * records). Kept apart from the ranking logic so the same structure serves folded terms and
 * exact-accent terms.
 */
import { runSync, type Steps } from '../ingest/cooperate.js';

/** BM25F settings: one saturation, per-field weight and length normalisation. */
export interface Bm25fParams {
  k1: number;
  /** Field weights, e.g. [title, text]. */
  weights: number[];
  /** Field length normalisation b, same order. */
  b: number[];
}

/** Syllable ids of one record, per field (same order as the weights). */
export type FieldIds = Int32Array[];

/**
 * Immutable term → postings index with BM25F impacts. Terms are syllable ids (`a`) and adjacent
 * syllable pairs (`V + a·V + b`), so bigrams cost no string building; `V` is the syllable
 * vocabulary size fixed at build time.
 */
export class TermIndex {
  private constructor(
    private readonly v: number,
    private readonly terms: Map<number, number>,
    /** Postings of term t are offsets[t] … offsets[t+1]-1 of docs/impacts (CSR layout). */
    private readonly offsets: Int32Array,
    private readonly docs: Int32Array,
    private readonly impacts: Float32Array,
    private readonly idf: Float64Array,
  ) {}

  /** Key of a syllable (`b` omitted) or of the bigram `a b`. */
  key(a: number, b?: number): number {
    return b === undefined ? a : this.v + a * this.v + b;
  }

  /**
   * Builds the index over syllable ids below `v`. Unigram and bigram tfs of a field share its
   * length normalisation (the field's syllable count). Postings are collected as flat triplets
   * and bucketed once, so there is no small array per term for the GC to chase.
   */
  static build(records: FieldIds[], v: number, p: Bm25fParams): TermIndex {
    return runSync(TermIndex.steps(records, v, p));
  }

  /** `build` in steps, one record each (see `cooperate.ts`). */
  static *steps(records: FieldIds[], v: number, p: Bm25fParams): Steps<TermIndex> {
    const n = records.length;
    const nf = p.weights.length;
    const avg = new Array<number>(nf).fill(0);
    for (const r of records) for (let f = 0; f < nf; f++) avg[f]! += (r[f]?.length ?? 0) / Math.max(1, n);
    const terms = new Map<number, number>();
    let acc = new Float64Array(1 << 12);
    let seen = new Uint8Array(1 << 12);
    const touched: number[] = [];
    let tTerm = new Int32Array(1 << 16);
    let tDoc = new Int32Array(1 << 16);
    let tImp = new Float32Array(1 << 16);
    let nnz = 0;
    const add = (key: number, w: number) => {
      let id = terms.get(key);
      if (id === undefined) {
        id = terms.size;
        terms.set(key, id);
        if (id >= acc.length) {
          acc = grow(acc, new Float64Array(acc.length * 2));
          seen = grow(seen, new Uint8Array(seen.length * 2));
        }
      }
      if (!seen[id]) {
        seen[id] = 1;
        touched.push(id);
      }
      acc[id]! += w;
    };
    for (let d = 0; d < n; d++) {
      for (let f = 0; f < nf; f++) {
        const ids = records[d]![f] ?? new Int32Array(0);
        const w = p.weights[f]! / (1 - p.b[f]! + (p.b[f]! * ids.length) / Math.max(1e-9, avg[f]!));
        for (let i = 0; i < ids.length; i++) {
          add(ids[i]!, w);
          if (i > 0) add(v + ids[i - 1]! * v + ids[i]!, w);
        }
      }
      if (nnz + touched.length > tTerm.length) {
        const size = Math.max(tTerm.length * 2, nnz + touched.length);
        tTerm = grow(tTerm, new Int32Array(size));
        tDoc = grow(tDoc, new Int32Array(size));
        tImp = grow(tImp, new Float32Array(size));
      }
      for (const id of touched) {
        const t = acc[id]!;
        tTerm[nnz] = id;
        tDoc[nnz] = d;
        tImp[nnz++] = (t * (p.k1 + 1)) / (p.k1 + t);
        acc[id] = 0;
        seen[id] = 0;
      }
      touched.length = 0;
      yield;
    }
    const nt = terms.size;
    const offsets = new Int32Array(nt + 1);
    for (let i = 0; i < nnz; i++) offsets[tTerm[i]! + 1]!++;
    for (let t = 0; t < nt; t++) offsets[t + 1]! += offsets[t]!;
    const fill = offsets.slice(0, nt);
    const docs = new Int32Array(nnz);
    const impacts = new Float32Array(nnz);
    for (let i = 0; i < nnz; i++) {
      const at = fill[tTerm[i]!]!++;
      docs[at] = tDoc[i]!;
      impacts[at] = tImp[i]!;
    }
    const idf = new Float64Array(nt);
    for (let t = 0; t < nt; t++) {
      const df = offsets[t + 1]! - offsets[t]!;
      idf[t] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
    return new TermIndex(v, terms, offsets, docs, impacts, idf);
  }

  /** Number of distinct terms. */
  get size(): number {
    return this.terms.size;
  }

  /** Dense id (0 … size−1) of a term key, −1 when unknown. */
  idOf(key: number): number {
    return this.terms.get(key) ?? -1;
  }

  /** Every term key of the index. */
  keys(): IterableIterator<number> {
    return this.terms.keys();
  }

  /**
   * True when term `key` here and term `otherKey` of `other` have the same postings and impacts,
   * so scoring one with weight w adds exactly what the other would (w × idf × impact, same docs).
   */
  samePostings(key: number, other: TermIndex, otherKey: number): boolean {
    const a = this.terms.get(key);
    const b = other.terms.get(otherKey);
    if (a === undefined || b === undefined) return false;
    const n = this.offsets[a + 1]! - this.offsets[a]!;
    if (n !== other.offsets[b + 1]! - other.offsets[b]! || this.idf[a] !== other.idf[b]) return false;
    for (let i = 0, p = this.offsets[a]!, q = other.offsets[b]!; i < n; i++, p++, q++) {
      if (this.docs[p] !== other.docs[q] || this.impacts[p] !== other.impacts[q]) return false;
    }
    return true;
  }

  /** Document frequency of a term key (0 when unknown). */
  df(key: number): number {
    const id = this.terms.get(key);
    return id === undefined ? 0 : this.offsets[id + 1]! - this.offsets[id]!;
  }

  /** Inverse document frequency of a term key (0 when unknown). */
  idfOf(key: number): number {
    const id = this.terms.get(key);
    return id === undefined ? 0 : this.idf[id]!;
  }

  /** Adds `weight × idf × impact` of the term to `scores`; returns false when the term is unknown. */
  accumulate(key: number, weight: number, scores: Float32Array): boolean {
    const id = this.terms.get(key);
    if (id === undefined) return false;
    const w = weight * this.idf[id]!;
    const { docs, impacts } = this;
    const end = this.offsets[id + 1]!;
    for (let i = this.offsets[id]!; i < end; i++) scores[docs[i]!]! += w * impacts[i]!;
    return true;
  }
}

function grow<T extends Float64Array | Float32Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

/**
 * Indexes of the `k` largest positive scores, best first (ties: lower index first). A min-heap of
 * the best so far: O(n log k), where keeping a sorted list costs O(n·k) once most records score.
 */
export function topK(scores: Float32Array, k: number): number[] {
  if (k <= 0) return [];
  const heap: number[] = [];
  // a is worse than b: lower score, or the same score and a later index.
  const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) return;
      const c = l + 1 < heap.length && worse(heap[l + 1]!, heap[l]!) ? l + 1 : l;
      if (!worse(heap[c]!, heap[i]!)) return;
      [heap[c], heap[i]] = [heap[i]!, heap[c]!];
      i = c;
    }
  };
  for (let d = 0; d < scores.length; d++) {
    if (scores[d]! <= 0) continue;
    if (heap.length < k) {
      heap.push(d);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[p]!)) break;
        [heap[p], heap[i]] = [heap[i]!, heap[p]!];
        i = p;
      }
    } else if (worse(heap[0]!, d)) {
      heap[0] = d;
      down(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
