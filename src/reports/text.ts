/**
 * Text plumbing for the figure parser: folding that keeps character positions (so problems can
 * be quoted from the original message), masking of numbers that are not figures (dates, years,
 * ages, ordinals), and splitting into segments.
 */
import { fold } from '../knowledge/ingest/normalize.js';

/**
 * `fold` applied character by character, so index i of the result is character i of
 * `text.normalize('NFC')`. A character whose folding changes length is kept lower-cased.
 */
export function foldAligned(nfc: string): string {
  let out = '';
  for (const ch of nfc) {
    const f = fold(ch);
    const lower = ch.toLowerCase();
    out += f.length === ch.length ? f : lower.length === ch.length ? lower : ' '.repeat(ch.length);
  }
  return out;
}

/** The folded text with non-figure numbers blanked, and the report years (2025, 2026) seen. */
export interface Masked {
  text: string;
  years: Set<number>;
}

const blank = (s: string) => s.replace(/[^\s]/g, ' ');
const YEAR = /20[2-3]\d/;

// Each rule blanks group 1 (the digits) and keeps the words, which still help recognition. The
// first YEAR_RULES rules name a period, so their year counts as the report's period.
const YEAR_RULES = 6;
const MASKS: RegExp[] = [
  // Full dates "15/9/2025", "12.10.2025"; month/year "tháng 9/2025", "T9/2025", "9/2025".
  /(?<![\d.,])(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*20\d\d)(?!\d)/g,
  /(?<![a-z])(?:thang|th|t)\s*(\d{1,2}\s*[/.-]\s*20\d\d)(?!\d)/g,
  /(?<![\d.,])((?:[1-9]|1[0-2])\s*[/-]\s*20[2-3]\d)(?![\d.,])(?!\s*(?:nguoi|ng)(?![a-z]))/g,
  /(?<![a-z])quy\s*((?:[ivx]+|\d)(?:\s*[/-]\s*20\d\d)?)(?![\d.,])/g,
  // "năm 2025", bare "2025" (not a count: no %, no "/", no unit after it).
  /(?<![a-z])nam\s*(20\d\d)(?!\d)/g,
  /(?<![\d.,/])(20[2-3]\d)(?![\d]|[.,]\d|\s*(?:%|\/|phan\s*tram|nguoi|ng(?![a-z])|hs(?![a-z])|tren\s*\d))/g,
  // Ages and durations: "trên 18 tuổi", "từ 15 đến 60 tuổi", "6 tháng đầu năm", "2 buổi".
  /(?<![a-z])tu\s*(\d+\s*(?:den|-)\s*\d+)\s*tuoi/g,
  /(?<![\d.,])(\d+(?:[.,]\d+)?(?:\s*-\s*\d+)?)\s*(?:tuoi|thang|tuan|ngay|gio|phut|nam|lan|buoi|khoa|lop|dot)(?![a-z])/g,
  // "ngày 9/11": day and month.
  /(?<![a-z])ngay\s*(\d{1,2}\s*[/.-]\s*\d{1,2})(?![\d.,]\d)/g,
  // Ordinals and sub-units: "đợt 2", "tổ 5", "TDP 3", "khu phố 3", "khóm 2", "ấp 4", "lớp 9", "cấp 2, 3", "mức 2".
  /(?<![a-z])(?:thang|dot|lan(?:\s*thu)?|tuan|to\s*dan\s*pho|tdp|to|khu\s*pho|kp|khu|thon|xom|ap|khom|buon|bon|ban|lop|khoi|cap|muc|ngay|giai\s*doan|phuong|buoc|top|stt|khoa|phan)\s*(\d+(?:\s*[,&]\s*\d+(?![\d.,%]))*)(?![\d.,]\d|\s*(?:%|phan\s*tram|\/|tren\s*\d))/g,
  // "công nghệ 4.0", "5G", document numbers "150/KH-UBND", "478-KH/TU", phone numbers.
  /(?<![a-z])(?:cong\s*nghe|cach\s*mang|cmcn|cn)\s*(4[.,]0)/g,
  /(?<![\d.,])(\d)g(?![a-z])/g,
  /(?<![\d.,])(\d+[/-](?:20\d\d\/)?)(?=[a-z]{2,}[-/])/g,
  /(?<![\d.,])(0\d{9,10})(?!\d)/g,
  // List markers at the start of a line: "1. ", "2) ", "a) "; and inside a line: "(1) CBCCVC …; (2) …".
  /(?:^|\n)\s*(\d{1,2}[.)])\s/g,
  /(?:^|[\s;:.,])(\(\d{1,2}\))\s/g,
];

/** Blanks numbers that are not figures and collects the report years they name. */
export function maskNonFigures(folded: string): Masked {
  let text = folded;
  const years = new Set<number>();
  MASKS.forEach((re, rule) => {
    text = text.replace(re, (whole: string, digits: string) => {
      const y = YEAR.exec(digits);
      if (y && rule < YEAR_RULES) years.add(Number(y[0]));
      const at = whole.lastIndexOf(digits);
      return whole.slice(0, at) + blank(digits) + whole.slice(at + digits.length);
    });
  });
  return { text, years };
}

/** A [start, end) range of the folded text. */
export interface Span {
  start: number;
  end: number;
}

// Hard boundaries: lines, ";", "|", bullets, sentence ends (a dot not inside a number).
const HARD = /\n|;|\||•|[!?]|\.(?!\d)(?=\s|$)/g;

/** Splits at hard boundaries; empty segments are dropped. */
export function hardSegments(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(HARD)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (text.length > start) out.push({ start, end: text.length });
  return out.filter((s) => text.slice(s.start, s.end).trim() !== '');
}

/** Soft boundaries inside a segment: ",", "và", "còn", " - ", "&". */
export const SOFT = /,|\s[-–+]\s|&|(?<![a-z])(?:va|con(?!\s*(?:so|em|cai))|rieng)(?![a-z])/g;

/** Positions of soft boundaries in `text` between `from` and `to`, as [start, end) spans. */
export function softBoundaries(text: string, from: number, to: number): Span[] {
  const part = text.slice(from, to);
  return [...part.matchAll(SOFT)].map((m) => ({ start: from + m.index, end: from + m.index + m[0].length }));
}
