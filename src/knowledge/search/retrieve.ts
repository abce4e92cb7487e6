/**
 * THE retrieval pipeline, used by the bot and by the evaluation alike: the Vietnamese lexical
 * ranker (whole records mixed with their best lines, `passages.ts`), plus a dense vector index
 * (local LSA offline, or remote embeddings when configured) fused in. Measured on ALQAC train,
 * the local vectors lower MRR when fused by RRF or by weighted scores, but bring missed records
 * into the top 10 on the inverse-cloze proxy and the bot's own question set; hence the default
 * "lexical-first": the lexical head is kept and the tail is re-ranked with vectors.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { runCooperatively } from '../ingest/cooperate.js';
import { prepareQuery } from './lexical.js';
import type { LexicalOptions, PreparedQuery } from './lexical.js';
import { RecordRanker } from './passages.js';
import type { PassageOptions } from './passages.js';
import { LocalEmbeddings } from './local-embedder.js';
import type { LocalEmbedderOptions } from './local-embedder.js';
import type { SearchHit, SearchRecord } from '../types.js';
import { VectorIndex, embedderIdOf } from './vector-index.js';
import { DEFAULT_FUSION, fuse } from './fusion.js';
import type { FusionOptions } from './fusion.js';

/** A search function over the indexed records. */
export interface Retriever {
  /** The best `k` records, best first. */
  search(query: string, k: number): Promise<SearchHit[]>;
}

/** Options of `createRetriever`; everything has a measured default. */
export interface RetrieverOptions extends Partial<FusionOptions> {
  lexical?: Partial<LexicalOptions>;
  /** The clause channel of the lexical side (`weight: 0` ranks whole records only). */
  passages?: Partial<PassageOptions>;
  /** Remote embeddings (e.g. OpenAIEmbeddings). Default: a local LSA fitted on the records. */
  embeddings?: EmbeddingsInterface;
  /** Told when a query could not be embedded (the search then runs on the lexical ranker only). */
  onEmbedError?: (err: unknown) => void;
  /** false: lexical only, no vector index at all (fastest start). Default true. */
  vectors?: boolean;
  local?: LocalEmbedderOptions;
  /** Where the vector index (and the local model) persist; without it they live in memory. */
  indexDir?: string;
  /** Content hash of the records; computed from them when omitted. */
  corpusHash?: string;
}

/** sha256 over ids, titles and texts: changes whenever any indexed text changes. */
export function hashRecords(records: readonly SearchRecord[]): string {
  const h = createHash('sha256');
  for (const r of records) h.update(r.id).update('\u0000').update(r.title).update('\u0000').update(r.text).update('\u0001');
  return h.digest('hex');
}

const textOf = (r: SearchRecord) => `${r.title}\n${r.text}`;

/** The vector side: its index, and how a query becomes a vector (the local model reuses the lexical analysis). */
type Vectors = { index: VectorIndex; embed: (q: string, prepared: PreparedQuery) => Promise<number[]> | number[] };

/** Remote embeddings: reuse the persisted vectors when the manifest matches, else embed again. */
async function remoteVectors(records: SearchRecord[], e: EmbeddingsInterface, corpusHash: string, dir?: string): Promise<Vectors> {
  const meta = { embedderId: embedderIdOf(e), corpusHash };
  let index = dir ? await VectorIndex.load(dir, meta).catch(() => undefined) : undefined;
  if (!index) {
    index = await VectorIndex.build(records.map((r) => r.id), records.map(textOf), e, meta);
    if (dir) await index.save(dir);
  }
  return { index, embed: (q) => e.embedQuery(q) };
}

/**
 * Local LSA: the model is fitted on the records, so model and vectors persist together and are
 * reused only as a pair whose manifest names this model and this corpus.
 */
async function localVectors(records: SearchRecord[], corpusHash: string, opts?: LocalEmbedderOptions, dir?: string): Promise<Vectors> {
  let model: LocalEmbeddings | undefined;
  let index: VectorIndex | undefined;
  if (dir) {
    try {
      model = await LocalEmbeddings.load(path.join(dir, 'local'));
      index = await VectorIndex.load(dir, { embedderId: model.id, corpusHash });
    } catch {
      index = undefined;
    }
  }
  if (!index || !model) {
    model = await LocalEmbeddings.fitOffThread(records.map(textOf), opts);
    const meta = { embedderId: model.id, corpusHash };
    index = await VectorIndex.build(records.map((r) => r.id), records.map(textOf), model, meta);
    if (dir) {
      await model.save(path.join(dir, 'local'));
      await index.save(dir);
    }
  }
  const m = model;
  return { index, embed: (_q, prepared) => m.embedAnalyzed(prepared.analyzed) };
}

/**
 * Builds (or loads from `indexDir`) everything the search needs. Without `indexDir` the indexes
 * live in memory; with it, vectors are rebuilt only when the corpus hash or embedder changed.
 * @example const r = await createRetriever(records, { indexDir: 'data/index', corpusHash });
 *          const hits = await r.search('ubnd cấp xã có trách nhiệm gì', 5);
 * @throws whatever the embeddings throw while embedding documents (network, quota…).
 */
export async function createRetriever(records: SearchRecord[], options: RetrieverOptions = {}): Promise<Retriever> {
  const fusion: FusionOptions = { ...DEFAULT_FUSION, ...definedOnly(options) };
  const lexical = await runCooperatively(RecordRanker.steps(records, options.lexical, options.passages));
  const useVectors = options.vectors !== false && fusion.fusion !== 'lexical' && records.length > 0;
  const corpusHash = options.corpusHash ?? (useVectors ? hashRecords(records) : '');
  const vectors = !useVectors
    ? undefined
    : options.embeddings
      ? await remoteVectors(records, options.embeddings, corpusHash, options.indexDir)
      : await localVectors(records, corpusHash, options.local, options.indexDir);
  return {
    async search(query, k) {
      if (k <= 0) return [];
      const depth = Math.max(k, fusion.depth);
      const prepared = prepareQuery(query);
      const lex = lexical.search(prepared, depth);
      if (!vectors) return lex.slice(0, k);
      // A remote embedding that fails (network, quota) must not cost the answer: lexical alone.
      const vector = await Promise.resolve()
        .then(() => vectors.embed(query, prepared))
        .catch((err: unknown) => {
        options.onEmbedError?.(err);
        return undefined;
      });
      if (!vector) return lex.slice(0, k);
      return fuse(lex, vectors.index.search(vector, depth), k, fusion);
    },
  };
}

/** Fusion fields the caller actually set (undefined must not erase a default). */
function definedOnly(o: RetrieverOptions): Partial<FusionOptions> {
  const out: Partial<FusionOptions> = {};
  for (const key of ['fusion', 'denseWeight', 'keepLexical', 'rrfK', 'depth'] as const) {
    if (o[key] !== undefined) (out as Record<string, unknown>)[key] = o[key];
  }
  return out;
}
