/**
 * The words a Vietnamese administrative header is made of, loaded from `header-words.json` and
 * checked by zod, and the small text helpers the header reader shares: folding that keeps
 * indices, case changes, and "one edit apart" for OCR misreadings.
 */
import { z } from 'zod';
import { DOC_LEVELS } from '../types.js';
import { fold } from './normalize.js';
import raw from './header-words.json' with { type: 'json' };
const level = z.enum(DOC_LEVELS);
const org = z.object({
  text: z.string().min(1),
  as: z.string().optional(),
  central: z.boolean().optional(),
  place: level.optional(),
  joins: z.boolean().optional(),
});
const fileSchema = z.object({
  kinds: z.array(z.object({ text: z.string().min(1), code: z.string().min(1) })),
  letterKind: z.string().min(1),
  levels: z.array(z.object({ text: z.string().min(1), level })),
  centralLevel: level,
  orgs: z.object({ heads: z.array(org), inner: z.array(org) }),
  mottos: z.array(z.string().min(1)),
  bodyStarts: z.array(z.string().min(1)),
  titleMayOpenWith: z.array(z.string().min(1)),
  signature: z.object({ titles: z.array(z.string().min(1)) }),
});

export type Org = z.infer<typeof org> & { words: string[] };

export const words = (s: string): string[] => fold(s).match(/[\p{L}\p{N}$]+/gu) ?? [];
export const key = (s: string): string => words(s).join(' ');

export const vocab = (() => {
  const file = fileSchema.parse(raw);
  const byLength = <T extends { words: string[] }>(xs: T[]) => xs.sort((a, b) => b.words.length - a.words.length);
  const orgs = (xs: z.infer<typeof org>[]): Org[] => byLength(xs.map((o) => ({ ...o, words: words(o.text) })));
  const levels = byLength(file.levels.map((l) => ({ ...l, words: words(l.text) })));
  return {
    kinds: file.kinds.map((k) => ({ ...k, key: key(k.text), codeKey: fold(k.code) })),
    letterKind: file.letterKind,
    levels,
    centralLevel: file.centralLevel,
    heads: orgs(file.orgs.heads),
    inner: orgs(file.orgs.inner),
    mottos: file.mottos.map(words),
    bodyStarts: file.bodyStarts.map(key),
    titleOpeners: file.titleMayOpenWith.map(key),
    /** Folded words that never belong to a signer's name line. */
    notNames: [...file.signature.titles, ...file.orgs.heads.map((o) => o.text), ...file.orgs.inner.map((o) => o.text), ...file.levels.map((l) => l.text)]
      .map(key)
      .filter((k) => k !== ''),
  };
})();

// ---------------------------------------------------------------- text helpers

/** Lower case without diacritics, one character for one: indices match the input (NFC) string. */
export const foldSame = (s: string): string => Array.from(s, (ch) => fold(ch).charAt(0) || ch).join('');
export const lower = (s: string) => s.toLocaleLowerCase('vi');
export const capFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
export const isAllCaps = (s: string) => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
export const titleCase = (s: string) => s.split(/(\s+|-)/).map((w) => capFirst(lower(w))).join('');
export const blank = (s: string) => s.trim() === '';

/** At most one edit apart, so OCR's "HQI" still reads as "hoi". */
export function nearly(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 2) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Longest phrase of `list` that the words from `at` start with. */
export function phraseAt<T extends { words: string[] }>(list: T[], keys: string[], at: number): T | undefined {
  return list.find((p) => p.words.length > 0 && p.words.every((w, j) => keys[at + j] === w));
}
