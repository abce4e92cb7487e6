import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { runAdmin, UsageError } from './admin.js';
import { runPlanCommand } from './plans/cli.js';
import { PlanError } from './plans/service.js';
import { createApp, type App } from './app.js';
import { runConsoleChat } from './channels/console/console.js';
import { ConfigError, loadConfig } from './config/env.js';
import { closeExtraction } from './documents/intake.js';
import { createLogger, type Logger } from './logger.js';
import { describe } from './documents/intake.js';
import { texts as documentTexts } from './documents/texts.vi.js';
import type { RebuildResult } from './knowledge/live.js';
import { DOC_LEVELS, type DocLevel } from './knowledge/types.js';

const USAGE = `Cách dùng: npm run --silent cli -- <lệnh> [tùy chọn]
  search [--json] [--k N] (--stdin | "<câu hỏi>")   tìm đoạn văn bản liên quan
  ask [--json] (--stdin | "<câu hỏi>")              trả lời có trích dẫn
  chat [--user ID] [--json]                         trò chuyện qua dòng lệnh (mỗi dòng một tin nhắn)
  ingest                                            đọc lại corpus/ và dựng chỉ mục
  ingest FILE… [--json] [--replace ID] [--level L]  thêm văn bản (.txt .md .docx .pdf .png .jpg), kể cả bản chụp
  docs list [--json] | docs publish ID | docs remove ID | docs edit ID [--level L] [--number N] [--title T] [--date YYYY-MM-DD]
  parse [--json] [--unit ID] (--stdin | "<tin nhắn>")  đọc số liệu báo cáo theo kế hoạch của đơn vị
  eval-retrieval --corpus FILE --queries FILE [--k 10] [--json]
  plan extract|show|approve --doc ID [--json] | plan edit --doc ID --path P --value V | plan list
  units list [--json] | units add --id ID --name "Xã …" --level xã|phường|đặc khu|tỉnh|thành phố [--parent ID] [--plan DOC] [--deadline MM-DD]
  invite create --unit ID --role officer|staff [--days 7] [--json]
  users set --channel telegram|zalo|console|web --user ID --role citizen|officer|staff|admin [--unit ID]
  report --period 2025|2026 --format csv|xlsx --out FILE`;

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    stdin: { type: 'boolean', default: false },
    k: { type: 'string' },
    user: { type: 'string' },
    corpus: { type: 'string' },
    queries: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
    id: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string' },
    parent: { type: 'string' },
    deadline: { type: 'string' },
    unit: { type: 'string' },
    role: { type: 'string' },
    days: { type: 'string' },
    channel: { type: 'string' },
    period: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    replace: { type: 'string' },
    level: { type: 'string' },
    number: { type: 'string' },
    title: { type: 'string' },
    date: { type: 'string' },
    doc: { type: 'string' },
    path: { type: 'string' },
    value: { type: 'string' },
    plan: { type: 'string' },
  },
});

/** Runs `fn` on each input: the positional question, or each stdin line (one output line each). */
async function eachInput(fn: (q: string) => Promise<void>): Promise<void> {
  if (!opts.stdin) {
    const q = positionals.slice(1).join(' ').trim();
    if (!q) throw new UsageError('Thiếu câu hỏi (hoặc dùng --stdin).');
    return fn(q);
  }
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) await fn(line.trim());
}


const print = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');

function positiveInt(v: string | undefined, dflt: number, name: string): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new UsageError(`--${name} phải là số nguyên từ 1 đến 100.`);
  return n;
}

async function main(): Promise<void> {
  const command = positionals[0];
  if (opts.help || !command || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');

  if (command === 'eval-retrieval') {
    if (!opts.corpus || !opts.queries) throw new UsageError('eval-retrieval cần --corpus FILE và --queries FILE.');
    const { evalRetrieval } = await import('./knowledge/search/eval-retrieval.js');
    const m = await evalRetrieval({ corpusFile: opts.corpus, queriesFile: opts.queries, k: positiveInt(opts.k, 10, 'k') });
    if (opts.json) print(m);
    else for (const [key, v] of Object.entries(m)) process.stdout.write(`${key.padEnd(10)} ${v}\n`);
    return;
  }

  if (['units', 'invite', 'users', 'report'].includes(command)) {
    process.stdout.write((await runAdmin(config, positionals, opts)) + '\n');
    return;
  }

  if (command === 'parse') {
    const { parseFigures } = await import('./reports/parse-figures.js');
    const { openDatabase } = await import('./store/db.js');
    const { createReportStore } = await import('./store/reports.js');
    const { openPlans } = await import('./plans/service.js');
    const db = await openDatabase(config.database);
    const reports = createReportStore(db);
    const plans = await openPlans(db, reports, config.corpusDir);
    // The plan of --unit, else the default one (the oldest bound approved plan).
    const plan = opts.unit ? await plans.forUnit(opts.unit) : await plans.fallback();
    await db.destroy();
    if (!plan) throw new UsageError(opts.unit ? `Đơn vị ${opts.unit} chưa có kế hoạch được duyệt.` : 'Chưa có kế hoạch nào được duyệt.');
    return eachInput(async (message) => {
      const r = parseFigures(message, plan);
      if (opts.json) print(r);
      else process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    });
  }

  const t0 = performance.now();
  const app = await createApp(config, logger);
  const { knowledge, handle } = app;
  try {
    if (command === 'ingest' && positionals.length > 1) await ingestFiles(app, positionals.slice(1));
    else if (command === 'docs') await docsCommand(app, positionals[1], positionals[2]);
    else if (command === 'plan') process.stdout.write((await runPlanCommand(app.plans, positionals[1], opts, who())) + '\n');
    else await run(command, knowledge, handle, t0, logger);
  } finally {
    // The OCR worker, if a scan started it, would keep the process alive.
    if (command === 'ingest') await closeExtraction();
    await app.close();
  }
}

const who = () => `cli:${userInfo().username}`;

/** The metadata fields a person may give or correct on the command line. */
function fieldsFromFlags() {
  const fields: { level?: DocLevel; number?: string; title?: string; date?: string } = {};
  if (opts.level !== undefined) {
    if (!(DOC_LEVELS as readonly string[]).includes(opts.level)) throw new UsageError(`--level phải là một trong: ${DOC_LEVELS.join(', ')}.`);
    fields.level = opts.level as DocLevel;
  }
  if (opts.number !== undefined) fields.number = opts.number;
  if (opts.title !== undefined) fields.title = opts.title;
  if (opts.date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new UsageError('--date phải có dạng YYYY-MM-DD.');
    fields.date = opts.date;
  }
  return fields;
}

/** `ingest FILE…`: one verdict per file; published ones are indexed at once. Progress on stderr. */
async function ingestFiles(app: App, files: string[]): Promise<void> {
  const t = documentTexts.cli;
  const override = fieldsFromFlags();
  for (const file of files) {
    const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
      throw new UsageError(`Không đọc được tệp ${file} (${err.code ?? err.message}).`);
    });
    const onProgress = (p: { page: number; pages: number; stage: 'text' | 'ocr' }) => {
      if (p.pages < 2 && p.stage === 'text') return;
      const line = `${path.basename(file)}: ${t.page(p.page, p.pages, p.stage === 'ocr')}`;
      process.stderr.write(process.stderr.isTTY ? `\r${line}   ` : `${line}\n`);
    };
    const draft = await app.documents.analyse({ bytes, fileName: file }, { onProgress, override });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const v = draft.verdict;
    let rebuilt: RebuildResult | undefined;
    if (v.status === 'published' || v.status === 'held' || (v.status === 'duplicate' && opts.replace === v.of)) {
      const replacing = v.status === 'duplicate' ? { ...draft, verdict: { status: 'published' as const } } : draft;
      ({ rebuilt } = await app.documents.add(replacing, who(), v.status === 'duplicate' ? v.of : opts.replace));
    }
    const out = describe(draft);
    if (v.status === 'duplicate' && opts.replace === v.of) Object.assign(out, { status: 'published', replaced: v.of });
    if (rebuilt && !rebuilt.ok) Object.assign(out, { warning: t.rebuildFailed(rebuilt.error) });
    if (opts.json) print(out);
    else {
      const d = out.document;
      process.stdout.write(
        `${path.basename(file)}: ${t.status[out.status] ?? out.status}${'reason' in out && out.reason ? ` — ${out.reason}` : ''}\n` +
          (d.id ? `  ${d.id}: ${d.number ?? '(không số)'} · ${d.kind ?? '?'} · ${d.issuer} · ${d.level ?? '?'} · ${d.date ?? '?'} · ${d.pages} trang, ${d.chars} ký tự\n` : '') +
          (v.status === 'duplicate' && v.better && opts.replace !== v.of ? `  ${t.replaceHint(file, v.of)}\n` : ''),
      );
    }
  }
}

async function docsCommand(app: App, sub: string | undefined, id: string | undefined): Promise<void> {
  const t = documentTexts.cli;
  if (sub === 'list') {
    const documents = await app.documents.list();
    if (opts.json) print({ documents });
    else for (const d of documents) process.stdout.write(`${d.id.padEnd(28)} ${d.status.padEnd(10)} ${d.source.padEnd(8)} ${d.label}\n`);
    return;
  }
  if (!id || !['publish', 'remove', 'edit'].includes(sub ?? '')) throw new UsageError(`Cách dùng: docs list [--json] | docs publish ID | docs remove ID | docs edit ID --level …`);
  if (!(await app.documents.library.get(id))) {
    throw new UsageError(app.knowledge.docs.some((d) => d.id === id) ? t.bundledFixed(id) : documentTexts.notFound(id));
  }
  const r =
    sub === 'publish' ? await app.documents.publish(id, who())
    : sub === 'remove' ? await app.documents.remove(id, who())
    : await app.documents.edit(id, fieldsFromFlags(), who());
  if (r.rebuilt && !r.rebuilt.ok) process.stderr.write(t.rebuildFailed(r.rebuilt.error) + '\n');
  if (opts.json) print({ document: r.entry });
  else process.stdout.write((sub === 'remove' ? t.removed(id) : sub === 'publish' ? t.published(id) : JSON.stringify(r.entry, null, 2)) + '\n');
}

async function run(command: string, knowledge: App['knowledge'], handle: App['handle'], t0: number, logger: Logger): Promise<void> {
  switch (command) {
    case 'ingest': {
      const c = knowledge.corpus;
      process.stdout.write(
        `Đã dựng chỉ mục: ${c.docs.length} văn bản, ${c.chunks.length} đoạn` +
          (c.duplicates.length ? `; bản trùng bỏ qua: ${c.duplicates.map((d) => `${d.docId} (bản sao của ${d.of})`).join(', ')}` : '') +
          ` (${Math.round(performance.now() - t0)} ms).\n`,
      );
      return;
    }
    case 'search': {
      const k = positiveInt(opts.k, 5, 'k');
      return eachInput(async (q) => {
        const hits = q ? await knowledge.search(q, k) : [];
        const results = hits.map((h) => ({ docId: h.doc.id, title: h.doc.label, section: h.chunk.section, text: h.chunk.text, score: h.score }));
        if (opts.json) print({ results });
        else process.stdout.write(results.map((r, i) => `${i + 1}. [${r.score.toFixed(3)}] ${r.title} — ${r.section}\n   ${r.text.slice(0, 200)}`).join('\n') + '\n');
      });
    }
    case 'ask':
      return eachInput(async (q) => {
        const a = q ? await knowledge.ask(q) : { answered: false, answer: '', citations: [] };
        if (opts.json) print(a);
        else process.stdout.write(a.answer + '\n' + a.citations.map((c, i) => `[${i + 1}] ${c.title}${c.section ? ` — ${c.section}` : ''}`).join('\n') + '\n\n');
      });
    case 'chat':
      await runConsoleChat(handle, {
        userId: opts.user ?? 'console',
        json: opts.json!,
        input: process.stdin,
        output: process.stdout,
        onError: (err) => logger.error({ err }, 'console message failed'),
      });
      return;
    default:
      throw new UsageError(`Lệnh không có: ${command}\n${USAGE}`);
  }
}

main().catch((err: unknown) => {
  if (err instanceof UsageError || err instanceof ConfigError || err instanceof PlanError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`Lỗi: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = err instanceof UsageError || err instanceof PlanError ? 2 : 1;
});
