/**
 * `npm run bench:channels`: the bot (its own process, offline defaults, webhook mode) against the
 * fake Telegram and Zalo APIs, under a steady load of webhook deliveries for each channel.
 * Prints sustained answers per second, the time from the webhook request to the platform's
 * sendMessage call (p50/p95/max), and checks that no update was lost or answered twice
 * (10% of the updates are delivered twice on purpose).
 *
 * A warm-up of 300 deliveries per channel comes first and is not measured.
 * Options (env): BENCH_SECONDS (30), BENCH_RATE (requests/s, 220), BENCH_JSON=1 for JSON output.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startFakeTelegram } from '../test/fakes/fake-telegram.js';
import { startFakeZalo } from '../test/fakes/fake-zalo.js';

const root = path.resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const RATE = Number(process.env.BENCH_RATE ?? 220);
const SECRET = 'bench-secret-0123456789';
const TG_TOKEN = '123456:BENCHTOKEN';
const ZALO_TOKEN = '123456:ZALOBENCHTOKEN';

const questions: string[] = readFileSync(path.join(root, 'test/eval/questions.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { q: string }).q);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

interface Sent {
  chat: string;
  text: string;
  at: number;
}

/** Fires `SECONDS × RATE` deliveries at a fixed pace; returns when all are acknowledged. */
async function load(post: (i: number, dup: boolean) => Promise<number>, started: Map<string, number>, chatOf: (i: number) => string) {
  const total = SECONDS * RATE;
  const t0 = performance.now();
  const inflight: Promise<void>[] = [];
  const statuses = new Map<number, number>();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    started.set(chatOf(i), Date.now());
    const dup = i % 10 === 0;
    inflight.push(
      post(i, false).then((s) => void statuses.set(s, (statuses.get(s) ?? 0) + 1)),
      ...(dup ? [post(i, true).then((s) => void statuses.set(s, (statuses.get(s) ?? 0) + 1))] : []),
    );
  }
  await Promise.all(inflight);
  return { total, statuses };
}

function report(name: string, total: number, started: Map<string, number>, sent: Sent[]) {
  const first = new Map<string, number>();
  const seen = new Set<string>();
  let twice = 0;
  for (const s of sent) {
    if (!started.has(s.chat)) continue;
    if (!first.has(s.chat)) first.set(s.chat, s.at);
    const key = `${s.chat}\u0000${s.text}`;
    if (seen.has(key)) twice++;
    seen.add(key);
  }
  const lat = [...first].map(([chat, at]) => at - started.get(chat)!).sort((a, b) => a - b);
  const span = (Math.max(...first.values()) - Math.min(...started.values())) / 1000;
  return {
    channel: name,
    updates: total,
    answered: first.size,
    lost: total - first.size,
    answered_twice: twice,
    per_second: Math.round(first.size / span),
    p50_ms: pct(lat, 0.5),
    p95_ms: pct(lat, 0.95),
    max_ms: lat.at(-1) ?? NaN,
  };
}

async function main() {
  const tg = await startFakeTelegram();
  const zalo = await startFakeZalo({ token: ZALO_TOKEN });
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-channels-'));
  const base = `http://127.0.0.1:${port}`;
  // The bot as `npm start` runs it: the bundle in dist/.
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  const bot = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []), path.join(root, 'dist/main.mjs')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      PUBLIC_URL: base,
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_API_ROOT: tg.url,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      ZALO_BOT_TOKEN: ZALO_TOKEN,
      ZALO_API_ROOT: zalo.url,
      ZALO_WEBHOOK_SECRET: SECRET,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
      if (i > 600) throw new Error('bot not healthy within 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const post = (route: string, header: string, body: unknown) =>
      fetch(`${base}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', [header]: SECRET }, body: JSON.stringify(body) }).then(
        async (r) => (await r.arrayBuffer(), r.status),
        () => 0,
      );
    // Warm-up (not measured): JIT, connection pools and caches, as a running bot has them.
    for (let i = 0; i < 300; i++) {
      await post('/zalo/webhook', 'X-Bot-Api-Secret-Token', {
        event_name: 'message.text.received',
        message: { message_id: `w${i}`, date: Date.now(), text: questions[i % questions.length], chat: { id: `w${i % 20}`, chat_type: 'PRIVATE' }, from: { id: `w${i % 20}`, display_name: 'An', is_bot: false } },
      });
      await post('/telegram/webhook', 'X-Telegram-Bot-Api-Secret-Token', {
        update_id: 500_000 + i,
        message: { message_id: i + 1, date: Math.floor(Date.now() / 1000), text: questions[i % questions.length], chat: { id: 900 + (i % 20), type: 'private' }, from: { id: 900 + (i % 20), is_bot: false, first_name: 'An' } },
      });
    }
    await new Promise((r) => setTimeout(r, 2000));
    const rows = [];

    const tgStarted = new Map<string, number>();
    const tgLoad = await load(
      (i) => post('/telegram/webhook', 'X-Telegram-Bot-Api-Secret-Token', {
        update_id: 1_000_000 + i,
        message: { message_id: i + 1, date: Math.floor(Date.now() / 1000), text: questions[i % questions.length], chat: { id: 10_000 + i, type: 'private' }, from: { id: 10_000 + i, is_bot: false, first_name: 'An' } },
      }),
      tgStarted,
      (i) => String(10_000 + i),
    );
    await new Promise((r) => setTimeout(r, 3000));
    rows.push({ ...report('telegram', tgLoad.total, tgStarted, tg.callsTo('sendMessage').map((c) => ({ chat: String(c.payload.chat_id), text: String(c.payload.text), at: c.at }))), http: Object.fromEntries(tgLoad.statuses) });

    const zStarted = new Map<string, number>();
    const zLoad = await load(
      (i) => post('/zalo/webhook', 'X-Bot-Api-Secret-Token', {
        event_name: 'message.text.received',
        message: { message_id: `m${i}`, date: Date.now(), text: questions[i % questions.length], chat: { id: `u${i}`, chat_type: 'PRIVATE' }, from: { id: `u${i}`, display_name: 'An', is_bot: false } },
      }),
      zStarted,
      (i) => `u${i}`,
    );
    await new Promise((r) => setTimeout(r, 3000));
    const zSent = zalo.calls.filter((c) => c.method === 'sendMessage').map((c) => ({ chat: String(c.payload.chat_id), text: String(c.payload.text), at: c.at }));
    rows.push({ ...report('zalo', zLoad.total, zStarted, zSent), http: Object.fromEntries(zLoad.statuses) });

    if (process.env.BENCH_JSON) {
      process.stdout.write(JSON.stringify(rows) + '\n');
    } else {
      console.log(`Channels through their webhooks, ${SECONDS} s at ${RATE} updates/s (+10% duplicate deliveries), bot in its own process:\n`);
      console.log('channel    updates  answered  lost  twice  answers/s  p50 ms  p95 ms  max ms  HTTP');
      for (const r of rows) {
        console.log(
          `${r.channel.padEnd(10)} ${String(r.updates).padStart(7)} ${String(r.answered).padStart(9)} ${String(r.lost).padStart(5)} ${String(r.answered_twice).padStart(6)} ${String(r.per_second).padStart(10)} ${String(r.p50_ms).padStart(7)} ${String(r.p95_ms).padStart(7)} ${String(r.max_ms).padStart(7)}  ${JSON.stringify(r.http)}`,
        );
      }
    }
  } finally {
    bot.kill('SIGTERM');
    await new Promise((r) => bot.once('exit', r));
    await tg.close();
    await zalo.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
