/**
 * Retrieval metrics with binary relevance, as used by BEIR-style benchmarks. Every function
 * takes the ranked ids (best first) and the set of relevant ids of one query.
 */

/** The figures `evalRetrieval` reports; key names are part of the CLI's JSON contract. */
export interface RetrievalMetrics {
  n: number;
  'recall@1': number;
  'recall@5': number;
  'recall@10': number;
  'mrr@10': number;
  'ndcg@10': number;
  index_ms: number;
  p50_ms: number;
  p95_ms: number;
}

/** Fraction of the relevant ids found in the first `k` results (0 when nothing is relevant). */
export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let hit = 0;
  for (const id of ranked.slice(0, k)) if (relevant.has(id)) hit++;
  return hit / relevant.size;
}

/** 1 / rank of the first relevant id within the first `k` results, else 0. */
export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  const i = ranked.slice(0, k).findIndex((id) => relevant.has(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

/** Binary nDCG@k: gains of 1 discounted by log2(rank + 1), over the ideal ordering. */
export function ndcgAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Nearest-rank percentile (p in 0–100) of the values; 0 for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** One evaluated query: what came back and what should have. */
export interface Judged {
  ranked: readonly string[];
  relevant: ReadonlySet<string>;
}

/** Averages the quality metrics over queries; timing fields are filled in by the caller. */
export function averageMetrics(judged: readonly Judged[]): Omit<RetrievalMetrics, 'index_ms' | 'p50_ms' | 'p95_ms'> {
  const n = judged.length;
  const mean = (f: (j: Judged) => number) => (n === 0 ? 0 : judged.reduce((s, j) => s + f(j), 0) / n);
  return {
    n,
    'recall@1': mean((j) => recallAt(j.ranked, j.relevant, 1)),
    'recall@5': mean((j) => recallAt(j.ranked, j.relevant, 5)),
    'recall@10': mean((j) => recallAt(j.ranked, j.relevant, 10)),
    'mrr@10': mean((j) => reciprocalRank(j.ranked, j.relevant, 10)),
    'ndcg@10': mean((j) => ndcgAt(j.ranked, j.relevant, 10)),
  };
}
