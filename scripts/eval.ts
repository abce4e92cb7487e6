/**
 * `npm run eval [-- --corpus DIR …] [--file F …]`: a question set through the same knowledge base
 * the bot uses, offline, over any corpus folder with its manifest (several `--corpus` are merged;
 * default `corpus/`). Prints hit@1 / hit@5 of the expected passage, refusal accuracy on
 * unanswerable questions, wrongful refusals, whether answers carry the facts, and the same by the
 * questions' style tags (paraphrase, no-diacritics…).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChatOpenAI } from '@langchain/openai';
import { createKnowledge } from '../src/knowledge/index.js';
import { startFakeOpenAI } from '../test/fakes/fake-openai.js';
import { fold, lacksDiacritics } from '../src/knowledge/ingest/normalize.js';
import { readFigureCases, scoreFigures } from '../src/reports/eval-figures.js';
import { readPlanFile } from '../src/plans/service.js';

interface Question {
  id: string;
  q: string;
  role: string;
  answerable: boolean;
  docId?: string;
  evidence?: string;
  facts?: string[];
  style?: string[];
}

const root = path.resolve(import.meta.dirname, '..');
const json = process.argv.includes('--json');
const verbose = process.argv.includes('--verbose');
/** One spelling of a date: "ngày 04 tháng 7 năm 2025", "04/07/2025" and "4/7/2025" are the same fact. */
const oneDate = (s: string) =>
  s
    .replace(/(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu, '$1/$2/$3')
    .replace(/\b0?(\d{1,2})\/0?(\d{1,2})\/(\d{4})\b/g, '$1/$2/$3');

/** Letters and digits only: evidence may span a heading's punctuation or a line break. */
const squash = (s: string) => fold(oneDate(s)).replace(/[^\p{L}\p{N}%]+/gu, ' ').trim();
/** Every value of a repeatable flag. */
const values = (flag: string) => process.argv.flatMap((a, i) => (a === flag && process.argv[i + 1] ? [process.argv[i + 1]!] : []));
const files = values('--file');
if (files.length === 0) files.push(path.join(root, 'test/eval/questions.jsonl'));
const questions: Question[] = files.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l)),
);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'eval-'));
const corpora = values('--corpus');
/** Several corpus folders as one: their files side by side, their manifests concatenated. */
function merged(dirs: string[]): string {
  if (dirs.length === 1) return path.resolve(dirs[0]!);
  const out = path.join(dataDir, 'corpus');
  mkdirSync(out, { recursive: true });
  const manifest = dirs.flatMap((dir, i) =>
    (JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { file: string }[]).map((entry) => {
      copyFileSync(path.join(dir, entry.file), path.join(out, `${i}_${entry.file}`));
      return { ...entry, file: `${i}_${entry.file}` };
    }),
  );
  writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest));
  return out;
}
const corpusDir = merged(corpora.length ? corpora : [path.join(root, 'corpus')]);
/**
 * `--fake-llm answer|invent`: every question also goes through the LLM path, against a fake
 * OpenAI-compatible server on 127.0.0.1 that answers from passage [1] (answer) or adds a figure
 * no passage has (invent). Counts how many questions reached it and how many shown answers carry
 * the invented figure (it must be none).
 */
const fakeMode = values('--fake-llm')[0];
const INVENTED = '97,3%';
const fake = fakeMode ? await startFakeOpenAI() : undefined;
if (fake) {
  fake.reply = (body: { messages: { content: string }[] }) => {
    const prompt = body.messages.map((m) => m.content).join('\n');
    const first = /\[1\][^\n]*:\n([^\n]+)/.exec(prompt)?.[1] ?? '';
    const sentence = first.split(/(?<=[.;])\s/)[0]!.slice(0, 300);
    return { text: fakeMode === 'invent' ? `${sentence} Tỷ lệ cần đạt là ${INVENTED} [1].` : `${sentence} [1]` };
  };
}
const llm = fake ? new ChatOpenAI({ model: 'fake', apiKey: 'sk-fake', maxRetries: 0, configuration: { baseURL: fake.url } }) : undefined;
const knowledge = await createKnowledge({ corpusDir, dataDir, ...(llm ? { llm } : {}) });

type Row = { q: Question; rank: number; answered: boolean; factsOk: boolean; ms: number; reached: boolean; invented: boolean };
const rows: Row[] = [];
for (const q of questions) {
  const before = fake?.requests.length ?? 0;
  const t0 = performance.now();
  const a = await knowledge.ask(q.q);
  const ms = performance.now() - t0;
  const reached = (fake?.requests.length ?? 0) > before;
  const invented = a.answer.includes(INVENTED);
  const hits = await knowledge.search(q.q, 5);
  const rank = q.answerable
    ? hits.findIndex((h) => h.doc.id === q.docId && squash(`${h.chunk.section} ${h.chunk.text}`).includes(squash(q.evidence!))) + 1
    : 0;
  const said = squash(a.answer + ' ' + a.citations.map((c) => c.quote).join(' '));
  const factsOk = (q.facts ?? []).every((f) => said.includes(squash(f)));
  rows.push({ q, rank, answered: a.answered, factsOk, ms, reached, invented });
  if (verbose && ((q.answerable && (rank !== 1 || !a.answered || !factsOk)) || (!q.answerable && a.answered))) {
    process.stderr.write(`${q.id} rank=${rank} answered=${a.answered} facts=${factsOk} ${q.q}\n`);
  }
}
rmSync(dataDir, { recursive: true, force: true });

const answerable = rows.filter((r) => r.q.answerable);
const unanswerable = rows.filter((r) => !r.q.answerable);
const share = (xs: Row[], f: (r: Row) => boolean) => (xs.length ? xs.filter(f).length / xs.length : 0);
const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
const styles = [...new Set(answerable.flatMap((r) => r.q.style ?? []))].sort();
const groups: [string, Row[]][] = [
  ['all answerable', answerable],
  ['  with diacritics', answerable.filter((r) => !lacksDiacritics(r.q.q))],
  ['  without diacritics', answerable.filter((r) => lacksDiacritics(r.q.q))],
  ...styles.map((s): [string, Row[]] => [`  style: ${s}`, answerable.filter((r) => r.q.style?.includes(s))]),
];
const result = {
  questions: rows.length,
  answerable: answerable.length,
  unanswerable: unanswerable.length,
  'hit@1': share(answerable, (r) => r.rank === 1),
  'hit@5': share(answerable, (r) => r.rank >= 1),
  refusal_accuracy: share(unanswerable, (r) => !r.answered),
  wrongful_refusals: share(answerable, (r) => !r.answered),
  facts_in_answer: share(answerable, (r) => r.answered && r.factsOk),
  ask_p50_ms: ms[Math.floor(ms.length * 0.5)] ?? 0,
  ask_p95_ms: ms[Math.floor(ms.length * 0.95)] ?? 0,
};
const seedPlan = await readPlanFile(path.join(root, 'corpus/plans/hong-an-kh.plan.json'));
const figures = scoreFigures(readFigureCases(path.join(root, 'test/eval/figures.jsonl')), seedPlan);
// Written blind to the parser, by someone who never saw it or the set above.
const figuresHoldout = scoreFigures(readFigureCases(path.join(root, 'test/eval/figures-holdout.jsonl')), seedPlan);
const figuresHoldout2 = scoreFigures(readFigureCases(path.join(root, 'test/eval/figures-holdout2.jsonl')), seedPlan);
const figuresHoldout3 = scoreFigures(readFigureCases(path.join(root, 'test/eval/figures-holdout3.jsonl')), seedPlan);
if (json) {
  process.stdout.write(JSON.stringify({ ...result, figures, figures_holdout: figuresHoldout, figures_holdout2: figuresHoldout2, figures_holdout3: figuresHoldout3 }) + '\n');
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  console.log(`Own question set: ${rows.length} questions (${answerable.length} answerable, ${unanswerable.length} not)\n`);
  console.log('group                          n   hit@1   hit@5  answered  facts');
  for (const [name, g] of groups) {
    console.log(`${name.padEnd(28)} ${String(g.length).padStart(3)} ${pct(share(g, (r) => r.rank === 1))} ${pct(share(g, (r) => r.rank >= 1))}  ${pct(share(g, (r) => r.answered))} ${pct(share(g, (r) => r.answered && r.factsOk))}`);
  }
  console.log(`\nrefusal accuracy (unanswerable declined): ${pct(result.refusal_accuracy)} of ${unanswerable.length}`);
  console.log(`wrongful refusals (answerable declined):  ${pct(result.wrongful_refusals)}`);
  console.log(`ask latency: p50 ${result.ask_p50_ms.toFixed(2)} ms, p95 ${result.ask_p95_ms.toFixed(2)} ms`);
  if (fake) {
    console.log(`fake LLM (${fakeMode}): answerable questions that reached it ${answerable.filter((r) => r.reached).length}/${answerable.length}, all ${rows.filter((r) => r.reached).length}/${rows.length}; answers shown with the invented figure: ${rows.filter((r) => r.invented).length}`);
    await fake.close();
  }
  if (corpora.length || fake) process.exit(0);
  console.log('\nOfficers\' messages                 n   exact  no-diacritics  invalid asking back');
  for (const [name, f] of [['figures.jsonl', figures], ['figures-holdout.jsonl (blind)', figuresHoldout], ['figures-holdout2.jsonl (blind)', figuresHoldout2], ['figures-holdout3.jsonl (blind)', figuresHoldout3]] as const) {
    console.log(`${name.padEnd(30)} ${String(f.messages).padStart(4)} ${pct(f.exact)} ${pct(f.exact_without_diacritics)} (${f.without_diacritics})  ${pct(f.asks_back)} of ${f.invalid}`);
  }
}
