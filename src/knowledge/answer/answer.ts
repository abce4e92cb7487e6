/**
 * Composes the reply to a question from the passages the search found (best first).
 * - Offline, the decision (`decision.ts`, a fitted logistic model over `features.ts`) says whether
 *   the passages answer; if so the best sentences are quoted, cited, with a lead-in line's items;
 *   if not, one sentence says what was not found and the nearest passages follow, marked as such.
 * - With an LLM, every question goes to it with the top passages, numbered. It answers with [n]
 *   citations or its refusal token; an answer whose numbers and dates are not in the passages it
 *   cites is never shown (the offline reply is), nor is one that cites nothing.
 */
import type { Citation } from '../../core/message.js';
import type { Logger } from '../../logger.js';
import { fold } from '../ingest/normalize.js';
import { PARTICLES, passageTerms, type CorpusStats, type QuestionTopic } from '../search/coverage.js';
import { inPlace, placeName, placesIn, placesOf } from '../search/places.js';
import type { Thesaurus } from '../search/thesaurus.js';
import type { Answer, ChunkHit, DocMeta } from '../types.js';
import { decide, DEFAULT_MODEL, type Decision, type DecisionModel } from './decision.js';
import { bestSentences, sentences, type Evidence } from './extractive.js';
import { askedFact } from './fact-kinds.js';
import { features, LOOK, missingPhrases, readQuestion, type Assessment, type QuestionReading } from './features.js';

/** The part of a LangChain chat model the answerer uses; a fake in tests satisfies it too. */
export interface ChatLike {
  invoke(input: string, options?: { signal?: AbortSignal }): Promise<{ content: unknown }>;
}

export interface AnswererDeps {
  stats: CorpusStats;
  docs: DocMeta[];
  thesaurus: Thesaurus;
  /** Top-level sections of the corpus, named when nothing near the question is found. */
  topics: string[];
  llm?: ChatLike;
  /** Prompt text with {context} and {question}. Required with `llm`. */
  prompt?: string;
  timeoutMs?: number;
  model?: DecisionModel;
  logger?: Logger;
}

export const REFUSAL_TOKEN = 'KHONG_TIM_THAY';

/** A quote longer than this is cut at an item boundary: it must fit a phone screen. */
const QUOTE_CHARS = 600;

/** The most specific one or two levels of a heading path, for inline mentions. */
export function shortSection(section: string): string {
  return section.split(' › ').slice(-2).join(' › ');
}

function citationOf(hit: ChunkHit, quote = hit.chunk.text): Citation {
  return { docId: hit.doc.id, title: hit.doc.label, section: hit.chunk.section, quote };
}

/**
 * A lead-in line ("Đối với doanh nghiệp:", "… gồm:") is quoted with the items under it, up to
 * QUOTE_CHARS; any other sentence as it is.
 */
export function withItems(e: Evidence): string {
  if (!/:\s*$/u.test(e.sentence)) return e.sentence;
  const units = sentences(e.hit.chunk.text);
  const at = units.findIndex((u) => u === e.sentence || e.sentence.endsWith(u));
  if (at < 0) return e.sentence;
  let out = e.sentence.trim();
  for (const item of units.slice(at + 1)) {
    if (out.length + item.length > QUOTE_CHARS) return `${out} …`;
    out += `${out.endsWith(':') ? ' ' : '; '}${item.replace(/[;.]\s*$/u, '')}`;
  }
  return out;
}

/**
 * The best quote for each key, in the order asked, then the best others: two quotes at least.
 * "Năm 2025 và 2026" gets one per year, two wards one per ward.
 */
function onePerKey<K>(ranked: Evidence[], keys: readonly K[], holds: (e: Evidence, key: K) => boolean): Evidence[] {
  const out: Evidence[] = [];
  for (const key of keys) {
    const e = ranked.find((x) => !out.includes(x) && holds(x, key));
    if (e) out.push(e);
  }
  for (const e of ranked) if (out.length < 2 && !out.includes(e)) out.push(e);
  return out;
}

const quoteLine = (e: Evidence, i: number) =>
  `Theo ${e.hit.doc.label}${e.hit.chunk.section ? ` (mục ${shortSection(e.hit.chunk.section)})` : ''}: “${withItems(e)}” [${i + 1}]`;

/** What the decision and the quotes know of one question. */
interface Case {
  question: string;
  reading: QuestionReading;
  topic: QuestionTopic;
  named: string[];
  hits: ChunkHit[];
  assessment: Assessment;
  decision: Decision;
  factName?: string;
}

export function createAnswerer(deps: AnswererDeps) {
  const { stats } = deps;
  const places = placesOf(deps.docs);
  const model = deps.model ?? DEFAULT_MODEL;

  /** Reads the question and weighs the passages: everything the reply is made from. */
  function assess(question: string, found: ChunkHit[]): Case {
    const place = placesIn(question, places, stats, PARTICLES);
    const placeWords = new Set(place.named.flatMap((p) => fold(placeName(p, deps.docs)).split(' ')));
    const reading = readQuestion(question, stats, deps.thesaurus, placeWords);
    // The places named choose the documents: theirs first.
    const hits = place.named.length
      ? [...found.filter((h) => inPlace(place.named, h.doc, '')), ...found.filter((h) => !inPlace(place.named, h.doc, ''))]
      : found;
    const fact = askedFact(question);
    const assessment = features(reading, hits, stats, fact, place);
    const words = [...new Set(reading.concepts.flatMap((c) => c.alternatives.flat()))];
    const topic: QuestionTopic = { terms: words.length ? words : reading.numbers, unknown: [] };
    return { question, reading, topic, named: place.named, hits, assessment, decision: decide(assessment.x, model), ...(fact ? { factName: fact.name } : {}) };
  }

  /** The sentences quoted for an answer: one per year or place asked, else the best two. */
  function evidenceFor(c: Case): Evidence[] {
    const pool = c.hits.slice(0, LOOK);
    const own = c.named.length ? pool.filter((h) => inPlace(c.named, h.doc, h.chunk.text)) : pool;
    const from = own.length ? own : pool;
    const ranked = () => bestSentences(c.question, c.topic, from, stats, { places: c.named, max: from.length, minShare: 0 });
    if (c.reading.numbers.length > 1) return onePerKey(ranked(), c.reading.numbers, (e, n) => passageTerms(e.hit).has(n));
    if (c.named.length > 1) return onePerKey(ranked(), c.named, (e, p) => inPlace([p], e.hit.doc, ''));
    return bestSentences(c.question, c.topic, from, stats, { places: c.named });
  }

  function extractive(evidence: Evidence[]): Answer {
    return { answered: true, answer: evidence.map(quoteLine).join('\n'), citations: evidence.map((e) => citationOf(e.hit)) };
  }

  /**
   * One sentence on what was not found, then the nearest passages, marked as such: the reader can
   * judge, and nothing is claimed.
   */
  function decline(c: Case): Answer {
    const missing = missingPhrases(c.assessment.missing, c.question).map((m) => `“${m}”`);
    const where = c.named.length ? `Các văn bản của ${c.named.map((p) => placeName(p, deps.docs)).join(', ')}` : 'Các văn bản hiện có';
    const what = c.assessment.x.place_unknown
      ? 'đơn vị được hỏi: chưa có văn bản nào của đơn vị này'
      : missing.length
        ? missing.join(', ')
        : c.factName
          ? `${c.factName} cho điều được hỏi`
          : 'đúng điều được hỏi';
    const head = `${where} không thấy nói về ${what}, nên tôi không trả lời để tránh thông tin sai.`;
    const ranked = bestSentences(c.question, c.topic, c.hits.slice(0, LOOK), stats, { places: c.named, minShare: 0 }).slice(0, 2);
    // Nothing shares a word: the top passages are still the nearest text there is.
    const nearest = ranked.length ? ranked : c.hits.slice(0, 2).map((hit) => ({ hit, sentence: sentences(hit.chunk.text)[0] ?? hit.chunk.text, score: 0 }));
    if (nearest.length === 0) {
      const topics = deps.topics.length ? `\nCác văn bản có nói về: ${deps.topics.join('; ')}.` : '';
      return { answered: false, answer: `${head}${topics}`, citations: [] };
    }
    const lines = nearest.map(quoteLine);
    return {
      answered: false,
      answer: `${head}\nĐoạn gần nhất để bạn tự đối chiếu (không phải câu trả lời):\n${lines.join('\n')}`,
      citations: nearest.map((e) => citationOf(e.hit)),
    };
  }

  function offline(c: Case): Answer {
    // A year or document number asked that no passage names is never answered with another's.
    const unnamed = c.reading.numbers.some((n) => !c.hits.slice(0, LOOK).some((h) => passageTerms(h).has(n)));
    if (!c.decision.answer || unnamed) return decline(c);
    const evidence = evidenceFor(c);
    return evidence.length ? extractive(evidence) : decline(c);
  }

  /** The LLM's answer over the numbered passages, or null for its refusal; throws when it cannot be shown. */
  async function viaLlm(llm: ChatLike, asked: string, hits: ChunkHit[]): Promise<Answer | null> {
    const context = hits.map((h, i) => `[${i + 1}] ${h.doc.label}${h.chunk.section ? `, mục ${h.chunk.section}` : ''}:\n${h.chunk.text}`).join('\n\n');
    const prompt = (deps.prompt ?? '').replace('{context}', context).replace('{question}', asked);
    const res = await llm.invoke(prompt, { signal: AbortSignal.timeout(deps.timeoutMs ?? 20_000) });
    const text = (typeof res.content === 'string' ? res.content : JSON.stringify(res.content)).trim();
    if (text.includes(REFUSAL_TOKEN)) return null;
    const cited = [...new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))].filter((n) => n >= 1 && n <= hits.length);
    if (cited.length === 0) throw new Error('LLM answer has no citation');
    // Every number and date must stand in a passage it cites.
    const sources = fold(cited.map((n) => `${hits[n - 1]!.doc.label} ${hits[n - 1]!.chunk.section} ${hits[n - 1]!.chunk.text}`).join(' '));
    const numbers = fold(text.replace(/\[\d+\]/g, '')).match(/\d+(?:[.,/]\d+)*/g) ?? [];
    const invented = numbers.filter((n) => !sources.includes(n));
    if (invented.length) throw new Error(`LLM answer has figures not in the passages it cites: ${invented.join(', ')}`);
    const renumber = new Map(cited.map((n, i) => [n, i + 1]));
    const answer = text.replace(/\[(\d+)\]/g, (_m, n: string) => (renumber.has(Number(n)) ? `[${renumber.get(Number(n))}]` : ''));
    return { answered: true, answer, citations: cited.map((n) => citationOf(hits[n - 1]!)) };
  }

  return {
    /** The features and decision for a question, without composing a reply (evaluation, fitting). */
    assess,
    /**
     * Answers `question` (as the bot read it) from `hits`. Never throws for LLM trouble. `asked` is
     * the message as typed, which the LLM gets.
     */
    async ask(question: string, hits: ChunkHit[], asked = question): Promise<Answer> {
      const c = assess(question, hits);
      if (!deps.llm || c.hits.length === 0) return offline(c);
      try {
        return (await viaLlm(deps.llm, asked, c.hits.slice(0, LOOK))) ?? decline(c);
      } catch (err) {
        deps.logger?.warn({ err }, 'LLM answer rejected, falling back to the offline reply');
        return offline(c);
      }
    },
  };
}

export type Answerer = ReturnType<typeof createAnswerer>;
