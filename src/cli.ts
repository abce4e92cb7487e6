import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { runAdmin, UsageError } from './admin.js';
import { createApp, type App } from './app.js';
import { runConsoleChat } from './channels/console/console.js';
import { ConfigError, loadConfig } from './config/env.js';
import { createLogger, type Logger } from './logger.js';

const USAGE = `Cách dùng: npm run --silent cli -- <lệnh> [tùy chọn]
  search [--json] [--k N] (--stdin | "<câu hỏi>")   tìm đoạn văn bản liên quan
  ask [--json] (--stdin | "<câu hỏi>")              trả lời có trích dẫn
  chat [--user ID] [--json]                         trò chuyện qua dòng lệnh (mỗi dòng một tin nhắn)
  ingest                                            đọc lại corpus/ và dựng chỉ mục
  parse [--json] (--stdin | "<tin nhắn>")           đọc số liệu báo cáo trong một tin nhắn
  eval-retrieval --corpus FILE --queries FILE [--k 10] [--json]
  units list [--json] | units add --id ID --name "Phường …" [--kind phuong|xa|dac_khu] [--parent hai-phong] [--deadline MM-DD]
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
    return eachInput(async (message) => {
      const r = parseFigures(message);
      if (opts.json) print(r);
      else process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    });
  }

  const t0 = performance.now();
  const app = await createApp(config, logger);
  const { knowledge, handle } = app;
  try {
    await run(command, knowledge, handle, t0, logger);
  } finally {
    await app.close();
  }
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
        else process.stdout.write(a.answer + '\n' + a.citations.map((c, i) => `[${i + 1}] ${c.title} — ${c.section}`).join('\n') + '\n\n');
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
  if (err instanceof UsageError || err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`Lỗi: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
});
