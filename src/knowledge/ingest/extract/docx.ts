/**
 * DOCX to text with mammoth. mammoth's HTML is small and regular (p, h1–h6, ol/ul/li, table, tr,
 * td/th with colspan/rowspan, br, inline tags), so it is walked here with one tokenizer rather than
 * a DOM library: each paragraph, heading or list item becomes a line and each table row a
 * "| a | b | c |" line, merged and empty cells kept as empty cells. Word's automatic numbering is
 * not in the text, so list items get "1." / "-" markers back, which chunking reads as structure.
 * Images are dropped without being decoded.
 */
import { ExtractError } from './errors.js';
import { formatRow, spansToGrid, type SpanCell } from './tables.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const spanOf = (attrs: string, name: string) => Math.max(1, Number(new RegExp(`${name}="(\\d+)"`).exec(attrs)?.[1] ?? 1));

interface OpenTable {
  rows: SpanCell[][];
  cell?: SpanCell;
}

/**
 * Lines of mammoth's HTML: paragraphs as lines, tables as rows (a table nested in a cell is
 * flattened into that cell's text).
 */
export function htmlToLines(html: string): string[] {
  const out: string[] = [];
  const tables: OpenTable[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    line = '';
  };
  /** Text goes to the innermost open cell, or to the current line outside tables. */
  const write = (s: string) => {
    const cell = tables.at(-1)?.cell;
    if (cell) cell.text += s;
    else if (!tables.length) line += s;
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi)) {
    const [, close, rawTag, attrs = '', text] = m;
    if (text !== undefined) {
      write(decode(text));
      continue;
    }
    const tag = rawTag!.toLowerCase();
    const table = tables.at(-1);
    if (/^(p|h[1-6]|li|br)$/.test(tag)) {
      if (table) write(' ');
      else flush();
      if (tag === 'li' && !close && !table) {
        const list = lists.at(-1);
        if (list) line = list.ordered ? `${++list.n}. ` : '- ';
      }
    } else if (tag === 'ol' || tag === 'ul') {
      if (close) lists.pop();
      else lists.push({ ordered: tag === 'ol', n: 0 });
    } else if (tag === 'table') {
      if (!close) {
        if (!table) flush();
        tables.push({ rows: [] });
        continue;
      }
      const done = tables.pop();
      const rows = spansToGrid(done?.rows ?? []).filter((r) => r.some((c) => c.trim()));
      if (tables.length) write(` ${rows.map((r) => r.filter(Boolean).join(' ')).join(' ')} `);
      else out.push(...rows.map(formatRow));
    } else if (table && tag === 'tr' && !close) {
      table.rows.push([]);
    } else if (table && (tag === 'td' || tag === 'th')) {
      if (!close) table.cell = { text: '', colspan: spanOf(attrs, 'colspan'), rowspan: spanOf(attrs, 'rowspan') };
      else if (table.cell) {
        table.rows.at(-1)?.push({ ...table.cell, text: table.cell.text.replace(/\s+/g, ' ').trim() });
        table.cell = undefined;
      }
    }
  }
  flush();
  return out;
}

/**
 * Text of a DOCX file, one paragraph or table row per line.
 * @throws ExtractError 'unreadable' when the file is not a Word document (a broken or other ZIP).
 */
export async function extractDocx(bytes: Uint8Array): Promise<{ text: string }> {
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const noImages = mammoth.images.imgElement(async () => ({ src: '' }));
    html = (await mammoth.convertToHtml({ buffer }, { convertImage: noImages })).value;
  } catch (err) {
    throw new ExtractError('unreadable', 'unreadable', 'DOCX', { cause: err });
  }
  return { text: htmlToLines(html).join('\n') };
}
