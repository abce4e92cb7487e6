import { analyzeQuery, analyzeText } from './analyze.js';
import { runSync, type Steps } from '../ingest/cooperate.js';
import functionWords from './function-words.json' with { type: 'json' };
import { fold } from '../ingest/normalize.js';
import { TypoIndex } from './typo.js';
import type { Chunk, ChunkHit, DocMeta } from '../types.js';

/**
 * Does the corpus answer this question, and which passages cover it? The offline answerer's
 * guard against answering a different question than the one asked (and the LLM path's too).
 *
 * - Every topic syllable must be known to the corpus (a typo counts when the corrected syllable
 *   forms a corpus bigram with its neighbour: "chuyn doi" → "chuyen doi", but "dien thoai" is not
 *   a typo of "dien thoi"). A question about "xử phạt" or "điện thoại" is not in documents that
 *   never use those words.
 * - A covering passage holds most (idf-weighted) of the question's topic syllables.
 * The kinds of fact a question asks for live in answer/fact-kinds.ts.
 */

/** Particles, pronouns and question words people add on a phone (data: function-words.json). */
export const PARTICLES: ReadonlySet<string> = new Set(functionWords.words);

/** What the corpus knows: syllable document frequencies, syllable bigrams, typo lookup. */
export interface CorpusStats {
  idf(term: string): number;
  known(term: string): boolean;
  /** True when `a b` (folded syllables) occur next to each other somewhere in the corpus. */
  pair(a: string, b: string): boolean;
  typos: TypoIndex;
  /**
   * The corpus' theme: syllable pairs in at least half of the documents' titles ("phong trào",
   * "thi đua", "đổi mới", "chuyển đổi", "bình dân", "học vụ"…). Every document is about them, so
   * in a question they say which campaign, not which passage.
   */
  theme: ReadonlySet<string>;
  /**
   * The departments the corpus names, folded, by their first two words ("so noi vu", "so khoa
   * hoc", "so van hoa"): written in full, they are unambiguous even without diacritics, where a
   * lone "so" may be "số".
   */
  departments: readonly string[];
}

/** Builds the statistics once, over every chunk's section and text and the documents' metadata. */
export function corpusStats(chunks: Chunk[], docs: DocMeta[]): CorpusStats {
  return runSync(corpusStatsSteps(chunks, docs));
}

/** `corpusStats` in steps, one chunk each (see `cooperate.ts`). */
export function* corpusStatsSteps(chunks: Chunk[], docs: DocMeta[]): Steps<CorpusStats> {
  const df = new Map<string, number>();
  const pairs = new Set<string>();
  const add = (text: string) => {
    const f = analyzeText(text).folded;
    for (let i = 1; i < f.length; i++) pairs.add(`${f[i - 1]} ${f[i]}`);
    return f;
  };
  for (const c of chunks) {
    for (const t of new Set(add(`${c.section}\n${c.text}`))) df.set(t, (df.get(t) ?? 0) + 1);
    yield;
  }
  for (const d of docs) for (const t of add(metaText(d))) if (!df.has(t)) df.set(t, 1);
  const n = chunks.length;
  const maxIdf = Math.log(1 + n / 0.5);
  const typos = yield* TypoIndex.steps(df.keys());
  return {
    idf: (t) => (df.has(t) ? Math.log(1 + n / df.get(t)!) : maxIdf),
    known: (t) => df.has(t),
    pair: (a, b) => pairs.has(`${a} ${b}`),
    typos,
    theme: themeOf(docs),
    departments: departmentsOf(chunks),
  };
}

function departmentsOf(chunks: Chunk[]): string[] {
  const names = new Set<string>();
  for (const c of chunks) {
    for (const m of c.text.matchAll(/(?<![\p{L}])Sở\s+(\p{Lu}\p{L}*)\s+(\p{L}+)/gu)) names.add(analyzeText(`sở ${m[1]} ${m[2]}`).folded.join(' '));
  }
  return [...names];
}

function themeOf(docs: DocMeta[]): Set<string> {
  const count = new Map<string, number>();
  for (const d of docs) {
    const f = analyzeText(d.title).folded;
    for (const t of new Set(f.slice(1).map((w, i) => `${f[i]} ${w}`))) count.set(t, (count.get(t) ?? 0) + 1);
  }
  return new Set([...count].filter(([, n]) => docs.length >= 2 && n >= 2 && n * 2 >= docs.length).map(([t]) => t));
}

function metaText(d: DocMeta): string {
  return `${d.label} ${d.number ?? ''} ${d.issuer} ${d.signer ?? ''}`;
}

/** The question reduced to what it is about: folded topic syllables, in order, with duplicates. */
export interface QuestionTopic {
  terms: string[];
  /** Topic syllables the corpus does not know (not even as a context-confirmed typo). */
  unknown: string[];
}

/** "nhiu" for "nhiều" ("bao nhiu"), "khog" for "không": a misspelt question word is no topic either. */
function typoOfParticle(t: string, stats: CorpusStats): boolean {
  return t.length >= 4 && !/\d/.test(t) && stats.typos.candidates(t).some((c) => PARTICLES.has(c));
}

/** Analyses a question against the corpus; typos confirmed by context are replaced by the fix. */
export function questionTopic(question: string, stats: CorpusStats): QuestionTopic {
  const all = analyzeQuery(question).folded.filter((t) => !PARTICLES.has(t) && !(!stats.known(t) && typoOfParticle(t, stats)));
  const unknown: string[] = [];
  const terms = all.map((t, i) => {
    if (stats.known(t) || /^\d+$/.test(t)) return t;
    const prev = all[i - 1];
    const next = all[i + 1];
    const fix = stats.typos
      .candidates(t)
      .find((c) => (prev !== undefined && stats.pair(prev, c)) || (next !== undefined && stats.pair(c, next)));
    if (fix) return fix;
    unknown.push(t);
    return t;
  });
  return { terms, unknown };
}

const termsOfChunk = new WeakMap<Chunk, Set<string>>();

/** The folded syllables a passage offers: its document's metadata, section path and text. Memoised per chunk. */
export function passageTerms(hit: ChunkHit): Set<string> {
  let terms = termsOfChunk.get(hit.chunk);
  if (!terms) {
    terms = new Set(analyzeText(`${metaText(hit.doc)}\n${hit.chunk.section}\n${hit.chunk.text}`).folded);
    termsOfChunk.set(hit.chunk, terms);
  }
  return terms;
}

/**
 * Which words of a folded sequence belong to the campaign's name: runs of two or more theme pairs
 * in a row (three syllables or more: "phong trào thi đua", "bình dân học vụ số", "chuyển đổi số").
 * A lone pair is a coincidence: "người dân học kỹ năng" keeps "dân học".
 */
export function themeWords(words: readonly string[], stats: CorpusStats): boolean[] {
  const out = words.map(() => false);
  const pair = (i: number) => i + 1 < words.length && stats.theme.has(`${words[i]} ${words[i + 1]}`);
  for (let i = 0; i < words.length; ) {
    let j = i;
    while (pair(j)) j++;
    if (j - i >= 2) for (let k = i; k <= j; k++) out[k] = true;
    i = j + 1;
  }
  return out;
}

/**
 * The question without the campaign's name (its theme pairs, `CorpusStats.theme`), rebuilt from its
 * analysed words, when a topic word is left: "Sở nào được giao chủ trì phong trào thi đua đổi mới
 * sáng tạo và CĐS" searches for "sở nào được giao chủ trì". Every header and preamble repeats the
 * name, so searched with it they outrank the passage that answers. Unchanged otherwise.
 */
export function withoutTheme(question: string, stats: CorpusStats): string {
  const { folded, accented } = analyzeQuery(question);
  const inTheme = themeWords(folded, stats);
  const keep = folded.map((_, i) => !inTheme[i]);
  if (keep.every(Boolean) || !folded.some((w, i) => keep[i] && !PARTICLES.has(w))) return question;
  return accented.filter((_, i) => keep[i]).join(' ');
}
