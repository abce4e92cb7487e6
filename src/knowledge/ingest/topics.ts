/**
 * What the documents cover, as the bot lists it when it declines: the top-level section headings,
 * in lower case, in the corpus' usual spelling.
 */
import { SECTIONS } from './chunk.js';
import { fold } from './normalize.js';
import type { LoadedCorpus } from '../types.js';

/**
 * "II. NỘI DUNG, CHỈ TIÊU VÀ THỜI GIAN THỰC HIỆN" → "nội dung, chỉ tiêu và thời gian thực hiện".
 * These are the bot's own words (the list after "the documents do not say"), so a heading's typo
 * takes the corpus' usual spelling: "ĐÓI TƯỢNG" is written "đối tượng" everywhere else.
 */
export function topicsOf(corpus: LoadedCorpus): string[] {
  const seen = new Set<string>();
  const boilerplate = new Set<string>(Object.values(SECTIONS));
  const tops = new Set<string>();
  for (const c of corpus.chunks) {
    if (boilerplate.has(c.section)) continue;
    const top = c.section.split(' › ')[0]?.replace(/^[IVXLC]+\.\s*/, '').trim().toLowerCase();
    if (top && top.length > 3 && /^\p{L}/u.test(top)) tops.add(top);
  }
  // Only the pairs the headings use are counted: a whole-corpus count is most of a reindex.
  const wanted = new Set([...tops].flatMap((t) => pairsOf(t.match(/\p{L}+/gu) ?? []).map(fold)));
  const usual = usualSpellings(corpus.chunks.map((c) => c.text), wanted);
  for (const top of tops) seen.add(respell(top, usual));
  return [...seen];
}

const pairsOf = (words: string[]) => words.slice(1).map((w, i) => `${words[i]} ${w}`);

/** Folded word pair → its most frequent spelling in the texts, with its count and the pair's total. */
function usualSpellings(texts: string[], wanted: Set<string>): Map<string, { spelling: string; count: number; total: number }> {
  const counts = new Map<string, Map<string, number>>();
  // A pair is wanted only if its first word, folded, begins one of the wanted pairs.
  const firsts = new Set([...wanted].map((p) => p.split(' ')[0]!));
  const folded = new Map<string, string>();
  const foldWord = (w: string) => folded.get(w) ?? (folded.set(w, fold(w)), folded.get(w)!);
  for (const text of texts) {
    const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
    for (let i = 1; i < words.length; i++) {
      if (!firsts.has(foldWord(words[i - 1]!))) continue;
      const pair = `${words[i - 1]} ${words[i]}`;
      const key = fold(pair);
      if (!wanted.has(key)) continue;
      const forms = counts.get(key) ?? new Map<string, number>();
      forms.set(pair, (forms.get(pair) ?? 0) + 1);
      counts.set(key, forms);
    }
  }
  const out = new Map<string, { spelling: string; count: number; total: number }>();
  for (const [key, forms] of counts) {
    const [spelling, count] = [...forms].sort((a, b) => b[1] - a[1])[0]!;
    out.set(key, { spelling, count, total: [...forms.values()].reduce((a, b) => a + b, 0) });
  }
  return out;
}

/** Each word pair written the way the corpus writes it at least 9 times in 10 (and 5 times or more). */
function respell(text: string, usual: ReturnType<typeof usualSpellings>): string {
  const parts = text.split(/(\s+)/); // words at even indices, spaces between
  for (let i = 0; i + 2 < parts.length; i += 2) {
    const [a, b] = [parts[i]!, parts[i + 2]!];
    if (!/^\p{L}+$/u.test(a) || !/^\p{L}+$/u.test(b)) continue;
    const u = usual.get(fold(`${a} ${b}`));
    if (!u || u.spelling === `${a} ${b}` || u.count < 5 || u.count < 0.9 * u.total) continue;
    [parts[i], parts[i + 2]] = u.spelling.split(' ') as [string, string];
  }
  return parts.join('');
}
