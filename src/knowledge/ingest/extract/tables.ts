/**
 * Tables as text: every extractor writes a table row as one line "| a | b | c |", so a row of
 * targets ("| Chỉ tiêu | 2025 | 2030 |") stays one readable unit for chunking and answers. Merged
 * and empty cells become empty cells, so every row of one table has the same number of cells and
 * a value stays under its column. Two sources feed this: DOCX tables with explicit spans, and
 * positioned lines (PDF text, OCR words), where a table is inferred from wide gaps and columns
 * that line up from one line to the next.
 */

/** One table row as a line; a "|" inside a cell is escaped so the cell count stays readable. */
export function formatRow(cells: string[]): string {
  const clean = cells.map((c) => c.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|'));
  return `|${clean.map((c) => (c ? ` ${c} ` : ' ')).join('|')}|`;
}

/** A cell as a DOCX table states it: its text and how many columns and rows it covers. */
export interface SpanCell {
  text: string;
  colspan: number;
  rowspan: number;
}

/**
 * Lays cells with col/row spans onto a rectangular grid: a merged cell's text goes to its
 * top-left slot and the other slots it covers stay empty.
 * @example spansToGrid([[{ text: 'A', colspan: 2, rowspan: 1 }], [cell('b'), cell('c')]]) // [['A', ''], ['b', 'c']]
 */
export function spansToGrid(rows: SpanCell[][]): string[][] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c] !== undefined) c++;
      for (let dr = 0; dr < Math.max(1, cell.rowspan) && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < Math.max(1, cell.colspan); dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cell.text : '';
      }
      c += Math.max(1, cell.colspan);
    }
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/** A stretch of text on one printed line, with its horizontal extent. */
export interface Cell {
  text: string;
  x0: number;
  x1: number;
}

/** One printed line cut at its wide gaps; `size` is the text height, the unit of tolerances. */
export interface CellLine {
  cells: Cell[];
  size: number;
  /** True when a wider-than-usual vertical gap separates this line from the previous one. */
  gapBefore?: boolean;
}

/** Whether two multi-cell lines share at least two column edges (left or right aligned). */
function shareColumns(a: CellLine, b: CellLine): boolean {
  if (a.cells.length < 2 || b.cells.length < 2) return false;
  const tol = 0.6 * Math.min(a.size, b.size);
  const near = (u: number, v: number) => Math.abs(u - v) <= tol;
  const matched = a.cells.filter((ca) => b.cells.some((cb) => near(ca.x0, cb.x0) || near(ca.x1, cb.x1))).length;
  return matched >= 2;
}

const overlap = (a: Cell, b: Cell) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);

/**
 * Puts each row's cells under the columns of the block's widest row: a cell goes to the column
 * it overlaps most (nearest centre when it overlaps none); cells landing in one column are
 * joined, and a column a row leaves blank is an empty cell.
 */
function toGrid(block: CellLine[]): string[][] {
  const columns = block.reduce((w, l) => (l.cells.length > w.cells.length ? l : w)).cells;
  const centre = (c: Cell) => (c.x0 + c.x1) / 2;
  return block.map((line) => {
    const out: string[][] = columns.map(() => []);
    for (const cell of line.cells) {
      let best = 0;
      let score = -Infinity;
      columns.forEach((col, i) => {
        const s = overlap(cell, col) > 0 ? overlap(cell, col) : -Math.abs(centre(cell) - centre(col));
        if (s > score) [best, score] = [i, s];
      });
      out[best]!.push(cell.text);
    }
    return out.map((texts) => texts.join(' '));
  });
}

/**
 * Text lines from positioned lines. A line of three or more cells, or a multi-cell line whose
 * columns line up with a neighbour's, is a table row; consecutive rows form one table laid on a
 * common grid. Any other line is its cells joined by two spaces (a two-column letterhead stays
 * one line). A `gapBefore` line is preceded by a blank line, which marks a paragraph end.
 */
export function renderCellLines(lines: CellLine[]): string[] {
  const isRow = lines.map(
    (l, i) => l.cells.length >= 3 || (l.cells.length >= 2 && ((i > 0 && shareColumns(l, lines[i - 1]!)) || (i + 1 < lines.length && shareColumns(l, lines[i + 1]!)))),
  );
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (lines[i]!.gapBefore && out.length) out.push('');
    if (!isRow[i]) {
      out.push(lines[i]!.cells.map((c) => c.text).join('  '));
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && isRow[j] && !lines[j]!.gapBefore) j++;
    for (const row of toGrid(lines.slice(i, j))) out.push(formatRow(row));
    i = j;
  }
  return out;
}
