/**
 * `npm run bench`: our retrieval pipeline against what a developer would pick instead
 * (MiniSearch and Orama with default settings) on ALQAC 2023, with and without diacritics.
 * The benchmark stays outside the repo: ../shared/benchmarks/alqac2023, or BENCH_DIR.
 * `--json` prints the raw rows; `--train` adds the train split (the one defaults were tuned on);
 * `--cloze` adds the label-free inverse-cloze proxy (`inverseCloze`: a paragraph taken out of its
 * article becomes the question), which still separates configurations where train is saturated;
 * `--dev` adds our own 153 questions over the same articles (test/eval/alqac-dev.jsonl: written
 * for random articles of all 17 laws, 17 of them needing two articles, without seeing the test
 * questions), a tuning set that paraphrases as people do and is not saturated like train.
 */
import path from 'node:path';
import { benchReplies } from './bench-replies.js';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { create, insertMultiple, search } from '@orama/orama';
import { evalRetriever, inverseCloze, readJsonl } from '../src/knowledge/search/eval-retrieval.js';
import type { EvalQuery } from '../src/knowledge/search/eval-retrieval.js';
import type { RetrievalMetrics } from '../src/knowledge/search/metrics.js';
import { createRetriever } from '../src/knowledge/search/retrieve.js';
import type { Retriever, RetrieverOptions } from '../src/knowledge/search/retrieve.js';
import type { SearchRecord } from '../src/knowledge/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.env.BENCH_DIR ?? path.resolve(root, '../shared/benchmarks/alqac2023');
const json = process.argv.includes('--json');
const files = ['queries-test.jsonl', 'queries-test-nodiacritics.jsonl'];
if (process.argv.includes('--train')) files.unshift('queries-train.jsonl');

function miniSearch(records: SearchRecord[]): Retriever {
  const ms = new MiniSearch<SearchRecord>({ fields: ['title', 'text'] });
  ms.addAll(records);
  return { search: async (q, k) => ms.search(q).slice(0, k).map((h) => ({ id: String(h.id), score: h.score })) };
}

async function orama(records: SearchRecord[]): Promise<Retriever> {
  const db = create({ schema: { id: 'string', title: 'string', text: 'string' } as const });
  await insertMultiple(db, records);
  return {
    async search(q, k) {
      const res = await search(db, { term: q, limit: k });
      return res.hits.map((h) => ({ id: String(h.document.id), score: h.score }));
    },
  };
}

const ours = (o: RetrieverOptions) => (r: SearchRecord[]) => createRetriever(r, o);
const systems: [string, (r: SearchRecord[]) => Promise<Retriever> | Retriever][] = [
  ['minisearch (defaults)', miniSearch],
  ['orama (defaults)', orama],
  ['ours: whole records only', ours({ vectors: false, passages: { weight: 0 } })],
  ['ours: records + lines', ours({ vectors: false })],
  ['ours: rrf (lex+LSA)', ours({ fusion: 'rrf' })],
  ['ours: weighted (lex+LSA)', ours({ fusion: 'weighted' })],
  ['ours: default lexical-first', ours({})],
];

const records = await readJsonl<SearchRecord>(path.join(dir, 'corpus.jsonl'));
const sets: { file: string; records: SearchRecord[]; queries: EvalQuery[] }[] = [];
for (const file of files) sets.push({ file, records, queries: await readJsonl<EvalQuery>(path.join(dir, file)) });
if (process.argv.includes('--dev')) {
  const file = path.join(root, 'test/eval/alqac-dev.jsonl');
  sets.unshift({ file: 'alqac-dev (own)', records, queries: await readJsonl<EvalQuery>(file) });
}
if (process.argv.includes('--cloze')) sets.unshift({ file: 'inverse-cloze (proxy)', ...inverseCloze(records) });
const rows: ({ system: string; file: string } & RetrievalMetrics)[] = [];
for (const set of sets) {
  for (const [system, build] of systems) {
    rows.push({ system, file: set.file, ...(await evalRetriever(set.records, set.queries, build, 10)) });
  }
}

const replies = await benchReplies();
if (json) {
  process.stdout.write(`${JSON.stringify({ retrieval: rows, replies }, null, 2)}\n`);
} else {
  const cols: [string, keyof RetrievalMetrics, number][] = [
    ['MRR@10', 'mrr@10', 3], ['R@1', 'recall@1', 3], ['R@5', 'recall@5', 3], ['R@10', 'recall@10', 3],
    ['nDCG@10', 'ndcg@10', 3], ['index ms', 'index_ms', 0], ['p50 ms', 'p50_ms', 2], ['p95 ms', 'p95_ms', 2],
  ];
  const w = Math.max(...rows.map((r) => r.system.length));
  const f = Math.max(...rows.map((r) => r.file.length));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(i ? f : w) : c.padStart(9))).join('  ');
  const out = [line(['system', 'queries', ...cols.map((c) => c[0])])];
  for (const r of rows) out.push(line([r.system, r.file, ...cols.map(([, key, d]) => r[key].toFixed(d))]));
  process.stdout.write(`${out.join('\n')}\n`);
  const fw = Math.max(...replies.map((r) => r.flow.length));
  process.stdout.write(`\nReply time through the core, embedded default (per message):\n${'flow'.padEnd(fw)}  ${'n'.padStart(5)}  ${'p50 ms'.padStart(7)}  ${'p95 ms'.padStart(7)}\n`);
  for (const r of replies) process.stdout.write(`${r.flow.padEnd(fw)}  ${String(r.n).padStart(5)}  ${r.p50_ms.toFixed(2).padStart(7)}  ${r.p95_ms.toFixed(2).padStart(7)}\n`);
}
