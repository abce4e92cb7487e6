/**
 * Record ranking with a clause channel. A question usually paraphrases one clause ("khoản") of a
 * record, while BM25 over a whole record lets the clause's words drown in the rest of a long
 * article. So every record is also indexed line by line (each line keeps the record's title), and
 * a record's score mixes its own BM25F score with that of its best lines:
 *   (1 − w) · record / best record + w · (best line + s · second line) / best line overall.
 * Measured on ALQAC train (MRR@10 0.913 → 0.960) and on the label-free inverse-cloze proxy
 * (0.456 → 0.495), see scripts/bench.ts.
 */
import { runSync, type Steps } from '../ingest/cooperate.js';
import { LexicalIndex, prepareQuery } from './lexical.js';
import type { LexicalOptions, PreparedQuery } from './lexical.js';
import { topK } from './term-index.js';
import type { SearchHit, SearchRecord } from '../types.js';

/** Knobs of the clause channel; defaults tuned on ALQAC train and the inverse-cloze proxy. */
export interface PassageOptions {
  /**
   * Weight w of the lines (0 = records alone, no line index built). Applied only when the
   * median record has at least `minLines` indexable lines: records that already are clauses
   * (the bot's structure-aware chunks: median one line) gain nothing from a second index of the
   * same text with other BM25 settings, and measured, they lose (own set hit@1 84.6% → 75.6%).
   */
  weight: number;
  minLines: number;
  /** Weight s of a record's second-best line, relative to its best (0 = best line only). */
  secondLine: number;
  /** Lines shorter than this many words (headings, "Điều 5.") are not indexed on their own. */
  minWords: number;
  /** BM25F settings of the line index (a line is short: high k1, near-full length normalisation). */
  lexical: Partial<LexicalOptions>;
}

export const DEFAULT_PASSAGE_OPTIONS: Readonly<PassageOptions> = {
  weight: 0.5,
  minLines: 2,
  // Train 0.960 → 0.958, cloze 0.486 → 0.504: an article that answers with two clauses.
  secondLine: 0.3,
  minWords: 3,
  // Grid on train and cloze: k1 2–3, b 0.9–1 and title ×2–3 form a plateau (train 0.95–0.96);
  // no lone syllables found in over 10% of lines: same quality, half the time.
  lexical: { k1: 3, bText: 0.9, titleWeight: 3, maxDfShare: 0.1 },
};

/** The lines of a record worth indexing on their own. */
export function splitLines(text: string, minWords: number): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line && line.split(/\s+/).length >= minWords) out.push(line);
  }
  return out;
}

/**
 * Per record, the best and second-best line scores (into `first` and `second`); returns the best
 * line score overall. A record's lines are contiguous: those of record d are starts[d]…starts[d+1]−1.
 */
function bestLines(scores: Float32Array, starts: Int32Array, first: Float64Array, second: Float64Array): number {
  let top = 0;
  for (let d = 0; d < first.length; d++) {
    let a = 0;
    let b = 0;
    for (let l = starts[d]!, end = starts[d + 1]!; l < end; l++) {
      const s = scores[l]!;
      if (s > a) {
        b = a;
        a = s;
      } else if (s > b) b = s;
    }
    first[d] = a;
    second[d] = b;
    if (a > top) top = a;
  }
  return top;
}

/** The line index, and where each record's lines start in it. */
interface Lines {
  index: LexicalIndex;
  starts: Int32Array;
}

/**
 * Records ranked by their own score and their best lines'. All scoring runs over typed arrays
 * (records × lines, no per-hit objects) until the final top k.
 * @example const r = RecordRanker.build(records); r.search('người khuyết tật tiếp cận thông tin', 10)
 */
export class RecordRanker {
  private readonly first: Float64Array;
  private readonly second: Float64Array;
  private readonly mixed: Float32Array;

  private constructor(
    private readonly records: LexicalIndex,
    private readonly lines: Lines | undefined,
    private readonly ids: string[],
    readonly options: Readonly<PassageOptions>,
  ) {
    const n = lines ? ids.length : 0;
    this.first = new Float64Array(n);
    this.second = new Float64Array(n);
    this.mixed = new Float32Array(n);
  }

  static build(records: SearchRecord[], lexical: Partial<LexicalOptions> = {}, passages: Partial<PassageOptions> = {}): RecordRanker {
    return runSync(RecordRanker.steps(records, lexical, passages));
  }

  /** `build` in steps (see `cooperate.ts`), so a reindex can share the event loop. */
  static *steps(records: SearchRecord[], lexical: Partial<LexicalOptions> = {}, passages: Partial<PassageOptions> = {}): Steps<RecordRanker> {
    const o = { ...DEFAULT_PASSAGE_OPTIONS, ...passages };
    const whole = yield* LexicalIndex.steps(records, lexical);
    const ids = records.map((r) => r.id);
    const split = o.weight > 0 ? records.map((r) => splitLines(r.text, o.minWords)) : [];
    const counts = split.map((l) => l.length).sort((a, b) => a - b);
    if (o.weight <= 0 || (counts[counts.length >> 1] ?? 0) < o.minLines) return new RecordRanker(whole, undefined, ids, o);
    const lines: SearchRecord[] = [];
    const starts = new Int32Array(records.length + 1);
    split.forEach((texts, i) => {
      for (const text of texts) lines.push({ id: String(lines.length), title: records[i]!.title, text });
      starts[i + 1] = lines.length;
    });
    const index = yield* LexicalIndex.steps(lines, { ...lexical, ...o.lexical });
    return new RecordRanker(whole, { index, starts }, ids, o);
  }

  /** Best `k` records, highest mixed score first. */
  search(query: string | PreparedQuery, k: number): SearchHit[] {
    if (!this.lines) return this.records.search(query, k);
    const { weight, secondLine } = this.options;
    const first = this.first;
    const second = this.second;
    const q = typeof query === 'string' ? prepareQuery(query) : query;
    const topLine = bestLines(this.lines.index.scoreAll(q), this.lines.starts, first, second);
    const recordScores = this.records.scoreAll(q);
    let topRecord = 0;
    for (let d = 0; d < recordScores.length; d++) if (recordScores[d]! > topRecord) topRecord = recordScores[d]!;
    const a = topRecord > 0 ? (1 - weight) / topRecord : 0;
    const b = topLine > 0 ? weight / topLine : 0;
    const mixed = this.mixed;
    for (let d = 0; d < mixed.length; d++) mixed[d] = a * recordScores[d]! + b * (first[d]! + secondLine * second[d]!);
    return topK(mixed, k).map((d) => ({ id: this.ids[d]!, score: mixed[d]! }));
  }
}
