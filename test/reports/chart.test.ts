import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chartModel,
  COLORS,
  percentLabel,
  progressChartSpec,
  renderProgressChart,
  renderProgressSvg,
  STATUS,
  type ProgressChartInput,
} from '../../src/reports/chart.js';
import { FONT } from '../../src/reports/chart-style.js';
import { measureText } from '../../src/reports/chart-text.js';
import { viNumber } from '../../src/reports/vi-format.js';

/** Six indicators and their 2025 targets, as a unit's plan might give them (the chart takes them as data). */
const PLAN = [
  { id: 'can_bo_ky_nang_so', shortName: 'CBCCVC và người lao động khu vực công có kỹ năng số', target: 80, comparator: '>' },
  { id: 'hoc_sinh_ky_nang_so', shortName: 'Học sinh có kỹ năng số', target: 100, comparator: '>=' },
  { id: 'nguoi_dan_ky_nang_so', shortName: 'Người dân có kỹ năng số', target: 80, comparator: '>=' },
  { id: 'nguoi_dan_xac_nhan_vneid', shortName: 'Người dân được xác nhận phổ cập kỹ năng số trên VNeID', target: 80, comparator: '>=' },
  { id: 'lao_dong_doanh_nghiep_ky_nang_so', shortName: 'Người lao động doanh nghiệp, HTX có kỹ năng số', target: 80, comparator: '>=' },
  { id: 'co_so_giao_duc_day_ky_nang_so', shortName: 'Trường phổ thông triển khai dạy kỹ năng số', target: null, comparator: null },
] as const;

/** Rows as the summary builds them: every unit × every indicator, judged against the unit's plan. */
function example(values: (number | null)[][], unitNames: string[], period = '2025'): ProgressChartInput {
  const rows: ProgressChartInput['rows'] = [];
  unitNames.forEach((_, unitIndex) =>
    PLAN.forEach((ind, ii) => {
      const percent = values[unitIndex]?.[ii] ?? null;
      const met = percent === null || ind.target === null ? null : ind.comparator === '>' ? percent > ind.target : percent >= ind.target;
      rows.push({ unitIndex, indicatorId: ind.id, percent, target: ind.target, comparator: ind.comparator, met });
    }),
  );
  return {
    title: `Tiến độ năm ${period} so với chỉ tiêu`,
    period,
    units: unitNames.map((name) => ({ name })),
    indicators: PLAN.map(({ id, shortName }) => ({ id, shortName })),
    rows,
  };
}

const INPUT = example(
  [
    [85.5, 100, 72, 81.3, null, 40],
    [78, 95.5, 80, 60, 88, null],
    [null, 100, 91.2, 79.9, 80, 12],
  ],
  ['Phường Hồng An', 'Xã Tân Hòa', 'Đặc khu Côn Đảo'],
);

const hexRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** Decodes an 8-bit RGB/RGBA PNG with zlib (an independent reader of resvg's output): width, height, pixel at. */
function decodePng(png: Uint8Array) {
  const buf = Buffer.from(png);
  expect([...buf.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let off = 8; off < buf.length; ) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const body = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect(body[8]).toBe(8);
      channels = { 2: 3, 6: 4 }[body[9]!]!;
      expect(body[12]).toBe(0); // not interlaced
    } else if (type === 'IDAT') idat.push(body);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[y * stride + i - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + i]! : 0;
      const c = y > 0 && i >= channels ? out[(y - 1) * stride + i - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter]!;
      out[y * stride + i] = (line[i]! + pred) & 0xff;
    }
  }
  const at = (x: number, y: number) => {
    const i = Math.round(y) * stride + Math.round(x) * channels;
    return [out[i]!, out[i + 1]!, out[i + 2]!];
  };
  const count = (rgb: number[]) => {
    let n = 0;
    for (let i = 0; i < out.length; i += channels) if (out[i] === rgb[0] && out[i + 1] === rgb[1] && out[i + 2] === rgb[2]) n++;
    return n;
  };
  return { width, height, at, count };
}

/** The text of every <text> element of the SVG, tags stripped and entities decoded. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].flatMap((m) =>
    m[1]!
      .split(/<tspan\b[^>]*>/)
      .map((s) =>
        s
          .replace(/<[^>]+>/g, '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&'),
      )
      .filter(Boolean),
  );
}

/** The items of the SVG groups whose class names a mark ("bars_0_marks", …). */
function markItems(svg: string, mark: RegExp, tag: string): string[] {
  const items: string[] = [];
  for (const m of svg.matchAll(/<g class="mark-\w+ role-mark ([\w]+)"[^>]*>/g)) {
    if (!mark.test(m[1]!)) continue;
    const start = m.index! + m[0].length;
    const end = svg.indexOf('</g>', start);
    items.push(...(svg.slice(start, end).match(new RegExp(`<${tag}\\b[^>]*>`, 'g')) ?? []));
  }
  return items;
}

const svgSize = (svg: string) => {
  const m = /^<svg[^>]*\swidth="([\d.]+)"\s+height="([\d.]+)"/.exec(svg)!;
  return { width: Number(m[1]), height: Number(m[2]) };
};

describe('progress chart', () => {
  let png: Uint8Array;
  let svg: string;
  let firstMs: number;

  beforeAll(async () => {
    const t0 = performance.now();
    png = await renderProgressChart(INPUT);
    firstMs = performance.now() - t0;
    svg = await renderProgressSvg(INPUT);
    // The example a person looks at: os.tmpdir()/tro-ly-thi-dua/chart.png.
    const dir = path.join(os.tmpdir(), 'tro-ly-thi-dua');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'chart.png'), png);
    writeFileSync(path.join(dir, 'chart.svg'), svg);
  });

  it('is a Vega-Lite spec: one block per indicator in the given order, one datum per unit × indicator, 0–100 on x', () => {
    const spec = progressChartSpec(INPUT) as unknown as {
      $schema: string;
      background: string;
      vconcat: { title: { text: string[]; subtitle: string }; layer: { name: string; encoding: Record<string, { scale?: { domain: unknown[]; range: unknown[] } }> }[] }[];
      data: { values: { g: number; u: string; status: string; legend: string }[] };
    };
    expect(spec.$schema).toContain('vega-lite');
    expect(spec.background).toBe('#ffffff');
    expect(spec.vconcat.map((b) => b.title.text.join(' '))).toEqual(PLAN.map((p) => p.shortName));
    expect(spec.data.values).toHaveLength(3 * PLAN.length);
    expect(new Set(spec.data.values.map((d) => `${d.g}/${d.u}`)).size).toBe(3 * PLAN.length);
    const bars = spec.vconcat[0]!.layer.find((l) => l.name === 'bars_0')!;
    expect(bars.encoding.x!.scale!.domain).toEqual([0, 100]);
    const { domain, range } = bars.encoding.color!.scale!;
    const colourOf = Object.fromEntries(domain.map((d, i) => [d, range[i]]));
    expect(colourOf).toEqual({
      [STATUS.met]: COLORS.met,
      [STATUS.notMet]: COLORS.notMet,
      [STATUS.noTarget]: COLORS.noTarget,
      [STATUS.noData]: COLORS.noDataFill,
    });
    expect(spec.data.values.filter((d) => d.g === 5).map((d) => d.status)).toEqual(['noTarget', 'noData', 'noTarget']);
  });

  it('draws one bar per unit × indicator, coloured met / not met / no target / not reported', () => {
    const bars = markItems(svg, /^bars_\d+_marks$/, 'path');
    expect(bars).toHaveLength(3 * PLAN.length);
    const fills = bars.map((b) => /fill="(#[0-9a-f]{6})"/.exec(b)![1]);
    const n = (c: string) => fills.filter((f) => f === c).length;
    const statuses = chartModel(INPUT).data.map((d) => d.status);
    const m = (s: string) => statuses.filter((x) => x === s).length;
    expect([n(COLORS.met), n(COLORS.notMet), n(COLORS.noTarget), n(COLORS.noDataFill)]).toEqual([m('met'), m('notMet'), m('noTarget'), m('noData')]);
    expect([m('met'), m('notMet'), m('noTarget'), m('noData')]).toEqual([8, 5, 2, 3]);
    // Unreported: the whole track, outlined.
    expect(bars.filter((b) => b.includes(`stroke="${COLORS.noDataLine}"`))).toHaveLength(3);
    // A target marker across every bar whose plan has a target (5 indicators × 3 units).
    expect(markItems(svg, /^targets_\d+_marks$/, 'line')).toHaveLength(15);
    // The screen reader's wording of a bar, diacritics intact.
    expect(svg).toContain('aria-label="Phường Hồng An: 85,5% (Đạt; Chỉ tiêu trên 80%)"');
  });

  it('bars are as long as the figure on a 0–100 scale', () => {
    const { x0, x100 } = chartModel(INPUT);
    const widths = markItems(svg, /^bars_0_marks$/, 'path').map((b) => Number(/d="M[\d.]+,[\d.]+h([\d.]+)/.exec(b)![1]));
    expect(widths[0]).toBeCloseTo((x100 - x0) * 0.855, 1);
    expect(widths[1]).toBeCloseTo((x100 - x0) * 0.78, 1);
    expect(widths[2]).toBeCloseTo(x100 - x0, 1); // unreported: the empty track
  });

  it('labels indicators, units, figures and targets in Vietnamese, with a decimal comma', () => {
    const all = svgTexts(svg);
    expect(all).toContain('Tiến độ năm 2025 so với chỉ tiêu');
    expect(all).toContain('Năm 2025 · 3 đơn vị · 15/18 số liệu đã báo cáo · 8/13 đạt chỉ tiêu');
    for (const p of PLAN) expect(all.join(' ')).toContain(p.shortName);
    expect(all).toContain('Người dân được xác nhận phổ cập kỹ năng số trên VNeID');
    expect(all).toEqual(expect.arrayContaining(['Phường Hồng An', 'Xã Tân Hòa', 'Đặc khu Côn Đảo']));
    expect(all).toEqual(expect.arrayContaining(['85,5%', '79,9%', '95,5%', '100%', '12%']));
    expect(all.filter((t) => t === 'chưa báo cáo')).toHaveLength(3);
    expect(all.some((t) => /\d\.\d/.test(t) && t.endsWith('%'))).toBe(false);
    expect(all).toEqual(expect.arrayContaining(['Chỉ tiêu trên 80%', 'Chỉ tiêu 80%', 'Chỉ tiêu 100%']));
    expect(chartModel(INPUT).groups.map((g) => g.targetLabel)).toEqual([
      'Chỉ tiêu trên 80%',
      'Chỉ tiêu 100%',
      'Chỉ tiêu 80%',
      'Chỉ tiêu 80%',
      'Chỉ tiêu 80%',
      'Chưa có chỉ tiêu',
    ]);
    // Legend and axis.
    expect(all).toEqual(expect.arrayContaining(['Đạt', 'Chưa đạt', 'Chưa có chỉ tiêu', 'Chưa báo cáo', 'Chỉ tiêu', '0%', '25%', '50%', '75%', '100%']));
    // Everything is inside the 1000 px: vega grows the picture past it for anything that sticks out.
    expect(svgSize(svg).width).toBe(1000);
  });

  it('is a PNG 1000 px wide, as tall as the SVG; white background, the status colours and dark text in it', () => {
    const img = decodePng(png);
    expect(img.width).toBe(1000);
    expect(img.height).toBe(svgSize(svg).height);
    expect(img.height).toBeGreaterThan(800);
    expect(img.height).toBeLessThan(1600);
    expect(img.at(2, 2)).toEqual([255, 255, 255]);
    expect(img.at(998, img.height - 2)).toEqual([255, 255, 255]);
    for (const c of [COLORS.met, COLORS.notMet, COLORS.noTarget, COLORS.noDataFill]) expect(img.count(hexRgb(c)), c).toBeGreaterThan(1500);
    // The title is drawn: dark, anti-aliased pixels in its line.
    let dark = 0;
    for (let x = 24; x < 500; x++) for (let y = 28; y < 52; y++) if (img.at(x, y)[0]! < 100) dark++;
    expect(dark).toBeGreaterThan(500);
  });

  it('keeps a figure off the target marker', () => {
    const model = chartModel(INPUT);
    const px = (p: number) => model.x0 + ((model.x100 - model.x0) * p) / 100;
    let checked = 0;
    for (const d of model.data) {
      if (d.target === null || d.labelAt === 'track') continue;
      const w = measureText(d.label, FONT.value, 'bold');
      const [from, to] = d.labelAt === 'inside' ? [px(d.lx) - w, px(d.lx)] : [px(d.lx), px(d.lx) + w];
      const tx = px(d.targetAt!);
      expect(to < tx - 1.5 || from > tx + 1.5, `${d.label} on the marker`).toBe(true);
      checked++;
    }
    expect(checked).toBe(13);
    // 79,9% against 80%: the label goes past the marker.
    const close = model.data.find((d) => d.label === '79,9%')!;
    expect(px(close.lx)).toBeGreaterThan(px(80));
  });

  it('is deterministic and fast', async () => {
    const t0 = performance.now();
    const again = await renderProgressChart(INPUT);
    const warmMs = performance.now() - t0;
    expect(Buffer.from(again).equals(Buffer.from(png))).toBe(true);
    // About 0.2 s on an idle machine; generous bounds for a loaded CI machine.
    expect(warmMs).toBeLessThan(1500);
    expect(firstMs).toBeLessThan(8000);
  });

  it('percent labels read as viNumber writes them', () => {
    for (const p of [0, 12, 79.9, 80, 85.5, 85.25, 99.96, 100, 150]) expect(percentLabel(p)).toBe(`${viNumber(Math.round(p * 10) / 10)}%`);
    expect(percentLabel(85.5)).toBe('85,5%');
    expect(percentLabel(99.96)).toBe('100%');
  });

  it('decomposed Vietnamese input (NFD) is drawn with the precomposed letters', async () => {
    const input = { ...INPUT, units: INPUT.units.map((u) => ({ name: u.name.normalize('NFD') })) };
    expect(chartModel(input).data.slice(0, 3).map((d) => d.unit)).toEqual(['Phường Hồng An', 'Xã Tân Hòa', 'Đặc khu Côn Đảo']);
    const texts = svgTexts(await renderProgressSvg(input));
    expect(texts).toEqual(expect.arrayContaining(['Phường Hồng An', 'Xã Tân Hòa', 'Đặc khu Côn Đảo']));
  });

  it('a unit without any row, and one indicator only, still lays out', async () => {
    const input: ProgressChartInput = {
      title: 'Tiến độ năm 2026 so với chỉ tiêu',
      period: '2026',
      units: [{ name: 'Phường Hồng An' }, { name: 'Xã mới' }],
      indicators: [{ id: 'co_so_giao_duc_day_ky_nang_so', shortName: 'Trường phổ thông triển khai dạy kỹ năng số' }],
      rows: [{ unitIndex: 0, indicatorId: 'co_so_giao_duc_day_ky_nang_so', percent: 85, target: 80, comparator: '>=', met: true }],
    };
    const model = chartModel(input);
    expect(model.groups).toHaveLength(1);
    expect(model.data.map((d) => d.status)).toEqual(['met', 'noData']);
    expect(model.groups[0]!.targetLabel).toBe('Chỉ tiêu 80%');
    const img = decodePng(await renderProgressChart(input));
    expect(img.width).toBe(1000);
  });

  it('units on different plans: a target beside each bar, "Chỉ tiêu trên" for a strict target, an unclear estimate apart', async () => {
    const input: ProgressChartInput = {
      title: 'Tiến độ năm 2026 so với chỉ tiêu',
      period: '2026',
      units: [{ name: 'Phường Hồng An' }, { name: 'Xã Tân Hòa' }],
      indicators: [{ id: 'a', shortName: 'Người dân có kỹ năng số' }],
      rows: [
        { unitIndex: 0, indicatorId: 'a', percent: 85, target: 80, comparator: '>', met: true },
        { unitIndex: 1, indicatorId: 'a', percent: 69, target: 70, comparator: '>=', met: null },
      ],
    };
    const model = chartModel(input);
    expect(model.groups[0]!.targetLabel).toBe('Chỉ tiêu theo từng đơn vị');
    expect(model.data.map((d) => [d.status, d.targetLabel])).toEqual([
      ['met', 'Chỉ tiêu trên 80%'],
      ['unsure', 'Chỉ tiêu 70%'],
    ]);
    const s = await renderProgressSvg(input);
    expect(svgTexts(s)).toEqual(expect.arrayContaining(['Chỉ tiêu trên 80%', 'Chỉ tiêu 70%', STATUS.unsure]));
    expect(svgSize(s).width).toBe(1000);
  });

  it('long indicator names wrap onto two lines at most, ending with "…"', () => {
    const long = 'Tỷ lệ người dân trong độ tuổi trưởng thành được xác nhận đạt phổ cập tri thức về chuyển đổi số trên ứng dụng định danh điện tử VNeID';
    const model = chartModel({ ...INPUT, indicators: [{ id: 'x', shortName: `${long} ${long}` }], rows: [] });
    expect(model.groups[0]!.lines).toHaveLength(2);
    expect(model.groups[0]!.lines[1]!.endsWith('…')).toBe(true);
  });

  it('many units: tighter rows, long names shortened, stays within chat photo limits', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `Phường số ${i + 1} thuộc đặc khu có tên rất dài để thử cắt ngắn`);
    const input = example(
      names.map((_, i) => PLAN.map((_, j) => ((i * 7 + j * 13) % 11 === 0 ? null : (i * 17 + j * 29) % 101))),
      names,
    );
    const model = chartModel(input);
    expect(model.rowPitch).toBeLessThan(chartModel(INPUT).rowPitch);
    expect(model.data.every((d) => d.unit.endsWith('…'))).toBe(true);
    const img = decodePng(await renderProgressChart(input));
    expect(img.width).toBe(1000);
    expect(img.width + img.height).toBeLessThan(10000);
    expect(img.height / img.width).toBeLessThan(20);
  }, 60_000);

  it('takes its indicators from the input, not from the built-in list', () => {
    const source = readFileSync(new URL('../../src/reports/chart.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from '\.\/indicators\.js'/);
  });
});
