import { describe, expect, it } from 'vitest';
import { TermIndex, topK } from '../../src/knowledge/search/term-index.js';

const params = { k1: 1.2, weights: [1], b: [0.75] };
const docs = (...lists: number[][]) => lists.map((l) => [Int32Array.from(l)]);

describe('TermIndex', () => {
  it('scores a term by idf × BM25 impact over exactly the records that hold it', () => {
    const index = TermIndex.build(docs([0, 1], [1, 2], [2, 2]), 3, params);
    const scores = new Float32Array(3);
    expect(index.accumulate(index.key(2), 1, scores)).toBe(true);
    expect(scores[0]).toBe(0);
    expect(scores[2]).toBeGreaterThan(scores[1]!);
    expect(index.accumulate(index.key(0, 2), 1, new Float32Array(3))).toBe(false);
  });

  it('tells when two terms have the same postings, so one walk can serve both', () => {
    // Syllable 0 here occurs exactly where syllable 5 occurs there, as often; 1 does not.
    const here = TermIndex.build(docs([0, 1], [1, 1], [0, 0, 2]), 3, params);
    const there = TermIndex.build(docs([5, 1], [1, 3], [5, 5, 2]), 6, params);
    expect(here.samePostings(here.key(0), there, there.key(5))).toBe(true);
    expect(here.samePostings(here.key(1), there, there.key(1))).toBe(false);
    expect(here.samePostings(here.key(0, 1), there, there.key(5, 1))).toBe(true);
    expect(here.samePostings(here.key(0), there, there.key(4))).toBe(false);
  });

  it('keeps the k best positive scores, ties by lower index', () => {
    expect(topK(Float32Array.from([0.5, 2, 0, 2, 1]), 3)).toEqual([1, 3, 4]);
    expect(topK(Float32Array.from([0, 0]), 2)).toEqual([]);
  });
});
