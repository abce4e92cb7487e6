import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { silentLogger } from '../../src/logger.js';

/** The repository root (corpus/, prompts/). */
export const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * The real offline app on its own temporary DATA_DIR (index and SQLite store), as `npm start`
 * builds it; `dispose()` closes the store and removes the directory.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<App & { dataDir: string; dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tltd-test-'));
  const app = await createApp(loadConfig({ DATA_DIR: dataDir, ...env }, repoRoot), silentLogger);
  return {
    ...app,
    dataDir,
    async dispose() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
