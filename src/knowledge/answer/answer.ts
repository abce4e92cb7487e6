import type { Citation } from '../../core/message.js';
import type { Logger } from '../../logger.js';
import { givesTasks, inPlace, placeName, placesIn, placesOf, requiredFacts, taskBody, unknownFocus, withoutCitedDates, type FactTest } from './answerability.js';
import { analyzeQuery, analyzeText } from '../search/analyze.js';
import { coverage, passageTerms, questionTopic, themeWords, type CorpusStats, type QuestionTopic } from '../search/coverage.js';
import { bestSentences, mayAnswer, sentences, type Evidence } from './extractive.js';
import { asksTarget, levelNamed, storyWords, theAsk } from '../search/understand.js';
import { fold, tokenize } from '../ingest/normalize.js';
import type { Answer, ChunkHit, DocMeta } from '../types.js';

/** The part of a LangChain chat model the answerer uses; a fake in tests satisfies it too. */
export interface ChatLike {
  invoke(input: string, options?: { signal?: AbortSignal }): Promise<{ content: unknown }>;
}

export interface AnswererDeps {
  stats: CorpusStats;
  docs: DocMeta[];
  /** Top-level sections of the corpus, listed when a question is not covered. */
  topics: string[];
  llm?: ChatLike;
  /** Prompt text with {context} and {question}. Required with `llm`. */
  prompt?: string;
  timeoutMs?: number;
  /** Below this idf-weighted share of the question's topic terms, the documents do not answer. */
  minCoverage?: number;
  logger?: Logger;
}

const REFUSAL_TOKEN = 'KHONG_TIM_THAY';

/**
 * A sentence holds the asked-for kind of fact (a date, an amount…) for this question: the fact and
 * a year or number the question names stand in the same sentence or its heading, so "tháng 8 năm
 * 2025" does not answer "sơ kết năm 2027 vào tháng mấy?".
 */
function answersNeeds(sentence: string, needs: FactTest[], numbers: string[], doc: DocMeta, section: string): boolean {
  // "… vào năm nào": "3.2. Tiêu chuẩn và khen thưởng sơ kết vào năm 2027" dates what stands under it.
  if (!needs.every((test) => test(sentence) || (test.inHeadings === true && test(section)))) return false;
  // "Trên 80% …" under "2.1. Năm 2025" is the 2025 target.
  const have = new Set(tokenize(`${sentence} ${section}`));
  // The number of the document itself ("theo CV 2144, … sơ kết năm 2027 trước ngày nào") says
  // which document; the other numbers (the year) must stand at the fact.
  const own = new Set(tokenize(doc.number ?? ''));
  const asked = numbers.filter((n) => !own.has(n));
  // One of them per sentence: "năm 2025 và 2026" is answered by a 2025 passage and a 2026 one
  // (the caller checks that every number is answered somewhere).
  return asked.length === 0 || asked.some((n) => have.has(n));
}

/**
 * The best quote for each key, in the order asked, then the best others: two quotes at least.
 * "Năm 2025 và 2026" gets one per year, "Hải Dương … như Hồng An" one per ward; a key whose quotes
 * are all taken by another leaves its place to the next best quote.
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

/** The most specific one or two levels of a heading path, for inline mentions. */
export function shortSection(section: string): string {
  const parts = section.split(' › ');
  return parts.slice(-2).join(' › ');
}

function citationOf(e: Evidence): Citation {
  return { docId: e.hit.doc.id, title: e.hit.doc.label, section: e.hit.chunk.section, quote: e.hit.chunk.text };
}

/** "Sở Giáo dục …" with its capitals: never "cơ sở giáo dục", never a folded "số". */
const WRITTEN_DEPARTMENT = /(?<![\p{L}])(?<![Cc]ơ\s|[Tt]rụ\s)Sở\s+\p{Lu}\p{L}*\s+\p{L}+/u;

/**
 * The passages a question confines its answer to: those of the level of documents it names
 * loosely ("văn bản của thành phố"), and those that name the department it asks about ("Sở Khoa
 * học và Công nghệ phải trình … trước ngày nào": a ward's report deadline shares the words).
 */
function scopeOf(question: string, stats: CorpusStats, places: readonly string[]): (h: ChunkHit) => boolean {
  // "Sở Giáo dục và Đào tạo có nhiệm vụ gì": a department written in full that the corpus never
  // names has no passage, however many of the other words a passage shares.
  const written = WRITTEN_DEPARTMENT.exec(question.normalize('NFC'));
  if (written && !stats.departments.includes(analyzeText(written[0]).folded.join(' '))) return () => false;
  const level = levelNamed(question, places);
  const words = ` ${analyzeQuery(question).folded.join(' ')} `;
  const dept = stats.departments.find((d) => words.includes(` ${d} `));
  const names = (h: ChunkHit) => ` ${analyzeText(`${h.chunk.section}\n${h.chunk.text}`).folded.join(' ')} `.includes(` ${dept} `);
  return (h) => (!level || h.doc.level === level) && (!dept || names(h));
}

/** The syllables of a passage's own heading and text: where a target states its year. */
function targetTerms(h: ChunkHit): Set<string> {
  // Not the year of a document it cites ("Thông tư số 02/2025/TT-BGDĐT, ngày 24/01/2025").
  return new Set(analyzeText(`${h.chunk.section.split(' › ').at(-1) ?? ''}\n${withoutCitedDates(h.chunk.text)}`).folded);
}

/**
 * Answers from retrieved passages: cited, short, and never beyond what the passages say.
 * Without an LLM it quotes the best sentences; with one it asks for a grounded answer, and falls
 * back to the quotes on error, timeout, a refusal it cannot justify, or a number not in the sources.
 */
export function createAnswerer(deps: AnswererDeps) {
  const minCoverage = deps.minCoverage ?? 0.6;
  const places = placesOf(deps.docs);

  function refusal(): Answer {
    const docs = deps.docs.map((d) => d.label).join('; ');
    const topics = deps.topics.length ? `\nCác văn bản có nói về: ${deps.topics.join('; ')}.` : '';
    return {
      answered: false,
      answer: `Các văn bản hiện có không nói về điều này, nên tôi không trả lời để tránh thông tin sai.${topics}\nVăn bản đang tra cứu: ${docs}.`,
      citations: [],
    };
  }

  /**
   * The documents of the place asked about do not say, another place's do ("phường Hải Dương có
   * chỉ tiêu gì?": only Hồng An's plan sets targets): declined for that place, with what the
   * other documents say, cited, so the asker can compare instead of starting over.
   */
  function elsewhere(question: string, topic: QuestionTopic, named: string[], hits: ChunkHit[]): Answer {
    const evidence = bestSentences(question, topic, hits, deps.stats);
    if (evidence.length === 0) return refusal();
    const where = named.map((p) => placeName(p, deps.docs)).join(', ');
    const quotes = extractive(evidence);
    const head = `Các văn bản của ${where} không nói về điều này. Văn bản khác có nói:`;
    return { answered: false, answer: `${head}\n${quotes.answer}`, citations: quotes.citations };
  }

  function extractive(evidence: Evidence[]): Answer {
    const lines = evidence.map((e, i) => {
      const where = e.hit.chunk.section ? ` (mục ${shortSection(e.hit.chunk.section)})` : '';
      return `Theo ${e.hit.doc.label}${where}: “${e.sentence}” [${i + 1}]`;
    });
    return { answered: true, answer: lines.join('\n'), citations: evidence.map(citationOf) };
  }

  async function viaLlm(llm: ChatLike, question: string, hits: ChunkHit[], evidence: Evidence[]): Promise<Answer | null> {
    const context = hits
      .map((h, i) => `[${i + 1}] ${h.doc.label}${h.chunk.section ? `, mục ${h.chunk.section}` : ''}:\n${h.chunk.text}`)
      .join('\n\n');
    const prompt = (deps.prompt ?? '').replace('{context}', context).replace('{question}', question);
    const signal = AbortSignal.timeout(deps.timeoutMs ?? 20_000);
    const res = await llm.invoke(prompt, { signal });
    const text = (typeof res.content === 'string' ? res.content : JSON.stringify(res.content)).trim();
    if (text.includes(REFUSAL_TOKEN)) return null;
    const cited = [...new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))].filter((n) => n >= 1 && n <= hits.length);
    if (cited.length === 0) throw new Error('LLM answer has no citation');
    const sources = fold(hits.map((h) => h.chunk.text).join(' '));
    const numbers = fold(text.replace(/\[\d+\]/g, '')).match(/\d+(?:[.,/]\d+)*/g) ?? [];
    const invented = numbers.filter((n) => !sources.includes(n));
    if (invented.length) throw new Error(`LLM answer has figures not in the sources: ${invented.join(', ')}`);
    const quoteFor = (h: ChunkHit) => evidence.find((e) => e.hit === h)?.hit.chunk.text ?? h.chunk.text;
    // Renumber to the cited passages only, so [n] in the text matches citations[n-1].
    const renumber = new Map(cited.map((n, i) => [n, i + 1]));
    const answer = text.replace(/\[(\d+)\]/g, (m, n: string) => (renumber.has(Number(n)) ? `[${renumber.get(Number(n))}]` : ''));
    const citations = cited.map((n) => {
      const h = hits[n - 1]!;
      return { docId: h.doc.id, title: h.doc.label, section: h.chunk.section, quote: quoteFor(h) };
    });
    return { answered: true, answer, citations };
  }

  return {
    /**
     * Answers `question` from `hits` (best first). Never throws for LLM trouble. `asked` is the
     * message as the person typed it, for the LLM; `question` is how the bot read it (see
     * understand.ts), which the rules and quotes use. Default: the same.
     */
    async ask(question: string, hits: ChunkHit[], asked = question): Promise<Answer> {
      const { stats } = deps;
      // A story told before the question sets the place; the last sentence says what is asked.
      const ask = theAsk(question);
      const topic = questionTopic(ask, stats);
      const story = storyWords(question);
      if (topic.unknown.some((w) => !story.has(w)) || unknownFocus(ask, stats)) return refusal();
      const place = placesIn(question, places, stats);
      if (place.unknown) return refusal();
      // The place named is checked below, passage by passage (`inPlace`); as topic words it would
      // only hide another ward's plan ("chỉ tiêu năm 2025 của phường Hải Dương": Hồng An's has one).
      // Nor does the campaign's name decide whether a passage answers: every passage of the plans is
      // about it, though few repeat it ("bình dân học vụ số để làm gì" is answered under "Mục đích").
      const placeWords = new Set(place.named.flatMap((p) => p.split(' ')));
      const inTheme = themeWords(topic.terms, stats);
      // An unknown word of the asker's own story ("nhà mình có tiệm …") is no topic to cover either.
      const kept = topic.terms.filter((t, i) => !placeWords.has(t) && !inTheme[i] && !(story.has(t) && topic.unknown.includes(t)));
      const about = kept.length ? { ...topic, terms: kept } : topic;
      const needs = requiredFacts(question);
      // Years and document numbers (3+ digits) must be answered; "cấp 2", "mục 3" are not such asks.
      const numbers = [...new Set(topic.terms.filter((t) => /^\d{3,}$/.test(t)))];
      // A target's year is stated at the target ("2.1. Năm 2025"): "chỉ tiêu năm 2027" is not
      // answered by an award criterion under "3.2. … khen thưởng sơ kết vào năm 2027".
      const target = asksTarget(question);
      const own = new Map<ChunkHit, Set<string>>();
      const ownNumbers = (h: ChunkHit) => {
        let terms = own.get(h);
        if (!terms) own.set(h, (terms = target ? targetTerms(h) : passageTerms(h)));
        return terms;
      };
      // A section split into passages names a document once: "2. … Kế hoạch số 150/KH-UBND …" then
      // "Giao Sở Khoa học và Công nghệ chủ trì …" answers "theo KH 150, sở nào chủ trì".
      const sectionOf = (h: ChunkHit) => `${h.doc.id}\u0000${h.chunk.section}`;
      const mates = new Map<string, ChunkHit[]>();
      if (numbers.length) for (const h of hits) mates.set(sectionOf(h), [...(mates.get(sectionOf(h)) ?? []), h]);
      const holds = (h: ChunkHit, n: string) => ownNumbers(h).has(n) || (mates.get(sectionOf(h)) ?? []).some((m) => m !== h && ownNumbers(m).has(n));
      const answering = hits.filter((h) => {
        if (!mayAnswer(question, h.chunk.section) || coverage(about, h, stats) < minCoverage) return false;
        if (needs.length && !sentences(h.chunk.text).some((s) => answersNeeds(s, needs, numbers, h.doc, h.chunk.section))) return false;
        return numbers.length === 0 || numbers.some((n) => holds(h, n));
      });
      // "Công an phường có nhiệm vụ gì": a passage that names the police without giving it a task
      // does not answer.
      const body = taskBody(ask);
      const inScope = answering.filter(scopeOf(question, stats, places)).filter((h) => !body || givesTasks(h.chunk.section, h.chunk.text, body));
      const covered = inScope.filter((h) => inPlace(place.named, h.doc, h.chunk.text));
      // Every number asked about (a year, a document number) must be answered by some passage.
      const answered = (list: ChunkHit[]) => list.length > 0 && numbers.every((n) => list.some((h) => holds(h, n)));
      if (!answered(covered)) return place.named.length && answered(inScope) ? elsewhere(question, topic, place.named, inScope) : refusal();
      const quoting = { places: place.named };
      const ranked = () => bestSentences(question, topic, covered, deps.stats, { ...quoting, max: covered.length, minShare: 0 });
      // Two years, or two wards ("Hải Dương … có giống hạn 05/12 bên Hồng An không"): one quote for each.
      const evidence = numbers.length > 1
        ? onePerKey(ranked(), numbers, (e, n) => passageTerms(e.hit).has(n))
        : place.named.length > 1
          ? onePerKey(ranked(), place.named, (e, p) => inPlace([p], e.hit.doc, ''))
          : bestSentences(question, topic, covered, deps.stats, quoting);
      if (evidence.length === 0) return refusal();
      if (!deps.llm) return extractive(evidence);
      try {
        const answer = await viaLlm(deps.llm, asked, covered.slice(0, 4), evidence);
        return answer ?? refusal();
      } catch (err) {
        deps.logger?.warn({ err }, 'LLM answer rejected, falling back to quotes');
        return extractive(evidence);
      }
    },
    refusal,
  };
}

export type Answerer = ReturnType<typeof createAnswerer>;
