/**
 * Text → terms for the retrieval modules (lexical ranker and local embedder), so that documents
 * and queries go through exactly the same steps: normalizeVi (NFC + one tone convention),
 * abbreviation expansion, lower case, then syllables in two aligned forms: with diacritics
 * (for the exact-accent bonus) and folded (what people type on phones).
 */
import { expandWord } from './abbreviations.js';
import { fold, lacksDiacritics, normalizeVi } from '../ingest/normalize.js';

/** Aligned syllables of one text: `accented[i]` folds to `folded[i]`. */
export interface Analyzed {
  folded: string[];
  accented: string[];
}

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Letters, marks and digits, decided by code point ranges first (a Unicode regex split costs 5×). */
function isWordChar(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if ((c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff)) return true;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** The maximal runs of word characters, like `text.match(TOKEN)`. */
function splitWords(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const inWord = isWordChar(text.charCodeAt(i), text, i);
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

/**
 * Question boilerplate, folded. These phrases say what kind of question it is, not what it is
 * about, and in a 2-syllable-word language they also create misleading bigrams ("sai hop").
 */
const QUESTION_PHRASES: string[][] = [
  'chon cau tra loi dung nhat', 'cau tra loi dung nhat', 'chon dap an dung', 'dap an dung nhat',
  'dung hay sai', 'dung hay khong', 'co dung khong', 'dung khong', 'sai khong', 'phai khong', 'hay khong',
  'theo quy dinh cua phap luat', 'theo quy dinh cua', 'theo quy dinh hien hanh', 'theo quy dinh',
  'quy dinh nhu the nao', 'nhu the nao', 'the nao', 'la gi', 'nghia la gi', 'bao gom nhung gi',
  'nhung gi', 'la bao nhieu', 'bao nhieu', 'bao lau', 'khi nao', 'o dau', 'tai sao', 'vi sao',
  'nao sau day', 'nao duoi day', 'sau day', 'duoi day', 'co phai', 'hay khong',
  'de nghi cho biet', 'xin cho biet', 'cho biet', 'cho toi hoi', 'cho hoi', 'vui long',
  // A comparison asks about both things; the words say how to answer, not what about.
  'khac nhau nhu the nao', 'khac nhau the nao', 'khac nhau ra sao', 'khac nhau cho nao', 'khac nhau',
  'giong nhau', 'so sanh',
  // Courtesy around a question on a phone: "chào bạn, cảm ơn, cho hỏi …".
  'xin chao', 'chao ban', 'cam on ban', 'cam on nhieu', 'cam on',
  // "chậm nhất ngày nào": when, at the latest.
  'cham nhat',
].map((p) => p.split(' '));

/** The phrases by their first word, in list order: a query word looks only at its own. */
const PHRASES_BY_FIRST = new Map<string, string[][]>();
for (const p of QUESTION_PHRASES) PHRASES_BY_FIRST.set(p[0]!, [...(PHRASES_BY_FIRST.get(p[0]!) ?? []), p]);

/** Multiple-choice option markers ("A.", "b)") at the start of a line or after a space. */
const OPTION = /(^|\s)[A-Da-d][.)](?=\s)/g;

/** Per-word results: the corpus has a few thousand distinct words, the text hundreds of thousands. */
const cache = new Map<string, Analyzed>();
const CACHE_LIMIT = 200_000;

/** normalizeVi + abbreviation expansion + lower case + fold of one token, memoised. */
function word(token: string): Analyzed {
  let hit = cache.get(token);
  if (hit) return hit;
  const norm = normalizeVi(token);
  const expanded = expandWord(norm);
  const accented = expanded === undefined ? [norm.toLowerCase()] : (expanded.match(TOKEN) ?? []);
  hit = { accented, folded: accented.map(fold) };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(token, hit);
  return hit;
}

/** Same steps as `normalizeVi` → `expandAbbreviations` → `tokenize`, word by word. */
function tokens(text: string): Analyzed {
  let nfc = text.normalize('NFC').replace(/(\d)[.,](?=\d{3}(?!\d))/g, '$1');
  if (/-cp\b/i.test(nfc)) nfc = nfc.replace(/\bN[ĐD]-CP\b/giu, 'nghị định chính phủ');
  // "liên hiệp hợp tác xã" (the law's name for it) is "liên hợp tác xã" in the plans.
  if (/hi[eệ]p/iu.test(nfc)) nfc = nfc.replace(/\b(li[eê]n) hi[eệ]p (?=h[oợ]p t[aá]c x[aã]|htx\b)/giu, '$1 ');
  if (nfc.includes('&')) {
    nfc = nfc.replace(/\bGD\s*&\s*[ĐD]T\b/giu, 'giáo dục đào tạo').replace(/\bKH\s*&\s*CN\b/giu, 'khoa học và công nghệ');
  }
  const out: Analyzed = { accented: [], folded: [] };
  for (const token of splitWords(nfc)) {
    const w = word(token);
    for (let i = 0; i < w.accented.length; i++) {
      out.accented.push(w.accented[i]!);
      out.folded.push(w.folded[i]!);
    }
  }
  return out;
}

/** Document side: every syllable, no stop-word removal (a phrase may be the answer). */
export function analyzeText(text: string): Analyzed {
  return tokens(text);
}

/**
 * Query side: like `analyzeText`, minus option letters and question boilerplate. When removal
 * would leave nothing (the question *is* "là gì?"), the full token list is kept.
 */
export function analyzeQuery(text: string): Analyzed {
  const all = tokens(text.replace(OPTION, '$1'));
  const keep = new Array<boolean>(all.folded.length).fill(true);
  const f = all.folded;
  for (let i = 0; i < f.length; i++) {
    for (const p of PHRASES_BY_FIRST.get(f[i]!) ?? []) {
      if (i + p.length > f.length) continue;
      let ok = true;
      for (let j = 0; j < p.length && ok; j++) ok = f[i + j] === p[j];
      if (ok) {
        for (let j = 0; j < p.length; j++) keep[i + j] = false;
        break;
      }
    }
  }
  if (!keep.some(Boolean)) return all;
  return {
    folded: f.filter((_, i) => keep[i]),
    accented: all.accented.filter((_, i) => keep[i]),
  };
}

/** True when the query was typed with diacritics, so its exact accents carry information. */
export function hasDiacritics(text: string): boolean {
  return !lacksDiacritics(text);
}
