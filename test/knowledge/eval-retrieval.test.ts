import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evalRetrieval, inverseCloze } from '../../src/knowledge/search/eval-retrieval.js';
import { averageMetrics, ndcgAt, percentile, recallAt, reciprocalRank } from '../../src/knowledge/search/metrics.js';
import { RECORDS } from './fixtures-vi.js';

describe('metrics', () => {
  const ranked = ['a', 'b', 'c', 'd'];

  it('computes recall, MRR and binary nDCG by hand', () => {
    const one = new Set(['b']);
    expect(recallAt(ranked, one, 1)).toBe(0);
    expect(recallAt(ranked, one, 5)).toBe(1);
    expect(reciprocalRank(ranked, one, 10)).toBe(0.5);
    expect(ndcgAt(ranked, one, 10)).toBeCloseTo(1 / Math.log2(3), 10);

    const two = new Set(['a', 'c']);
    expect(recallAt(ranked, two, 1)).toBe(0.5);
    expect(ndcgAt(ranked, two, 10)).toBeCloseTo((1 + 0.5) / (1 + 1 / Math.log2(3)), 10);
    expect(reciprocalRank(ranked, new Set(['z']), 10)).toBe(0);
  });

  it('averages over queries and takes nearest-rank percentiles', () => {
    const m = averageMetrics([
      { ranked, relevant: new Set(['a']) },
      { ranked, relevant: new Set(['b']) },
    ]);
    expect(m).toEqual({ n: 2, 'recall@1': 0.5, 'recall@5': 1, 'recall@10': 1, 'mrr@10': 0.75, 'ndcg@10': (1 + 1 / Math.log2(3)) / 2 });
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
  });
});

describe('evalRetrieval', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads JSONL files and reports exactly the agreed keys', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'eval-'));
    const corpusFile = path.join(dir, 'corpus.jsonl');
    const queriesFile = path.join(dir, 'queries.jsonl');
    await writeFile(corpusFile, RECORDS.map((r) => JSON.stringify(r)).join('\n'));
    await writeFile(
      queriesFile,
      [
        { id: 'q1', text: 'uy ban nhan dan cap xa', relevant: ['ubnd'] },
        { id: 'q2', text: 'Doanh nghiệp đổi mới sáng tạo được khen thưởng không?', relevant: ['doanhnghiep'] },
      ].map((q) => JSON.stringify(q)).join('\n') + '\n',
    );
    const m = await evalRetrieval({ corpusFile, queriesFile, k: 10 });
    expect(Object.keys(m).sort()).toEqual(['index_ms', 'mrr@10', 'n', 'ndcg@10', 'p50_ms', 'p95_ms', 'recall@1', 'recall@10', 'recall@5'].sort());
    expect(m.n).toBe(2);
    expect(m['recall@1']).toBe(1);
    expect(m['mrr@10']).toBe(1);
  });
});

describe('inverseCloze', () => {
  const para = (n: number) => Array.from({ length: 14 }, (_, i) => `từ${n}x${i}`).join(' ');
  const records = Array.from({ length: 20 }, (_, i) => ({
    id: `r${i}`,
    title: `Điều ${i}`,
    text: [`Tiêu đề ${i}`, para(i * 3), para(i * 3 + 1), para(i * 3 + 2)].join('\n\n'),
  }));

  it('moves one body paragraph per chosen record into a question, deterministically', () => {
    const a = inverseCloze(records, { share: 0.5 });
    const b = inverseCloze(records, { share: 0.5 });
    expect(a).toEqual(b);
    expect(a.queries.length).toBeGreaterThan(0);
    expect(a.records).toHaveLength(records.length);
    for (const q of a.queries) {
      const rec = a.records.find((r) => r.id === q.relevant[0])!;
      expect(rec.text).not.toContain(q.text);
      expect(records.find((r) => r.id === rec.id)!.text).toContain(q.text);
      expect(rec.text.startsWith(`Tiêu đề`)).toBe(true);
    }
  });

  it('leaves short records alone', () => {
    const short = [{ id: 's', title: 't', text: 'một\n\nhai' }];
    expect(inverseCloze(short, { share: 1 })).toEqual({ records: short, queries: [] });
  });
});
