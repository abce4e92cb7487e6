import path from 'node:path';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Logger } from '../logger.js';
import { loadPrompt } from '../prompts.js';
import { createAnswerer, type Answerer, type ChatLike } from './answer/answer.js';
import { cooperative, runCooperatively } from './ingest/cooperate.js';
import { loadCorpus, type AddedDocuments } from './ingest/corpus.js';
import { corpusStatsSteps, withoutTheme } from './search/coverage.js';
import { inPlace, levelNamed, placesNamed, placesOf } from './search/places.js';
import { Thesaurus, thesaurusEntries } from './search/thesaurus.js';
import { understood } from './search/understand.js';
import { createRetriever, hashRecords, type Retriever } from './search/retrieve.js';
import { topicsOf } from './ingest/topics.js';
import type { ChunkHit, Knowledge, LoadedCorpus } from './types.js';

export type { Knowledge } from './types.js';

export interface KnowledgeOptions {
  corpusDir: string;
  /** Documents staff added at run time (published ones only), loaded after the bundled corpus. */
  added?: AddedDocuments;
  /** The index lives in `${dataDir}/index`, rebuilt only when the corpus hash changes. */
  dataDir: string;
  /** Remote embeddings (OpenAI-compatible); the local offline embedder otherwise. */
  embeddings?: EmbeddingsInterface;
  llm?: ChatLike;
  llmTimeoutMs?: number;
  logger?: Logger;
}

/**
 * Loads the corpus, loads or (re)builds the search index, and wires the answerer.
 * Ready to answer when the promise resolves.
 * @throws when the corpus manifest is invalid (the message names the entry and field).
 */
/** The decision's view of one question: features, probability, the passages weighed. */
export type Assessed = ReturnType<Answerer['assess']>;

export async function createKnowledge(opts: KnowledgeOptions): Promise<Knowledge & { corpus: LoadedCorpus; assess(question: string): Promise<Assessed> }> {
  const corpus = await loadCorpus(opts.corpusDir, opts.added);
  const docById = new Map(corpus.docs.map((d) => [d.id, d]));
  const chunkById = new Map(corpus.chunks.map((c) => [c.id, c]));
  const records = corpus.chunks.map((c) => {
    const doc = docById.get(c.docId)!;
    // Document descriptors in every title, so "the công văn of Hải Phòng signed by X" finds its
    // passages, and the section path, so a heading's words find the text under it.
    return {
      id: c.id,
      title: `${doc.label}, ${doc.issuer}${doc.signer ? `, ${doc.signer}` : ''}. ${c.section}`,
      text: c.text,
      headings: c.section ? c.section.split(' › ') : [],
    };
  });
  const indexDir = path.join(opts.dataDir, 'index');
  // Over the chunks themselves, so a change in chunking rebuilds the index too.
  const corpusHash = hashRecords(records);
  const onEmbedError = (err: unknown) => opts.logger?.warn({ err }, 'query embedding failed; lexical search only');
  let retriever: Retriever;
  try {
    retriever = await createRetriever(records, { ...(opts.embeddings ? { embeddings: opts.embeddings } : {}), indexDir, corpusHash, onEmbedError });
  } catch (err) {
    if (!opts.embeddings) throw err;
    // The embeddings server is down or refuses: start anyway on the local embedder.
    opts.logger?.warn({ err }, 'remote embeddings unavailable; using the local embedder');
    retriever = await createRetriever(records, { indexDir: path.join(opts.dataDir, 'index-local'), corpusHash });
  }
  const prompt = opts.llm ? await loadPrompt('answer.vi.md') : undefined;
  // Between the steps of a build, questions asked meanwhile get their turn (a reindex runs live).
  const turn = cooperative(0);
  const stats = await runCooperatively(corpusStatsSteps(corpus.chunks, corpus.docs));
  const thesaurus = new Thesaurus(thesaurusEntries(), stats);
  await turn();
  const topics = topicsOf(corpus);
  await turn();
  const answerer = createAnswerer({
    stats,
    docs: corpus.docs,
    thesaurus,
    topics,
    ...(opts.llm ? { llm: opts.llm, prompt } : {}),
    ...(opts.llmTimeoutMs ? { timeoutMs: opts.llmTimeoutMs } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
  });

  const places = placesOf(corpus.docs);

  /**
   * Hits for a question already read by `understood`: searched with the plan's words for its
   * everyday ones, and without the campaign's name; the documents of a level or a place the
   * question names come first, from a deeper search.
   */
  async function searchRead(question: string, k: number, preferPlace?: string): Promise<ChunkHit[]> {
    const level = levelNamed(question, corpus.docs, places);
    let named = placesNamed(question, places, stats.pair);
    // The asker's own unit (chosen with /donvi) when the question names no place or level.
    if (!level && named.length === 0 && preferPlace) named = placesNamed(preferPlace, places, stats.pair);
    const scoped = (h: ChunkHit) => (!level || h.doc.level === level) && inPlace(named, h.doc, '');
    const deep = level || named.length ? Math.max(k, 20) : k;
    const found = await retriever.search(thesaurus.expand(withoutTheme(question, stats)), deep);
    const hits = found.map((h) => {
      const chunk = chunkById.get(h.id)!;
      return { chunk, doc: docById.get(chunk.docId)!, score: h.score };
    });
    if (!level && named.length === 0) return hits;
    return [...hits.filter(scoped), ...hits.filter((h) => !scoped(h))].slice(0, k);
  }

  return {
    corpus,
    docs: corpus.docs,
    chunks: corpus.chunks,
    search: (question, k = 5) => searchRead(understood(question, stats), k),
    async ask(asked, opts) {
      const question = understood(asked, stats);
      return answerer.ask(question, await searchRead(question, 10, opts?.preferPlace), asked);
    },
    async assess(asked) {
      const question = understood(asked, stats);
      return answerer.assess(question, await searchRead(question, 10));
    },
  };
}
