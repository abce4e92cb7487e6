/**
 * Typo tolerance for folded syllables: a SymSpell-style deletion index finds the vocabulary
 * syllables at edit distance 1 (one insertion, deletion, substitution or adjacent swap) of a
 * syllable that the corpus does not contain, without scanning the vocabulary.
 */
import { runSync, type Steps } from '../ingest/cooperate.js';

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Optimal-string-alignment distance, capped: returns 2 for anything beyond 1. */
function withinOne(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Edit-distance-1 lookup over a fixed vocabulary of folded syllables. */
export class TypoIndex {
  private readonly byDeletion = new Map<string, string[]>();

  /** Indexes alphabetic words of 2+ letters (numbers and single letters are never "corrected"). */
  constructor(vocabulary: Iterable<string>) {
    runSync(this.fill(vocabulary));
  }

  /** The index built in steps (see `cooperate.ts`). */
  static *steps(vocabulary: Iterable<string>): Steps<TypoIndex> {
    const index = new TypoIndex([]);
    yield* index.fill(vocabulary);
    return index;
  }

  private *fill(vocabulary: Iterable<string>): Steps<void> {
    let n = 0;
    for (const w of vocabulary) {
      if (w.length < 2 || !/^\p{L}+$/u.test(w)) continue;
      for (const key of [w, ...deletions(w)]) {
        const list = this.byDeletion.get(key);
        if (list) {
          if (list[list.length - 1] !== w) list.push(w);
        } else this.byDeletion.set(key, [w]);
      }
      if (++n % 200 === 0) yield;
    }
  }

  /** Vocabulary words within one edit of `word` (excluding `word` itself), in no fixed order. */
  candidates(word: string): string[] {
    if (word.length < 2 || !/^\p{L}+$/u.test(word)) return [];
    const found = new Set<string>();
    for (const key of [word, ...deletions(word)]) {
      for (const w of this.byDeletion.get(key) ?? []) if (w !== word && withinOne(word, w)) found.add(w);
    }
    return [...found];
  }
}
