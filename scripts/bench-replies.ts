/**
 * Reply time of the bot's own flows in the embedded default (offline), through the real core:
 * the award lookup (/khenthuong, a card in two taps, a free question straight to its card), the
 * eligibility walk, /moc, /nhiemvu, and a cited answer. Printed by `npm run bench` after the
 * retrieval table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { silentLogger } from '../src/logger.js';

export async function benchReplies(rounds = 200): Promise<{ flow: string; n: number; p50_ms: number; p95_ms: number }[]> {
  const root = path.resolve(import.meta.dirname, '..');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-replies-'));
  const app = await createApp(loadConfig({ DATA_DIR: dataDir }, root), silentLogger);
  const flows: [string, string[]][] = [
    ['/khenthuong → award → subject (3 messages)', ['/khenthuong', '2', '2']],
    ['free question → award card', ['doanh nghiep can gi de duoc bang khen thu tuong']],
    ['eligibility walk (card → check → 2 answers)', ['huan chuong lao dong hang ba can dieu kien gi', '1', '1', '1']],
    ['/moc', ['/moc']],
    ['/nhiemvu Sở Khoa học và Công nghệ', ['/nhiemvu Sở Khoa học và Công nghệ']],
    ['cited answer', ['chi tieu nam 2026 ve nguoi dan xac nhan VNeID']],
  ];
  const rows = [];
  try {
    for (const [flow, messages] of flows) {
      const ms: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const chat = `bench-${flow.length}-${i}`;
        for (const text of messages) {
          const t0 = performance.now();
          await app.handle({ channel: 'console', chatId: chat, userId: chat, text });
          if (i >= 10) ms.push(performance.now() - t0); // after a warm-up
        }
      }
      ms.sort((a, b) => a - b);
      const at = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(ms.length * p))]! * 100) / 100;
      rows.push({ flow, n: ms.length, p50_ms: at(0.5), p95_ms: at(0.95) });
    }
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}
