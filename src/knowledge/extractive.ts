import { tokenize } from './normalize.js';
import type { Chunk, ChunkHit } from './types.js';

/**
 * The offline answerer's evidence logic: which passages cover a question, and which of their
 * sentences answer it. Pure and synchronous; the LLM path reuses it for its grounding gate.
 */

/** Question boilerplate that carries no topic: ignored when measuring coverage. */
const QUESTION_WORDS = new Set(
  (
    'la gi bao nhieu may nhu the nao the nao ra sao gi ai khi nao luc nao o dau dau co khong ko k hay hoac ' +
    'cho minh toi em anh chi hoi xin duoc dc voi va cua cac nhung mot nay do thi ma de ve theo trong tai tu den ' +
    'a a. ah nhe nha vay the ban oi cau nao phai can lam duoc khong nhi chu ha'
  ).split(/\s+/),
);

/** Words a question uses to ask for a kind of fact, and how to recognise that fact in a sentence. */
const ASKS: { ask: RegExp; fact: RegExp }[] = [
  { ask: /\b(bao nhieu|ty le|phan tram|muc tieu|chi tieu|may phan)\b/, fact: /\d+\s*%|\d+\s*phần trăm/ },
  { ask: /\b(khi nao|han|ngay nao|thoi han|truoc ngay|luc nao|nam nao|moc)\b/, fact: /\b\d{1,2}\/\d{1,2}\b|năm 20\d\d|tháng \d/ },
  { ask: /\b(ai|nguoi nao|co quan nao|don vi nao)\b/, fact: /\b(Sở|Ban|Phòng|Ủy ban|UBND|Bộ|Trung tâm|[A-ZĐ][a-zà-ỹ]+ [A-ZĐ][a-zà-ỹ]+ [A-ZĐ][a-zà-ỹ]+)\b/u },
];

/** Term weights (idf) over the indexed passages, computed once. */
export interface TermStats {
  idf(term: string): number;
}

/** Builds idf weights over chunk texts with their section paths. Unseen terms weigh most. */
export function termStats(chunks: Chunk[]): TermStats {
  const df = new Map<string, number>();
  for (const c of chunks) {
    for (const t of new Set(tokenize(`${c.section} ${c.text}`))) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = chunks.length;
  const maxIdf = Math.log(1 + n / 0.5);
  return { idf: (t) => (df.has(t) ? Math.log(1 + n / df.get(t)!) : maxIdf) };
}

/** Topic terms of a question: folded syllables minus question boilerplate, deduplicated. */
export function topicTerms(question: string): string[] {
  return [...new Set(tokenize(question).filter((t) => !QUESTION_WORDS.has(t)))];
}

/**
 * Share (0..1, idf-weighted) of the question's topic terms found in a passage, its section and
 * document label. Numbers in the question (a year, a document number) must all be present,
 * otherwise coverage is 0: the documents would be answering a different question.
 */
export function coverage(terms: string[], hit: ChunkHit, stats: TermStats): number {
  if (terms.length === 0) return 0;
  const have = new Set(tokenize(`${hit.doc.label} ${hit.doc.title} ${hit.chunk.section} ${hit.chunk.text}`));
  let total = 0;
  let found = 0;
  for (const t of terms) {
    if (/^\d+$/.test(t) && !have.has(t)) return 0;
    const w = stats.idf(t);
    total += w;
    if (have.has(t)) found += w;
  }
  return found / total;
}

/** Splits a passage into quotable sentences: bullets and full stops, never inside "2.1." or "1.234". */
export function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.;!?…])\s+(?=[-+•]?\s*[A-ZĐÀ-Ỹ“"(])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 3);
}

export interface Evidence {
  hit: ChunkHit;
  sentence: string;
  score: number;
}

/**
 * The best sentences for the question across the hits, at most one per passage, best first.
 * A sentence scores by the idf of the topic terms it contains and by whether it holds the kind of
 * fact asked for (a percentage, a date, a body).
 */
export function bestSentences(question: string, hits: ChunkHit[], stats: TermStats, max = 2): Evidence[] {
  const terms = topicTerms(question);
  const folded = tokenize(question).join(' ');
  const asks = ASKS.filter((a) => a.ask.test(folded));
  const out: Evidence[] = [];
  hits.forEach((hit, rank) => {
    let best: Evidence | undefined;
    for (const s of sentences(hit.chunk.text)) {
      const toks = new Set(tokenize(s));
      let score = 0;
      for (const t of terms) if (toks.has(t)) score += stats.idf(t);
      for (const a of asks) if (a.fact.test(s)) score *= 1.5;
      score /= 1 + rank * 0.35; // later passages must earn their place
      if (!best || score > best.score) best = { hit, sentence: s, score };
    }
    if (best && best.score > 0) out.push(best);
  });
  out.sort((a, b) => b.score - a.score);
  const top = out[0]?.score ?? 0;
  return out.filter((e) => e.score >= top * 0.6).slice(0, max);
}
