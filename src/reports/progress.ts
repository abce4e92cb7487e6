import type { PlanModel, Target } from '../plans/model.js';
import { isMet } from '../plans/schema.js';
import type { Qualifier } from './vi-numbers.js';
import { viNumber } from './vi-format.js';

export { viNumber };

/**
 * Figures as people read them, and how far each is from its target. Shared by the chat replies,
 * the chart and the export, so a figure reads the same everywhere.
 */

export interface FigureValue {
  percent?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  approx?: boolean;
  /** Which way an approximate figure leans; absent or null: "khoảng". */
  qualifier?: Qualifier | null;
}

/** How an approximate figure is written: "hơn 80%", "gần 100%", "ít nhất 90%", "khoảng 80%". */
const QUALIFIER_WORD: Record<Qualifier, string> = { over: 'hơn', under: 'gần', atLeast: 'ít nhất', about: 'khoảng' };


/** The percent a figure stands for: given, or x/y × 100 (one decimal). */
export function percentOf(f: FigureValue): number | null {
  if (f.percent !== undefined && f.percent !== null) return f.percent;
  if (f.numerator != null && f.denominator) return Math.round((f.numerator / f.denominator) * 1000) / 10;
  return null;
}

/** "1.234/1.500 (82,3%)", "hơn 80%", "85,5%". */
export function formatFigure(f: FigureValue): string {
  const p = percentOf(f);
  const pct = p === null ? '' : `${viNumber(p, 1)}%`;
  const value = f.numerator != null && f.denominator != null ? `${viNumber(f.numerator, 0)}/${viNumber(f.denominator, 0)} (${pct})` : pct;
  return f.approx ? `${QUALIFIER_WORD[f.qualifier ?? 'about']} ${value}` : value;
}

/** "trên 80%", "từ 100%" or "từ 19" (with the plan's scope when it narrows the target). */
export function formatTarget(t: Target): string {
  const value = t.unit === '%' ? `${viNumber(t.value, 1)}%` : viNumber(t.value, 0);
  return `${t.comparator === '>' ? 'trên' : 'từ'} ${value}${t.scope ? ` (${t.scope})` : ''}`;
}

/**
 * Whether a figure known only from one side meets a target, or null when it cannot be told:
 * "hơn 80%" (some value above 80) meets "trên 80%"; "gần 100%" (below 100) fails "từ 100%";
 * "hơn 70%" against "trên 80%" may go either way. Without a direction ("khoảng"), the number.
 */
export function isMetQualified(target: Pick<Target, 'comparator' | 'value'>, value: number, qualifier: Qualifier | undefined): boolean | null {
  switch (qualifier) {
    case 'over':
      return value >= target.value ? true : null;
    case 'atLeast':
      return isMet(target, value) ? true : null;
    case 'under':
      return value <= target.value ? false : null;
    default:
      return isMet(target, value);
  }
}

/** The value a target is weighed on: the percent, or for a count target the count reached. */
export function valueFor(target: Target | undefined, f: FigureValue): number | null {
  if (target?.unit === 'count') return f.numerator ?? null;
  return percentOf(f);
}

/**
 * Met, not met, or unknown (no target that year, no value, or an approximate value that may fall
 * either side: "hơn 70%" against "trên 80%"). "khoảng 80%" counts as 80.
 */
export function judge(plan: PlanModel, indicatorId: string, period: string, f: FigureValue): { target?: Target; met: boolean | null } {
  const target = plan.targetFor(indicatorId, Number(period));
  const v = valueFor(target, f);
  if (!target || v === null) return { ...(target ? { target } : {}), met: null };
  return { target, met: isMetQualified(target, v, f.approx ? (f.qualifier ?? undefined) : undefined) };
}

/** One line per figure: "• Cán bộ…: 85,5% — chỉ tiêu năm 2025: trên 80% → ✅ đạt". */
export function figureLine(plan: PlanModel, indicatorId: string, period: string, f: FigureValue): string {
  const name = plan.byId(indicatorId)?.name ?? indicatorId;
  const { target, met } = judge(plan, indicatorId, period, f);
  const goal = target ? ` — chỉ tiêu năm ${period}: ${formatTarget(target)}` : ` — năm ${period} không có chỉ tiêu`;
  const unsure = met === null && target !== undefined && valueFor(target, f) !== null;
  const verdict = met === null ? (unsure ? ' → ❔ chưa rõ đạt hay chưa (cần số chính xác)' : '') : met ? ' → ✅ đạt' : ' → ⚠️ chưa đạt';
  return `• ${name}: ${formatFigure(f)}${goal}${verdict}`;
}

/** Indicators that have a target in the period (the ones a unit should report). */
export function indicatorsFor(plan: PlanModel, period: string) {
  return plan.indicatorsFor(Number(period));
}
