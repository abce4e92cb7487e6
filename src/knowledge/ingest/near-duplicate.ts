/**
 * Detects that one corpus document is a near-duplicate of another, even when one copy lost
 * its diacritics and is OCR-garbled ("d61 moi" for "đổi mới").
 *
 * Why an in-order measure: the campaign documents are written from the same templates, so two
 * different plans share most of their vocabulary and many whole phrases. Set measures cannot
 * tell them apart from a copy: on this corpus char-5-gram Jaccard gives 0.56 for the Hải Phòng
 * letter and its OCR copy but 0.60 for the Hồng An and Hải Dương plans. A copy, however,
 * says the same things in the same order from start to end. The longest common subsequence of
 * folded tokens, over the longer token count, separates them cleanly (0.78 for the copy,
 * at most 0.38 for any other pair; see test/knowledge/corpus.test.ts, which prints them).
 */
import { createHash } from 'node:crypto';
import { runSync, type Steps } from './cooperate.js';
import { tokenize } from './normalize.js';

/**
 * Similarity at or above which a pair is a near-duplicate. Measured: 0.78 for 000↔004 (OCR copy),
 * 0.38 for the closest unrelated pair. 0.6 leaves room both for a worse scan and for
 * plans that share even more template text.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;

/**
 * Length of the longest common subsequence of two integer sequences, bit-parallel
 * (Crochemore et al. 2001: V' = (V + (V & M)) | (V & ~M)), so O(|a|·|b|/32) word operations.
 */
function lcsLength(a: Int32Array, b: Int32Array): number {
  const words = Math.ceil(a.length / 32);
  if (words === 0 || b.length === 0) return 0;
  const masks = new Map<number, Uint32Array>();
  a.forEach((sym, i) => {
    let m = masks.get(sym);
    if (!m) masks.set(sym, (m = new Uint32Array(words)));
    m[i >>> 5] = m[i >>> 5]! | (1 << (i & 31));
  });
  const v = new Uint32Array(words).fill(0xffffffff);
  for (const sym of b) {
    const m = masks.get(sym);
    if (!m) continue;
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const vw = v[w]!;
      const sum = vw + ((vw & m[w]!) >>> 0) + carry; // unsigned, up to 2^33
      carry = sum > 0xffffffff ? 1 : 0;
      v[w] = sum | (vw & ~m[w]!);
    }
  }
  // Each zero bit among the first |a| bits is one matched position.
  let zeros = 0;
  for (let i = 0; i < a.length; i++) if (!(v[i >>> 5]! & (1 << (i & 31)))) zeros++;
  return zeros;
}

/** Interns folded tokens as integers so the quadratic loop compares numbers, not strings. */
function encoder(): (text: string) => Int32Array {
  const ids = new Map<string, number>();
  return (text) =>
    Int32Array.from(tokenize(text), (t) => {
      let id = ids.get(t);
      if (id === undefined) ids.set(t, (id = ids.size));
      return id;
    });
}

/**
 * In-order similarity in [0, 1] of two texts: LCS of their folded tokens over the longer
 * token count. Diacritics and case are ignored; 1 means same words in the same order.
 * @example sequenceSimilarity('Đổi mới sáng tạo', 'doi moi sang tao') === 1
 */
export function sequenceSimilarity(a: string, b: string): number {
  const encode = encoder();
  const [x, y] = [encode(a), encode(b)];
  const longer = Math.max(x.length, y.length);
  return longer === 0 ? 0 : lcsLength(x, y) / longer;
}

/** Share of letters carrying a Vietnamese mark (or đ): about 0.3 in clean text, near 0 in an OCR copy. */
export function diacriticDensity(text: string): number {
  // A character loop: matching \p{L} over a whole document allocates one string per letter.
  const nfd = text.normalize('NFD');
  let letters = 0;
  let marked = 0;
  for (let i = 0; i < nfd.length; i++) {
    const c = nfd.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) marked++;
    else if (c === 0x110 || c === 0x111) (letters++, marked++);
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
  }
  return letters === 0 ? 0 : marked / letters;
}

/** `copy` repeats `of`; `copy` is the one of lower quality (fewer diacritics). */
export interface NearDuplicate {
  copy: string;
  of: string;
  similarity: number;
}

/**
 * Finds near-duplicate pairs among documents. For each pair at or above `threshold`, the text
 * with the lower diacritic density is the copy (the earlier document wins a tie). A document
 * is reported as a copy at most once, and a copy is never the original of another. Pairs whose
 * token counts differ too much to reach the threshold are skipped without aligning them, which
 * keeps the whole corpus well under 100 ms.
 */
/** Similarities already computed, by the two texts' digests. */
const compared = new Map<string, number>();
const COMPARED_LIMIT = 100_000;

export function findNearDuplicates(
  docs: readonly { id: string; text: string }[],
  threshold = NEAR_DUPLICATE_THRESHOLD,
): NearDuplicate[] {
  return runSync(nearDuplicateSteps(docs, threshold));
}

/** `findNearDuplicates` in steps, one comparison each (see `cooperate.ts`). */
export function* nearDuplicateSteps(
  docs: readonly { id: string; text: string }[],
  threshold = NEAR_DUPLICATE_THRESHOLD,
): Steps<NearDuplicate[]> {
  const encode = encoder();
  const keys = docs.map((d) => createHash('sha1').update(d.text).digest('hex'));
  const seqs: (Int32Array | undefined)[] = [];
  const seqOf = (i: number) => (seqs[i] ??= encode(docs[i]!.text));
  const density = docs.map((d) => diacriticDensity(d.text));
  const pairs: { i: number; j: number; similarity: number }[] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      // A reindex after one upload compares only the pairs it has not seen.
      const key = `${keys[i]}:${keys[j]}`;
      let similarity = compared.get(key);
      if (similarity === undefined) {
        const [a, b] = [seqOf(i), seqOf(j)];
        const longer = Math.max(a.length, b.length);
        // LCS ≤ the shorter length, so this ratio bounds the similarity from above.
        similarity = longer === 0 || Math.min(a.length, b.length) / longer < threshold ? 0 : lcsLength(a, b) / longer;
        if (compared.size >= COMPARED_LIMIT) compared.clear();
        compared.set(key, similarity);
        yield;
      }
      if (similarity >= threshold) pairs.push({ i, j, similarity });
    }
  }
  pairs.sort((p, q) => q.similarity - p.similarity);
  const copies = new Set<number>();
  const found: NearDuplicate[] = [];
  for (const { i, j, similarity } of pairs) {
    const [copy, of] = density[j]! < density[i]! ? [j, i] : density[i]! < density[j]! ? [i, j] : [j, i];
    if (copies.has(copy) || copies.has(of)) continue;
    copies.add(copy);
    found.push({ copy: docs[copy]!.id, of: docs[of]!.id, similarity });
  }
  return found;
}
