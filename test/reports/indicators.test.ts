import { seedPlan } from '../fixtures/seed-plan.js';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/knowledge/ingest/chunk.js';
import { repairText } from '../../src/knowledge/ingest/repair.js';
import { isMet } from '../../src/plans/schema.js';
import type { Target } from '../../src/plans/model.js';
import { figureLine, formatFigure, isMetQualified } from '../../src/reports/progress.js';
import { recognizerFor } from '../../src/reports/recognize.js';

const INDICATORS = seedPlan.indicators;
const indicatorById = (id: string) => seedPlan.byId(id);
const targetFor = (id: string, year: number) => seedPlan.targetFor(id, year);
const resolveMention = (s: string) => recognizerFor(seedPlan.indicators).resolveMention(s);

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RAW = readFileSync(join(ROOT, 'corpus', '001_cef97842b6e97a79.txt'), 'utf8');
const collapse = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

describe('INDICATORS', () => {
  it('lists the six indicators of the plan with unique ids', () => {
    expect(INDICATORS.map((i) => i.id)).toEqual([
      'can_bo_ky_nang_so',
      'hoc_sinh_ky_nang_so',
      'nguoi_dan_ky_nang_so',
      'nguoi_dan_xac_nhan_vneid',
      'lao_dong_doanh_nghiep_ky_nang_so',
      'co_so_giao_duc_day_ky_nang_so',
    ]);
  });

  it('has the targets of section II.2', () => {
    const table = INDICATORS.flatMap((i) => i.targets.map((t) => `${i.id} ${t.year} ${t.comparator}${t.value}`));
    expect(table).toEqual([
      'can_bo_ky_nang_so 2025 >80',
      'can_bo_ky_nang_so 2026 >=100',
      'hoc_sinh_ky_nang_so 2025 >=100',
      'hoc_sinh_ky_nang_so 2026 >=100',
      'nguoi_dan_ky_nang_so 2025 >=80',
      'nguoi_dan_ky_nang_so 2026 >=100',
      'nguoi_dan_xac_nhan_vneid 2025 >=80',
      'nguoi_dan_xac_nhan_vneid 2026 >=100',
      'lao_dong_doanh_nghiep_ky_nang_so 2025 >=80',
      'lao_dong_doanh_nghiep_ky_nang_so 2026 >=100',
      'co_so_giao_duc_day_ky_nang_so 2026 >=80',
    ]);
  });

  it('quotes sentences the document still contains (whitespace collapsed)', () => {
    const text = collapse(RAW);
    for (const t of INDICATORS.flatMap((i) => i.targets)) expect(text, t.source.sentence).toContain(collapse(t.source.sentence));
  });

  it('cites the section the chunker gives that sentence', () => {
    const chunks = chunkDocument('hong-an-kh', repairText(RAW));
    for (const t of INDICATORS.flatMap((i) => i.targets)) {
      const chunk = chunks.find((c) => collapse(c.text).includes(collapse(t.source.sentence)));
      expect(chunk?.section, t.source.sentence).toBe(t.source.section);
    }
  });

  it('states the percent and comparator its sentence states', () => {
    for (const t of INDICATORS.flatMap((i) => i.targets)) {
      const m = /^(Trên )?(\d+)%( trở lên)?/.exec(t.source.sentence)!;
      expect(Number(m[2]), t.source.sentence).toBe(t.value);
      expect(t.comparator, t.source.sentence).toBe(m[1] ? '>' : '>=');
    }
  });

  it('recognises each indicator from its own full name', () => {
    for (const i of INDICATORS) {
      const folded = i.name.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
      expect(resolveMention(folded), i.name).toEqual({ kind: 'indicator', id: i.id });
    }
  });
});

describe('lookups', () => {
  it('finds indicators and targets', () => {
    expect(indicatorById('hoc_sinh_ky_nang_so')?.shortName).toBe('Học sinh có kỹ năng số');
    expect(indicatorById('nope')).toBeUndefined();
    expect(targetFor('can_bo_ky_nang_so', 2025)).toMatchObject({ comparator: '>', value: 80 });
    expect(targetFor('hoc_sinh_ky_nang_so', 2025)?.scope).toBe('học sinh các trường trung học');
    expect(targetFor('co_so_giao_duc_day_ky_nang_so', 2025)).toBeUndefined();
    expect(targetFor('co_so_giao_duc_day_ky_nang_so', 2026)).toMatchObject({ comparator: '>=', value: 80 });
  });

  it('isMet: "trên 80%" needs more than 80, "80%" needs at least 80', () => {
    const over = targetFor('can_bo_ky_nang_so', 2025)!;
    const atLeast = targetFor('nguoi_dan_ky_nang_so', 2025)!;
    expect(isMet(over, 80)).toBe(false);
    expect(isMet(over, 80.1)).toBe(true);
    expect(isMet(atLeast, 80)).toBe(true);
    expect(isMet(atLeast, 79.9)).toBe(false);
    expect(isMet(targetFor('hoc_sinh_ky_nang_so', 2026) as Target, 100)).toBe(true);
  });
});

describe('approximate figures, judged the way they lean', () => {
  const over80: Target = { ...(targetFor('can_bo_ky_nang_so', 2025) as Target), comparator: '>', value: 80 };
  const from100: Target = { ...over80, comparator: '>=', value: 100 };

  it('"hơn 80%" meets "trên 80%"; "hơn 70%" cannot tell; "gần 100%" fails "từ 100%"', () => {
    expect(isMetQualified(over80, 80, 'over')).toBe(true);
    expect(isMetQualified(over80, 70, 'over')).toBeNull();
    expect(isMetQualified(from100, 100, 'under')).toBe(false);
    expect(isMetQualified(over80, 90, 'under')).toBeNull();
    expect(isMetQualified(from100, 100, 'atLeast')).toBe(true);
    expect(isMetQualified(over80, 80, 'atLeast')).toBeNull();
    expect(isMetQualified(over80, 80, 'about')).toBe(false);
    expect(isMetQualified(over80, 85, undefined)).toBe(true);
  });

  it('reads as sent: "hơn", "gần", "ít nhất", "khoảng"', () => {
    expect(formatFigure({ percent: 80, approx: true, qualifier: 'over' })).toBe('hơn 80%');
    expect(formatFigure({ percent: 99.5, approx: true, qualifier: 'under' })).toBe('gần 99,5%');
    expect(formatFigure({ percent: 90, approx: true, qualifier: 'atLeast' })).toBe('ít nhất 90%');
    expect(formatFigure({ percent: 80, approx: true })).toBe('khoảng 80%');
    expect(formatFigure({ percent: 80 })).toBe('80%');
  });

  it('says when an estimate cannot be judged', () => {
    expect(figureLine(seedPlan, 'can_bo_ky_nang_so', '2025', { percent: 80, approx: true, qualifier: 'over' })).toMatch(/hơn 80% — chỉ tiêu năm 2025: trên 80% → ✅ đạt$/);
    expect(figureLine(seedPlan, 'can_bo_ky_nang_so', '2025', { percent: 70, approx: true, qualifier: 'over' })).toMatch(/→ ❔ chưa rõ đạt hay chưa \(cần số chính xác\)$/);
  });
});
