/**
 * Lexical ranker built for how Vietnamese is typed: BM25F over folded syllables and syllable
 * bigrams (most Vietnamese words are two syllables, so bigrams carry word identity that lone
 * syllables lose: "hôn nhân" vs "nhân dân"), fields title and text, a small bonus for exact
 * diacritics when the query has them ("bán" vs "bàn" fold alike), question boilerplate removed,
 * edit-distance-1 typo matching for syllables the corpus has never seen, and a bonus for records
 * under a section heading the question names in full ("mục đích", "thời gian thực hiện").
 */
import { runSync, type Steps } from '../ingest/cooperate.js';
import { analyzeQuery, analyzeText, hasDiacritics } from './analyze.js';
import type { Analyzed } from './analyze.js';
import { TermIndex, topK } from './term-index.js';
import type { FieldIds } from './term-index.js';
import { TypoIndex } from './typo.js';
import type { SearchHit, SearchRecord } from '../types.js';

/** Ranking knobs. Defaults were tuned on ALQAC queries-train.jsonl only. */
export interface LexicalOptions {
  /** BM25 term-frequency saturation. */
  k1: number;
  titleWeight: number;
  textWeight: number;
  /** Length normalisation of the title and text fields. */
  bTitle: number;
  bText: number;
  /** Query weight of a syllable bigram relative to a syllable. */
  bigramWeight: number;
  /** Query weight of the exact-diacritics channel, used only when the query has diacritics. */
  accentWeight: number;
  /** Query weight of a syllable reached through a one-edit typo correction. */
  typoWeight: number;
  /** Bonus, per idf of its syllables, for a record under a section heading the query names in full. */
  headingWeight: number;
  /**
   * Query syllables found in more than this share of the records are not scored on their own
   * (their bigrams still are): near-stop-words add almost nothing to BM25 and cost the longest
   * posting walks. 1 = score every syllable.
   */
  maxDfShare: number;
}

/** Defaults tuned on ALQAC 2023 train questions (see scripts/bench.ts for the figures). */
export const DEFAULT_LEXICAL_OPTIONS: Readonly<LexicalOptions> = {
  // Coordinate ascent on train (MRR with and without diacritics): low k1 because legal articles
  // repeat their key words; the title (law name + article heading) is worth 3 text mentions;
  // bigrams count double since they, not syllables, are the words.
  k1: 0.6,
  titleWeight: 3,
  textWeight: 1,
  bTitle: 0.5,
  bText: 0.5,
  bigramWeight: 2,
  accentWeight: 0.6,
  typoWeight: 0.5,
  // Grid 0.3–12 on the bot's own set (hit@1 84.6% → 87–88% from 3 to 8). Records without
  // declared headings (ALQAC) are untouched: see `SearchRecord.headings` and the README.
  headingWeight: 5,
  maxDfShare: 1,
};

/**
 * Section headings as the phrases a question may name, folded, without their numbering ("I.",
 * "3.2.1.", "a)"); only phrases of two syllables or more. A heading's comma list stays whole:
 * split, "4. Các cơ quan, đơn vị, trường học, doanh nghiệp" would put "đơn vị" and "doanh nghiệp"
 * under every question that says them (measured: one holdout question lost its rank 1).
 * ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"] → "muc dich yeu cau", "muc dich".
 */
export function headingsOf(headings: readonly string[]): { key: string; length: number }[] {
  const out: { key: string; length: number }[] = [];
  for (const raw of headings.flatMap((h) => h.split(/[.:;]\s+/u))) {
    const part = raw.replace(/^\s*(?:(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s*)+/iu, '');
    const words = analyzeText(part).folded;
    if (words.length >= 2) out.push({ key: words.join(' '), length: words.length });
  }
  return out;
}

/** String → dense id, growing while indexing. */
function intern(dict: Map<string, number>, tokens: string[]): Int32Array {
  const out = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    let id = dict.get(tokens[i]!);
    if (id === undefined) dict.set(tokens[i]!, (id = dict.size));
    out[i] = id;
  }
  return out;
}

/** A query analysed once, for every index that scores it. */
export interface PreparedQuery {
  analyzed: Analyzed;
  /** Typed with diacritics: only then does the exact-accent channel run. */
  accents: boolean;
}

/** Analyses a query for `LexicalIndex.scoreAll` (boilerplate removed, abbreviations expanded). */
export function prepareQuery(text: string): PreparedQuery {
  return { analyzed: analyzeQuery(text), accents: hasDiacritics(text) };
}

/**
 * Weighted query terms of one `TermIndex`: syllable keys and bigram keys. Syllables found in more
 * than `maxDf` records are left to their bigrams. Each distinct term counts once, at its highest
 * weight: a question repeating "ma túy" is not three times more about it.
 */
function queryKeys(index: TermIndex, ids: number[], weights: number[], bigramWeight: number, maxDf: number): Map<number, number> {
  const out = new Map<number, number>();
  const put = (key: number, w: number) => out.set(key, Math.max(out.get(key) ?? 0, w));
  ids.forEach((a, i) => {
    if (a < 0) return;
    if (maxDf === Infinity || index.df(index.key(a)) <= maxDf) put(index.key(a), weights[i]!);
    const b = ids[i - 1];
    if (i > 0 && b !== undefined && b >= 0) put(index.key(b, a), bigramWeight * Math.min(weights[i - 1]!, weights[i]!));
  });
  return out;
}

/**
 * Accented terms whose postings are exactly those of their folded form: every occurrence of the
 * folded syllable (or bigram) in the corpus has this one spelling ("người" is the only "nguoi").
 * Scoring such a term walks the same postings twice for the same numbers, so the query adds its
 * weight to the folded term's instead: same scores, and the accent channel of a query typed with
 * diacritics costs only the terms whose spelling tells records apart ("bán" vs "bàn").
 */
function twinTerms(accented: TermIndex, folded: TermIndex, foldOf: Int32Array, v: number): Map<number, number> {
  const twins = new Map<number, number>();
  for (const key of accented.keys()) {
    const fKey = key < v ? folded.key(foldOf[key]!) : folded.key(foldOf[Math.floor(key / v) - 1]!, foldOf[key % v]!);
    if (accented.samePostings(key, folded, fKey)) twins.set(key, fKey);
  }
  return twins;
}

/**
 * An in-memory lexical index over `SearchRecord`s. Rebuilding is cheap (a few hundred ms for
 * 2,249 law articles), so it is not serialised.
 * @example const lex = LexicalIndex.build(records); lex.search('ubnd cap xa', 5)
 */
export class LexicalIndex {
  private readonly scores: Float32Array;

  private constructor(
    private readonly ids: string[],
    private readonly foldedDict: Map<string, number>,
    private readonly accentDict: Map<string, number>,
    private readonly folded: TermIndex,
    private readonly accented: TermIndex,
    /** Accented term key → folded term key with the same postings (see `twinTerms`). */
    private readonly twins: Map<number, number>,
    private readonly typos: TypoIndex,
    /** Folded heading phrase of some title ("co so luu tru du lich") → the records it heads. */
    private readonly headings: Map<string, number[]>,
    private readonly longestHeading: number,
    readonly options: Readonly<LexicalOptions>,
  ) {
    this.scores = new Float32Array(ids.length);
  }

  /** Indexes the records (title and text); `options` override the tuned defaults. */
  static build(records: SearchRecord[], options: Partial<LexicalOptions> = {}): LexicalIndex {
    return runSync(LexicalIndex.steps(records, options));
  }

  /** `build` in steps, one record each (see `cooperate.ts`). */
  static *steps(records: SearchRecord[], options: Partial<LexicalOptions> = {}): Steps<LexicalIndex> {
    const o = { ...DEFAULT_LEXICAL_OPTIONS, ...options };
    const fDict = new Map<string, number>();
    const aDict = new Map<string, number>();
    const fIds: FieldIds[] = [];
    const aIds: FieldIds[] = [];
    const foldOf: number[] = [];
    for (const r of records) {
      const fields = [analyzeText(r.title), analyzeText(r.text)];
      const f = fields.map((a) => intern(fDict, a.folded));
      const a = fields.map((x) => intern(aDict, x.accented));
      for (let i = 0; i < a.length; i++) a[i]!.forEach((id, j) => (foldOf[id] = f[i]![j]!));
      fIds.push(f);
      aIds.push(a);
      yield;
    }
    const params = { k1: o.k1, weights: [o.titleWeight, o.textWeight], b: [o.bTitle, o.bText] };
    const folded = yield* TermIndex.steps(fIds, fDict.size, params);
    const accented = yield* TermIndex.steps(aIds, aDict.size, params);
    const twins = twinTerms(accented, folded, Int32Array.from(foldOf), aDict.size);
    const typos = yield* TypoIndex.steps(fDict.keys());
    const headings = new Map<string, number[]>();
    let longest = 0;
    if (o.headingWeight > 0) {
      records.forEach((r, d) => {
        for (const part of headingsOf(r.headings ?? [])) {
          const list = headings.get(part.key) ?? [];
          if (list[list.length - 1] !== d) list.push(d);
          headings.set(part.key, list);
          longest = Math.max(longest, part.length);
        }
      });
    }
    return new LexicalIndex(records.map((r) => r.id), fDict, aDict, folded, accented, twins, typos, headings, longest, o);
  }

  /** Number of indexed records. */
  get size(): number {
    return this.ids.length;
  }

  /** Document frequency of a folded syllable. */
  private df(syllable: string): number {
    const id = this.foldedDict.get(syllable);
    return id === undefined ? 0 : this.folded.df(this.folded.key(id));
  }

  /**
   * Scores every record for the query. Unknown syllables are replaced by their most frequent
   * one-edit neighbour at `typoWeight`; the accent channel runs only for queries typed with
   * diacritics, because a query without them says nothing about "bán" vs "bàn".
   * The array is the index's own buffer (score of record i at i, 0 = no match): read it before
   * the next call.
   */
  scoreAll(query: string | PreparedQuery): Float32Array {
    const o = this.options;
    const p = typeof query === 'string' ? prepareQuery(query) : query;
    const q = p.analyzed;
    const fIds: number[] = [];
    const fW: number[] = [];
    for (const s of q.folded) {
      const id = this.foldedDict.get(s);
      if (id !== undefined) {
        fIds.push(id);
        fW.push(1);
        continue;
      }
      let best = '';
      for (const c of this.typos.candidates(s)) if (this.df(c) > this.df(best)) best = c;
      fIds.push(best ? this.foldedDict.get(best)! : -1);
      fW.push(o.typoWeight);
    }
    const scores = this.scores;
    scores.fill(0);
    const maxDf = o.maxDfShare >= 1 ? Infinity : o.maxDfShare * this.ids.length;
    const foldedKeys = queryKeys(this.folded, fIds, fW, o.bigramWeight, maxDf);
    if (o.accentWeight > 0 && p.accents) {
      const aIds = q.accented.map((s) => this.accentDict.get(s) ?? -1);
      for (const [key, w] of queryKeys(this.accented, aIds, aIds.map(() => o.accentWeight), o.bigramWeight, maxDf)) {
        // A term whose only spelling in the corpus is this one: its weight joins the folded term's walk.
        const twin = this.twins.get(key);
        if (twin === undefined) this.accented.accumulate(key, w, scores);
        else foldedKeys.set(twin, (foldedKeys.get(twin) ?? 0) + w);
      }
    }
    for (const [key, w] of foldedKeys) this.folded.accumulate(key, w, scores);
    if (this.headings.size > 0) this.headingBonus(q.folded, scores);
    return scores;
  }

  /** Adds the heading bonus: every run of 2+ query syllables that is a whole heading of some title. */
  private headingBonus(words: string[], scores: Float32Array): void {
    const seen = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      let key = words[i]!;
      for (let n = 2; n <= this.longestHeading && i + n <= words.length; n++) {
        key += ` ${words[i + n - 1]}`;
        const records = this.headings.get(key);
        if (!records || seen.has(key)) continue;
        seen.add(key);
        let idf = 0;
        for (let j = i; j < i + n; j++) {
          const id = this.foldedDict.get(words[j]!);
          if (id !== undefined) idf += this.folded.idfOf(this.folded.key(id));
        }
        const bonus = this.options.headingWeight * idf;
        for (const d of records) scores[d] = scores[d]! + bonus;
      }
    }
  }

  /** Best `k` records for the query, highest score first; empty when nothing matches. */
  search(query: string | PreparedQuery, k: number): SearchHit[] {
    const scores = this.scoreAll(query);
    return topK(scores, k).map((d) => ({ id: this.ids[d]!, score: scores[d]! }));
  }
}
