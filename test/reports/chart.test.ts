import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { decodePNGFromStream } from 'pureimage';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  COLORS,
  layoutProgressChart,
  percentLabel,
  renderProgressChart,
  type ChartLayout,
  type DrawOp,
  type ProgressChartInput,
} from '../../src/reports/chart.js';
import { hexRgb } from '../../src/reports/chart-raster.js';
import { INDICATORS, isMet, targetFor } from '../../src/reports/indicators.js';
import { viNumber } from '../../src/reports/progress.js';

/** Rows as core/reporting.ts builds them: every unit × every indicator, judged for the year. */
function example(values: (number | null)[][], unitNames: string[], period = '2025'): ProgressChartInput {
  const rows: ProgressChartInput['rows'] = [];
  unitNames.forEach((_, unitIndex) =>
    INDICATORS.forEach((ind, ii) => {
      const percent = values[unitIndex]?.[ii] ?? null;
      const target = targetFor(ind.id, Number(period));
      rows.push({
        unitIndex,
        indicatorId: ind.id,
        percent,
        target: target?.percent ?? null,
        met: percent === null || !target ? null : isMet(target, percent),
      });
    }),
  );
  return { title: `Tiến độ năm ${period} — chỉ tiêu Kế hoạch phường Hồng An`, period, units: unitNames.map((name) => ({ name })), rows };
}

const INPUT = example(
  [
    [85.5, 100, 72, 81.3, null, 40],
    [78, 95.5, 80, 60, 88, null],
    [null, 100, 91.2, 79.9, 80, 12],
  ],
  ['Phường Hồng An', 'Xã Tân Hòa', 'Đặc khu Côn Đảo'],
);

type TextOp = DrawOp & { kind: 'text' };
const texts = (l: ChartLayout): TextOp[] => l.ops.filter((o): o is TextOp => o.kind === 'text');

/** Reads a PNG back with an independent decoder (pureimage → pngjs): width, height, RGBA. */
async function decode(png: Uint8Array) {
  const bmp = await decodePNGFromStream(Readable.from([Buffer.from(png)]));
  const at = (x: number, y: number) => {
    const i = (Math.round(y) * bmp.width + Math.round(x)) * 4;
    return [bmp.data[i], bmp.data[i + 1], bmp.data[i + 2]];
  };
  return { width: bmp.width, height: bmp.height, at };
}

describe('progress chart', () => {
  let png: Uint8Array;
  let layout: ChartLayout;
  let firstMs: number;

  beforeAll(async () => {
    const t0 = performance.now();
    png = await renderProgressChart(INPUT);
    firstMs = performance.now() - t0;
    layout = layoutProgressChart(INPUT);
    // The example a person looks at: os.tmpdir()/tro-ly-thi-dua/chart.png.
    const dir = path.join(os.tmpdir(), 'tro-ly-thi-dua');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'chart.png'), png);
  });

  it('is a PNG about 1000 px wide, as tall as the layout, 8-bit RGB', () => {
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect(String.fromCharCode(...png.subarray(12, 16))).toBe('IHDR');
    expect(view.getUint32(16)).toBe(1000);
    expect(view.getUint32(20)).toBe(layout.height);
    expect(layout.height).toBeGreaterThan(800);
    expect(layout.height).toBeLessThan(1600);
    expect([png[24], png[25]]).toEqual([8, 2]);
  });

  it('decodes with another decoder: white background, green met bars, orange unmet bars, grey empty tracks', async () => {
    const img = await decode(png);
    expect([img.width, img.height]).toEqual([1000, layout.height]);
    expect(img.at(2, 2)).toEqual([255, 255, 255]);
    const bars = layout.groups.flatMap((g) => g.bars);
    const centre = (b: (typeof bars)[number]) => img.at(b.x + Math.min(b.w / 2, 6), b.y + b.h / 2);
    const met = bars.find((b) => b.status === 'met')!;
    const notMet = bars.find((b) => b.status === 'notMet')!;
    const noData = bars.find((b) => b.status === 'noData')!;
    expect(centre(met)).toEqual([...hexRgb(COLORS.met)]);
    expect(centre(notMet)).toEqual([...hexRgb(COLORS.notMet)]);
    expect(img.at(noData.x + noData.w - 40, noData.y + noData.h / 2)).toEqual([...hexRgb(COLORS.noDataFill)]);
    expect(img.at(noData.x + noData.w - 40, noData.y)).toEqual([...hexRgb(COLORS.noDataLine)]);
    // Text is drawn: some dark, anti-aliased pixels inside the title line.
    const title = texts(layout).find((t) => t.role === 'title')!;
    let dark = 0;
    for (let x = Math.floor(title.x); x < title.x + title.w; x++) if (img.at(x, title.y - 8)[0]! < 100) dark++;
    expect(dark).toBeGreaterThan(20);
  });

  it('labels every indicator by its short name, with diacritics, in the plan order', () => {
    expect(layout.groups.map((g) => g.indicatorId)).toEqual(INDICATORS.map((i) => i.id));
    const groupText = texts(layout)
      .filter((t) => t.role === 'group')
      .map((t) => t.text)
      .join(' ');
    for (const ind of INDICATORS) {
      expect(layout.groups.find((g) => g.indicatorId === ind.id)!.label).toBe(ind.shortName);
      expect(groupText).toContain(ind.shortName.normalize('NFC'));
    }
    expect(groupText).toContain('Người dân được xác nhận phổ cập kỹ năng số trên VNeID');
  });

  it('writes figures with a decimal comma, "chưa báo cáo" for missing ones, and the target per group', () => {
    const all = texts(layout).map((t) => t.text);
    expect(all).toContain('85,5%');
    expect(all).toContain('79,9%');
    expect(all).toContain('100%');
    expect(all.filter((t) => t === 'chưa báo cáo')).toHaveLength(3);
    expect(all.some((t) => /\d\.\d/.test(t) && t.endsWith('%'))).toBe(false);
    const byId = Object.fromEntries(layout.groups.map((g) => [g.indicatorId, g]));
    expect(byId.can_bo_ky_nang_so!.targetLabel).toBe('Chỉ tiêu trên 80%');
    expect(byId.nguoi_dan_ky_nang_so!.targetLabel).toBe('Chỉ tiêu 80%');
    expect(byId.hoc_sinh_ky_nang_so!.targetLabel).toBe('Chỉ tiêu 100%');
    // No 2025 target for schools: no marker, figures in the neutral colour.
    expect(byId.co_so_giao_duc_day_ky_nang_so!.targetLabel).toBe('Không có chỉ tiêu');
    expect(byId.co_so_giao_duc_day_ky_nang_so!.targetX).toBeNull();
    expect(byId.co_so_giao_duc_day_ky_nang_so!.bars.map((b) => b.status)).toEqual(['noTarget', 'noData', 'noTarget']);
    // The marker sits at 80% of the track.
    expect(byId.nguoi_dan_ky_nang_so!.targetX).toBe(Math.round(layout.x0 + (layout.x100 - layout.x0) * 0.8));
    expect(all).toEqual(expect.arrayContaining(['Đạt', 'Chưa đạt', 'Chưa báo cáo', 'Chỉ tiêu', '0%', '25%', '50%', '75%', '100%']));
  });

  it('bars are as long as the figure on a 0–100 scale', () => {
    const g = layout.groups[0]!;
    const span = layout.x100 - layout.x0;
    expect(g.bars[0]!.w).toBe(Math.round(layout.x0 + span * 0.855) - layout.x0);
    expect(g.bars[0]!.status).toBe('met');
    expect(g.bars[1]!.status).toBe('notMet');
    expect(g.bars[2]).toMatchObject({ status: 'noData', label: 'chưa báo cáo', percent: null });
  });

  it('no two labels overlap and every label is inside the image', () => {
    const boxes = texts(layout).map((t) => ({ t, x1: t.x, x2: t.x + t.w, y1: t.y - t.size * 0.75, y2: t.y + t.size * 0.22 }));
    for (const b of boxes) {
      expect(b.x1, b.t.text).toBeGreaterThanOrEqual(0);
      expect(b.x2, b.t.text).toBeLessThanOrEqual(layout.width);
      expect(b.y1, b.t.text).toBeGreaterThanOrEqual(0);
      expect(b.y2, b.t.text).toBeLessThanOrEqual(layout.height);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
        expect(overlap, `"${a.t.text}" overlaps "${b.t.text}"`).toBe(false);
      }
  });

  it('keeps a value label off the target marker', () => {
    for (const g of layout.groups) {
      if (g.targetX === null) continue;
      for (const t of texts(layout).filter((o) => o.role === 'value')) {
        const bar = g.bars.find((b) => b.label === t.text && Math.abs(b.y + b.h / 2 - (t.y - t.size * 0.35)) < 8);
        if (!bar) continue;
        expect(t.x > g.targetX + 1 || t.x + t.w < g.targetX - 1, `${t.text} on the marker`).toBe(true);
      }
    }
  });

  it('is deterministic and fast', async () => {
    const t0 = performance.now();
    const again = await renderProgressChart(INPUT);
    const warmMs = performance.now() - t0;
    expect(Buffer.from(again).equals(Buffer.from(png))).toBe(true);
    expect(warmMs).toBeLessThan(300);
    // The first call also parses the two fonts (~0.1 s); generous bound for a loaded CI machine.
    expect(firstMs).toBeLessThan(3000);
  });

  it('percent labels read as viNumber writes them', () => {
    for (const p of [0, 12, 79.9, 80, 85.5, 85.25, 99.96, 100, 150]) expect(percentLabel(p)).toBe(`${viNumber(Math.round(p * 10) / 10)}%`);
    expect(percentLabel(85.5)).toBe('85,5%');
    expect(percentLabel(99.96)).toBe('100%');
  });

  it('decomposed Vietnamese input (NFD) is drawn with the precomposed letters', () => {
    const input = { ...INPUT, units: INPUT.units.map((u) => ({ name: u.name.normalize('NFD') })) };
    const names = texts(layoutProgressChart(input))
      .filter((t) => t.role === 'unit')
      .map((t) => t.text);
    expect(names.slice(0, 3)).toEqual(['Phường Hồng An', 'Xã Tân Hòa', 'Đặc khu Côn Đảo']);
  });

  it('a unit without any row, and one indicator only, still lays out', () => {
    const input: ProgressChartInput = {
      title: 'Tiến độ năm 2026 so với chỉ tiêu',
      period: '2026',
      units: [{ name: 'Phường Hồng An' }, { name: 'Xã mới' }],
      rows: [{ unitIndex: 0, indicatorId: 'co_so_giao_duc_day_ky_nang_so', percent: 85, target: 80, met: true }],
    };
    const l = layoutProgressChart(input);
    expect(l.groups).toHaveLength(1);
    expect(l.groups[0]!.bars.map((b) => b.status)).toEqual(['met', 'noData']);
    expect(l.groups[0]!.targetLabel).toBe('Chỉ tiêu 80%');
  });

  it('many units: tighter rows, long names shortened, stays within chat photo limits', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `Phường số ${i + 1} thuộc đặc khu có tên rất dài để thử cắt ngắn`);
    const input = example(
      names.map((_, i) => INDICATORS.map((_, j) => ((i * 7 + j * 13) % 11 === 0 ? null : (i * 17 + j * 29) % 101))),
      names,
    );
    const l = layoutProgressChart(input);
    expect(l.width + l.height).toBeLessThan(10000);
    expect(l.height / l.width).toBeLessThan(20);
    const units = texts(l).filter((t) => t.role === 'unit');
    expect(units.every((t) => t.x >= 0 && t.text.endsWith('…'))).toBe(true);
    const png2 = await renderProgressChart(input);
    expect((await decode(png2)).height).toBe(l.height);
  });
});
