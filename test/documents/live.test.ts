import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/index.js';
import { createLiveKnowledge } from '../../src/knowledge/live.js';
import { repoRoot } from '../helpers/app.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tltd-live-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const corpusDir = path.join(repoRoot, 'corpus');

describe('createLiveKnowledge', () => {
  it('answers every question during rebuilds, from a whole index, and swaps in the new one', async () => {
    let builds = 0;
    let fail = false;
    const live = await createLiveKnowledge(async () => {
      builds++;
      if (fail) throw new Error('hỏng chỉ mục');
      return createKnowledge({ corpusDir, dataDir });
    });
    const first = live.current();
    const questions = ['Mục tiêu của phong trào Bình dân học vụ số là gì?', 'chi tieu nam 2025 ve ky nang so', 'UBND phường có nhiệm vụ gì?'];
    // Questions keep coming while two rebuilds run; none may fail or see a half-built index.
    const asked: Promise<unknown>[] = [];
    const rebuilds = [live.rebuild(), live.rebuild(), live.rebuild()];
    for (let i = 0; i < 30; i++) asked.push(live.ask(questions[i % questions.length]!));
    const answers = await Promise.all(asked);
    expect(answers.every((a) => typeof (a as { answer: string }).answer === 'string')).toBe(true);
    const results = await Promise.all(rebuilds);
    expect(results.every((r) => r.ok)).toBe(true);
    // The second and third requests are merged into one build after the first.
    expect(builds).toBe(3);
    expect(live.current()).not.toBe(first);
    expect(live.docs.length).toBe(first.docs.length);

    fail = true;
    const serving = live.current();
    const r = await live.rebuild();
    expect(r).toEqual({ ok: false, error: 'hỏng chỉ mục' });
    expect(live.current()).toBe(serving);
    expect((await live.ask(questions[0]!)).answer.length).toBeGreaterThan(0);
  }, 60_000);
});
