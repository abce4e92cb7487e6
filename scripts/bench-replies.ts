/**
 * Reply time of the bot's own flows in the embedded default (offline), through the real core:
 * the award lookup (/khenthuong, a card in two taps, a free question straight to its card), the
 * eligibility walk, /moc, /nhiemvu, and a cited answer; and the parsing of an officer's figures.
 * Printed by `npm run bench` after the retrieval table. (Speed is measured here, not in unit tests.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { silentLogger } from '../src/logger.js';
import { parseFigures } from '../src/reports/parse-figures.js';
import type { PlanModel } from '../src/plans/model.js';

const OFFICER_MESSAGES = [
  'Năm 2025: 85,5% CBCCVC có kỹ năng số; 1.234/1.500 người dân đã xác nhận trên VNeID',
  'e gui so lieu: CBCCVC 100% , HS 100% , ND 80% , VNeID 70% , DN 60% , truong 85%',
  'năm ngoái hơn 1,2 nghìn/1,5 nghìn người dân có kỹ năng số',
];

/** The rule-based reading of an officer's message alone (the draft's first step). */
function timeParse(rounds: number, plan: PlanModel): { flow: string; n: number; p50_ms: number; p95_ms: number } {
  const ms: number[] = [];
  for (let i = 0; i < rounds + 10; i++) {
    for (const m of OFFICER_MESSAGES) {
      const t0 = performance.now();
      parseFigures(m, plan);
      if (i >= 10) ms.push(performance.now() - t0);
    }
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(ms.length * p))]! * 100) / 100;
  return { flow: "parse an officer's figures (rules)", n: ms.length, p50_ms: at(0.5), p95_ms: at(0.95) };
}

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
    // The per-message cost of finding the sender's unit plan (cached; the store is asked again only when it changed).
    const units = (await app.reports.listUnits()).map((u) => u.id);
    const planMs: number[] = [];
    for (let i = 0; i < rounds * 10; i++) {
      const t0 = performance.now();
      await app.plans.forUnit(units[i % units.length]!);
      if (i >= 10) planMs.push(performance.now() - t0);
    }
    planMs.sort((a, b) => a - b);
    const pat = (p: number) => Math.round(planMs[Math.min(planMs.length - 1, Math.floor(planMs.length * p))]! * 1000) / 1000;
    rows.push({ flow: 'read the unit plan (per message)', n: planMs.length, p50_ms: pat(0.5), p95_ms: pat(0.95) });
    const plan = await app.plans.fallback();
    if (!plan) throw new Error('no approved plan: the seed did not load');
    rows.push(timeParse(rounds, plan));
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}
