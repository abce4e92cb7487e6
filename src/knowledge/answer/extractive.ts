import { agentAsked, agentClause, agentWeight } from './agents.js';
import { analyzeText } from '../search/analyze.js';
import { withoutCitedDates } from './fact-kinds.js';
import { SECTIONS } from '../ingest/chunk.js';
import { NO_DATE_NOTE } from '../ingest/corpus.js';
import { themeWords, type CorpusStats, type QuestionTopic } from '../search/coverage.js';
import { fold, tokenize } from '../ingest/normalize.js';
import type { Chunk, ChunkHit } from '../types.js';

/**
 * Which sentences of the covering passages answer the question: the quotes of the offline answer,
 * and the quote shown beside an LLM answer.
 */

/** "Ai ký …?", folded. */
const SIGNER = /\b(ai ky|ai ki|nguoi ky|ky boi|ky ten)\b/;

/** "Gửi cho những cơ quan nào?", "kính gửi ai", "nơi nhận": who the document is addressed to, folded. */
const RECIPIENTS = /\b(gui cho|gui toi|gui den|gui nhung|gui ai|kinh gui|noi nhan)\b/;

/** A date, or the plain statement that the copy has none (the document's info passage). */
const WHEN = {
  ask: /\b(khi nao|bao gio|han|ngay nao|thoi han|truoc ngay|luc nao|nam nao|moc)\b/,
  fact: new RegExp(`${/\b\d{1,2}\/\d{1,2}\b|[Nn]ăm 20\d\d|[Tt]háng \d/.source}|${NO_DATE_NOTE.source}`, 'u'),
};

/** A share or a count: "85,5%", "1.200.000", "500 hộ" (not a year, a month or a day). */
const QUANTITY = /\d+(?:[.,]\d+)?\s*(?:%|phần trăm)|\b\d{1,3}(?:\.\d{3})+\b|\b\d+\s+(?!năm\b|tháng\b|ngày\b)\p{Ll}/u;

/** Words a question uses to ask for a kind of fact, and how to recognise that fact in a sentence. */
const ASKS: { ask: RegExp; fact: RegExp }[] = [
  // A share asked for is a percentage; "bao nhiêu" alone may ask a share or a count ("bao nhiêu người").
  { ask: /\b(ty le|phan tram|may phan)\b/, fact: /\d+\s*%|\d+\s*phần trăm/ },
  { ask: /\b(bao nhieu|muc tieu|chi tieu)\b/, fact: QUANTITY },
  WHEN,
  // "Ai ký …?": the document's own facts name its signer.
  { ask: SIGNER, fact: /Người ký:/u },
  { ask: /\b(ai|nguoi nao|co quan nao|don vi nao|so nao|phong nao|ban nao|bo nao|to chuc nao)\b/, fact: /\b(Sở|Ban|Phòng|Ủy ban|UBND|Bộ|Trung tâm|[A-ZĐ][a-zà-ỹ]+ [A-ZĐ][a-zà-ỹ]+ [A-ZĐ][a-zà-ỹ]+)\b/u },
];

/** Score factors for a sentence that holds, or lacks, the kind of fact the question asks for. */
const FACT_PRESENT = 1.5;
const FACT_ABSENT = 0.6;

const ABOUT_ITSELF = new Set<string>([SECTIONS.info, SECTIONS.recipients, SECTIONS.signature]);

/**
 * Sentences longer than this many distinct syllables are scored ÷ √(length / this): a long
 * sentence holds more of any question's words without answering it better.
 */
const LONG_SENTENCE = 30;

const bigramsOf = (w: readonly string[]) => w.slice(1).map((t, i) => `${w[i]} ${t}`);

/**
 * "Số:4735 /BNV-BTĐKTTW" → "Số:4735": the codes of a document number are initials ("BNV",
 * "BTĐKTTW") that the analysis expands to "bộ nội vụ", "ban thi đua khen thưởng trung ương", so a
 * bare number line would match every question about the Ministry's awards. The number stays.
 */
const withoutNumberCodes = (s: string) => s.replace(/(\d)\s*\/\s*[\p{Lu}Đ][\p{L}\p{N}./-]*/gu, '$1');

/**
 * Questions about a document itself (its basis, number, date, signer, addressees): only these are
 * answered by its preamble or its facts. Any other question is about the content, and a preamble
 * that cites other documents by name ("Bộ Nội vụ đã có Hướng dẫn số 3751 … về khen thưởng") only
 * shares its words.
 */
const ABOUT_DOCUMENT = new RegExp(`${/\b(can cu|so may|so hieu|ban hanh|ngay nao|kinh gui|gui cho|trich yeu|thuc hien theo|van ban nao)\b/.source}|${SIGNER.source}`);

/** Kinds of documents a question may name. */
const KINDS = ['cong van', 'ke hoach', 'huong dan', 'quyet dinh', 'nghi quyet', 'thong tu', 'chi thi'];

/** True when the question names a kind of document and not `kind` ("hướng dẫn" asked, a "Công văn" offered). */
function namesOtherKind(folded: string, kind: string): boolean {
  const own = tokenize(kind).join(' ');
  return KINDS.some((k) => k !== own && folded.includes(k)) && !folded.includes(own);
}

/** The number a heading starts with, normalised: "3.2.2. Bằng khen…" → "3.2.2", "(8)" → "8", "b) …" → "b". */
function markerOf(heading: string): string {
  return /^\s*\(?((?:\d+\.)*\d+|[a-zđ])[.),]/iu.exec(heading)?.[1]?.toLowerCase() ?? '';
}

/** Numbers of sections a question names: "(8)", "mục 3.2.2", "nội dung thứ 8", "điểm b". */
function markersIn(question: string): Set<string> {
  const out = new Set<string>();
  for (const m of question.matchAll(/\((\d+)\)/g)) out.add(m[1]!);
  for (const m of fold(question).matchAll(/\b(?:muc|diem|khoan|noi dung|thu|so)\s+((?:\d+\.)*\d+|[a-d])\b/g)) out.add(m[1]!);
  return out;
}

/** "Có những hình thức nào", "gồm những gì": the answer is a whole list, not one of its items. */
const LIST = /\bnhung\b.*\bnao\b|\b(gom|bao gom) nhung\b|\bnhung gi\b|\bliet ke\b/;

/** A passage that is a list of short items ("- Huân chương Lao động;", "- Giấy khen."). */
function isList(units: string[]): boolean {
  return units.length >= 3 && units.every((u) => u.split(/\s+/).length <= 12);
}

/** Splits a passage into quotable sentences: bullets and full stops, never inside "2.1." or "1.234". */
export function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.;!?…])\s+(?=[-+•]?\s*[A-ZĐÀ-Ỹ“"(])/u)
    .map((s) => s.trim().replace(/^[-+•]\s+/u, ''))
    .filter((s) => s.length > 3 && /\p{L}/u.test(s)); // not a bare "3.3.5."
}

/** Options of `bestSentences`. */
export interface QuoteOptions {
  /** Places the question names, folded (`placesIn`): they chose the passages, not the quote. */
  places?: string[];
  /** At most this many quotes (default 2). */
  max?: number;
  /** Quotes scoring below this share of the best are dropped (default 0.6). */
  minShare?: number;
}

export interface Evidence {
  hit: ChunkHit;
  sentence: string;
  score: number;
}

/** Words of a text as a set, and their adjacent pairs. */
interface Bag {
  toks: Set<string>;
  bigrams: Set<string>;
}
const bagOf = (words: readonly string[]): Bag => ({ toks: new Set(words), bigrams: new Set(bigramsOf(words)) });

/**
 * The topic without the places it names ("phường Hải Dương", folded names from `placesIn`): the
 * place already chose the passages (`inPlace`), and as quote words it would favour any sentence
 * that says "phường". A question about a document itself keeps them: they say which document.
 */
function withoutPlaces(topic: QuestionTopic, named: string[]): QuestionTopic {
  if (named.length === 0) return topic;
  const drop = new Set<number>();
  for (const place of named) {
    const words = place.split(' ');
    for (let i = 0; i + words.length <= topic.terms.length; i++) {
      if (!words.every((w, j) => topic.terms[i + j] === w)) continue;
      for (let j = 0; j < words.length; j++) drop.add(i + j);
      if (i > 0 && PLACE_UNITS.has(topic.terms[i - 1]!)) drop.add(i - 1);
      if (i > 1 && topic.terms[i - 2] === 'thanh' && topic.terms[i - 1] === 'pho') drop.add(i - 1).add(i - 2);
    }
  }
  const terms = topic.terms.filter((_, i) => !drop.has(i));
  return terms.length > 0 ? { ...topic, terms } : topic;
}
const PLACE_UNITS = new Set(['phuong', 'xa', 'tinh', 'huyen', 'quan']);

/**
 * The topic words that choose a quote, and their adjacent pairs ("người dân": a sentence that has
 * them together says more than one that has them apart, "người học", "nhân dân"), each with its
 * idf. The campaign's own name says which campaign, not which sentence: when other topic words
 * are left, its words (`themeWords`) do not count, since every preamble repeats them.
 */
function quoteTerms(topic: QuestionTopic, stats: CorpusStats): { terms: Map<string, number>; pairs: Map<string, number> } {
  const words = topic.terms;
  const inTheme = themeWords(words, stats);
  const focus = words.filter((_, i) => !inTheme[i]);
  const dropTheme = focus.length > 0;
  const terms = new Map((dropTheme ? focus : words).map((w) => [w, stats.idf(w)]));
  const pairs = new Map<string, number>();
  for (let i = 1; i < words.length; i++) {
    if (dropTheme && inTheme[i - 1] && inTheme[i]) continue;
    pairs.set(`${words[i - 1]} ${words[i]}`, stats.idf(words[i - 1]!) + stats.idf(words[i]!));
  }
  return { terms, pairs };
}

/** "Kính gửi:" and the bulleted addressees under it: one answer to "gửi cho những ai". */
const ADDRESSEES = /^(Kính gửi\s*:?)[ \t]*((?:\n[ \t]*[-+•][^\n]*)+)/mu;
function unitsOf(text: string): string[] {
  const m = ADDRESSEES.exec(text);
  if (!m) return sentences(text);
  const block = `${m[1]} ${m[2]!.trim().split(/\n[ \t]*/).join(' ')}`;
  return [...sentences(text.slice(0, m.index)), block, ...sentences(text.slice(m.index + m[0].length))];
}
const isAddressees = (unit: string) => /^Kính gửi\b/u.test(unit);

/** A passage made ready for quoting: the same for every question, so computed once per passage. */
interface Quotable {
  units: string[];
  bags: Bag[];
  /** The unit is the document's subject line ("V/v …") or its title. */
  subject: boolean[];
  heading: Bag;
  /** The preamble, the document's facts, its recipients or signature. */
  aboutItself: boolean;
}
const quotables = new WeakMap<Chunk, Quotable>();

function quotable(hit: ChunkHit): Quotable {
  let q = quotables.get(hit.chunk);
  if (q) return q;
  const { chunk, doc } = hit;
  // A document's header facts are short and answer together ("… Bản trong kho không ghi ngày ban hành.").
  // So does a signature block: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Nguyễn Hữu Thanh" is one answer.
  const whole = chunk.section === SECTIONS.info || chunk.section === SECTIONS.signature;
  const units = whole ? [chunk.text.replace(/\n/g, ' ')] : unitsOf(chunk.text);
  const title = tokenize(doc.title).join(' ');
  q = {
    units,
    bags: units.map((s) => bagOf(analyzeText(withoutNumberCodes(s)).folded)),
    subject: units.map((s) => /^V\/v\b/i.test(s) || tokenize(s).join(' ') === title),
    // A sentence under "3. Trung tâm Văn hóa, Thể thao và Truyền thông" is about that body: the
    // topic words of its own heading count for it ("Mở các chuyên trang…" answers what the Trung
    // tâm does), and do not pay the rank penalty: the heading is what the question names. Passages
    // under one heading ("2.2. Năm 2026") still compete on their own words.
    heading: bagOf(analyzeText(chunk.section.split(' › ').at(-1) ?? '').folded),
    // These answer questions about the document only.
    aboutItself: !chunk.section || ABOUT_ITSELF.has(chunk.section),
  };
  quotables.set(chunk, q);
  return q;
}

/**
 * The best sentences for the question across the hits, at most one per passage, best first.
 * A sentence scores by the idf of the topic terms and pairs it contains, by those its own heading
 * adds, and by whether it holds the kind of fact asked for (a percentage, a date, a body, a signer).
 */
export function bestSentences(question: string, topic: QuestionTopic, hits: ChunkHit[], stats: CorpusStats, o: QuoteOptions = {}): Evidence[] {
  const { places = [], max = 2, minShare = 0.6 } = o;
  const folded = tokenize(question).join(' ');
  const asks = ASKS.filter((a) => a.ask.test(folded));
  const aboutDocument = ABOUT_DOCUMENT.test(folded);
  const { terms, pairs } = quoteTerms(aboutDocument ? topic : withoutPlaces(topic, places), stats);
  const listsWhole = LIST.test(folded);
  const markers = markersIn(question);
  // "ai ký …, có phải Thứ trưởng Cao Huy không": who received the document never says who signed it.
  const asksSigner = SIGNER.test(folded);
  const asksRecipients = !asksSigner && RECIPIENTS.test(folded);
  const agentOf = asksSigner ? undefined : agentAsked(folded);
  const out: Evidence[] = [];
  hits.forEach((hit, rank) => {
    let best: Evidence | undefined;
    const { units, bags, subject, heading, aboutItself } = quotable(hit);
    // "Nội dung thi đua thứ (8)", "mục 3.2.2": the question names this passage's own number.
    const named = markers.size > 0 && hit.chunk.section.split(' › ').some((part) => markers.has(markerOf(part)));
    if (asksSigner && hit.chunk.section === SECTIONS.recipients) return;
    // "Hướng dẫn … của Bộ Nội vụ là văn bản nào, ngày nào": the facts of the Ministry's Công văn
    // are not those of the Hướng dẫn it cites.
    const otherKind = hit.chunk.section === SECTIONS.info && hit.doc.kind !== undefined && namesOtherKind(folded, hit.doc.kind) ? 0.3 : 1;
    // "Ai ký": the signer is named by the document's facts and its signature, whatever else shares the words.
    const signs = asksSigner && (hit.chunk.section === SECTIONS.info || hit.chunk.section === SECTIONS.signature) ? 3 : 1;
    // "Gửi cho những cơ quan nào": "Kính gửi" answers first, then the list of recipients, not the
    // document's facts.
    const addressed = asksRecipients && hit.chunk.section === SECTIONS.recipients ? 2 : 1;
    units.forEach((s, u) => {
      // A subject line ("V/v triển khai…", the title) names the campaign: never a quote otherwise.
      if (!aboutDocument && subject[u]) return;
      const own = bags[u]!;
      let mine = 0;
      let fromHeading = 0;
      for (const [set, weights] of [['toks', terms], ['bigrams', pairs]] as const) {
        for (const [w, idf] of weights) {
          if (heading[set].has(w)) fromHeading += idf;
          else if (own[set].has(w)) mine += idf;
        }
      }
      let score = mine / (1 + rank * 0.35) + fromHeading; // later passages must earn their place
      score /= Math.sqrt(Math.max(1, own.toks.size / LONG_SENTENCE));
      if (aboutItself && !aboutDocument) score *= 0.6;
      if (named) score *= 2;
      score *= signs * (asksRecipients && isAddressees(s) ? 3 : addressed) * otherKind;
      // The date a cited document was issued is not the deadline asked for.
      const plain = asks.length ? withoutCitedDates(s) : s;
      // A sentence without the kind of fact asked for ("ngày nào" and no date) cannot be the answer,
      // however many of the question's words it shares (a title names the topic, not the day).
      for (const a of asks) score *= a.fact.test(plain) ? FACT_PRESENT : FACT_ABSENT;
      // "Ai phát động …": a sentence that names who does it answers, not one that only repeats it.
      const agent = agentOf ? agentClause(s, agentOf) : undefined;
      // "Ai phát động phong trào …" with no place named asks who started it: the highest level
      // that says so (the Prime Minister), not the ward that launched it locally.
      if (agent) score *= agentWeight(hit.doc.level, places.length > 0);
      if (!best || score > best.score) best = { hit, sentence: agent ?? s, score };
    });
    if (best && best.score > 0) out.push(listsWhole && isList(units) ? { ...best, sentence: units.join(' ') } : best);
  });
  out.sort((a, b) => b.score - a.score);
  const top = out[0]?.score ?? 0;
  return out.filter((e) => e.score >= top * minShare).slice(0, max);
}
