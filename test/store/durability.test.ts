/**
 * A figure the bot said was saved survives `kill -9` the next instant: a child process saves,
 * prints SAVED and spins; it is killed with SIGKILL as soon as SAVED arrives (no exit handlers,
 * no close, no checkpoint), then the database is reopened and the rows must be there.
 * SQLite in WAL mode keeps a committed transaction in the WAL file, which the OS has (a process
 * kill loses nothing the kernel already holds); PostgreSQL has the commit on the server.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/env.js';
import { openDatabase } from '../../src/store/db.js';
import { createReportStore } from '../../src/store/reports.js';
import { testDatabases } from '../helpers/databases.js';

const root = path.resolve(import.meta.dirname, '../..');
const url = (rel: string) => pathToFileURL(path.join(root, rel)).href;

/** The child: open, save two drafts, say SAVED, then spin until killed. */
const CHILD = `
import { openDatabase } from ${JSON.stringify(url('src/store/db.ts'))};
import { createReportStore } from ${JSON.stringify(url('src/store/reports.ts'))};
const db = await openDatabase(JSON.parse(process.env.DURABILITY_DB));
const reports = createReportStore(db);
const base = { unitId: 'hong-an', period: '2025', rawMessage: 'Năm 2025: 85% CBCCVC', userChannel: 'telegram', userId: '42' };
const a = await reports.saveSubmissions({ ...base, draftId: 'kill-a', figures: [{ indicatorId: 'can_bo_ky_nang_so', percent: 85 }, { indicatorId: 'nguoi_dan_xac_nhan_vneid', numerator: 1234, denominator: 1500 }] });
// Versions are ordered by created_at (ms), ties by a random id: keep the correction a tick later.
await new Promise((r) => setTimeout(r, 5));
const b = await reports.saveSubmissions({ ...base, draftId: 'kill-b', figures: [{ indicatorId: 'can_bo_ky_nang_so', percent: 86.5, approx: true }] });
process.stdout.write('SAVED ' + (a.stored + b.stored) + '\\n');
for (;;) {}
`;

let tmp: string;
let script: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'durability-'));
  // .mts: an ES module wherever it lives (top-level await), compiled by tsx.
  script = path.join(tmp, 'save-then-spin.mts');
  writeFileSync(script, CHILD);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the child until it prints SAVED, then SIGKILLs it. Resolves with what it printed. */
function saveThenKill(database: Config['database']): Promise<{ stdout: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      env: { ...process.env, DURABILITY_DB: JSON.stringify(database) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`child never said SAVED: ${stderr}`))), 25_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!killed && stdout.includes('SAVED')) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!killed) reject(new Error(`child exited (${code ?? signal}) before SAVED: ${stderr}`));
      else resolve({ stdout, signal });
    });
  });
}

describe.each(testDatabases)('durability on $name', (backend) => {
  it('keeps confirmed figures through a kill -9 right after the save', async () => {
    const { database, drop } = await backend.create();
    try {
      const { stdout, signal } = await saveThenKill(database);
      expect(signal).toBe('SIGKILL');
      expect(stdout).toContain('SAVED 3');
      if (database.kind === 'sqlite') {
        // Killed before any close or checkpoint: the rows are in the WAL, not yet in the main file.
        expect(existsSync(`${database.file}-wal`) && statSync(`${database.file}-wal`).size).toBeGreaterThan(0);
      }
      const db = await openDatabase(database);
      try {
        const reports = createReportStore(db);
        const all = await reports.submissions('2025', 'hong-an');
        expect(all).toHaveLength(3);
        const latest = await reports.latest('2025', 'hong-an');
        expect(latest.find((s) => s.indicatorId === 'can_bo_ky_nang_so')).toMatchObject({ percent: 86.5, approx: true, supersedes: all[0]!.id });
        expect(latest.find((s) => s.indicatorId === 'nguoi_dan_xac_nhan_vneid')).toMatchObject({ numerator: 1234, denominator: 1500 });
        // The confirmation's audit entry committed with it.
        const audit = await db.selectFrom('audit_log').select('detail').where('action', '=', 'submission.confirm').execute();
        expect(audit).toHaveLength(2);
      } finally {
        await db.destroy();
      }
    } finally {
      await drop();
    }
  });
});
