/**
 * `npx tsx scripts/bench-ingest.ts [section…]`: how fast uploaded files become text, measured on
 * documents generated from corpus text (nothing is downloaded or written). Prints one
 * `name value` line per figure, e.g. `pdf10_ms 812`, so runs can be diffed or grepped; naming
 * sections ("pdf", "ocr") runs only those.
 *
 * Sections, each a function of its own, run in order by `main()`:
 * 1. pdf: a 10-page text PDF through `extractDocument`, cold (first PDF, pdfjs loading) and warm.
 * 2. ocr: one A4 page of ~300 words at 300 DPI, end to end as a scanned PDF (render + OCR) with
 *    the defaults, cold (worker start) and warm; then every model folder × page segmentation
 *    mode on the clean page and on a degraded "photo" (blurred, noisy, 0.6° rotated, JPEG q45):
 *    first page (worker start included), warm page, and word accuracy with diacritics.
 * 3. ingest: the same kind of 10-page PDF, written from a plan the bot has never seen
 *    (`test/eval/newdocs/province`), through the real app on a temporary DATA_DIR: read, judged,
 *    added, reindexed, until a question about its last pages gets an answer citing it.
 * 4. reindex: the own question set sent at one question per 10 ms (not waiting for answers),
 *    first to an idle bot, then while the index is rebuilt over and over in the background;
 *    p50/p95 from sending to answer, their ratio, and how many questions failed (none may).
 * To add a figure, write another `async function` that prints its lines with `print` and append
 * it to `SECTIONS`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { closeOcr, extractDocument } from '../src/knowledge/ingest/extract/index.js';
import { silentLogger } from '../src/logger.js';
import { createOcrEngine, OCR_DEFAULTS, OCR_MODELS, type OcrSettings } from '../src/knowledge/ingest/extract/ocr.js';
import { repairText } from '../src/knowledge/ingest/repair.js';
import { makeImagePdf, makeTextPdf, renderTextPng } from '../test/fixtures/make-documents.js';
import { take, wordAccuracy, wordsOf } from '../test/fixtures/word-accuracy.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const print = (name: string, value: number | string) => process.stdout.write(`${name} ${value}\n`);
const ms = (t0: number) => Math.round(performance.now() - t0);

/** Runs `f`, prints `name` with its milliseconds, and returns its result. */
async function timed<T>(name: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await f();
  print(name, ms(t0));
  return out;
}

/** Logical paragraphs of one corpus document. */
function paragraphsOf(file: string): string[] {
  return repairText(readFileSync(path.join(root, 'corpus', file), 'utf8'))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A phone-photo-like copy of a page: slight rotation, blur, grey paper with noise, strong JPEG. */
async function degrade(png: Uint8Array): Promise<Uint8Array> {
  const { createCanvas, loadImage } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
  const img = await loadImage(Buffer.from(png));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.translate(canvas.width / 2, canvas.height / 2);
  ctx.rotate((0.6 * Math.PI) / 180);
  ctx.translate(-canvas.width / 2, -canvas.height / 2);
  ctx.filter = 'blur(2px)';
  ctx.drawImage(img, 0, 0);
  const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let seed = 1;
  const noise = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5) * 90;
  for (let i = 0; i < pixels.data.length; i += 4) {
    const n = noise();
    for (let k = 0; k < 3; k++) pixels.data[i + k] = Math.max(0, Math.min(255, pixels.data[i + k]! * 0.85 + 30 + n));
  }
  ctx.putImageData(pixels, 0, 0);
  return new Uint8Array(canvas.encodeSync('jpeg', 45));
}

async function benchPdf(): Promise<void> {
  const paras = paragraphsOf('001_cef97842b6e97a79.txt');
  const pages = Array.from({ length: 10 }, (_, i) => take(paras, (i * 7) % (paras.length - 20), 400));
  const pdf = await makeTextPdf(pages);
  print('pdf10_words', pages.flat().join(' ').split(/\s+/).length);
  const read = () => extractDocument({ bytes: pdf, fileName: 'ke-hoach-10-trang.pdf' });
  const cold = await timed('pdf10_ms', read);
  await timed('pdf10_warm_ms', read);
  print('pdf10_word_accuracy', wordAccuracy(pages.flat().join('\n'), cold.text).toFixed(4));
}

async function benchOcr(): Promise<void> {
  const lines = take(paragraphsOf('001_cef97842b6e97a79.txt'), 12, 290);
  const reference = lines.join('\n');
  const clean = await renderTextPng(lines);
  const photo = await degrade(clean);
  print('ocr_page_words', wordsOf(reference).length);

  // End to end, as an upload goes: scanned PDF → render at 300 DPI → OCR with the defaults.
  const scan = await makeImagePdf([clean]);
  const read = () => extractDocument({ bytes: scan, fileName: 'ban-scan.pdf' });
  const pdf = await timed('ocr_page_pdf_cold_ms', read);
  await timed('ocr_page_pdf_ms', read);
  print('ocr_page_pdf_accuracy', wordAccuracy(reference, pdf.text).toFixed(4));
  print('ocr_default', `${OCR_DEFAULTS.model}/psm${OCR_DEFAULTS.psm}`);
  await closeOcr();

  for (const model of OCR_MODELS) {
    for (const psm of ['3', '4', '6'] as OcrSettings['psm'][]) {
      const key = `ocr_${model}_psm${psm}`;
      const engine = createOcrEngine({ model, psm });
      try {
        const ocr = async (bytes: Uint8Array) => (await engine.recognize({ bytes })).join('\n');
        await timed(`${key}_first_ms`, () => ocr(clean));
        const text = await timed(`${key}_clean_ms`, () => ocr(clean));
        print(`${key}_clean_accuracy`, wordAccuracy(reference, text).toFixed(4));
        const noisy = await timed(`${key}_photo_ms`, () => ocr(photo));
        print(`${key}_photo_accuracy`, wordAccuracy(reference, noisy).toFixed(4));
      } finally {
        await engine.close();
      }
    }
  }
}

/** The real app on a temporary DATA_DIR, removed afterwards. */
async function withApp<T>(run: (app: Awaited<ReturnType<typeof createApp>>) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tltd-bench-'));
  const app = await createApp(loadConfig({ DATA_DIR: dataDir }, root), silentLogger);
  try {
    return await run(app);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A plan's text in `n` pages of about equal word counts. */
function pagesOf(text: string, n: number): string[][] {
  const paras = repairText(text).split('\n').map((l) => l.trim()).filter(Boolean);
  const total = paras.reduce((sum, p) => sum + p.split(/\s+/).length, 0);
  const pages: string[][] = [[]];
  let words = 0;
  for (const p of paras) {
    if (words >= (total / n) * pages.length && pages.length < n) pages.push([]);
    pages.at(-1)!.push(p);
    words += p.split(/\s+/).length;
  }
  return pages;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function benchIngest(): Promise<void> {
  const planDir = path.join(root, 'test', 'eval', 'newdocs', 'province');
  const pages = pagesOf(readFileSync(path.join(planDir, 'plan.txt'), 'utf8'), 10);
  const pdf = await makeTextPdf(pages);
  // A fact from the last pages of the plan, asked as its blind set asks it.
  const probe = (readFileSync(path.join(planDir, 'questions.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) as { q: string; answerable: boolean; facts?: string[]; evidence?: string }[])
    .filter((q) => q.answerable && q.facts?.length && q.evidence)
    .map((q) => ({ ...q, page: pages.findIndex((p) => p.join(' ').includes(q.evidence!.slice(0, 40))) }))
    .filter((q) => q.page >= 0)
    .sort((a, b) => b.page - a.page)[0]!;
  print('ingest_pdf10_words', pages.flat().join(' ').split(/\s+/).length);
  print('ingest_probe_page', probe.page + 1);
  await withApp(async (app) => {
    const t0 = performance.now();
    const draft = await app.documents.analyse({ bytes: pdf, fileName: 'ke-hoach-tinh-10-trang.pdf' });
    print('ingest_pdf10_read_ms', ms(t0));
    print('ingest_pdf10_status', draft.verdict.status);
    const t1 = performance.now();
    const { entry, rebuilt } = await app.documents.add(draft, 'bench');
    print('ingest_pdf10_reindex_ms', ms(t1));
    const answer = await app.knowledge.ask(probe.q);
    const cited = answer.citations.some((c) => c.docId === entry.id);
    print('ingest_pdf10_total_ms', ms(t0));
    print('ingest_pdf10_searchable', String(Boolean(rebuilt?.ok && cited && probe.facts!.every((f) => answer.answer.includes(f)))));
  });
}

async function benchReindex(): Promise<void> {
  const questions = readFileSync(path.join(root, 'test', 'eval', 'questions.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { q: string }).q);
  await withApp(async (app) => {
    // Questions arrive as people send them, every 10 ms whether or not the last one is answered,
    // so a build that held the event loop would show as waiting time.
    const traffic = async (n: number) => {
      const times: number[] = [];
      let failed = 0;
      const pending: Promise<unknown>[] = [];
      const start = performance.now();
      for (let i = 0; i < n; i++) {
        // Counted from when the question was due, so a blocked event loop cannot hide the wait.
        const due = start + i * 10;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        pending.push(app.knowledge.ask(questions[i % questions.length]!).then(() => times.push(performance.now() - due), () => failed++));
      }
      await Promise.all(pending);
      return { times, failed };
    };
    await traffic(questions.length); // warm
    const idle = await traffic(600);
    let rebuilding = true;
    let rebuilds = 0;
    const rebuildMs: number[] = [];
    // Real rebuilds: a plan is added and removed in turn, so each build indexes a changed corpus.
    const plan = readFileSync(path.join(root, 'test', 'eval', 'newdocs', 'commune', 'plan.txt'));
    const draft = await app.documents.analyse({ bytes: plan, fileName: 'ke-hoach-xa.txt' });
    const loop = (async () => {
      while (rebuilding) {
        const { entry, rebuilt } = await app.documents.add(draft, 'bench');
        const removed = await app.documents.remove(entry.id, 'bench');
        for (const r of [rebuilt, removed.rebuilt]) if (r?.ok) rebuildMs.push(r.ms);
        rebuilds += 2;
      }
    })();
    const busy = await traffic(600);
    rebuilding = false;
    await loop;
    const p = (xs: number[], q: number) => percentile(xs, q).toFixed(2);
    print('questions', idle.times.length);
    print('idle_p50_ms', p(idle.times, 50));
    print('idle_p95_ms', p(idle.times, 95));
    print('reindex_p50_ms', p(busy.times, 50));
    print('reindex_p95_ms', p(busy.times, 95));
    print('reindex_p95_ratio', (percentile(busy.times, 95) / percentile(idle.times, 95)).toFixed(2));
    print('reindex_rebuilds', rebuilds);
    print('reindex_rebuild_p50_ms', rebuildMs.length ? percentile(rebuildMs, 50) : 'n/a');
    print('reindex_failed', idle.failed + busy.failed);
  });
}

const SECTIONS: [string, () => Promise<void>][] = [
  ['pdf', benchPdf],
  ['ingest', benchIngest],
  ['reindex', benchReindex],
  ['ocr', benchOcr],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const [name, run] of SECTIONS) {
    if (only.length && !only.includes(name)) continue;
    process.stdout.write(`# ${name}\n`);
    await run();
  }
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(() => closeOcr());
