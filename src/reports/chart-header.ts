import { fontExtents, measureText } from './chart-font.js';
import { wrap, wrapBalanced, type Pen } from './chart-text.js';
import { COLORS, FONT, PAD, W } from './chart-style.js';
import type { DrawOp, ProgressChartInput } from './chart.js';

/**
 * The chart's top: title (one line when a slightly smaller size fits, else balanced lines), a
 * summary line (units, figures reported, targets met) and the legend. Returns where the bars start.
 */
export function layoutHeader(input: ProgressChartInput, indicatorIds: string[], ops: DrawOp[], text: Pen): number {
  const asc = (size: number) => fontExtents(size).ascent;
  let y = PAD;

  // Title: on one line if a slightly smaller size allows, else on balanced lines; then subtitle.
  const titleSize = [FONT.title, FONT.title - 2, FONT.title - 4, FONT.title - 6].find(
    (size) => measureText(input.title, size, 'bold') <= W - 2 * PAD,
  );
  const titleLines = titleSize ? [input.title] : wrapBalanced(input.title, FONT.title, 'bold', W - 2 * PAD);
  for (const line of titleLines) {
    const size = titleSize ?? FONT.title;
    text(line, PAD, y + asc(size) * 0.85, size, COLORS.text, 'title', { weight: 'bold' });
    y += size * 1.3;
  }
  const unitCount = input.units.length;
  const reported = input.rows.filter((r) => r.percent !== null && r.unitIndex < unitCount).length;
  const metCount = input.rows.filter((r) => r.percent !== null && r.met === true).length;
  const judged = input.rows.filter((r) => r.percent !== null && r.met !== null).length;
  const subtitle = [
    /^\d{4}$/.test(input.period) ? `Năm ${input.period}` : input.period,
    `${unitCount} đơn vị`,
    `${reported}/${unitCount * indicatorIds.length} số liệu đã báo cáo`,
    ...(judged ? [`${metCount}/${judged} đạt chỉ tiêu`] : []),
  ].join(' · ');
  y += 2;
  for (const line of wrap(subtitle, FONT.subtitle, 'regular', W - 2 * PAD)) {
    text(line, PAD, y + asc(FONT.subtitle) * 0.85, FONT.subtitle, COLORS.muted, 'subtitle');
    y += FONT.subtitle * 1.4;
  }
  y += 10;

  // Legend.
  // A figure with no verdict: no target that year, or an estimate that may fall either side.
  const undecided = input.rows.filter((r) => r.percent !== null && r.met === null);
  const hasNoTarget = undecided.length > 0;
  const unsure = undecided.some((r) => r.target !== null);
  const noTargetLabel = !unsure ? 'Không có chỉ tiêu' : undecided.every((r) => r.target !== null) ? 'Chưa rõ đạt hay chưa' : 'Không có chỉ tiêu hoặc chưa rõ';
  const legend: { label: string; swatch: (x: number, yMid: number) => void }[] = [
    { label: 'Đạt', swatch: (x, m) => ops.push({ kind: 'rect', x, y: m - 9, w: 26, h: 18, fill: COLORS.met }) },
    { label: 'Chưa đạt', swatch: (x, m) => ops.push({ kind: 'rect', x, y: m - 9, w: 26, h: 18, fill: COLORS.notMet }) },
    ...(hasNoTarget
      ? [{ label: noTargetLabel, swatch: (x: number, m: number) => ops.push({ kind: 'rect', x, y: m - 9, w: 26, h: 18, fill: COLORS.noTarget }) }]
      : []),
    {
      label: 'Chưa báo cáo',
      swatch: (x, m) => {
        ops.push({ kind: 'rect', x, y: m - 9, w: 26, h: 18, fill: COLORS.noDataFill });
        ops.push({ kind: 'frame', x, y: m - 9, w: 26, h: 18, color: COLORS.noDataLine, lineWidth: 2 });
      },
    },
    {
      label: 'Chỉ tiêu',
      swatch: (x, m) => ops.push({ kind: 'dashV', x: x + 12, y1: m - 11, y2: m + 11, color: COLORS.target, lineWidth: 3, dash: 6, gap: 4 }),
    },
  ];
  {
    let x = PAD;
    const mid = y + 12;
    let lineMid = mid;
    for (const item of legend) {
      const w = 26 + 8 + measureText(item.label, FONT.legend) + 26;
      if (x + w - 26 > W - PAD) {
        x = PAD;
        lineMid += 32;
      }
      item.swatch(x, lineMid);
      text(item.label, x + 34, lineMid + asc(FONT.legend) * 0.38, FONT.legend, COLORS.text, 'legend');
      x += w;
    }
    y = lineMid + 12 + 18;
  }

  return y;
}
