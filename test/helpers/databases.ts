import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/config/env.js';

/**
 * The databases a store test suite runs on: always SQLite (a temp file), and PostgreSQL when
 * TEST_DATABASE_URL points at a server (CI starts one; see .ci/start-postgres.sh). Each suite
 * gets a fresh database that is dropped afterwards.
 */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  create(): Promise<{ database: Config['database']; drop(): Promise<void> }>;
}

export const testDatabases: TestDatabase[] = [
  {
    name: 'sqlite',
    async create() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'store-test-'));
      return {
        database: { kind: 'sqlite', file: path.join(dir, 'test.db') },
        drop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];

const adminUrl = process.env.TEST_DATABASE_URL;
if (adminUrl) {
  testDatabases.push({
    name: 'postgres',
    async create() {
      const { default: pg } = await import('pg');
      const name = `tltd_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        database: { kind: 'postgres', url: url.toString() },
        async drop() {
          const c = new pg.Client({ connectionString: adminUrl });
          await c.connect();
          await c.query(`drop database if exists ${name}`);
          await c.end();
        },
      };
    },
  });
}

/** In CI the PostgreSQL run is required, so a missing server fails instead of passing quietly. */
export const postgresRequired = Boolean(process.env.CI) && !adminUrl;
