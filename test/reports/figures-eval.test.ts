import { seedPlan } from '../fixtures/seed-plan.js';
/**
 * Runs test/eval/figures.jsonl (officer messages with the figures they mean) through the parser:
 * at least 97% exact (figure sets, period, asking back) and every invalid message asks back.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsedExactly as exact, readFigureCases } from '../../src/reports/eval-figures.js';
import { parseFigures } from '../../src/reports/parse-figures.js';

const FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'eval', 'figures.jsonl');
const CASES = readFigureCases(FILE);

describe('figures.jsonl', () => {
  it('is a realistic set: ≥ 70 messages, ≥ 1/3 without diacritics, ≥ 15 that must ask back', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(70);
    const plain = CASES.filter((c) => !/[^\x00-\x7f]/.test(c.message)).length;
    expect(plain * 3).toBeGreaterThanOrEqual(CASES.length);
    expect(CASES.filter((c) => c.needs_clarification).length).toBeGreaterThanOrEqual(15);
    for (const c of CASES) if (c.needs_clarification) expect(c.figures).toEqual([]);
  });

  it('parses ≥ 97% exactly', () => {
    const wrong = CASES.filter((c) => !exact(c, seedPlan)).map((c) => ({ message: c.message, got: parseFigures(c.message, seedPlan), want: c }));
    const rate = 1 - wrong.length / CASES.length;
    expect(rate, JSON.stringify(wrong, null, 1)).toBeGreaterThanOrEqual(0.97);
  });

  it('asks back on every invalid message, with a question', () => {
    for (const c of CASES.filter((x) => x.needs_clarification)) {
      const r = parseFigures(c.message, seedPlan);
      expect(r.needsClarification, c.message).toBe(true);
      expect(r.figures, c.message).toEqual([]);
      expect(r.question, c.message).toMatch(/\S/);
    }
  });
});
