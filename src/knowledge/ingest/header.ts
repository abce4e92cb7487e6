/**
 * Reads a document's own metadata (number, kind, title, issuer, level, place, date, signer) from
 * the header and the signature block of its extracted text. Extraction from PDF, DOCX or OCR
 * leaves the header's two columns interleaved on one line, breaks lines, may double every line
 * break and may lose diacritics, so every rule works on folded text and on the layout's
 * structure. The vocabulary (type words, type codes, level words, organisation and signature
 * words) is data in `header-words.json`; only the format of the number, date and "V/v" lines is
 * written here.
 */
import type { DocLevel } from '../types.js';
import { cellsOf, undouble } from './header-layout.js';
import { blank, capFirst, foldSame, isAllCaps, key, lower, phraseAt, titleCase, vocab, words, type Org } from './header-vocabulary.js';
import { diacriticDensity } from './near-duplicate.js';
import { fold, normalizeVi } from './normalize.js';


/** What the header says; a field is null when this copy does not show it. */
export interface HeaderMeta {
  /** The document number as printed, spaces removed ("112/KH-UBND"); null when blank or absent. */
  number: string | null;
  /** Document type in sentence case; a letter (a "V/v" line, or a number without a type code) gets the letter kind. */
  kind: string | null;
  /** Subject line, joined into one line, without the "V/v" prefix. */
  title: string | null;
  /** Issuing body in sentence case, with the place of its parent body when it names none. */
  issuer: string | null;
  level: DocLevel | null;
  /** The commune, ward, special zone, province or city the issuer belongs to (level word + name); null for central bodies. */
  place: string | null;
  /** ISO YYYY-MM-DD; null when blank or not a real date. */
  date: string | null;
  /** The signer's name in Title Case. */
  signer: string | null;
}

interface Row {
  cells: string[];
  /** Empty lines just above (after undoubling). */
  gap: number;
  line: string;
  /** Index of the line in the (undoubled) text. */
  at: number;
}

// ---------------------------------------------------------------- header fields

/** Marks per letter below which a text is an OCR copy without diacritics (typeset Vietnamese is ≈0.35). */
const OCR_DENSITY = 0.15;
const NUMBER = /^(?:so|s6|s0|\$6|\$o|\$0)\s*[:.]?\s*(\d*)\s*([-/])\s*([\p{L}\d]+(?:\s*[-/]\s*[\p{L}\d.]+)*)/du;
const VV = /^v\s*\/\s*v(?!\p{L})\.?\s*:?\s*/u;
const DATE_WORDS = /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/u;
const DATE_DIGITS = /,\s*(?:ngay\s*)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/u;
const DATE_CELL = /^(?:[^,\d]{2,40},\s*(?:ngay(?!\p{L})|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})|ngay[\s\d]*thang(?!\p{L}))/u;
const SECTION = /^(?:[ivxl]+|\d{1,2})\s*[.)]\s+\S/u;

interface NumberCell {
  number: string | null;
  /** The type code read from the number ("KH"), or the first code when there is no type code. */
  code: string | null;
}

function numberIn(cell: string): NumberCell | null {
  const m = NUMBER.exec(foldSame(cell));
  if (!m || !m[0].includes('/')) return null;
  const [at, end] = m.indices![3]!;
  const code = cell.slice(at, end).replace(/\s+/g, '').replace(/\.+$/, '');
  const digits = m[1]!;
  const segments = code.split(m[2] === '-' ? '/' : /[-/]/).filter((s) => !/^\d+$/.test(s));
  return { number: digits ? `${digits}${m[2]}${code}` : null, code: segments[0] ?? null };
}

function isoDate(d: string, m: string, y: string): string | null {
  const [day, month, year] = [Number(d), Number(m), Number(y)];
  const t = new Date(Date.UTC(year, month - 1, day));
  if (year < 1945 || year > 2100 || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) return null;
  return t.toISOString().slice(0, 10);
}

function dateIn(text: string): string | null {
  const f = foldSame(text);
  const m = DATE_WORDS.exec(f) ?? DATE_DIGITS.exec(f);
  return m ? isoDate(m[1]!, m[2]!, m[3]!) : null;
}

const startsWith = (cell: string, phrases: string[]) => {
  const k = key(cell);
  return phrases.some((p) => k === p || k.startsWith(`${p} `));
};
const kindOf = (cell: string) => vocab.kinds.find((k) => k.key === key(cell))?.text;
const isDateCell = (cell: string) => DATE_CELL.test(foldSame(cell));

/** Joins title lines: a line ending in a hyphenated break is glued, others take one space. */
function joinTitle(parts: string[]): string | null {
  let s = '';
  for (const p of parts.map((x) => x.trim()).filter(Boolean)) s += s === '' || /[\p{L}\d]-$/u.test(s) ? p : ` ${p}`;
  s = s.replace(/\s+/g, ' ').replace(/([\p{L}\d])([“"])(?=\p{L})/gu, '$1 $2').trim();
  if (!s) return null;
  if (isAllCaps(s)) s = lower(s);
  return s.replace(/^([^\p{L}]*)(\p{L})/u, (_, pre: string, c: string) => pre + c.toLocaleUpperCase('vi'));
}

// ---------------------------------------------------------------- issuer

interface Body {
  text: string;
  level: DocLevel | null;
  place: string | null;
  central: boolean;
}

const levelText = (l: DocLevel) => vocab.levels.find((x) => x.level === l)?.text ?? l;

/**
 * Writes one issuing body in sentence case: vocabulary words as the data file spells them, the
 * first word of each part of a name capitalised (as official names are written), and the place after
 * a level word in Title Case. Text that is not in capitals keeps its own casing.
 */
function readBody(text: string): Body {
  const caps = isAllCaps(text);
  const toks = text.split(/\s+/).filter(Boolean);
  const keys = toks.map(key);
  const out: string[] = [];
  let state: 'start' | 'name' | 'place' = 'start';
  let capNext = true;
  let lvl: DocLevel | null = null;
  let placeAt = -1;
  let central = false;
  for (let i = 0; i < toks.length; ) {
    const tok = toks[i]!;
    if (state === 'place') {
      out.push(caps ? titleCase(tok) : tok);
      i++;
      continue;
    }
    const o: Org | undefined = phraseAt(state === 'start' ? vocab.heads : vocab.inner, keys, i);
    if (o) {
      const written = o.as ?? o.text;
      out.push(capNext && o.joins !== true ? capFirst(written) : written);
      i += o.words.length;
      central ||= o.central === true;
      capNext = state === 'start' || o.joins === true;
      state = 'name';
      if (o.place && i < toks.length) [lvl, placeAt, state] = [o.place, out.length, 'place'];
      continue;
    }
    const l = phraseAt(vocab.levels, keys, i);
    if (l && i + l.words.length < toks.length) {
      out.push(l.text);
      i += l.words.length;
      [lvl, placeAt, state] = [l.level, out.length, 'place'];
      continue;
    }
    if (keys[i] === '') {
      out.push(tok); // the "-" between two parts of a name
      capNext = true;
    } else {
      const acronym = /^[^aeiouy]{2,}$/.test(keys[i]!);
      out.push(!caps || acronym ? tok : capNext ? capFirst(lower(tok)) : lower(tok));
      capNext = /[,;]$/.test(tok);
      state = 'name';
    }
    i++;
  }
  const name = placeAt >= 0 ? out.slice(placeAt).join(' ').replace(/[\s,;.]+$/, '') : '';
  return {
    text: out.join(' ').replace(/[\s,;.]+$/, ''),
    level: name ? lvl : null,
    place: name && lvl ? `${levelText(lvl)} ${name}` : null,
    central,
  };
}

/** The left column's lines, top to bottom, grouped into bodies; the lowest body is the issuer. */
function readIssuer(lines: string[]): Pick<HeaderMeta, 'issuer' | 'level' | 'place'> {
  const groups: string[] = [];
  for (const line of lines) {
    const k = words(line);
    const prev = groups.at(-1);
    // A head word alone ("TRUNG UONG" folded) ends the line above; with a name after it, a new body starts.
    const opensBody = vocab.heads.some((h) => k.length > h.words.length && h.words.every((w, j) => k[j] === w));
    if (prev === undefined || (opensBody && !/(?:-|,)$/.test(prev))) groups.push(line);
    else groups[groups.length - 1] = `${prev} ${line}`;
  }
  const bodies = groups.map(readBody);
  const own = bodies.at(-1);
  if (!own) return { issuer: null, level: null, place: null };
  if (own.place) return { issuer: own.text, level: own.level, place: own.place };
  const parent = bodies.slice(0, -1).reverse().find((b) => b.place);
  if (parent) return { issuer: `${own.text} ${parent.place}`, level: parent.level, place: parent.place };
  const central = bodies.some((b) => b.central);
  return { issuer: own.text, level: central ? vocab.centralLevel : null, place: null };
}

// ---------------------------------------------------------------- signer

const NAME_WORD = /^(?:\p{Lu}[\p{Ll}\p{M}]*|[\p{Lu}\p{M}]+)$/u;

/** A trailing run of 2–5 capitalised words that is no title or body word, or null. */
function nameIn(cell: string): string | null {
  const toks = cell.trim().split(/\s+/);
  let start = toks.length;
  while (start > 0 && NAME_WORD.test(toks[start - 1]!)) start--;
  const run = toks.slice(start);
  if (run.length < 2 || run.length > 5) return null;
  if (start > 0 && !/[.;:,)]$/.test(toks[start - 1]!)) return null;
  const k = ` ${key(run.join(' '))} `;
  if (vocab.notNames.some((w) => k.includes(` ${w} `))) return null;
  const name = run.join(' ');
  return isAllCaps(name) ? titleCase(name) : name;
}

function readSigner(lines: string[]): string | null {
  const tail = lines.filter((l) => !blank(l)).slice(-40);
  for (let i = tail.length - 1; i >= 0; i--) {
    const cells = tail[i]!.trim().split(/\s{2,}|\t+/).reverse();
    for (const cell of cells) {
      // "II. TỔ CHỨC THỰC HIỆN": a numbered heading is never the signature block.
      if (SECTION.test(foldSame(cell.trim()))) continue;
      const name = nameIn(cell);
      if (name) return name;
    }
  }
  return null;
}

// ---------------------------------------------------------------- reader

/**
 * Reads the header of one extracted document. Never throws; what this copy does not show is null.
 * @example readHeader(text).number // "45/KH-UBND"
 */
export function readHeader(text: string): HeaderMeta {
  // OCR that lost most marks is read as written: moving its stray tone marks would garble it more.
  const nfc = diacriticDensity(text) < OCR_DENSITY ? text.normalize('NFC') : normalizeVi(text);
  const lines = undouble(nfc.split(/\r?\n/));
  const rows: Row[] = [];
  let gap = 0;
  for (let i = 0; i < lines.length && rows.length < 45; i++) {
    const line = lines[i]!;
    if (blank(line)) {
      gap++;
      continue;
    }
    const cells = cellsOf(line);
    const first = cells[0] ?? '';
    const afterKind = rows.length > 0 && rows.at(-1)!.cells.some((c) => kindOf(c));
    const opensTitle = afterKind && startsWith(first, vocab.titleOpeners);
    if (!opensTitle && (startsWith(first, vocab.bodyStarts) || SECTION.test(foldSame(first)))) {
      break;
    }
    rows.push({ cells, gap, line, at: i });
    gap = 0;
  }

  const find = (test: (cell: string) => unknown) => rows.findIndex((r) => r.cells.some(test));
  const numberRow = find(numberIn);
  const kindRow = find(kindOf);
  const vvRow = find((c) => VV.test(foldSame(c)));
  const dateRow = find(isDateCell);

  const numberCell = numberRow >= 0 ? rows[numberRow]!.cells.map(numberIn).find((x) => x) ?? null : null;
  const headingKind = kindRow >= 0 ? rows[kindRow]!.cells.map(kindOf).find((x) => x) ?? null : null;

  // Issuer: left-column cells above the number, the type heading, the "V/v" line or a date
  // standing alone; text with none of these has no header.
  const stops = [numberRow, kindRow, vvRow].filter((i) => i >= 0);
  const issuerLines: string[] = [];
  for (const [i, row] of rows.entries()) {
    const first = row.cells[0];
    if (stops.length === 0 && dateRow < 0) break;
    if (stops.length > 0 && i >= Math.min(...stops)) break;
    if (first === undefined) continue;
    if (isDateCell(first)) break;
    issuerLines.push(first);
  }

  // Date: the date cell, else a date on a line of the header above the title.
  let date: string | null = null;
  if (dateRow >= 0) date = dateIn(rows[dateRow]!.cells.find(isDateCell)!);
  else {
    const titleAt = Math.min(rows.length, ...[kindRow, vvRow].filter((i) => i >= 0));
    date = rows.slice(0, Math.max(numberRow + 1, titleAt)).map((r) => dateIn(r.line)).find((d) => d) ?? null;
  }

  // Title: the "V/v" text, else the lines under the type heading.
  let title: string | null = null;
  let titleEnd = -1;
  const from = vvRow >= 0 ? vvRow : kindRow;
  if (from >= 0) {
    const parts: string[] = [];
    if (vvRow >= 0) {
      const cell = rows[vvRow]!.cells.find((c) => VV.test(foldSame(c)))!;
      parts.push(cell.slice(VV.exec(foldSame(cell))![0].length));
    }
    for (const row of rows.slice(from + 1)) {
      const cells = row.cells.filter((c) => !isDateCell(c));
      if (cells.length === 0) {
        if (parts.length > 0 && row.cells.length > 0) break;
        continue;
      }
      if (parts.length > 0 && row.gap > 0) break;
      if (cells.some((c) => numberIn(c) || kindOf(c) || VV.test(foldSame(c)))) break;
      const piece = vvRow >= 0 ? cells[0]! : cells.join(' ');
      if (parts.length > 0 && isAllCaps(piece) && !isAllCaps(parts.join(' '))) break;
      parts.push(piece);
      titleEnd = rows.indexOf(row);
    }
    title = joinTitle(parts);
  }

  // The signature block is below every header line used (the window may run into the body).
  const used = [numberRow, kindRow, vvRow, dateRow, titleEnd].filter((i) => i >= 0);
  const signerFrom = used.length > 0 ? rows[Math.max(...used)]!.at + 1 : 0;

  const code = numberCell?.code ?? null;
  const codeKind = code ? vocab.kinds.find((k) => k.codeKey === fold(code))?.text : undefined;
  const kind = headingKind ?? (vvRow >= 0 ? vocab.letterKind : codeKind ?? (code ? vocab.letterKind : null));

  return {
    number: numberCell?.number ?? null,
    kind,
    title,
    ...readIssuer(issuerLines),
    date,
    signer: readSigner(lines.slice(signerFrom)),
  };
}
