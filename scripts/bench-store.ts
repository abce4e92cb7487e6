/**
 * `npm run bench:store`: 1,000 confirmations from 100 officers (10 drafts each, 2 figures per
 * draft) fired at the report store all at once, each confirmation sent twice concurrently (a
 * double tap, a webhook retry) to prove idempotency. On SQLite (a temp file) and, when
 * TEST_DATABASE_URL or BENCH_DATABASE_URL names a PostgreSQL server (an admin URL: a throwaway
 * database is created and dropped), on PostgreSQL.
 *
 * Checks that none is lost (exactly 1,000 × 2 figure rows, 1,000 audit entries) and none is
 * duplicated (one row per confirm key, each confirmation stored by exactly one of its two calls);
 * prints throughput (confirmations/s) and p50/p95 latency per confirmation call, one table.
 * Exits non-zero when a check fails. BENCH_JSON=1 prints JSON instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../src/config/env.js';
import { openDatabase } from '../src/store/db.js';
import { createReportStore } from '../src/store/reports.js';

const OFFICERS = 100;
const DRAFTS_PER_OFFICER = 10;
const UNITS = 20;
const CONFIRMATIONS = OFFICERS * DRAFTS_PER_OFFICER;
const FIGURES = [
  { indicatorId: 'can_bo_ky_nang_so', percent: 85.5 },
  { indicatorId: 'nguoi_dan_xac_nhan_vneid', numerator: 1234, denominator: 1500 },
] as const;

interface Result {
  backend: string;
  confirmations: number;
  calls: number;
  rowsExpected: number;
  rows: number;
  lost: number;
  duplicated: number;
  /** Informational: rows naming as `supersedes` a row another row already names (concurrent versions). */
  forks: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p95ms: number;
  ok: boolean;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? NaN;

async function run(backend: string, database: Config['database']): Promise<Result> {
  const db = await openDatabase(database);
  try {
    const reports = createReportStore(db);
    for (let u = 0; u < UNITS; u++) {
      await reports.addUnit({ id: `bench-${u}`, name: `Phường Thử ${u}`, kind: 'phuong', parentId: 'hai-phong', deadline: '12-05' }, 'bench');
    }
    // Officer o belongs to unit o % UNITS: five officers per ward confirm concurrently.
    const confirmations = Array.from({ length: CONFIRMATIONS }, (_, i) => {
      const o = Math.floor(i / DRAFTS_PER_OFFICER);
      return {
        draftId: `bench-${o}-${i % DRAFTS_PER_OFFICER}`,
        unitId: `bench-${o % UNITS}`,
        period: '2025',
        figures: FIGURES.map((f) => ({ ...f })),
        rawMessage: 'Năm 2025: 85,5% CBCCVC có kỹ năng số; 1.234/1.500 người dân xác nhận trên VNeID',
        userChannel: 'telegram',
        userId: String(1000 + o),
      };
    });

    const latencies: number[] = [];
    const timed = async (c: (typeof confirmations)[number]) => {
      const t = performance.now();
      const r = await reports.saveSubmissions(c);
      latencies.push(performance.now() - t);
      return r.stored;
    };
    const t0 = performance.now();
    const stored = await Promise.all(confirmations.map(async (c) => Promise.all([timed(c), timed(c)])));
    const seconds = (performance.now() - t0) / 1000;

    const rows = Number((await db.selectFrom('submissions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const keys = Number(
      (await db.selectFrom('submissions').select((eb) => eb.fn.count('confirm_key').distinct().as('n')).executeTakeFirstOrThrow()).n,
    );
    const audits = Number(
      (await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'submission.confirm').executeTakeFirstOrThrow()).n,
    );
    const linked = await db.selectFrom('submissions').select('supersedes').where('supersedes', 'is not', null).execute();
    const forks = linked.length - new Set(linked.map((r) => r.supersedes)).size;
    const rowsExpected = CONFIRMATIONS * FIGURES.length;
    // Each confirmation: one call stored both figures, its twin stored none.
    const onceEach = stored.every(([a, b]) => [a, b].sort().join() === `0,${FIGURES.length}`);
    const sorted = latencies.sort((a, b) => a - b);
    return {
      backend,
      confirmations: CONFIRMATIONS,
      calls: latencies.length,
      rowsExpected,
      rows,
      lost: rowsExpected - keys,
      duplicated: rows - keys,
      forks,
      seconds,
      perSecond: CONFIRMATIONS / seconds,
      p50ms: pct(sorted, 0.5),
      p95ms: pct(sorted, 0.95),
      ok: rows === rowsExpected && keys === rowsExpected && audits === CONFIRMATIONS && onceEach,
    };
  } finally {
    await db.destroy();
  }
}

async function onSqlite(): Promise<Result> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-store-'));
  try {
    return await run('sqlite (WAL, file)', { kind: 'sqlite', file: path.join(dir, 'bench.db') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(adminUrl: string): Promise<Result> {
  const { default: pg } = await import('pg');
  const name = `tltd_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await run('postgres (pool of 10)', { kind: 'postgres', url: url.toString() });
  } finally {
    await admin(`drop database if exists ${name}`);
  }
}

const results: Result[] = [await onSqlite()];
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (pgUrl) results.push(await onPostgres(pgUrl));

if (process.env.BENCH_JSON) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const table = results.map((r) => ({
    backend: r.backend,
    'confirmations (calls)': `${r.confirmations} (${r.calls})`,
    'figure rows (expected)': `${r.rows} (${r.rowsExpected})`,
    lost: r.lost,
    duplicated: r.duplicated,
    'supersedes forks': r.forks,
    'confirmations/s': Math.round(r.perSecond),
    'p50 ms': r.p50ms.toFixed(1),
    'p95 ms': r.p95ms.toFixed(1),
    check: r.ok ? 'ok' : 'FAILED',
  }));
  console.log(
    `${CONFIRMATIONS} confirmations from ${OFFICERS} officers (${DRAFTS_PER_OFFICER} drafts each, ${FIGURES.length} figures per draft), ` +
      'each sent twice concurrently; latency is per call, queueing included.',
  );
  console.table(table);
  if (!pgUrl) {
    console.log('PostgreSQL skipped (TEST_DATABASE_URL / BENCH_DATABASE_URL not set). To include it:');
    console.log('  TEST_DATABASE_URL=$(bash .ci/start-postgres.sh) npm run bench:store');
  }
}
if (results.some((r) => !r.ok)) {
  console.error('bench:store: a confirmation was lost or duplicated');
  process.exitCode = 1;
}
