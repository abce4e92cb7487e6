/**
 * The kind of fact a question asks for (a date, a percentage, an amount, a count…), read from the
 * question words of Vietnamese, and how to recognise that kind of fact in a sentence. The answer
 * decision weighs whether the best passages hold it; it is never a rule about one question.
 */
import { fold } from '../ingest/normalize.js';
import { NO_DATE_NOTE } from '../ingest/corpus.js';

/** A day or a month: "05/12", "ngày 15", "trong tháng 8 năm 2025". */
const DATE = /\b\d{1,2}\/\d{1,2}\b|ngày \d{1,2}\b|tháng \d{1,2}\b/iu;

/** "số 4735/BNV-BTĐKTTW ngày 04 tháng 7 năm 2025", "số 57-NQ/TW ngày 22/12/2024": when a cited document was issued. */
const CITED_DATE = /\bsố\s*:?\s*(\d*)\S*(?:\s+\S+){0,3}?\s+ngày\s+\d{1,2}\s*(?:\/|tháng)\s*\d{1,2}\s*(?:\/|năm)\s*\d{4}/giu;

/** The document's own facts ("ban hành ngày 4/7/2025") and a header's place-and-date line. */
const ISSUED = /ban hành ngày \d{1,2}\/\d{1,2}\/\d{4}/giu;
const ISSUE_LINE = /^[^\n,]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/gmu;

/**
 * The text without the issue dates of itself and of the documents it cites, except a cited
 * document whose number is in `keep` ("Nghị quyết 57 ban hành ngày nào?" keeps "số 57-NQ/TW ngày …").
 */
export function withoutCitedDates(text: string, keep: readonly string[] = []): string {
  return text.replace(CITED_DATE, (m, n: string) => (n && keep.includes(n) ? m : ' ')).replace(ISSUE_LINE, ' ');
}

/** A kind of fact asked for: its name for the reader, and whether a sentence holds one. */
export interface FactKind {
  /** What the reader is told was not found, e.g. "thời hạn". */
  name: string;
  test(sentence: string): boolean;
}

const AMOUNT = /\d[\d.,]*\s*(đồng|triệu|tỷ|nghìn|VNĐ|VND)|miễn phí|không thu/iu;
const PERCENT = /\d\s*%|\d\s*phần trăm/iu;
const NUMBER = /\d[\d.,]*\s*%?\s+\p{L}/u;

/** Question words of each kind, folded. The first kind that matches is asked. */
const KINDS: { ask: RegExp; kind: (named: string[]) => FactKind }[] = [
  { ask: /\b(bao nhieu tien|may tien|tien thuong|muc thuong|bao nhieu dong|may trieu|bao nhieu trieu|mat phi|le phi|hoc phi|ton tien)\b/, kind: () => ({ name: 'số tiền', test: (t) => AMOUNT.test(t) }) },
  {
    ask: /\b(?:han(?! che)|thoi han|het han|truoc ngay|cham nhat|ngay nao|hom nao|thang nao|thang may)\b/,
    kind: (named) => ({ name: 'ngày, thời hạn', test: (t) => DATE.test(withoutCitedDates(t, named).replace(ISSUED, ' ')) || NO_DATE_NOTE.test(t) }),
  },
  {
    ask: /\b(khi nao|bao gio|luc nao|nam nao)\b/,
    kind: (named) => ({ name: 'thời gian', test: (t) => DATE.test(withoutCitedDates(t, named)) || /\b(?:năm|Năm|quý|Quý) (?:[IV]+\/)?20\d\d\b/u.test(withoutCitedDates(t, named)) }),
  },
  { ask: /\b(ty le|phan tram)\b|bao nhieu\s*%/, kind: () => ({ name: 'tỷ lệ', test: (t) => PERCENT.test(t) }) },
  { ask: /(?<!\bso )\b(bao nhieu|may)\s+\p{L}/u, kind: () => ({ name: 'con số', test: (t) => NUMBER.test(t) }) },
];

/** The kind of fact the question asks for, or undefined when it asks no particular kind. */
export function askedFact(question: string): FactKind | undefined {
  const q = fold(question).replace(/\bbn\b/g, 'bao nhieu');
  const named = q.match(/\d+/g) ?? [];
  return KINDS.find((k) => k.ask.test(q))?.kind(named);
}
