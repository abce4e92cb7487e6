import type { TopLevelSpec } from 'vega-lite';
import { renderAsync } from '@resvg/resvg-js';
import { COLORS, FONT, PAD, STATUS, W, type BarStatus } from './chart-style.js';
import { chartFontFiles, ellipsize, FONT_FAMILY, loadMeasureFonts, measureText, vegaTextWidth, wrapBalanced, wrapLines } from './chart-text.js';
import { percentLabel } from './vi-format.js';

/**
 * The /tonghop chart: every unit's latest figure per indicator against its target, as grouped
 * horizontal bars (one block per indicator, one bar per unit), about 1000 px wide for a phone.
 * `progressChartSpec` writes it as a Vega-Lite spec (one spec for the web page and the chat photo);
 * vega lays it out server-side into SVG, and resvg draws the PNG with the DejaVu fonts of the
 * dejavu-fonts-ttf package. Nothing is fetched: the data is inline and no system font is used.
 */

export interface ProgressChartInput {
  title: string;
  /** The year of the figures ("2025"). */
  period: string;
  units: { name: string }[];
  /** Indicator groups in display order (units may follow different plans, so targets live on rows). */
  indicators: { id: string; shortName: string }[];
  rows: { unitIndex: number; indicatorId: string; percent: number | null; target: number | null; comparator: '>' | '>=' | null; met: boolean | null }[];
}

export { COLORS, STATUS, percentLabel, type BarStatus };

/** One bar of the chart: a row of the spec's data. */
export interface ChartDatum {
  /** Index of the indicator block. */
  g: number;
  /** Unit index, as a string (the y band). */
  u: string;
  /** The unit's name as drawn (NFC, shortened with "…" when too long). */
  unit: string;
  status: BarStatus;
  /** The legend's wording for the status (the colour scale's value). */
  legend: string;
  /** The figure, null when not reported. */
  percent: number | null;
  /** Where the bar ends, 0–100 (an empty track to 100 when not reported). */
  end: number;
  /** "85,5%", or "chưa báo cáo". */
  label: string;
  /** Where the label goes: after the bar, inside its end (white), or in the empty track. */
  labelAt: 'after' | 'inside' | 'track';
  /** The label's anchor on the 0–100 scale (beyond 100 for a label after a full bar). */
  lx: number;
  target: number | null;
  /** Where the target marker is drawn, 0–100 (a target over 100% at the track's end). */
  targetAt: number | null;
  /** "Chỉ tiêu 80%" beside this bar, when the units of this block have different targets. */
  targetLabel: string | null;
  /** What a screen reader says for the bar: "Phường Hồng An: 85,5% (Đạt; Chỉ tiêu 80%)". */
  description: string;
}

export interface ChartGroup {
  indicatorId: string;
  /** The indicator's short name as drawn, one string per line. */
  lines: string[];
  /** "Chỉ tiêu 80%", "Chỉ tiêu trên 80%", "Chưa có chỉ tiêu", or "Chỉ tiêu theo từng đơn vị". */
  targetLabel: string;
}

/** Everything the spec is made of, computed from the input (pure; measures text in the chart font). */
export interface ChartModel {
  width: number;
  titleLines: string[];
  titleSize: number;
  subtitle: string;
  groups: ChartGroup[];
  data: ChartDatum[];
  statuses: BarStatus[];
  /** Geometry inside the plot area: left edge of the 0–100 track, its right edge, the area's width. */
  x0: number;
  x100: number;
  viewWidth: number;
  rowPitch: number;
  barHeight: number;
  /** Columns of the status legend: all in one row when they fit beside the target's entry. */
  legendColumns: number;
}

const BAR_ROW = 38;
const BAR_H = 26;
const BAR_ROW_COMPACT = 28;
const BAR_H_COMPACT = 20;
const COMPACT_FROM_UNITS = 10;
const GROUP_GAP = 26;
const NAME_GAP = 14;
const LABEL_GAP = 8;
const TARGET_STROKE = 3;
const TARGET_LEGEND = 'Chỉ tiêu';
const LEGEND_SYMBOL = 19;
const LEGEND_GAP = 26;
const LEGEND_LABEL_OFFSET = 8;

function statusOf(percent: number | null, target: number | null, met: boolean | null): BarStatus {
  if (percent === null) return 'noData';
  if (met !== null) return met ? 'met' : 'notMet';
  return target === null ? 'noTarget' : 'unsure';
}

function targetText(target: number, comparator: '>' | '>=' | null): string {
  return `Chỉ tiêu ${comparator === '>' ? 'trên ' : ''}${percentLabel(target)}`;
}

const nfc = (s: string) => s.normalize('NFC');
const clamp = (p: number) => Math.min(100, Math.max(0, p));

/** Lays the chart out: wrapped and shortened labels, label positions, the groups' target wording. */
export function chartModel(input: ProgressChartInput): ChartModel {
  const viewWidth = W - 2 * PAD;
  const unitCount = input.units.length;
  const compact = unitCount > COMPACT_FROM_UNITS;
  const rowPitch = compact ? BAR_ROW_COMPACT : BAR_ROW;
  const barHeight = compact ? BAR_H_COMPACT : BAR_H;

  // Indicator blocks: those given, in order, then any row's indicator not among them.
  const given = input.indicators.map((i) => ({ id: i.id, name: nfc(i.shortName || i.id) }));
  const extra = [...new Set(input.rows.map((r) => r.indicatorId))].filter((id) => !given.some((g) => g.id === id)).map((id) => ({ id, name: id }));
  const indicators = [...given, ...extra];
  const rows = input.rows.filter((r) => r.unitIndex >= 0 && r.unitIndex < unitCount);
  const rowOf = (id: string, ui: number) => rows.find((r) => r.indicatorId === id && r.unitIndex === ui);

  // Per block: one target for all its units (said once under the name), or one beside each bar.
  const blockTargets = indicators.map(({ id }) => {
    const mine = rows.filter((r) => r.indicatorId === id);
    const kinds = [...new Set(mine.filter((r) => r.target !== null).map((r) => `${r.comparator ?? '>='}|${r.target}`))];
    const someWithout = mine.some((r) => r.target === null);
    if (kinds.length === 0) return { label: STATUS.noTarget, perBar: false };
    const first = mine.find((r) => r.target !== null)!;
    if (kinds.length === 1 && !someWithout) return { label: targetText(first.target!, first.comparator), perBar: false };
    return { label: 'Chỉ tiêu theo từng đơn vị', perBar: true };
  });
  const perBarLabels = indicators.flatMap(({ id }, gi) =>
    blockTargets[gi]!.perBar ? rows.filter((r) => r.indicatorId === id).map((r) => (r.target === null ? STATUS.noTarget : targetText(r.target, r.comparator))) : [],
  );
  const targetColumn = perBarLabels.length ? Math.ceil(Math.max(...perBarLabels.map((l) => measureText(l, FONT.target)))) + 16 : 0;

  // Horizontal geometry: unit names, the 0–100% track, room for "100%" after it, per-bar targets.
  const unitNames = input.units.map((u) => nfc(u.name));
  const nameW = Math.ceil(Math.min(280, Math.max(110, ...unitNames.map((n) => measureText(n, FONT.unit)))));
  const shownNames = unitNames.map((n) => ellipsize(n, FONT.unit, 'regular', nameW));
  const x0 = nameW + NAME_GAP;
  const valueReserve = Math.ceil(measureText('100,0%', FONT.value, 'bold')) + LABEL_GAP + 6;
  const x100 = viewWidth - valueReserve - targetColumn;
  const px = (p: number) => x0 + ((x100 - x0) * p) / 100;
  const fromPx = (x: number) => ((x - x0) / (x100 - x0)) * 100;

  const data: ChartDatum[] = [];
  indicators.forEach(({ id }, gi) => {
    input.units.forEach((_, ui) => {
      const row = rowOf(id, ui);
      const percent = row?.percent ?? null;
      const target = row?.target ?? null;
      const status = statusOf(percent, target, row?.met ?? null);
      const targetLabel = blockTargets[gi]!.perBar && row ? (target === null ? STATUS.noTarget : targetText(target, row.comparator)) : null;
      const said = [STATUS[status], ...(target !== null ? [targetText(target, row?.comparator ?? null)] : [])].join('; ');
      const description = `${unitNames[ui]}: ${percent === null ? 'chưa báo cáo' : percentLabel(percent)} (${said})`;
      const targetAt = target === null ? null : clamp(target);
      const base = { g: gi, u: String(ui), unit: shownNames[ui]!, status, legend: STATUS[status], percent, target, targetAt, targetLabel, description };
      if (percent === null) {
        data.push({ ...base, end: 100, label: 'chưa báo cáo', labelAt: 'track', lx: fromPx(x0 + 12) });
        return;
      }
      const end = clamp(percent);
      const label = percentLabel(percent);
      const w = measureText(label, FONT.value, 'bold');
      const endX = px(end);
      let x = endX + LABEL_GAP;
      let labelAt: ChartDatum['labelAt'] = 'after';
      // Keep the figure off the target marker: inside the bar's end if it fits, else past the marker.
      if (targetAt !== null) {
        const tx = px(targetAt);
        const reach = TARGET_STROKE / 2 + 2;
        if (x - 2 <= tx + reach && x + w + 2 >= tx - reach) {
          if (endX - x0 >= w + 2 * LABEL_GAP && tx < endX - w - LABEL_GAP - reach) {
            x = endX - LABEL_GAP;
            labelAt = 'inside';
          } else x = tx + reach + LABEL_GAP;
        }
      }
      data.push({ ...base, end, label, labelAt, lx: fromPx(x) });
    });
  });

  // Title: on one line if a slightly smaller size allows, else on balanced lines.
  const title = nfc(input.title);
  const fitting = [FONT.title, FONT.title - 2, FONT.title - 4, FONT.title - 6].find((s) => measureText(title, s, 'bold') <= viewWidth);
  const titleSize = fitting ?? FONT.title - 4;
  const titleLines = fitting ? [title] : wrapBalanced(title, titleSize, 'bold', viewWidth).map((l) => ellipsize(l, titleSize, 'bold', viewWidth));

  const reported = rows.filter((r) => r.percent !== null && indicators.some((i) => i.id === r.indicatorId)).length;
  const judged = rows.filter((r) => r.percent !== null && r.met !== null);
  const subtitle = [
    /^\d{4}$/.test(input.period) ? `Năm ${input.period}` : input.period,
    `${unitCount} đơn vị`,
    `${reported}/${unitCount * indicators.length} số liệu đã báo cáo`,
    ...(judged.length ? [`${judged.filter((r) => r.met).length}/${judged.length} đạt chỉ tiêu`] : []),
  ].join(' · ');

  const statuses: BarStatus[] = ['met', 'notMet', 'noTarget', ...(data.some((d) => d.status === 'unsure') ? (['unsure'] as const) : []), 'noData'];
  // The legend on one row if it fits, else in as many columns as fit (the target's entry beside it).
  const entryW = (label: string) => LEGEND_SYMBOL + LEGEND_LABEL_OFFSET + measureText(label, FONT.legend);
  const targetEntry = data.some((d) => d.target !== null) ? entryW(TARGET_LEGEND) + LEGEND_GAP : 0;
  const entries = statuses.map((s) => entryW(STATUS[s]));
  const gridWidth = (cols: number) => {
    const widths = Array.from({ length: cols }, (_, c) => Math.max(...entries.filter((_, i) => i % cols === c)));
    return widths.reduce((a, b) => a + b, 0) + LEGEND_GAP * (cols - 1);
  };
  let legendColumns = entries.length;
  while (legendColumns > 1 && gridWidth(legendColumns) + targetEntry > viewWidth) legendColumns--;

  const groups = indicators.map(({ id, name }, gi) => ({
    indicatorId: id,
    lines: wrapLines(name, FONT.group, 'bold', viewWidth, 2),
    targetLabel: blockTargets[gi]!.label,
  }));
  return { width: W, titleLines, titleSize, subtitle, groups, data, statuses, x0, x100, viewWidth, rowPitch, barHeight, legendColumns };
}

const AXIS_VALUES = [0, 25, 50, 75, 100];
/** DejaVu Sans (what resvg loads and the layout is measured in); a browser without it uses its sans-serif. */
const SPEC_FONT = `${FONT_FAMILY}, sans-serif`;

/** The Vega-Lite spec of the chart. */
export function progressChartSpec(input: ProgressChartInput): TopLevelSpec {
  const m = chartModel(input);
  const unitKeys = input.units.map((_, i) => String(i));
  const padInner = 1 - m.barHeight / m.rowPitch;
  const y = {
    field: 'u',
    type: 'nominal',
    axis: null,
    sort: unitKeys,
    scale: { domain: unitKeys, paddingInner: padInner, paddingOuter: padInner / 2 },
  } as const;
  const xScale = { domain: [0, 100], range: [m.x0, m.x100], clamp: false, nice: false, zero: false };
  const axisFor = (gi: number) => {
    const shared = { values: AXIS_VALUES, title: null, grid: true, gridColor: { condition: { test: 'datum.value === 0', value: COLORS.axis }, value: COLORS.grid }, gridWidth: { condition: { test: 'datum.value === 0', value: 2 }, value: 1 }, domain: false, ticks: false };
    const labelled = { ...shared, labels: true, labelExpr: "replace(format(datum.value, 'd'), '.', ',') + '%'", labelFontSize: FONT.axis, labelColor: COLORS.muted, labelPadding: 6, labelFlush: true };
    if (gi === 0) return { ...labelled, orient: 'top' };
    if (gi === m.groups.length - 1) return { ...labelled, orient: 'bottom' };
    return { ...shared, labels: false };
  };
  const colorScale = { domain: m.statuses.map((s) => STATUS[s]), range: m.statuses.map((s) => COLORS[s === 'noData' ? 'noDataFill' : s]) };
  const anyPerBar = m.data.some((d) => d.targetLabel !== null);
  const legendStyle = { title: null, orient: 'top', direction: 'horizontal', labelFontSize: FONT.legend, labelColor: COLORS.text, labelOffset: 8, labelLimit: 0 };
  const statusLegend = { ...legendStyle, symbolType: 'square', symbolSize: LEGEND_SYMBOL ** 2, symbolStrokeColor: COLORS.noDataLine, symbolStrokeWidth: 1, columnPadding: LEGEND_GAP, rowPadding: 10, columns: m.legendColumns, offset: 18 };
  const targetLegend = { ...legendStyle, symbolType: 'M0,-1L0,1', symbolSize: LEGEND_SYMBOL ** 2 + 60, symbolFillColor: null, symbolStrokeWidth: TARGET_STROKE, symbolStrokeColor: COLORS.target, symbolDash: [5, 3] };
  const anyTarget = m.data.some((d) => d.target !== null);

  const blocks = m.groups.map((g, gi) => ({
    title: {
      text: g.lines,
      subtitle: g.targetLabel,
      anchor: 'start',
      frame: 'group',
      fontSize: FONT.group,
      fontWeight: 'bold',
      color: COLORS.text,
      lineHeight: Math.round(FONT.group * 1.3),
      subtitleFontSize: FONT.target,
      subtitleFontWeight: 'bold',
      subtitleColor: g.targetLabel === STATUS.noTarget ? COLORS.muted : COLORS.target,
      subtitlePadding: 4,
      offset: 10,
    },
    width: m.viewWidth,
    height: { step: m.rowPitch },
    transform: [{ filter: `datum.g === ${gi}` }],
    encoding: { y },
    layer: [
      {
        // Unit names, right-aligned before the track.
        name: `units_${gi}`,
        mark: { type: 'text', align: 'right', baseline: 'middle', fontSize: FONT.unit, color: COLORS.text, aria: false },
        encoding: { x: { value: m.x0 - NAME_GAP }, text: { field: 'unit' } },
      },
      {
        // The bars; an unreported figure is an outlined empty track.
        name: `bars_${gi}`,
        mark: { type: 'bar', cornerRadius: 0 },
        encoding: {
          x: { field: 'end', type: 'quantitative', scale: xScale, axis: axisFor(gi) },
          x2: { datum: 0 },
          color: {
            field: 'legend',
            type: 'nominal',
            scale: colorScale,
            legend: statusLegend,
          },
          stroke: { condition: { test: "datum.status === 'noData'", value: COLORS.noDataLine }, value: null },
          strokeWidth: { condition: { test: "datum.status === 'noData'", value: 2 }, value: 0 },
          description: { field: 'description' },
        },
      },
      {
        // The target marker across each bar that has one.
        name: `targets_${gi}`,
        transform: [{ filter: 'datum.target !== null' }],
        mark: { aria: false, type: 'rule', strokeWidth: TARGET_STROKE, strokeDash: [6, 4], color: COLORS.target },
        encoding: {
          x: { field: 'targetAt', type: 'quantitative', scale: xScale },
          y: { ...y, bandPosition: -0.12 },
          y2: { field: 'u', bandPosition: 1.12 },
          strokeDash: { datum: TARGET_LEGEND, type: 'nominal', scale: { domain: [TARGET_LEGEND], range: [[6, 4]] }, legend: anyTarget ? targetLegend : null },
        },
      },
      ...(['after', 'inside', 'track'] as const).map((at) => ({
        name: `values_${gi}_${at}`,
        transform: [{ filter: `datum.labelAt === '${at}'` }],
        mark: {
          type: 'text',
          aria: false,
          align: at === 'inside' ? 'right' : 'left',
          baseline: 'middle',
          fontSize: FONT.value,
          fontWeight: at === 'track' ? 'normal' : 'bold',
          color: at === 'inside' ? COLORS.onBar : at === 'track' ? COLORS.noDataText : COLORS.text,
        },
        encoding: { x: { field: 'lx', type: 'quantitative', scale: xScale }, text: { field: 'label' } },
      })),
      ...(anyPerBar
        ? [
            {
              name: `targetLabels_${gi}`,
              transform: [{ filter: 'datum.targetLabel !== null' }],
              mark: { type: 'text', aria: false, align: 'right', baseline: 'middle', fontSize: FONT.target, color: COLORS.target },
              encoding: { x: { value: m.viewWidth }, text: { field: 'targetLabel' } },
            },
          ]
        : []),
    ],
  }));

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: m.titleLines,
      subtitle: m.subtitle,
      anchor: 'start',
      frame: 'group',
      fontSize: m.titleSize,
      fontWeight: 'bold',
      color: COLORS.text,
      lineHeight: Math.round(m.titleSize * 1.25),
      subtitleFontSize: FONT.subtitle,
      subtitleColor: COLORS.muted,
      subtitlePadding: 8,
      offset: 14,
    },
    padding: PAD,
    background: COLORS.background,
    autosize: { type: 'pad' },
    data: { values: m.data },
    vconcat: blocks,
    spacing: GROUP_GAP,
    resolve: { scale: { color: 'shared', x: 'shared' } },
    config: {
      font: SPEC_FONT,
      view: { stroke: null },
      text: { font: SPEC_FONT },
      legend: { labelFont: SPEC_FONT, layout: { top: { anchor: 'start', direction: 'horizontal', margin: LEGEND_GAP, center: true } } },
      title: { font: SPEC_FONT, subtitleFont: SPEC_FONT },
    },
  } as unknown as TopLevelSpec;
}

type Vega = typeof import('vega');
let vegaReady: Promise<{ vega: Vega; compile: (spec: TopLevelSpec) => ReturnType<(typeof import('vega-lite'))['compile']> }> | undefined;

/** vega and vega-lite, loaded on the first chart, with text measured in the chart font. */
function engines() {
  vegaReady ??= Promise.all([import('vega'), import('vega-lite')]).then(
    ([vega, vl]) => {
      loadMeasureFonts();
      // vega-scenegraph's text measure (exported by vega, not in its typings); see vegaTextWidth.
      (vega as unknown as { textMetrics: { width: typeof vegaTextWidth } }).textMetrics.width = vegaTextWidth;
      // Compiler warnings stay out of the bot's log; errors still throw.
      const logger = vega.logger(vega.Error);
      return { vega, compile: (spec: TopLevelSpec) => vl.compile(spec, { logger }) };
    },
    (err: unknown) => {
      vegaReady = undefined;
      throw err;
    },
  );
  return vegaReady;
}

/** The chart as SVG text, laid out by vega (no browser, no canvas renderer). */
export async function renderProgressSvg(input: ProgressChartInput): Promise<string> {
  const { vega, compile } = await engines();
  const spec = compile(progressChartSpec(input)).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as a PNG: white background, about 1000 px wide, height growing with the data. */
export async function renderProgressChart(input: ProgressChartInput): Promise<Uint8Array> {
  const svg = await renderProgressSvg(input);
  const png = await renderAsync(svg, {
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    background: COLORS.background,
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  return new Uint8Array(png.asPng());
}

/** Loads the fonts and vega now, in the background, so that the first /tonghop does not wait for them. */
export function preloadChartFonts(): void {
  loadMeasureFonts();
  void engines().catch(() => undefined);
}
