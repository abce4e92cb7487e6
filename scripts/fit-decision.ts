/**
 * `npm run fit:decision [-- --write] [--set FILE …] [--lambda 0.001] [--steps 6000]`: refits the answer decision
 * (src/knowledge/answer/decision-weights.json), a logistic regression over the features of
 * src/knowledge/answer/features.ts, on labelled question sets over `corpus/` (answerable = 1).
 * Prints the leave-one-set-out figures first: each set is judged by a model fitted, threshold
 * included, on the others only. `--write` saves the model fitted on all of them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKnowledge } from '../src/knowledge/index.js';
import { vectorOf, sigmoid, logit, type DecisionModel } from '../src/knowledge/answer/decision.js';
import { FEATURES } from '../src/knowledge/answer/features.js';

const root = path.resolve(import.meta.dirname, '..');
const evalDir = path.join(root, 'test/eval');
/** The value after a flag, e.g. `--lambda 0.001`. */
const flag = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const given = process.argv.flatMap((a, i) => (a === '--set' && process.argv[i + 1] ? [path.resolve(process.argv[i + 1]!)] : []));
/** The sets over the five seeds: the own set and every held-out set. */
const files = given.length
  ? given
  : readdirSync(evalDir)
      .filter((f) => /^(questions|holdout\d*|seeds-blind\d+)\.jsonl$/.test(f))
      .map((f) => path.join(evalDir, f));

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fit-'));
const knowledge = await createKnowledge({ corpusDir: path.join(root, 'corpus'), dataDir });
type Row = { set: string; x: number[]; y: number };
const rows: Row[] = [];
for (const file of files) {
  const set = path.basename(file, '.jsonl');
  for (const line of readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())) {
    const q = JSON.parse(line) as { q: string; answerable: boolean };
    const c = await knowledge.assess(q.q);
    rows.push({ set, x: vectorOf(c.assessment.x), y: q.answerable ? 1 : 0 });
  }
}
rmSync(dataDir, { recursive: true, force: true });

/** L2-regularised logistic regression by full-batch gradient descent; classes weighted to balance. */
function fit(train: Row[], lambda = Number(flag('--lambda') ?? 0.001), steps = Number(flag('--steps') ?? 6000), rate = 1): { weights: number[]; bias: number } {
  const d = FEATURES.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const pos = train.filter((r) => r.y === 1).length;
  const neg = train.length - pos;
  const cw = (y: number) => (y === 1 ? train.length / (2 * pos) : train.length / (2 * neg));
  for (let s = 0; s < steps; s++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (const r of train) {
      const err = (sigmoid(logit(r.x, { features: FEATURES, weights: w, bias: b, threshold: 0.5 })) - r.y) * cw(r.y);
      for (let i = 0; i < d; i++) gw[i]! += err * r.x[i]!;
      gb += err;
    }
    for (let i = 0; i < d; i++) w[i]! -= rate * (gw[i]! / train.length + lambda * w[i]!);
    b -= (rate * gb) / train.length;
  }
  return { weights: w, bias: b };
}

const p = (r: Row, m: DecisionModel) => sigmoid(logit(r.x, m));
/** The threshold that maximises the share of answerable answered plus unanswerable declined. */
function threshold(train: Row[], m: DecisionModel): number {
  let best = 0.5;
  let score = -1;
  for (let t = 0.2; t <= 0.8; t += 0.01) {
    const tpr = train.filter((r) => r.y === 1 && p(r, m) >= t).length / Math.max(1, train.filter((r) => r.y === 1).length);
    const tnr = train.filter((r) => r.y === 0 && p(r, m) < t).length / Math.max(1, train.filter((r) => r.y === 0).length);
    if (tpr + tnr > score) [score, best] = [tpr + tnr, t];
  }
  return Math.round(best * 100) / 100;
}

function model(train: Row[]): DecisionModel {
  const m: DecisionModel = { features: FEATURES, ...fit(train), threshold: 0.5 };
  return { ...m, threshold: threshold(train, m) };
}

const sets = [...new Set(rows.map((r) => r.set))];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
console.log(`Leave one set out: ${rows.length} questions in ${sets.length} sets\n`);
console.log('held-out set          n  answerable answered  unanswerable declined');
let [ansOk, ans, unOk, un] = [0, 0, 0, 0];
for (const set of sets) {
  const m = model(rows.filter((r) => r.set !== set));
  const test = rows.filter((r) => r.set === set);
  const a = test.filter((r) => r.y === 1);
  const u = test.filter((r) => r.y === 0);
  const aOk = a.filter((r) => p(r, m) >= m.threshold).length;
  const uOk = u.filter((r) => p(r, m) < m.threshold).length;
  [ansOk, ans, unOk, un] = [ansOk + aOk, ans + a.length, unOk + uOk, un + u.length];
  console.log(`${set.padEnd(20)} ${String(test.length).padStart(3)}  ${pct(aOk / Math.max(1, a.length))} of ${String(a.length).padStart(3)}  ${pct(uOk / Math.max(1, u.length))} of ${String(u.length).padStart(3)}`);
}
console.log(`${'all'.padEnd(20)} ${String(rows.length).padStart(3)}  ${pct(ansOk / ans)} of ${String(ans).padStart(3)}  ${pct(unOk / un)} of ${String(un).padStart(3)}`);

const final = model(rows);
console.log(`\nFitted on all: threshold ${final.threshold}, bias ${final.bias.toFixed(2)}`);
for (const [i, f] of FEATURES.entries()) console.log(`  ${f.padEnd(14)} ${final.weights[i]!.toFixed(2).padStart(7)}`);
if (process.argv.includes('--write')) {
  const out = { features: FEATURES, weights: final.weights.map((w) => Math.round(w * 1000) / 1000), bias: Math.round(final.bias * 1000) / 1000, threshold: final.threshold };
  writeFileSync(path.join(root, 'src/knowledge/answer/decision-weights.json'), JSON.stringify(out, null, 1) + '\n');
  console.log('written: src/knowledge/answer/decision-weights.json');
}
