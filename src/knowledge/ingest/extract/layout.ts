/**
 * Printed lines from positioned text: PDF text items and OCR words both arrive as runs with a
 * baseline, a left edge, a width and a text height. Runs whose baselines are within half a line
 * height form one line, read left to right; inside a line a gap wider than `cellGap` text heights
 * starts a new cell (tables.ts decides whether cells make a table row); a narrower gap is a space
 * when the runs do not already carry one. A vertical gap clearly wider than the page's usual
 * line pitch marks a paragraph end.
 */
import type { Cell, CellLine } from './tables.js';

/** A piece of text at a position; `y` is the baseline and grows downwards (top of page = 0). */
export interface Run {
  text: string;
  x: number;
  width: number;
  y: number;
  /** Text height (font size in PDF units, line height in OCR pixels). */
  size: number;
}

export interface LayoutOptions {
  /** A horizontal gap wider than this many text heights separates cells (default 2). */
  cellGap?: number;
}

/** Cells of one line's runs, already sorted left to right. */
function splitCells(runs: Run[], size: number, cellGap: number): Cell[] {
  const cells: Cell[] = [];
  let cur: Cell | undefined;
  for (const r of runs) {
    const gap = cur ? r.x - cur.x1 : Infinity;
    if (!cur || gap > cellGap * size) {
      cur = { text: r.text, x0: r.x, x1: r.x + r.width };
      cells.push(cur);
      continue;
    }
    const spaced = /\s$/.test(cur.text) || /^\s/.test(r.text);
    cur.text += !spaced && gap > 0.12 * size ? ` ${r.text}` : r.text;
    cur.x1 = Math.max(cur.x1, r.x + r.width);
  }
  for (const c of cells) c.text = c.text.replace(/\s+/g, ' ').trim();
  return cells.filter((c) => c.text);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Groups runs into printed lines, top to bottom, each cut into cells at wide gaps.
 * Whitespace-only runs are dropped (their gap still counts).
 */
export function layoutRuns(runs: Run[], opts: LayoutOptions = {}): CellLine[] {
  const cellGap = opts.cellGap ?? 2;
  const sorted = runs.filter((r) => r.text.trim() && r.size > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: { y: number; size: number; runs: Run[] }[] = [];
  for (const r of sorted) {
    const g = groups.at(-1);
    if (g && Math.abs(r.y - g.y) <= 0.5 * Math.min(r.size, g.size)) {
      g.runs.push(r);
      g.size = Math.max(g.size, r.size);
    } else groups.push({ y: r.y, size: r.size, runs: [r] });
  }
  const pitches = groups.slice(1).map((g, i) => (g.y - groups[i]!.y) / g.size).filter((p) => p > 0.8 && p < 2.5);
  const usual = median(pitches) ?? 1.2;
  return groups
    .map((g, i) => ({
      cells: splitCells(g.runs.sort((a, b) => a.x - b.x), g.size, cellGap),
      size: g.size,
      gapBefore: i > 0 && (g.y - groups[i - 1]!.y) / g.size > 1.3 * usual,
    }))
    .filter((l) => l.cells.length);
}
