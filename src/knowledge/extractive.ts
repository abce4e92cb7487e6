import { analyzeText } from './analyze.js';
import { withoutCitedDates } from './answerability.js';
import { SECTIONS } from './chunk.js';
import { NO_DATE_NOTE } from './corpus.js';
import type { CorpusStats, QuestionTopic } from './coverage.js';
import { tokenize } from './normalize.js';
import type { ChunkHit } from './types.js';

/**
 * Which sentences of the covering passages answer the question: the quotes of the offline answer,
 * and the quote shown beside an LLM answer.
 */

/** "Ai ký …?", folded. */
const SIGNER = /\b(ai ky|ai ki|nguoi ky|ky boi|ky ten)\b/;

/** Words a question uses to ask for a kind of fact, and how to recognise that fact in a sentence. */
const ASKS: { ask: RegExp; fact: RegExp }[] = [
  { ask: /\b(bao nhieu|ty le|phan tram|muc tieu|chi tieu|may phan)\b/, fact: /\d+\s*%|\d+\s*phần trăm/ },
  // A date, or the plain statement that the copy has none (the document's info passage).
  { ask: /\b(khi nao|han|ngay nao|thoi han|truoc ngay|luc nao|nam nao|moc)\b/, fact: new RegExp(`${/\b\d{1,2}\/\d{1,2}\b|năm 20\d\d|tháng \d/.source}|${NO_DATE_NOTE.source}`, 'u') },
  // "Ai ký …?": the document's own facts name its signer.
  { ask: SIGNER, fact: /Người ký:/u },
  { ask: /\b(ai|nguoi nao|co quan nao|don vi nao)\b/, fact: /\b(Sở|Ban|Phòng|Ủy ban|UBND|Bộ|Trung tâm|[A-ZĐ][a-zà-ỹ]+ [A-ZĐ][a-zà-ỹ]+ [A-ZĐ][a-zà-ỹ]+)\b/u },
];

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

/** Splits a passage into quotable sentences: bullets and full stops, never inside "2.1." or "1.234". */
export function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.;!?…])\s+(?=[-+•]?\s*[A-ZĐÀ-Ỹ“"(])/u)
    .map((s) => s.trim().replace(/^[-+•]\s+/u, ''))
    .filter((s) => s.length > 3);
}

export interface Evidence {
  hit: ChunkHit;
  sentence: string;
  score: number;
}

/**
 * The best sentences for the question across the hits, at most one per passage, best first.
 * A sentence scores by the idf of the topic terms it contains (twice for two that stand together
 * as in the question) and by whether it holds the kind of fact asked for (a percentage, a date, a body).
 */
export function bestSentences(question: string, topic: QuestionTopic, hits: ChunkHit[], stats: CorpusStats, max = 2): Evidence[] {
  // The campaign's own name says which campaign, not which sentence: with other topic words left,
  // its words do not choose the quote (every preamble repeats it). "người dân" keeps "dân";
  // "bình dân học vụ số" gives none.
  const t = topic.terms;
  const theme = (i: number) => (i > 0 && stats.theme.has(`${t[i - 1]} ${t[i]}`)) || (i + 1 < t.length && stats.theme.has(`${t[i]} ${t[i + 1]}`));
  const focus = t.filter((_, i) => !theme(i));
  const terms = [...new Set(focus.length > 0 ? focus : t)];
  const folded = tokenize(question).join(' ');
  const asks = ASKS.filter((a) => a.ask.test(folded));
  const aboutDocument = ABOUT_DOCUMENT.test(folded);
  const out: Evidence[] = [];
  // Adjacent topic syllables ("người dân"): a sentence that has them together says more than one
  // that has them apart ("người học", "nhân dân").
  const pairs = new Map(
    topic.terms
      .slice(1)
      .map((t, i) => [topic.terms[i]!, t] as const)
      .filter(([a, b]) => focus.length === 0 || !stats.theme.has(`${a} ${b}`))
      .map(([a, b]) => [`${a} ${b}`, stats.idf(a) + stats.idf(b)]),
  );
  hits.forEach((hit, rank) => {
    let best: Evidence | undefined;
    // A document's header facts are short and answer together ("… Bản trong kho không ghi ngày ban hành.").
    const units = hit.chunk.section === SECTIONS.info ? [hit.chunk.text.replace(/\n/g, ' ')] : sentences(hit.chunk.text);
    // A sentence under "3. Trung tâm Văn hóa, Thể thao và Truyền thông" is about that body: the
    // topic words its own heading adds count too ("Mở các chuyên trang…" answers what the Trung tâm
    // does). Only the sentence's own words pay the rank penalty, so passages under one heading
    // ("2.2. Năm 2026") still compete on their own words.
    const headWords = analyzeText(hit.chunk.section.split(' › ').at(-1) ?? '').folded;
    const heading = { toks: new Set(headWords), bigrams: new Set(bigramsOf(headWords)) };
    const title = tokenize(hit.doc.title).join(' ');
    for (const s of units) {
      // A document's subject line ("V/v triển khai…", its title) names the campaign; it answers
      // only a question about the document.
      if (!aboutDocument && (/^V\/v\b/i.test(s) || tokenize(s).join(' ') === title)) continue;
      const words = analyzeText(withoutNumberCodes(s)).folded;
      const toks = new Set(words);
      const bigrams = new Set(bigramsOf(words));
      let own = 0;
      let head = 0;
      for (const t of terms) {
        if (toks.has(t)) own += stats.idf(t);
        else if (heading.toks.has(t)) head += stats.idf(t);
      }
      for (const [p, idf] of pairs) {
        if (bigrams.has(p)) own += idf;
        else if (heading.bigrams.has(p)) head += idf;
      }
      let score = own / (1 + rank * 0.35) + head; // later passages must earn their place
      if ((!hit.chunk.section || hit.chunk.section === SECTIONS.info) && !aboutDocument) score *= 0.6;
      // The date a cited document was issued is not the deadline asked for.
      const plain = asks.length ? withoutCitedDates(s) : s;
      for (const a of asks) if (a.fact.test(plain)) score *= 1.5;
      if (!best || score > best.score) best = { hit, sentence: s, score };
    }
    if (best && best.score > 0) out.push(best);
  });
  out.sort((a, b) => b.score - a.score);
  const top = out[0]?.score ?? 0;
  return out.filter((e) => e.score >= top * 0.6).slice(0, max);
}
