import { indicatorById, INDICATORS, isMetQualified, targetFor, type Target } from './indicators.js';
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

/** "> 80%" or "≥ 100%" (with the plan's scope when it narrows the target). */
export function formatTarget(t: Target): string {
  return `${t.comparator === '>' ? 'trên' : 'từ'} ${viNumber(t.percent, 1)}%${t.scope ? ` (${t.scope})` : ''}`;
}

/**
 * Met, not met, or unknown (no target that year, no value, or an approximate value that may fall
 * either side: "hơn 70%" against "trên 80%"). "khoảng 80%" counts as 80.
 */
export function judge(indicatorId: string, period: string, f: FigureValue): { target?: Target; met: boolean | null } {
  const target = targetFor(indicatorId, Number(period));
  const p = percentOf(f);
  if (!target || p === null) return { ...(target ? { target } : {}), met: null };
  return { target, met: isMetQualified(target, p, f.approx ? (f.qualifier ?? undefined) : undefined) };
}

/** One line per figure: "• Cán bộ…: 85,5% — chỉ tiêu năm 2025: trên 80% → ✅ đạt". */
export function figureLine(indicatorId: string, period: string, f: FigureValue): string {
  const name = indicatorById(indicatorId)?.name ?? indicatorId;
  const { target, met } = judge(indicatorId, period, f);
  const goal = target ? ` — chỉ tiêu năm ${period}: ${formatTarget(target)}` : ` — năm ${period} không có chỉ tiêu`;
  const unsure = met === null && target !== undefined && percentOf(f) !== null;
  const verdict = met === null ? (unsure ? ' → ❔ chưa rõ đạt hay chưa (cần số chính xác)' : '') : met ? ' → ✅ đạt' : ' → ⚠️ chưa đạt';
  return `• ${name}: ${formatFigure(f)}${goal}${verdict}`;
}

/** Indicators that have a target in the period (the ones a unit should report). */
export function indicatorsFor(period: string) {
  return INDICATORS.filter((i) => targetFor(i.id, Number(period)));
}
