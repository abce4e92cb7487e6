import type { PlanModel } from '../plans/model.js';
import { readFileSync } from 'node:fs';
import { lacksDiacritics } from '../knowledge/ingest/normalize.js';
import { parseFigures, type Figure } from './parse-figures.js';

/** One labelled officer message (test/eval/figures.jsonl). */
export interface FigureCase {
  message: string;
  figures: Figure[];
  period: '2025' | '2026' | null;
  needs_clarification: boolean;
}

export function readFigureCases(file: string): FigureCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as FigureCase);
}

/** A figure as a comparable key: absent fields and approx=false are the same. */
const key = (f: Figure) => JSON.stringify([f.indicator, f.percent ?? null, f.numerator ?? null, f.denominator ?? null, f.approx === true]);

/** Parsed exactly: the same set of figures, the same period, the same decision to ask back. */
export function parsedExactly(c: FigureCase, plan: PlanModel): boolean {
  const r = parseFigures(c.message, plan);
  const same = r.figures.length === c.figures.length && r.figures.map(key).sort().join() === c.figures.map(key).sort().join();
  return same && r.period === c.period && r.needsClarification === c.needs_clarification;
}

/** Exact share overall and without diacritics, and the share of invalid messages that ask back. */
export function scoreFigures(cases: FigureCase[], plan: PlanModel) {
  const share = (xs: FigureCase[], f: (c: FigureCase) => boolean) => (xs.length ? xs.filter(f).length / xs.length : 0);
  const invalid = cases.filter((c) => c.needs_clarification);
  const plain = cases.filter((c) => lacksDiacritics(c.message));
  return {
    messages: cases.length,
    exact: share(cases, (c) => parsedExactly(c, plan)),
    exact_without_diacritics: share(plain, (c) => parsedExactly(c, plan)),
    without_diacritics: plain.length,
    invalid: invalid.length,
    asks_back: share(invalid, (c) => parseFigures(c.message, plan).needsClarification),
  };
}
