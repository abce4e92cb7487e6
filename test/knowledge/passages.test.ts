import { describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../src/knowledge/search/lexical.js';
import { RecordRanker, splitLines } from '../../src/knowledge/search/passages.js';
import { topK } from '../../src/knowledge/search/term-index.js';
import type { SearchRecord } from '../../src/knowledge/types.js';

const filler = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${i + 1}. Cơ quan ${topic} thực hiện nhiệm vụ quản lý thứ ${i + 1} theo kế hoạch chung của địa phương.`).join('\n');

/**
 * `long` answers the question in one clause among thirty others; `spread` is short and has the
 * question's words spread over three clauses about something else.
 */
const RECORDS: SearchRecord[] = [
  {
    id: 'long',
    title: 'Luật Cư trú, Điều 20. Nơi thường trú',
    text: `Nơi thường trú\n${filler('đăng ký', 30)}\n13. Người khuyết tật được ưu tiên tiếp cận thông tin khi làm thủ tục.`,
  },
  {
    id: 'spread',
    title: 'Luật Du lịch, Điều 9. Khách du lịch',
    text: `Khách du lịch\n1. Người khuyết tật được ưu tiên khi đi du lịch theo đoàn.\n2. Khách được tiếp cận thông tin về tuyến điểm.\n3. Khi làm thủ tục lưu trú phải khai báo.`,
  },
  { id: 'short', title: 'Luật Thanh niên, Điều 1. Phạm vi', text: 'Phạm vi điều chỉnh\nLuật này quy định quyền và nghĩa vụ của thanh niên.' },
];

const QUESTION = 'người khuyết tật được ưu tiên tiếp cận thông tin khi làm thủ tục';

describe('RecordRanker (clause channel)', () => {
  it('ranks the record whose single clause carries the question first', () => {
    const ranker = RecordRanker.build(RECORDS);
    expect(ranker.search(QUESTION, 3)[0]?.id).toBe('long');
  });

  it('is what puts it first: whole-record BM25 alone prefers the short record that spreads the words', () => {
    expect(RecordRanker.build(RECORDS, {}, { weight: 0 }).search(QUESTION, 3)[0]?.id).toBe('spread');
  });

  it('stays off for records that are already clauses (median under two lines)', () => {
    const oneLiners = RECORDS.map((r) => ({ ...r, text: r.text.replace(/\n/g, ' ') }));
    const ranker = RecordRanker.build(oneLiners);
    const plain = LexicalIndex.build(oneLiners);
    expect(ranker.search(QUESTION, 3)).toEqual(plain.search(QUESTION, 3));
  });

  it('returns scores best first, at most k, and nothing for unknown words', () => {
    const hits = RecordRanker.build(RECORDS).search('thanh niên quyền nghĩa vụ', 2);
    expect(hits.length).toBeLessThanOrEqual(2);
    expect(hits[0]?.id).toBe('short');
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    expect(RecordRanker.build(RECORDS).search('xyzzyq', 5)).toEqual([]);
  });
});

describe('splitLines', () => {
  it('keeps lines of at least minWords words, trimmed', () => {
    expect(splitLines('Điều 5.\n  1. Một hai ba bốn.  \n\nba từ thôi', 3)).toEqual(['1. Một hai ba bốn.', 'ba từ thôi']);
  });
});

describe('topK', () => {
  it('returns the k largest positive scores best first, ties by lower index', () => {
    const scores = Float32Array.from([0, 3, 1, 3, 0.5, -1, 2, 3]);
    expect(topK(scores, 3)).toEqual([1, 3, 7]);
    expect(topK(scores, 5)).toEqual([1, 3, 7, 6, 2]);
    expect(topK(scores, 100)).toEqual([1, 3, 7, 6, 2, 4]);
    expect(topK(scores, 0)).toEqual([]);
  });

  it('agrees with a full sort on random scores', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const scores = Float32Array.from({ length: 3000 }, () => (rnd() < 0.3 ? 0 : Math.round(rnd() * 50) / 10));
    const sorted = [...scores.keys()].filter((i) => scores[i]! > 0).sort((a, b) => scores[b]! - scores[a]! || a - b);
    expect(topK(scores, 40)).toEqual(sorted.slice(0, 40));
  });
});

describe('maxDfShare', () => {
  it('stops scoring a syllable found in most records, keeps it in bigrams', () => {
    const recs: SearchRecord[] = [
      { id: 'a', title: '', text: 'của của chung' },
      { id: 'b', title: '', text: 'của riêng' },
      { id: 'c', title: '', text: 'của cải' },
    ];
    const all = LexicalIndex.build(recs);
    const pruned = LexicalIndex.build(recs, { maxDfShare: 0.5 });
    expect(all.search('của', 3).length).toBe(3);
    expect(pruned.search('của', 3)).toEqual([]);
    expect(pruned.search('của cải', 3)[0]?.id).toBe('c');
  });
});
