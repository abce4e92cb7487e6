import { drawText, fontExtents, measureText, type FontWeight } from './chart-font.js';
import { percentLabel } from './vi-format.js';
import { ellipsize, pen, wrapBalanced } from './chart-text.js';
import { layoutHeader } from './chart-header.js';
import { COLORS, FONT, PAD, W } from './chart-style.js';
import { hexRgb, Raster } from './chart-raster.js';
import { indicatorById, INDICATORS, targetFor } from './indicators.js';

/**
 * The /tonghop chart: every unit's latest figure per indicator against the target, as a grouped
 * horizontal bar chart (one group per indicator, one bar per unit) in a PNG about 1000 px wide,
 * sized for a phone screen. `layoutProgressChart` computes every shape and label (pure, testable
 * without decoding pixels); `renderProgressChart` paints that layout.
 */

export interface ProgressChartInput {
  title: string;
  /** The year of the targets ("2025"); used for the subtitle and the target's comparator. */
  period: string;
  units: { name: string }[];
  rows: { unitIndex: number; indicatorId: string; percent: number | null; target: number | null; met: boolean | null }[];
}

/** How a bar is coloured. `noTarget`: a figure with no verdict (no target that year, or an estimate on the wrong side to tell). */
export type BarStatus = 'met' | 'notMet' | 'noData' | 'noTarget';

export type DrawOp =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { kind: 'frame'; x: number; y: number; w: number; h: number; color: string; lineWidth: number }
  /** A dashed vertical line at x from y1 to y2. */
  | { kind: 'dashV'; x: number; y1: number; y2: number; color: string; lineWidth: number; dash: number; gap: number }
  /** A dashed horizontal line at y from x1 to x2 (legend swatch). */
  | { kind: 'dashH'; y: number; x1: number; x2: number; color: string; lineWidth: number; dash: number; gap: number }
  /** Text with its left end at x and baseline at y; `w` is the measured width. */
  | { kind: 'text'; text: string; x: number; y: number; w: number; size: number; weight: FontWeight; color: string; role: TextRole };

export type TextRole = 'title' | 'subtitle' | 'legend' | 'axis' | 'group' | 'target' | 'unit' | 'value' | 'noData';

export interface BarLayout {
  unitIndex: number;
  unitName: string;
  percent: number | null;
  status: BarStatus;
  /** "85,5%", or "chưa báo cáo". */
  label: string;
  /** The bar's rectangle (for noData: the empty outlined track). */
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
}

export interface GroupLayout {
  indicatorId: string;
  /** The indicator's short name, as drawn (possibly on several lines). */
  label: string;
  /** "Chỉ tiêu 80%", "Chỉ tiêu trên 80%", or "Không có chỉ tiêu". */
  targetLabel: string;
  /** x of the dashed target marker, when there is one target for the whole group. */
  targetX: number | null;
  bars: BarLayout[];
}

export interface ChartLayout {
  width: number;
  height: number;
  /** Plot track: x of 0% and of 100%. */
  x0: number;
  x100: number;
  groups: GroupLayout[];
  /** Everything to paint, in paint order. */
  ops: DrawOp[];
}

export { COLORS };

/** Row pitch and bar thickness; tighter with many units, to stay within what chat apps accept. */
const BAR_ROW = 38;
const BAR_H = 26;
const BAR_ROW_COMPACT = 28;
const BAR_H_COMPACT = 20;
const COMPACT_FROM_UNITS = 10;
const GROUP_GAP = 22;

export { percentLabel };

function statusOf(percent: number | null, met: boolean | null): BarStatus {
  if (percent === null) return 'noData';
  if (met === null) return 'noTarget';
  return met ? 'met' : 'notMet';
}

const STATUS_COLOR: Record<BarStatus, string> = {
  met: COLORS.met,
  notMet: COLORS.notMet,
  noData: COLORS.noDataLine,
  noTarget: COLORS.noTarget,
};

/** Computes the chart's geometry and labels. Loads the fonts on first use (to measure text). */
export function layoutProgressChart(input: ProgressChartInput): ChartLayout {
  const ops: DrawOp[] = [];
  const compact = input.units.length > COMPACT_FROM_UNITS;
  const rowPitch = compact ? BAR_ROW_COMPACT : BAR_ROW;
  const barH = compact ? BAR_H_COMPACT : BAR_H;
  const text = pen(ops);
  const asc = (size: number) => fontExtents(size).ascent;

  const indicatorIds = orderedIndicators(input);
  const unitCount = input.units.length;
  let y = layoutHeader(input, indicatorIds, ops, text);

  // Horizontal geometry: unit names on the left, the 0–100% track, room for "100%" after it.
  const unitNames = input.units.map((u) => u.name.normalize('NFC'));
  const nameW = Math.min(280, Math.max(110, ...unitNames.map((n) => measureText(n, FONT.unit))));
  const x0 = Math.round(PAD + nameW + 14);
  const valueReserve = Math.ceil(measureText('100,0%', FONT.value, 'bold')) + 14;
  const x100 = Math.round(W - PAD - valueReserve);
  const xOf = (p: number) => x0 + ((x100 - x0) * Math.min(100, Math.max(0, p))) / 100;
  const ticks = [0, 25, 50, 75, 100];
  const axisLabels = (yBase: number) => {
    for (const t of ticks) text(`${t}%`, xOf(t), yBase, FONT.axis, COLORS.muted, 'axis', { align: t === 0 ? 'left' : 'center' });
  };

  axisLabels(y + asc(FONT.axis) * 0.85);
  y += FONT.axis * 1.3 + 6;

  const groups: GroupLayout[] = [];
  indicatorIds.forEach((id, gi) => {
    const ind = indicatorById(id);
    const groupRows = input.rows.filter((r) => r.indicatorId === id);
    const targets = [...new Set(groupRows.map((r) => r.target).filter((t): t is number => t !== null))].sort((a, b) => a - b);
    let targetLabel: string;
    if (targets.length === 0) targetLabel = 'Không có chỉ tiêu';
    else if (targets.length === 1) {
      const planned = targetFor(id, Number(input.period));
      const over = planned && planned.percent === targets[0] && planned.comparator === '>';
      targetLabel = `Chỉ tiêu ${over ? 'trên ' : ''}${percentLabel(targets[0]!)}`;
    } else targetLabel = `Chỉ tiêu ${percentLabel(targets[0]!)}–${percentLabel(targets[targets.length - 1]!)}`;

    if (gi > 0) {
      ops.push({ kind: 'rect', x: PAD, y: y - GROUP_GAP / 2 - 1, w: W - 2 * PAD, h: 1, fill: COLORS.separator });
    }

    // Header: indicator name (wrapped) on the left, target on the right.
    const targetW = measureText(targetLabel, FONT.target, 'bold');
    const label = ind?.shortName ?? id;
    const lines = wrapBalanced(label, FONT.group, 'bold', W - 2 * PAD - targetW - 24);
    const headerTop = y;
    lines.forEach((line, li) => {
      text(line, PAD, headerTop + asc(FONT.group) * 0.85 + li * FONT.group * 1.3, FONT.group, COLORS.text, 'group', { weight: 'bold' });
    });
    text(targetLabel, W - PAD, headerTop + asc(FONT.group) * 0.85, FONT.target, targets.length ? COLORS.target : COLORS.muted, 'target', {
      weight: 'bold',
      align: 'right',
    });
    y += lines.length * FONT.group * 1.3 + 8;

    // Gridlines behind this group's bars.
    const barsTop = y;
    const barsBottom = y + unitCount * rowPitch;
    for (const t of ticks) {
      const gx = Math.round(xOf(t));
      ops.push({ kind: 'rect', x: t === 0 ? gx - 1 : gx, y: barsTop, w: t === 0 ? 2 : 1, h: barsBottom - barsTop, fill: t === 0 ? COLORS.axis : COLORS.grid });
    }

    const bars: BarLayout[] = [];
    const labelOps: DrawOp[] = [];
    const valueTexts: { op: DrawOp & { kind: 'text' }; bar: BarLayout }[] = [];
    input.units.forEach((_, ui) => {
      const row = groupRows.find((r) => r.unitIndex === ui);
      const percent = row?.percent ?? null;
      const status = statusOf(percent, row?.met ?? null);
      const rowTop = barsTop + ui * rowPitch;
      const by = Math.round(rowTop + (rowPitch - barH) / 2);
      const mid = by + barH / 2;
      const name = ellipsize(unitNames[ui] ?? '', FONT.unit, 'regular', nameW);
      text(name, x0 - 14, mid + asc(FONT.unit) * 0.38, FONT.unit, COLORS.text, 'unit', { align: 'right' });
      if (percent === null) {
        const bar: BarLayout = { unitIndex: ui, unitName: name, percent, status, label: 'chưa báo cáo', x: x0, y: by, w: x100 - x0, h: barH, color: COLORS.noDataLine };
        ops.push({ kind: 'rect', x: x0, y: by, w: x100 - x0, h: barH, fill: COLORS.noDataFill });
        ops.push({ kind: 'frame', x: x0, y: by, w: x100 - x0, h: barH, color: COLORS.noDataLine, lineWidth: 2 });
        labelOps.push(textOp('chưa báo cáo', x0 + 12, mid + asc(FONT.value) * 0.38, FONT.value, COLORS.noDataText, 'noData', 'regular'));
        bars.push(bar);
        return;
      }
      const end = Math.round(xOf(percent));
      const color = STATUS_COLOR[status];
      const bar: BarLayout = { unitIndex: ui, unitName: name, percent, status, label: percentLabel(percent), x: x0, y: by, w: end - x0, h: barH, color };
      if (end > x0) ops.push({ kind: 'rect', x: x0, y: by, w: end - x0, h: barH, fill: color });
      const op = textOp(bar.label, end + 8, mid + asc(FONT.value) * 0.38, FONT.value, COLORS.text, 'value', 'bold');
      valueTexts.push({ op, bar });
      bars.push(bar);
    });

    // Target marker: one dashed line across the group, or one per bar when units differ.
    let targetX: number | null = null;
    if (targets.length === 1) {
      targetX = Math.round(xOf(targets[0]!));
      ops.push({ kind: 'dashV', x: targetX, y1: barsTop - 2, y2: barsBottom + 2, color: COLORS.target, lineWidth: 3, dash: 8, gap: 5 });
    } else if (targets.length > 1) {
      input.units.forEach((_, ui) => {
        const t = groupRows.find((r) => r.unitIndex === ui)?.target;
        if (t == null) return;
        const rowTop = barsTop + ui * rowPitch;
        ops.push({ kind: 'dashV', x: Math.round(xOf(t)), y1: rowTop + 2, y2: rowTop + rowPitch - 2, color: COLORS.target, lineWidth: 3, dash: 8, gap: 5 });
      });
    }

    // Value labels after the bar end; inside the bar (white) when the target marker is in the way.
    for (const { op, bar } of valueTexts) {
      const rowTarget = groupRows.find((r) => r.unitIndex === bar.unitIndex)?.target ?? null;
      const tx = rowTarget === null ? null : xOf(rowTarget);
      const hits = tx !== null && op.x - 4 <= tx + 2 && op.x + op.w + 4 >= tx - 2;
      if (hits && bar.w >= op.w + 16) {
        op.x = bar.x + bar.w - op.w - 8;
        op.color = COLORS.onBar;
      } else if (hits && tx !== null) {
        op.x = tx + 8; // short bar just before the marker: put the label past the marker
      }
      labelOps.push(op);
    }
    ops.push(...labelOps);

    groups.push({ indicatorId: id, label, targetLabel, targetX, bars });
    y = barsBottom + GROUP_GAP;
  });

  y -= GROUP_GAP;
  y += 8;
  axisLabels(y + asc(FONT.axis) * 0.85);
  y += FONT.axis * 1.3 + PAD - 8;

  return { width: W, height: Math.ceil(y), x0, x100, groups, ops };
}

function textOp(text: string, x: number, y: number, size: number, color: string, role: TextRole, weight: FontWeight): DrawOp & { kind: 'text' } {
  const t = text.normalize('NFC');
  return { kind: 'text', text: t, x, y, w: measureText(t, size, weight), size, weight, color, role };
}

/** Indicators present in the rows, in the plan's order (unknown ids last, as given). */
function orderedIndicators(input: ProgressChartInput): string[] {
  const present = new Set(input.rows.map((r) => r.indicatorId));
  const known = INDICATORS.map((i) => i.id as string).filter((id) => present.has(id));
  const unknown = [...present].filter((id) => !indicatorById(id));
  return [...known, ...unknown];
}

/** Paints a layout into an RGB raster. */
export function paintLayout(layout: ChartLayout): Raster {
  const r = new Raster(layout.width, layout.height, hexRgb(COLORS.background));
  for (const op of layout.ops) {
    switch (op.kind) {
      case 'rect':
        r.fillRect(op.x, op.y, op.w, op.h, hexRgb(op.fill));
        break;
      case 'frame':
        r.strokeRect(op.x, op.y, op.w, op.h, hexRgb(op.color), op.lineWidth);
        break;
      case 'dashV': {
        const c = hexRgb(op.color);
        const x = Math.round(op.x - op.lineWidth / 2);
        for (let y = op.y1; y < op.y2; y += op.dash + op.gap) r.fillRect(x, y, op.lineWidth, Math.min(op.dash, op.y2 - y), c);
        break;
      }
      case 'dashH': {
        const c = hexRgb(op.color);
        const y = Math.round(op.y - op.lineWidth / 2);
        for (let x = op.x1; x < op.x2; x += op.dash + op.gap) r.fillRect(x, y, Math.min(op.dash, op.x2 - x), op.lineWidth, c);
        break;
      }
      case 'text':
        drawText(r, op.text, op.x, op.y, op.size, hexRgb(op.color), op.weight);
        break;
    }
  }
  return r;
}

/** Loads the chart fonts now (about 0.1 s), so that the first /tonghop does not wait for them. */
export function preloadChartFonts(): void {
  measureText('Đạt', FONT.value, 'regular');
  measureText('Đạt', FONT.value, 'bold');
}

/** The chart as a PNG: white background, about 1000 px wide, height growing with the data. */
export async function renderProgressChart(input: ProgressChartInput): Promise<Uint8Array> {
  return paintLayout(layoutProgressChart(input)).toPng();
}
