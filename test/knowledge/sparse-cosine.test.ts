import { describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../src/knowledge/lexical.js';
import { SparseCosineIndex } from '../../src/knowledge/sparse-cosine.js';
import { RECORDS } from './fixtures-vi.js';

describe('SparseCosineIndex', () => {
  it('scores exact cosines: a record identical to the query scores 1, unrelated ones 0', () => {
    const idx = SparseCosineIndex.build([[Int32Array.of(0, 1)], [Int32Array.of(2, 3)]], 4, { bigramWeight: 1, titleBoost: 1, lengthExp: 1 });
    const scores = new Float32Array(2);
    idx.score(new Map([[0, 1], [1, 1], [4 + 0 * 4 + 1, 1]]), scores);
    expect(scores[0]).toBeCloseTo(1, 5);
    expect(scores[1]).toBe(0);
  });

  it('fused into the lexical ranker, keeps its answers and the accent bonus', () => {
    const lex = LexicalIndex.build(RECORDS, { cosineWeight: 0.6 });
    expect(lex.search('uy ban nhan dan cap xa co trach nhiem gi', 1)[0]?.id).toBe('ubnd');
    expect(lex.search('bán', 1)[0]?.id).toBe('ban-hang');
    expect(lex.search('bàn', 1)[0]?.id).toBe('ban-giao');
  });
});
