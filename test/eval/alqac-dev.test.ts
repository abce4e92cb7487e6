/**
 * Validates our own ALQAC tuning questions (test/eval/alqac-dev.jsonl, `npm run bench -- --dev`):
 * well-formed lines and the mix the file promises. When the benchmark is beside the checkout
 * (../shared/benchmarks/alqac2023, or BENCH_DIR), every relevant article must exist in it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FILE = path.join(ROOT, 'test/eval/alqac-dev.jsonl');
const BENCH = process.env.BENCH_DIR ?? path.resolve(ROOT, '../shared/benchmarks/alqac2023');

interface DevQuestion {
  id: string;
  text: string;
  relevant: string[];
}

const lines = readFileSync(FILE, 'utf8').split('\n').filter(Boolean);
const questions = lines.map((l) => JSON.parse(l) as DevQuestion);

describe('test/eval/alqac-dev.jsonl', () => {
  it('has 153 questions with unique ids, Vietnamese text and law-article references', () => {
    expect(questions).toHaveLength(153);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const q of questions) {
      expect(q.text.split(/\s+/).length, q.id).toBeGreaterThanOrEqual(8);
      expect(q.text, q.id).toMatch(/[ăâđêôơưạảãáàẹẻẽéèịỉĩíìọỏõóòụủũúùỵỷỹýỳ]/u);
      expect(q.relevant.length, q.id).toBeGreaterThan(0);
      for (const id of q.relevant) expect(id, q.id).toMatch(/^\S.*@\d+$/u);
    }
  });

  it('covers all 17 laws, with questions that need two articles', () => {
    const laws = new Set(questions.flatMap((q) => q.relevant.map((id) => id.split('@')[0])));
    expect(laws.size).toBe(17);
    expect(questions.filter((q) => q.relevant.length === 2).length).toBe(17);
  });

  it.runIf(existsSync(path.join(BENCH, 'corpus.jsonl')))('names only articles of the benchmark corpus', () => {
    const ids = new Set(
      readFileSync(path.join(BENCH, 'corpus.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { id: string }).id),
    );
    const missing = questions.flatMap((q) => q.relevant.filter((id) => !ids.has(id)));
    expect(missing).toEqual([]);
  });
});
