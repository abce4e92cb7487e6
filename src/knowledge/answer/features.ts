/**
 * The evidence the answer decision weighs: properties of the question and of the passages the
 * search returned, each a number in [0, 1]. Nothing here names a phrase; the decision's weights
 * (decision-weights.json) are fitted on labelled question sets by scripts/fit-decision.ts.
 *
 * The question is reduced to concepts: its content syllables (particles, the campaign's own name
 * and the places it names left out), where an everyday phrase of the thesaurus is one concept that
 * a passage covers with the phrase itself or with one of the plan's phrases for it. Coverage is
 * the idf-weighted share of concepts a text holds.
 */
import { analyzeQuery, analyzeText } from '../search/analyze.js';
import { passageTerms, questionTopic, withoutTheme, type CorpusStats } from '../search/coverage.js';
import type { Thesaurus } from '../search/thesaurus.js';
import type { PlaceCheck } from '../search/places.js';
import type { ChunkHit } from '../types.js';
import type { FactKind } from './fact-kinds.js';
import { sentences } from './extractive.js';

/** One thing the question is about: its own syllables, or a plan phrase for them. */
export interface Concept {
  words: string[];
  alternatives: string[][];
  weight: number;
  /** Known to the corpus, directly or through a plan phrase. */
  known: boolean;
}

export const FEATURES = [
  'cov_sentence',
  'cov_passage',
  'cov_top3',
  'unknown',
  'pair_unseen',
  'pair_passage',
  'fact_asked',
  'fact_in_best',
  'fact_nowhere',
  'margin',
  'place_unknown',
  'number_miss',
  'miss_top',
  'all_covered',
  'few_concepts',
] as const;
export type FeatureName = (typeof FEATURES)[number];
export type FeatureVector = Record<FeatureName, number>;

export interface QuestionReading {
  concepts: Concept[];
  /** Adjacent content syllables of the question, folded (["cao", "tuoi"]), both known to the corpus. */
  pairs: [string, string][];
  /** Years and document numbers (3+ digits) the question names. */
  numbers: string[];
}

/** The question as concepts, for `features`. */
export function readQuestion(question: string, stats: CorpusStats, thesaurus: Thesaurus, placeWords: ReadonlySet<string>): QuestionReading {
  // The campaign's name says which campaign, the places named which documents: neither is a topic.
  const topic = questionTopic(withoutTheme(question, stats), stats);
  const terms = topic.terms.filter((t) => !placeWords.has(t));
  const unknown = new Set(topic.unknown);
  const concepts: Concept[] = [];
  const spans = thesaurus.spans(terms);
  let s = 0;
  for (let i = 0; i < terms.length; ) {
    const span = spans[s];
    if (span && span.start === i) {
      const words = terms.slice(span.start, span.end);
      concepts.push({ words, alternatives: [words, ...span.plan], weight: Math.max(...words.map((w) => stats.idf(w))), known: true });
      i = span.end;
      s++;
      continue;
    }
    const t = terms[i]!;
    if (!concepts.some((c) => c.words.length === 1 && c.words[0] === t)) {
      concepts.push({ words: [t], alternatives: [[t]], weight: stats.idf(t), known: !unknown.has(t) });
    }
    i++;
  }
  const pairs: [string, string][] = [];
  for (let i = 1; i < terms.length; i++) {
    const [a, b] = [terms[i - 1]!, terms[i]!];
    if (stats.known(a) && stats.known(b) && !/^\d+$/.test(a) && !/^\d+$/.test(b)) pairs.push([a, b]);
  }
  return { concepts, pairs, numbers: [...new Set(terms.filter((t) => /^\d{3,}$/.test(t)))] };
}

/** Share (idf-weighted) of the concepts the set of syllables covers. */
export function coverageOf(concepts: readonly Concept[], have: ReadonlySet<string>): number {
  let total = 0;
  let found = 0;
  for (const c of concepts) {
    total += c.weight;
    if (c.alternatives.some((alt) => alt.every((w) => have.has(w)))) found += c.weight;
  }
  return total > 0 ? found / total : 0;
}

/** The concepts a set of syllables lacks, as folded words. */
export function uncovered(concepts: readonly Concept[], have: ReadonlySet<string>): Concept[] {
  return concepts.filter((c) => !c.alternatives.some((alt) => alt.every((w) => have.has(w))));
}

const sentencesOf = new WeakMap<object, { text: string; terms: Set<string> }[]>();
const bigramsOf = new WeakMap<object, Set<string>>();

/** A passage's sentences with their syllables and those of the passage's headings. Memoised. */
function passageSentences(hit: ChunkHit): { text: string; terms: Set<string> }[] {
  let out = sentencesOf.get(hit.chunk);
  if (!out) {
    const heading = analyzeText(hit.chunk.section).folded;
    out = sentences(hit.chunk.text).map((text) => ({ text, terms: new Set([...heading, ...analyzeText(text).folded]) }));
    sentencesOf.set(hit.chunk, out);
  }
  return out;
}

function passageBigrams(hit: ChunkHit): Set<string> {
  let out = bigramsOf.get(hit.chunk);
  if (!out) {
    const f = analyzeText(`${hit.chunk.section}\n${hit.chunk.text}`).folded;
    out = new Set(f.slice(1).map((w, i) => `${f[i]} ${w}`));
    bigramsOf.set(hit.chunk, out);
  }
  return out;
}

export interface Assessment {
  x: FeatureVector;
  /** What the best-covering passage lacks, for the reader of a decline. */
  missing: Concept[];
}

/** How many passages the features look at: the top five, as a reader would. */
export const LOOK = 5;

/**
 * The features of a question against its hits (best first). `fact` is the kind of fact asked,
 * `place` the places it names.
 */
export function features(reading: QuestionReading, hits: readonly ChunkHit[], stats: CorpusStats, fact: FactKind | undefined, place: PlaceCheck): Assessment {
  const top = hits.slice(0, LOOK);
  const { concepts, pairs, numbers } = reading;
  let covSentence = 0;
  let covPassage = 0;
  let best: ChunkHit | undefined;
  for (const hit of top) {
    const p = coverageOf(concepts, passageTerms(hit));
    if (!best || p > covPassage) [covPassage, best] = [p, hit];
    for (const s of passageSentences(hit)) covSentence = Math.max(covSentence, coverageOf(concepts, s.terms));
  }
  const union = new Set<string>();
  for (const hit of top.slice(0, 3)) for (const t of passageTerms(hit)) union.add(t);
  const total = concepts.reduce((n, c) => n + c.weight, 0);
  const unknownWeight = concepts.filter((c) => !c.known).reduce((n, c) => n + c.weight, 0);
  const unseen = pairs.filter(([a, b]) => !stats.pair(a, b)).length;
  const bigrams = best ? passageBigrams(best) : new Set<string>();
  const scores = top.map((h) => h.score);
  const margin = scores.length > 1 && scores[0]! > 0 ? (scores[0]! - scores[1]!) / scores[0]! : scores.length === 1 ? 1 : 0;
  // The kind of fact asked, in a sentence that covers at least half of what the best one does.
  const holding = fact
    ? top.flatMap((hit) => passageSentences(hit).filter((s) => fact.test(s.text)))
    : [];
  const factInBest = fact !== undefined && holding.some((s) => coverageOf(concepts, s.terms) >= covSentence * 0.5 && covSentence > 0);
  // A year or number asked stands in the passage that answers ("chỉ tiêu năm 2027").
  const bestTerms = best ? passageTerms(best) : new Set<string>();
  const numberMiss = numbers.filter((n) => !bestTerms.has(n)).length;
  const missing = uncovered(concepts, bestTerms);
  const heaviest = Math.max(0, ...concepts.map((c) => c.weight));
  const x: FeatureVector = {
    cov_sentence: covSentence,
    cov_passage: covPassage,
    cov_top3: coverageOf(concepts, union),
    unknown: total > 0 ? unknownWeight / total : 0,
    pair_unseen: pairs.length ? unseen / pairs.length : 0,
    pair_passage: pairs.length ? pairs.filter(([a, b]) => bigrams.has(`${a} ${b}`)).length / pairs.length : 0,
    fact_asked: fact ? 1 : 0,
    fact_in_best: factInBest ? 1 : 0,
    fact_nowhere: fact && holding.length === 0 ? 1 : 0,
    margin: Math.max(0, Math.min(1, margin)),
    place_unknown: place.unknown ? 1 : 0,
    number_miss: numbers.length ? numberMiss / numbers.length : 0,
    miss_top: heaviest > 0 ? Math.max(0, ...missing.map((c) => c.weight)) / heaviest : 0,
    all_covered: missing.length === 0 && numberMiss === 0 ? 1 : 0,
    few_concepts: 1 / (1 + concepts.length),
  };
  return { x, missing };
}

/**
 * The missing concepts as the question wrote them, joined into phrases where they stand together
 * ("vé xe buýt"); a lone syllable keeps its neighbour, since Vietnamese words are mostly two
 * syllables ("công chức", not "chức"). At most `max` phrases, in the question's order.
 */
export function missingPhrases(missing: readonly Concept[], question: string, max = 3): string[] {
  const { folded, accented } = analyzeQuery(question);
  const at = new Set<number>();
  for (const c of missing) {
    for (let i = 0; i + c.words.length <= folded.length; i++) {
      if (!c.words.every((w, j) => folded[i + j] === w)) continue;
      for (let j = 0; j < c.words.length; j++) at.add(i + j);
      break;
    }
  }
  const runs: [number, number][] = [];
  for (const i of [...at].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs.slice(0, max).map(([a, b]) => {
    if (a === b) [a, b] = a > 0 ? [a - 1, b] : [a, Math.min(b + 1, accented.length - 1)];
    return accented.slice(a, b + 1).join(' ');
  });
}
