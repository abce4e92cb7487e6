/**
 * The printed layout of a header as extraction leaves it: two columns on one line, doubled line
 * breaks, the national name and motto in the right column. Lines become cells to read.
 */
import { fold } from './normalize.js';
import { blank, foldSame, nearly, vocab } from './header-vocabulary.js';

/**
 * Some DOCX extractions put an empty line after every line, so a wrapped sentence reads as
 * paragraphs. Seen when more lines continue in lower case after one empty line than right
 * below; then every run of empty lines loses one.
 */
export function undouble(lines: string[]): string[] {
  let afterOne = 0;
  let direct = 0;
  let gap = -1;
  for (const line of lines) {
    if (blank(line)) {
      if (gap >= 0) gap++;
      continue;
    }
    if (/^\p{Ll}/u.test(line.trim())) {
      if (gap === 1) afterOne++;
      else if (gap === 0) direct++;
    }
    gap = 0;
  }
  if (afterOne < 3 || afterOne <= direct) return lines;
  return lines.filter((line, i) => !(blank(line) && (i === 0 || !blank(lines[i - 1]!))));
}

/** A blank day or month and a spaced number ("So:    /TTr" folded) must not split a line into cells. */
const SPACED = /(?<!\p{L})(?:ngay[\s\d]*thang[\s\d]*nam|(?:so|s6|\$6)\s*[:.]?[\s\d]*[/-])/gu;

function collapseFields(line: string): string {
  const f = foldSame(line);
  let out = '';
  let last = 0;
  for (const m of f.matchAll(SPACED)) {
    out += line.slice(last, m.index) + line.slice(m.index, m.index + m[0].length).replace(/\s+/g, ' ');
    last = m.index + m[0].length;
  }
  return out + line.slice(last);
}

/** Cuts the national name, the motto and similar right-column lines out of a cell, OCR errors allowed. */
function withoutMottos(cell: string): string[] {
  const spans = [...cell.matchAll(/[\p{L}\p{M}\p{N}$]+/gu)].map((m) => ({ at: m.index, end: m.index + m[0].length, w: fold(m[0]) }));
  for (const motto of vocab.mottos) {
    const n = motto.length;
    for (let i = 0; i + n <= spans.length; i++) {
      const hits = motto.filter((w, j) => nearly(spans[i + j]!.w, w)).length;
      if (hits < Math.ceil(n * 0.75) || !nearly(spans[i]!.w, motto[0]!) || !nearly(spans[i + n - 1]!.w, motto[n - 1]!)) continue;
      const before = cell.slice(0, spans[i]!.at);
      const after = cell.slice(spans[i + n - 1]!.end);
      return [...withoutMottos(before), ...withoutMottos(after)];
    }
  }
  const t = cell.trim();
  return t === '' || /^[\s\-_*=.–—~:;,]+$/.test(t) ? [] : [t];
}

/** Column cells of one line: split at runs of spaces or tabs, right-column decoration removed. */
export function cellsOf(line: string): string[] {
  return collapseFields(line)
    .trim()
    .split(/\s{2,}|\t+/)
    .flatMap(withoutMottos);
}
