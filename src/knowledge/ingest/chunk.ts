/**
 * Structure-aware chunking of Vietnamese administrative documents (công văn, kế hoạch).
 *
 * Structure first, size second: the heading stack (I. › 1. › 2.1. › 3.2.1. › a) › (1)) gives
 * every chunk its section path, and a chunk never crosses a heading. Only a unit (the text under
 * one heading) longer than `keepUnit` is split, on paragraph and bullet boundaries, so that each
 * substantial bullet (a target, a criterion, a task) can be retrieved on its own.
 *
 * Sections outside the numbered body:
 * - The preamble (title, căn cứ) has section "", as `Chunk.section` promises; a made-up label
 *   such as "Phần mở đầu" would only add words to what retrieval indexes.
 * - The closing paragraph ("Trên đây là …", "… ./.") is "Phần kết", not part of the last item.
 * - "Nơi nhận" and the signature block are kept, each as its own small chunk ("Nơi nhận",
 *   "Người ký"): they answer "who signed / who receives it" but must not dilute content chunks.
 *   A bare courtesy formula ("Trân trọng./.") and the national motto are dropped.
 */
import { parseMarker, type Marker } from './repair.js';
import type { Chunk } from '../types.js';

/** Size limits in characters; recorded next to an index so a change forces a rebuild. */
export const CHUNK_SETTINGS = {
  /** A unit up to this size stays one chunk, bullets and all. */
  keepUnit: 700,
  /** Preferred upper bound when packing blocks. */
  max: 900,
  /** A group smaller than this takes the next paragraph even beyond `max` (up to `hardMax`). */
  min: 200,
  /** A bullet this small is grouped with its siblings rather than standing alone. */
  smallBullet: 120,
  /** Only a single block larger than this is cut, and then between sentences. */
  hardMax: 1600,
} as const;

/** Section labels of the parts outside the numbered body. */
export const SECTIONS = {
  info: 'Thông tin văn bản',
  closing: 'Phần kết',
  recipients: 'Nơi nhận',
  signature: 'Người ký',
} as const;

const LEVEL: Record<Marker['kind'], number> = { roman: 1, number: 1, letter: 6, paren: 7, dash: 8, plus: 9 };
const RECIPIENTS = /^N[ơo]i nh[ậa]n\s*:/u;
// National motto and an unfilled date line ("ngày tháng năm 2025") carry no content; the real
// number and date live in the manifest.
const BOILERPLATE = [/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/u, /^Độc lập - Tự do - Hạnh phúc$/u, /ngày tháng năm \d{4}$/u];

interface Block {
  lines: string[];
  bullet: boolean;
  size: number;
}
interface Unit {
  path: string[];
  lines: string[];
}

const block = (lines: string[], bullet: boolean): Block => ({ lines, bullet, size: lines.join('\n').length });
const isLead = (b: Block) => b.lines[b.lines.length - 1]!.endsWith(':');

/** Path label and own text of a heading line: "3.2.1. Huân chương Lao động hạng Ba: Để tặng…". */
function splitHeading(line: string, marker: Marker): { label: string; rest: string } {
  const colon = line.indexOf(':');
  if (colon > 0 && colon <= 100) return { label: line.slice(0, colon).trim(), rest: line.slice(colon + 1).trim() };
  if (line.length <= 140 && !/[.;!?]$/.test(line)) return { label: line, rest: '' };
  // A numbered paragraph ("(3) Thi đua tập trung…"): the marker names it, the text stays whole.
  return { label: marker.text, rest: line };
}

/** Cuts the document into units: heading-scoped body, closing paragraph, recipients, signature. */
function toUnits(lines: string[]): Unit[] {
  let end = lines.findIndex((l) => RECIPIENTS.test(l));
  if (end < 0) end = lines.length;
  const closing = lines.findIndex((l, i) => i < end && !parseMarker(l) && (/^Trên đây là\s/u.test(l) || l.endsWith('./.')));
  const bodyEnd = closing >= 0 ? closing : end;

  const units: Unit[] = [{ path: [], lines: [] }];
  const stack: { level: number; label: string }[] = [];
  for (const line of lines.slice(0, bodyEnd)) {
    const marker = parseMarker(line);
    if (!marker || marker.kind === 'dash' || marker.kind === 'plus') {
      if (!BOILERPLATE.some((re) => re.test(line))) units[units.length - 1]!.lines.push(line);
      continue;
    }
    const level = LEVEL[marker.kind] + (marker.kind === 'number' ? marker.depth : 0);
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    const { label, rest } = splitHeading(line, marker);
    stack.push({ level, label });
    // The heading line stays in the text when it carries content, so a quote reads whole.
    units.push({ path: stack.map((h) => h.label), lines: rest ? [line] : [] });
  }
  // "Trân trọng./." alone is a courtesy formula, not a closing paragraph worth retrieving.
  const closingLines = lines.slice(bodyEnd, end).filter((l) => l.replace(/[./\s]/g, '').length > 20);
  units.push({ path: [SECTIONS.closing], lines: closingLines });
  const tail = lines.slice(end + 1);
  const lastBullet = tail.findLastIndex((l) => parseMarker(l)?.kind === 'dash');
  units.push({ path: [SECTIONS.recipients], lines: tail.slice(0, lastBullet + 1) });
  units.push({ path: [SECTIONS.signature], lines: tail.slice(lastBullet + 1) });
  return units.filter((u) => u.lines.length > 0);
}

/** Paragraphs and bullets of a unit; a "+" item belongs to the "-" item above it. */
function toBlocks(lines: string[]): Block[] {
  const items: { lines: string[]; bullet: boolean }[] = [];
  for (const line of lines) {
    const kind = parseMarker(line)?.kind;
    const last = items[items.length - 1];
    if (kind === 'plus' && last?.bullet) last.lines.push(line);
    else items.push({ lines: [line], bullet: kind === 'dash' || kind === 'plus' });
  }
  return items.flatMap((b) => splitOversized(block(b.lines, b.bullet)));
}

/** A "-" item too long for one chunk is split between its "+" items, each part repeating the "-" line. */
function splitOversized(b: Block): Block[] {
  const { max, hardMax } = CHUNK_SETTINGS;
  if (b.lines.length > 1 && b.size > max) {
    const [head, ...items] = b.lines as [string, ...string[]];
    const parts: string[][] = [];
    for (const item of items) {
      const part = parts[parts.length - 1];
      if (part && [...part, item].join('\n').length <= max) part.push(item);
      else parts.push([head, item]);
    }
    return parts.map((p) => block(p, true));
  }
  if (b.size <= hardMax) return [b];
  const sentences = b.lines.join('\n').split(/(?<=[.;])\s+(?=\p{Lu})/u);
  return pack(sentences.map((s) => block([s], false)), max).map((g) => block([g.map((x) => x.lines[0]).join(' ')], b.bullet));
}

/** Greedy grouping of consecutive blocks under the size rules. */
function pack(blocks: Block[], max: number): Block[][] {
  const { min, smallBullet, hardMax } = CHUNK_SETTINGS;
  const groups: Block[][] = [];
  let size = 0;
  for (const b of blocks) {
    const cur = groups[groups.length - 1];
    const merged = size + 1 + b.size;
    let join = false;
    if (cur) {
      if (isLead(cur[cur.length - 1]!)) join = merged <= hardMax;
      else if (b.bullet) join = merged <= max && (size < smallBullet || b.size < smallBullet || (size < min && !cur.some((x) => x.bullet)));
      else join = merged <= max || (size < min && merged <= hardMax);
    }
    if (join) {
      cur!.push(b);
      size = merged;
    } else {
      groups.push([b]);
      size = b.size;
    }
  }
  return groups;
}

/**
 * Chunks one repaired document (output of `repairText`). Promises: chunks follow document order;
 * ids are `${docId}#${n}` from 0; `section` is the heading path joined with " › " ("" for the
 * preamble before the first heading, "Phần kết", "Nơi nhận" and "Người ký" for the closing
 * parts); no chunk spans two headings; no text is empty. Never throws.
 * @example chunkDocument('hong-an-kh', repairText(raw))[0].section === ''
 */
export function chunkDocument(docId: string, text: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (const unit of toUnits(text.split('\n').filter(Boolean))) {
    const blocks = toBlocks(unit.lines);
    const whole = blocks.reduce((n, b) => n + b.size + 1, -1);
    const groups = whole <= CHUNK_SETTINGS.keepUnit ? [blocks] : pack(blocks, CHUNK_SETTINGS.max);
    for (const group of groups) {
      chunks.push({
        id: `${docId}#${chunks.length}`,
        docId,
        section: unit.path.join(' › '),
        text: group.flatMap((b) => b.lines).join('\n'),
      });
    }
  }
  return chunks;
}
