/**
 * One normaliser for all Vietnamese text, at ingest and at query time.
 *
 * - `normalizeVi` keeps diacritics (for display and exact matching): Unicode NFC and one
 *   tone-mark convention, the "old" placement used by most official documents: hóa, hòa,
 *   thủy, Ủy (not hoá, hoà, thuỷ, Uỷ).
 * - `fold` removes every diacritic and lower-cases, for matching what people type on phones.
 * - `tokenize` splits folded text into syllables and numbers.
 */

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
/** Vowels that carry a quality mark (â ă ê ô ơ ư) take the tone before any plain vowel. */
const MARKED = new Set(['â', 'ă', 'ê', 'ô', 'ơ', 'ư']);
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
const WORD = /[\p{L}\p{M}]+/gu;

/** Where the tone mark goes in one toneless, lower-cased NFC syllable (index into it), or -1. */
function tonePosition(syl: string): number {
  let start = 0;
  if (syl.startsWith('qu')) start = 2;
  else if (syl.startsWith('gi') && syl.length > 2 && VOWELS.has(syl[2]!)) start = 2;
  else {
    while (start < syl.length && !VOWELS.has(syl[start]!)) start++;
  }
  let end = start;
  while (end < syl.length && VOWELS.has(syl[end]!)) end++;
  const n = end - start;
  if (n === 0) {
    // "gì", "quỳ": the only vowel belongs to the initial consonant.
    if (start === 2 && (syl.startsWith('gi') || syl.startsWith('qu'))) return 1;
    return -1;
  }
  if (end < syl.length && /[^a-zđ]/.test(syl.slice(end))) return -1; // not a Vietnamese syllable
  // A marked vowel wins; in "ươ" the tone goes on "ơ".
  let marked = -1;
  for (let i = start; i < end; i++) if (MARKED.has(syl[i]!)) marked = i;
  if (marked >= 0) return marked;
  if (n === 1) return start;
  if (n === 2) return end < syl.length ? start + 1 : start; // "hoàn" vs "hòa"
  return start + 1; // "oai", "uya", "oay": the middle vowel
}

/** Re-places the tone mark of one word (any case) on the conventional vowel. */
function canonicalTone(word: string): string {
  const nfd = word.normalize('NFD');
  let tone = '';
  let bare = '';
  for (const ch of nfd) {
    if (TONES.has(ch)) tone = ch;
    else bare += ch;
  }
  if (!tone) return word;
  const base = bare.normalize('NFC');
  const lower = base.toLowerCase();
  if (lower.length !== base.length) return word;
  const pos = tonePosition(lower);
  if (pos < 0) return word.normalize('NFC');
  return (base.slice(0, pos) + (base[pos]! + tone).normalize('NFC') + base.slice(pos + 1)).normalize('NFC');
}

/**
 * NFC plus one tone-mark convention, diacritics kept.
 * @example normalizeVi('Uỷ ban … hoá') === 'Ủy ban … hóa'
 */
export function normalizeVi(text: string): string {
  return text.normalize('NFC').replace(WORD, (w) => canonicalTone(iToY(w)));
}

/**
 * "kĩ năng", "kí", "lí do", "tỉ lệ", "qui định" are the i-spellings of "kỹ", "ký", "lý", "tỷ",
 * "quy"; official documents use y. Only these initials, and only when i is the whole rhyme, so
 * "kim", "lính", "tin" are untouched.
 */
function iToY(word: string): string {
  const m = /^(k|l|t|qu|K|L|T|Qu|QU)([iìíỉĩịIÌÍỈĨỊ])$/u.exec(word);
  if (!m) return word;
  const y = { i: 'y', ì: 'ỳ', í: 'ý', ỉ: 'ỷ', ĩ: 'ỹ', ị: 'ỵ', I: 'Y', Ì: 'Ỳ', Í: 'Ý', Ỉ: 'Ỷ', Ĩ: 'Ỹ', Ị: 'Ỵ' }[m[2]!]!;
  return m[1]! + y;
}

/**
 * Lower case without any diacritic; đ becomes d. Length may differ from the input.
 * @example fold('Bình dân học vụ số') === 'binh dan hoc vu so'
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** True when the text has (almost) no Vietnamese diacritics although it is Vietnamese-looking. */
export function lacksDiacritics(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return false;
  const marked = text.normalize('NFD').match(/\p{M}|đ|Đ/gu)?.length ?? 0;
  return marked / letters < 0.02;
}

/**
 * Folded tokens: syllables and numbers. Thousands separators inside numbers are dropped
 * ("1.234" → "1234"), other punctuation splits.
 */
export function tokenize(text: string): string[] {
  const folded = fold(text).replace(/(\d)[.,](?=\d{3}(?!\d))/g, '$1');
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}
