/**
 * An offline embedding that needs no model download: latent semantic analysis (truncated SVD of
 * the TF-IDF matrix of folded syllables and syllable bigrams) fitted on the indexed corpus itself.
 * It knows only the corpus' own vocabulary, so it complements rather than replaces BM25: two
 * passages that share a context ("cai nghiện" near "cơ sở") land close even without shared words.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import { analyzeQuery, analyzeText } from './analyze.js';
import type { Analyzed } from './analyze.js';
import { cooperative, runCooperatively, runSync, type Steps } from '../ingest/cooperate.js';
import { truncatedSvd, truncatedSvdOffThread, type SparseRows } from './svd.js';

/** Fitting knobs. */
export interface LocalEmbedderOptions {
  /** Output dimensions (default 128). */
  dims?: number;
  /** Terms seen in fewer documents are ignored (default 2: a hapax cannot co-occur). */
  minDf?: number;
  /** Keep at most this many terms, the most widespread first (default 12,000): fit time and
   * model size grow with it, and rare terms add little to latent topics. */
  maxTerms?: number;
  /** Seed of the random projection, for reproducible vectors (default 42). */
  seed?: number;
}

const FILE_JSON = 'local-embedder.json';
const FILE_BIN = 'local-embedder.bin';

/** Euclidean norm (no spread: vectors can be long). */
function length(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

/** Folded syllables and adjacent bigrams of analysed text (the model's terms), as strings. */
function features(f: string[]): string[] {
  const out = f.slice();
  for (let i = 1; i < f.length; i++) out.push(`${f[i - 1]} ${f[i]}`);
  return out;
}

/**
 * Term ids looked up by numbers: a bigram is (first syllable + 1) · S + second syllable, so a
 * query costs one string lookup per syllable (its hash is cached) and no string building.
 */
class Vocabulary {
  private readonly syllables = new Map<string, number>();
  private readonly ids = new Map<number, number>();

  constructor(terms: readonly string[]) {
    const parts = terms.map((t) => t.split(' '));
    for (const p of parts) for (const w of p) if (!this.syllables.has(w)) this.syllables.set(w, this.syllables.size);
    const n = this.syllables.size;
    parts.forEach((p, i) => {
      const a = this.syllables.get(p[0]!)!;
      this.ids.set(p.length === 1 ? a : (a + 1) * n + this.syllables.get(p[1]!)!, i);
    });
  }

  /** Ids of the known terms of `features(folded)`, in the same order. */
  termIds(folded: readonly string[]): number[] {
    const n = this.syllables.size;
    const syl = folded.map((w) => this.syllables.get(w) ?? -1);
    const out: number[] = [];
    for (const s of syl) {
      const id = s < 0 ? undefined : this.ids.get(s);
      if (id !== undefined) out.push(id);
    }
    for (let i = 1; i < syl.length; i++) {
      const a = syl[i - 1]!;
      const b = syl[i]!;
      const id = a < 0 || b < 0 ? undefined : this.ids.get((a + 1) * n + b);
      if (id !== undefined) out.push(id);
    }
    return out;
  }
}

/**
 * LSA embeddings for Vietnamese, deterministic and local. Documents and queries go through the
 * same analysis as the lexical ranker (diacritics folded, abbreviations expanded), and queries
 * also lose question boilerplate ("đúng hay sai", "là gì").
 * @example const emb = LocalEmbeddings.fit(texts); const v = await emb.embedQuery('ubnd cấp xã')
 */
export class LocalEmbeddings extends Embeddings {
  /** Identifies the fitted model (method, dims and a fingerprint of the vocabulary). */
  readonly id: string;
  private readonly vocabulary: Vocabulary;

  private constructor(
    private readonly terms: string[],
    private readonly idf: Float32Array,
    private readonly projection: Float32Array,
    readonly dims: number,
    vocabulary?: Vocabulary,
  ) {
    super({});
    this.vocabulary = vocabulary ?? new Vocabulary(terms);
    const h = createHash('sha256').update(terms.join('\n')).update(String(dims)).digest('hex');
    this.id = `local-lsa-v1-${dims}d-${h.slice(0, 12)}`;
  }

  /** Fits the model on the texts (the corpus to be indexed). */
  static fit(texts: string[], options: LocalEmbedderOptions = {}): LocalEmbeddings {
    const { rows, terms, idf, dims, vocabulary } = runSync(LocalEmbeddings.prepare(texts, options));
    return new LocalEmbeddings(terms, idf, truncatedSvd(rows, dims, options.seed ?? 42), dims, vocabulary);
  }

  /** `fit`, with the factorisation on a worker thread: the event loop stays free meanwhile. */
  static async fitOffThread(texts: string[], options: LocalEmbedderOptions = {}): Promise<LocalEmbeddings> {
    const { rows, terms, idf, dims, vocabulary } = await runCooperatively(LocalEmbeddings.prepare(texts, options));
    return new LocalEmbeddings(terms, idf, await truncatedSvdOffThread(rows, dims, options.seed ?? 42), dims, vocabulary);
  }

  /** The vocabulary, its idf and the sparse TF-IDF rows of the texts, ready to factorise. */
  private static *prepare(texts: string[], options: LocalEmbedderOptions): Steps<{ rows: SparseRows; terms: string[]; idf: Float32Array; dims: number; vocabulary: Vocabulary }> {
    const dims = options.dims ?? 128;
    const minDf = options.minDf ?? 2;
    const docs: string[][] = [];
    const df = new Map<string, number>();
    for (const text of texts) {
      const d = analyzeText(text).folded;
      docs.push(d);
      for (const t of new Set(features(d))) df.set(t, (df.get(t) ?? 0) + 1);
      yield;
    }
    const terms = [...df.keys()]
      .filter((t) => df.get(t)! >= minDf)
      .sort((a, b) => df.get(b)! - df.get(a)! || (a < b ? -1 : 1))
      .slice(0, options.maxTerms ?? 12_000)
      .sort();
    const idf = Float32Array.from(terms, (t) => Math.log((1 + texts.length) / (1 + df.get(t)!)) + 1);
    const model = new LocalEmbeddings(terms, idf, new Float32Array(0), dims);
    const weighted: { cols: Int32Array; vals: Float32Array }[] = [];
    for (const d of docs) {
      weighted.push(model.weights(d));
      yield;
    }
    const rows: SparseRows = { cols: weighted.map((r) => r.cols), vals: weighted.map((r) => r.vals), m: terms.length };
    return { rows, terms, idf, dims, vocabulary: model.vocabulary };
  }

  /** Sparse, L2-normalised TF-IDF (sublinear tf) of folded syllables and their bigrams. */
  private weights(folded: string[]): { cols: Int32Array; vals: Float32Array } {
    const tf = new Map<number, number>();
    for (const id of this.vocabulary.termIds(folded)) tf.set(id, (tf.get(id) ?? 0) + 1);
    const cols = Int32Array.from(tf.keys());
    const vals = Float32Array.from(cols, (c) => (1 + Math.log(tf.get(c)!)) * this.idf[c]!);
    const norm = length(vals) || 1;
    for (let i = 0; i < vals.length; i++) vals[i]! /= norm;
    return { cols, vals };
  }

  /** Unit vector of analysed text (all zeros when no known term occurs). */
  private project(folded: string[]): number[] {
    const { cols, vals } = this.weights(folded);
    const k = this.dims;
    const out = new Float64Array(k);
    const projection = this.projection;
    for (let j = 0; j < cols.length; j++) {
      const base = cols[j]! * k;
      const v = vals[j]!;
      for (let c = 0; c < k; c++) out[c]! += v * projection[base + c]!;
    }
    const norm = length(out) || 1;
    return Array.from(out, (x) => x / norm);
  }

  /** Synchronous query embedding, for callers on a latency budget. */
  embedQuerySync(text: string): number[] {
    return this.embedAnalyzed(analyzeQuery(text));
  }

  /** Embedding of a query the caller has already analysed (`analyzeQuery`), so it is not analysed twice. */
  embedAnalyzed(query: Analyzed): number[] {
    return this.project(query.folded);
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    const turn = cooperative();
    const out: number[][] = [];
    for (const d of documents) {
      out.push(this.project(analyzeText(d).folded));
      await turn();
    }
    return out;
  }

  override async embedQuery(document: string): Promise<number[]> {
    return this.embedQuerySync(document);
  }

  /** Writes the fitted model as two files under `dir` (created if missing). */
  async save(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    const meta = { id: this.id, dims: this.dims, terms: this.terms };
    await writeFile(path.join(dir, FILE_JSON), JSON.stringify(meta));
    const bin = new Float32Array(this.idf.length + this.projection.length);
    bin.set(this.idf);
    bin.set(this.projection, this.idf.length);
    await writeFile(path.join(dir, FILE_BIN), new Uint8Array(bin.buffer));
  }

  /**
   * Reads a model written by `save`.
   * @throws Error when the files are missing or do not fit together (rebuild the index).
   */
  static async load(dir: string): Promise<LocalEmbeddings> {
    const meta = JSON.parse(await readFile(path.join(dir, FILE_JSON), 'utf8')) as { id: string; dims: number; terms: string[] };
    const buf = await readFile(path.join(dir, FILE_BIN));
    const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    const m = meta.terms.length;
    if (all.length !== m + m * meta.dims) throw new Error(`${dir}: local embedder files are inconsistent; delete the directory to rebuild`);
    const model = new LocalEmbeddings(meta.terms, all.slice(0, m), all.slice(m), meta.dims);
    if (model.id !== meta.id) throw new Error(`${dir}: local embedder id mismatch; delete the directory to rebuild`);
    return model;
  }
}
