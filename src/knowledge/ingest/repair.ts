/**
 * Repairs the artefacts of PDF text extraction in the campaign documents.
 *
 * The extracted copies put a blank line after every printed line, start each page with a
 * single space, keep justification spaces, and break sentences wherever the printed line
 * ended. `repairText` rebuilds logical lines: one paragraph, heading, bullet or header line
 * per output line, so that chunking can read the document's structure line by line.
 */
import { normalizeVi } from './normalize.js';

/** Kinds of structure markers in Vietnamese administrative documents, outermost first. */
export type MarkerKind = 'roman' | 'number' | 'letter' | 'paren' | 'dash' | 'plus';

/** A structure marker at the start of a line ("2.1.", "a)", "(3)", "- " …). */
export interface Marker {
  kind: MarkerKind;
  /** The marker exactly as written, e.g. "3.2.1.", "a,", "(1)", "-". */
  text: string;
  /** Nesting depth among numbered headings ("2.1." is 2); 1 for the other kinds. */
  depth: number;
}

// A number or Roman numeral only opens a heading when an uppercase letter follows: a line
// that merely starts with "2030 và …" or "22/12/2024 của …" continues a sentence.
const MARKERS: [MarkerKind, RegExp][] = [
  ['roman', /^([IVX]{1,4}\.)\s+(?=\p{Lu})/u],
  ['number', /^(\d{1,2}(?:\.\d{1,2}){0,3}\.)\s+(?=\p{Lu})/u],
  ['letter', /^([a-hđ][),])\s+(?=\p{Lu})/u],
  ['paren', /^(\(\d{1,2}\))\s+(?=\S)/u],
  ['dash', /^([-•])\s+(?=\S)/u],
  ['plus', /^(\+)\s+(?=\S)/u],
];

/**
 * The structure marker a (repaired, trimmed) line starts with, or null.
 * @example parseMarker('2.1. Năm 2025') // { kind: 'number', text: '2.1.', depth: 2 }
 */
export function parseMarker(line: string): Marker | null {
  for (const [kind, re] of MARKERS) {
    const m = re.exec(line);
    if (m) {
      const text = m[1]!;
      const depth = kind === 'number' ? text.split('.').length - 1 : 1;
      return { kind, text, depth };
    }
  }
  return null;
}

/** Lines that always start a new output line: they are header fields, never continuations. */
const OPENS = /^(?:V\/v\b|Số\s*:|Kính gửi\s*:|N[ơo]i nhận\s*:|[\p{Lu}][\p{L} ]{1,30}, ngày\b)/u;
/** Header lines after which the next printed line never continues them. */
const CLOSES = /^(?:Số\s*:|Kính gửi\s*:|[\p{Lu}][\p{L} ]{1,30}, ngày\b)/u;
const TERMINAL = /[.:;!?]$/;
/** Printed lines are at most ~85 characters; a longer line is a paragraph the extractor already joined. */
const PARAGRAPH_LINE = 120;

function isAllCaps(line: string): boolean {
  return !/\p{Ll}/u.test(line) && /\p{Lu}.*\p{Lu}/u.test(line);
}

/** Typical printed line width: short lines end a paragraph (or a heading that has no colon). */
function lineWidth(lines: readonly string[]): number {
  const lens = lines.map((l) => l.length).filter((n) => n >= 8 && n <= PARAGRAPH_LINE).sort((a, b) => a - b);
  if (lens.length < 5) return 80;
  return lens[Math.floor(lens.length * 0.9)]!;
}

/** One printed line, trimmed; `wide` when the extractor padded its end with 2+ spaces. */
interface Printed {
  text: string;
  wide: boolean;
}

/** Whether printed line `next` starts a new logical line after `prev`. */
function startsNewLine(prev: Printed, next: string, width: number): boolean {
  const p = prev.text;
  if (OPENS.test(next) || CLOSES.test(p) || isAllCaps(p)) return true;
  // A table ("| TT | Chỉ tiêu | Năm 2025 |…") starts a line of its own, never the tail of a heading.
  if (next.startsWith('|') && !p.startsWith('|') && !p.endsWith('|')) return true;
  // A row written without outer bars ("Chỉ tiêu | ĐVT | Năm 2025 | Năm 2026") is a line of its own.
  const bars = (s: string) => (s.match(/\s\|\s/g) ?? []).length;
  if (!p.startsWith('|') && !next.startsWith('|') && (bars(p) >= 2 || bars(next) >= 2)) return true;
  if (/[\p{L}\p{N}]-$/u.test(p)) return false; // "4735/BNV-" + "BTĐKTTW"
  const terminal = TERMINAL.test(p);
  // Justified lines fill the width: a short or padded line is where a paragraph (or a heading
  // without a colon) ended. A line longer than any printed line is a paragraph already.
  const ended =
    prev.wide ||
    p.length < width * (terminal ? 0.9 : 0.7) ||
    p.length > PARAGRAPH_LINE ||
    next.length > PARAGRAPH_LINE;
  if (!ended && !terminal) return false;
  if (parseMarker(next) || isAllCaps(next)) return true;
  if (!/^\p{Lu}/u.test(next)) return false;
  // "Trên đây là …" opens the closing paragraph of every plan and letter.
  // Otherwise uppercase after a full line ending a sentence is the same paragraph's next sentence.
  return ended || /^Trên đây là\s/u.test(next);
}

const WORD = /[\p{L}\p{M}]+/gu;
/** Words seen so far: the corpus repeats ~2,000 distinct words ~13,000 times. Bounded. */
const normalized = new Map<string, string>();

/** `normalizeVi` (which works word by word), memoised per word: most of the loading time otherwise. */
function normalizeCached(text: string): string {
  if (normalized.size > 50_000) normalized.clear();
  return text.normalize('NFC').replace(WORD, (w) => {
    let out = normalized.get(w);
    if (out === undefined) normalized.set(w, (out = normalizeVi(w)));
    return out;
  });
}

/** Fixes spacing and quotes inside one logical line. */
function cleanLine(line: string): string {
  return normalizeCached(
    line
      .replace(/\s+/g, ' ')
      .replace(/"“/g, '“')
      .replace(/”"/g, '”')
      .replace(/(^|\s)"(?=\p{L})/gu, '$1“')
      .replace(/([\p{L}\p{N}.!?])"(?=\s|$|[,.;:)])/gu, '$1”')
      .replace(/([\p{L}\p{N},;:])“/gu, '$1 “')
      .replace(/”(?=[\p{L}\p{N}])/gu, '” ')
      .trim(),
  );
}

/**
 * Rebuilds logical lines from an extracted text: joins lines broken mid-sentence (also across
 * page breaks), starts a new line at every heading, bullet and header field, collapses stray
 * and double spaces, fixes missing spaces around quotes and applies `normalizeVi`.
 * Never throws; the output has no blank lines, no trailing spaces and no double spaces.
 * @example repairText('2. Chỉ tiêu \n\n2.1. Năm 2025 \n\n- Trên 80% cán bộ, công \n\nchức') ===
 *   '2. Chỉ tiêu\n2.1. Năm 2025\n- Trên 80% cán bộ, công chức'
 */
export function repairText(raw: string): string {
  // A whitespace-only line is vertical space in the page: it always ends a paragraph. A page
  // starts with a single space; trimmed, its first line is joined or not like any other.
  const physical: Printed[] = raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => ({ text: l.replace(/\s+/g, ' ').trim(), wide: /\S\s{2,}$/.test(l) }));
  const width = lineWidth(physical.map((l) => l.text).filter(Boolean));

  const out: string[] = [];
  let current = '';
  let last: Printed = { text: '', wide: false };
  for (const printed of physical) {
    const line = printed.text;
    if (line === '') {
      if (current) out.push(current);
      current = '';
      continue;
    }
    if (!current) current = line;
    else if (startsNewLine(last, line, width)) {
      out.push(current);
      current = line;
    } else {
      // "4735/BNV-" + "BTĐKTTW", "2025-" + "2030": a hyphen glued to a word joins without a space.
      current += /[\p{L}\p{N}]-$/u.test(current) ? line : ` ${line}`;
    }
    last = printed;
  }
  if (current) out.push(current);
  return out.map(cleanLine).filter(Boolean).join('\n');
}
