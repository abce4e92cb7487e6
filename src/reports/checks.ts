/**
 * Checks on figures once their indicator is known: what makes a figure unrecordable (percent over
 * 100, x > y, zero total, a count without total, ratio and percent that disagree) and what makes
 * two figures of one indicator a conflict. Every failure becomes a `Problem` to ask back about.
 */
type IndicatorId = string;
import { viNumber, type Problem } from './questions.js';
import type { Qualifier, Quantity } from './vi-numbers.js';

/**
 * One reported figure. `approx` is present (true) only for "hơn/khoảng/gần … %", and then
 * `qualifier` says which way ("hơn 80%" is over 80, "gần 80%" under it).
 */
export interface Figure {
  indicator: string;
  percent?: number;
  numerator?: number;
  denominator?: number;
  approx?: boolean;
  qualifier?: Qualifier;
}

/** A figure as the officer would write it: "1.234/1.500 (82,3%)", "85%". */
export function valueText(q: Quantity): string {
  const ratio = q.numerator !== undefined ? `${viNumber(q.numerator)}/${viNumber(q.denominator ?? 0)}` : '';
  const pct = q.percent !== undefined ? `${viNumber(q.percent)}%` : '';
  return [ratio, pct].filter(Boolean).join(' (') + (ratio && pct ? ')' : '') || viNumber(q.count ?? 0);
}

/** Checks one figure; pushes the problem and returns null when it cannot be recorded. */
export function toFigure(indicator: IndicatorId, q: Quantity, rate: boolean, problems: Problem[]): Figure | null {
  let percent = q.percent;
  if (q.count !== undefined) {
    // "Tỷ lệ CBCCVC có kỹ năng số: 85": a rate without "%" is still a percent.
    if (rate && !q.total && q.count <= 100) percent = q.count;
    else return problems.push({ kind: 'incomplete', indicator, count: q.count }), null;
  }
  const { numerator: n, denominator: d } = q;
  if (percent !== undefined && percent > 100) return problems.push({ kind: 'percentOver100', indicator, percent }), null;
  if (n !== undefined && d === undefined && percent === undefined) return problems.push({ kind: 'incomplete', indicator, count: n }), null;
  if (n !== undefined && d !== undefined) {
    if (d === 0) return problems.push({ kind: 'zeroDenominator', indicator, numerator: n }), null;
    if (n > d) return problems.push({ kind: 'numeratorOverDenominator', indicator, numerator: n, denominator: d }), null;
    if (percent !== undefined && !q.approx && Math.abs((n / d) * 100 - percent) > 1) {
      return problems.push({ kind: 'mismatch', indicator, percent, numerator: n, denominator: d }), null;
    }
  }
  const fig: Figure = { indicator };
  if (percent !== undefined) fig.percent = percent;
  if (n !== undefined) fig.numerator = n;
  if (d !== undefined) fig.denominator = d;
  if (q.approx) fig.approx = true;
  if (q.approx && q.qualifier) fig.qualifier = q.qualifier;
  return fig;
}

/** One figure per indicator: repeats of the same value collapse, different values ask back. */
export function dedupe(figures: Figure[], problems: Problem[]): Figure[] {
  const byId = new Map<string, Figure[]>();
  for (const f of figures) byId.set(f.indicator, [...(byId.get(f.indicator) ?? []), f]);
  const out: Figure[] = [];
  for (const [id, all] of byId) {
    const fs = mergeHalves(id as IndicatorId, all, problems);
    if (fs.length === 0) continue;
    const shown = [...new Set(fs.map((f) => valueText({ ...f, start: 0, end: 0, approx: false })))];
    if (shown.length > 1) problems.push({ kind: 'conflict', indicator: id as IndicatorId, values: shown });
    else out.push(fs[0]!);
  }
  return out;
}

/** "14/16 trường, đạt 87,5%": a ratio and its percent written apart are one figure if they agree. */
function mergeHalves(indicator: IndicatorId, fs: Figure[], problems: Problem[]): Figure[] {
  if (fs.length !== 2) return fs;
  const joined = joinHalves(indicator, fs[0]!, fs[1]!, 1, problems);
  return joined === undefined ? fs : joined === null ? [] : [joined];
}

/**
 * One figure from a ratio and a percent written apart (either order), when they agree within
 * `tolerance` points (1 point when either is approximate). Undefined when `a` and `b` are not
 * such halves; null, with a 'mismatch' problem, when they disagree.
 */
export function joinHalves(indicator: IndicatorId, a: Figure, b: Figure, tolerance: number, problems: Problem[]): Figure | null | undefined {
  const isPct = (f: Figure) => f.percent !== undefined && f.numerator === undefined;
  const isRatio = (f: Figure) => f.percent === undefined && f.denominator !== undefined;
  const [p, r] = isPct(a) && isRatio(b) ? [a, b] : isPct(b) && isRatio(a) ? [b, a] : [];
  if (!p || !r) return undefined;
  const { numerator: n, denominator: d } = r as Required<Pick<Figure, 'numerator' | 'denominator'>>;
  const approx = p.approx || r.approx;
  // mergeHalves (tolerance 1) skipped the check for approximate figures; keep that there.
  const limit = approx ? (tolerance >= 1 ? Infinity : 1) : tolerance;
  if (Math.abs((n / d) * 100 - p.percent!) > limit + 1e-9) {
    problems.push({ kind: 'mismatch', indicator, percent: p.percent!, numerator: n, denominator: d });
    return null;
  }
  const merged: Figure = { indicator, percent: p.percent!, numerator: n, denominator: d };
  if (approx) merged.approx = true;
  const qualifier = p.qualifier ?? r.qualifier;
  if (approx && qualifier) merged.qualifier = qualifier;
  return merged;
}
