import { measureText, type FontWeight } from './chart-font.js';
import type { DrawOp, TextRole } from './chart.js';

/** Fitting labels into pixel widths, measured with the chart's own fonts. */

/** Splits `text` into lines no wider than `max` px (a word longer than a line stays whole). */
export function wrap(text: string, size: number, weight: FontWeight, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measureText(candidate, size, weight) > max) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Like `wrap`, but with lines of even length (no single orphan word on the last line). */
export function wrapBalanced(text: string, size: number, weight: FontWeight, max: number): string[] {
  let best = wrap(text, size, weight, max);
  if (best.length < 2) return best;
  for (let trial = max - 8; trial > max / 2; trial -= 8) {
    const lines = wrap(text, size, weight, trial);
    if (lines.length !== best.length || lines.some((l) => measureText(l, size, weight) > trial)) break;
    best = lines;
  }
  return best;
}

/** `text`, shortened with "…" to fit `max` px. */
export function ellipsize(text: string, size: number, weight: FontWeight, max: number): string {
  if (measureText(text, size, weight) <= max) return text;
  let s = text;
  while (s.length > 1 && measureText(`${s}…`, size, weight) > max) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}


/** A text drawer bound to the op list: measures, aligns (left/right/center) and records the text. */
export function pen(ops: DrawOp[]) {
  return (
    s: string,
    x: number,
    y: number,
    size: number,
    color: string,
    role: TextRole,
    opts: { weight?: FontWeight; align?: 'left' | 'right' | 'center' } = {},
  ) => {
    const weight = opts.weight ?? 'regular';
    const t = s.normalize('NFC');
    const w = measureText(t, size, weight);
    const left = opts.align === 'right' ? x - w : opts.align === 'center' ? x - w / 2 : x;
    const op: DrawOp = { kind: 'text', text: t, x: left, y, w, size, weight, color, role };
    ops.push(op);
    return op;
  };
}

export type Pen = ReturnType<typeof pen>;
