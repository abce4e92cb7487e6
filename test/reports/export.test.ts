import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportRows, REPORT_COLUMNS, toCsv, writeReport, type ReportRow } from '../../src/reports/export.js';
import { openDatabase } from '../../src/store/db.js';
import { createReportStore, type ReportStore } from '../../src/store/reports.js';
import { openPlans, type Plans } from '../../src/plans/service.js';
import type { Database } from '../../src/store/schema.js';
import { testDatabases } from '../helpers/databases.js';

const sqlite = testDatabases.find((d) => d.name === 'sqlite')!;

const HEADERS = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Mã chỉ tiêu',
  'Tên chỉ tiêu',
  'Kỳ báo cáo',
  'Mục tiêu',
  'Tỷ lệ (%)',
  'Tử số',
  'Mẫu số',
  'Ước tính',
  'Kết quả',
  'Thời điểm báo cáo',
  'Người báo cáo',
];

/** A minimal RFC 4180 reader, enough to check the writer (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('report export', () => {
  let db: Kysely<Database>;
  let reports: ReportStore;
  let drop: () => Promise<void>;
  let dir: string;
  let rows: ReportRow[];
  let plans: Plans;

  beforeAll(async () => {
    const made = await sqlite.create();
    drop = made.drop;
    db = await openDatabase(made.database);
    reports = createReportStore(db);
    dir = mkdtempSync(path.join(os.tmpdir(), 'export-test-'));
    // A unit whose name needs quoting in CSV, and one that does not report (a ward's parent).
    await reports.addUnit({ id: 'le-chan', name: 'Phường Lê Chân, "khu 1"', kind: 'phuong', parentId: 'hai-phong', deadline: '12-10' });
    await reports.addUnit({ id: 'cat-hai', name: 'Đặc khu Cát Hải', kind: 'dac_khu', parentId: 'hai-phong', deadline: null });
    // Every reporting unit here follows the seeded plan (the seed binds its own ward; the others are bound by hand).
    plans = await openPlans(db, reports, path.resolve(import.meta.dirname, '../../corpus'));
    for (const id of ['le-chan', 'cat-hai', 'hai-duong']) await plans.bind(id, 'hong-an-kh', 'test');
    const base = { period: '2025', rawMessage: 'Năm 2025: …', userChannel: 'telegram', userId: '42' };
    await reports.saveSubmissions({
      ...base,
      draftId: 'a1',
      unitId: 'hong-an',
      figures: [
        { indicatorId: 'can_bo_ky_nang_so', percent: 80 },
        { indicatorId: 'nguoi_dan_xac_nhan_vneid', numerator: 1234, denominator: 1500 },
        // No 2025 target for schools: not exported for 2025.
        { indicatorId: 'co_so_giao_duc_day_ky_nang_so', percent: 90 },
      ],
    });
    // A correction: the latest figure counts (a tick later: versions tie-break by random id within a ms).
    await new Promise((r) => setTimeout(r, 5));
    await reports.saveSubmissions({ ...base, draftId: 'a2', unitId: 'hong-an', figures: [{ indicatorId: 'can_bo_ky_nang_so', percent: 85.5, approx: true }] });
    await reports.saveSubmissions({
      ...base,
      userChannel: 'zalo',
      userId: 'z9',
      draftId: 'b1',
      unitId: 'hai-duong',
      // "hơn 70%" against "trên 80%": may be either side.
      figures: [{ indicatorId: 'hoc_sinh_ky_nang_so', percent: 97 }, { indicatorId: 'can_bo_ky_nang_so', percent: 70, approx: true, qualifier: 'over' as const }],
    });
    await reports.saveSubmissions({ ...base, period: '2026', draftId: 'c1', unitId: 'hai-duong', figures: [{ indicatorId: 'co_so_giao_duc_day_ky_nang_so', percent: 80 }] });
    rows = await buildReportRows(reports, plans, '2025');
  });
  afterAll(async () => {
    await db?.destroy();
    await drop?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has one row per reporting unit × indicator with a target that year', async () => {
    // cat-hai, hai-duong, hong-an, le-chan (not the city) × five 2025 indicators (not schools).
    expect(rows).toHaveLength(4 * 5);
    expect([...new Set(rows.map((r) => r.unitId))]).toEqual(['cat-hai', 'hai-duong', 'hong-an', 'le-chan']);
    expect(rows.filter((r) => r.unitId === 'hong-an').map((r) => r.indicatorId)).toEqual([
      'can_bo_ky_nang_so',
      'hoc_sinh_ky_nang_so',
      'nguoi_dan_ky_nang_so',
      'nguoi_dan_xac_nhan_vneid',
      'lao_dong_doanh_nghiep_ky_nang_so',
    ]);
    const cb = rows.find((r) => r.unitId === 'hong-an' && r.indicatorId === 'can_bo_ky_nang_so')!;
    expect(cb).toMatchObject({ unitName: 'Phường Hồng An', period: '2025', target: '> 80%', percent: 85.5, numerator: null, approx: true, met: 'Đạt', reportedBy: 'telegram:42' });
    expect(new Date(cb.reportedAt).toISOString()).toBe(cb.reportedAt);
    expect(rows.find((r) => r.unitId === 'hong-an' && r.indicatorId === 'nguoi_dan_xac_nhan_vneid')).toMatchObject({
      target: '≥ 80%',
      percent: 82.3,
      numerator: 1234,
      denominator: 1500,
      approx: false,
      met: 'Đạt',
    });
    expect(rows.find((r) => r.unitId === 'hai-duong' && r.indicatorId === 'hoc_sinh_ky_nang_so')).toMatchObject({ target: '≥ 100%', percent: 97, met: 'Chưa đạt', reportedBy: 'zalo:z9' });
    expect(rows.find((r) => r.unitId === 'hai-duong' && r.indicatorId === 'can_bo_ky_nang_so')).toMatchObject({ percent: 70, approx: true, met: 'Chưa rõ' });
    expect(rows.find((r) => r.unitId === 'le-chan' && r.indicatorId === 'can_bo_ky_nang_so')).toMatchObject({
      percent: null,
      numerator: null,
      denominator: null,
      approx: null,
      met: '',
      reportedAt: '',
      reportedBy: '',
    });
    // 2026 has the schools indicator (six), and only 2026 figures.
    const y2026 = await buildReportRows(reports, plans, '2026');
    expect(y2026).toHaveLength(4 * 6);
    expect(y2026.filter((r) => r.percent !== null)).toEqual([expect.objectContaining({ unitId: 'hai-duong', indicatorId: 'co_so_giao_duc_day_ky_nang_so', target: '≥ 80%', met: 'Đạt' })]);
  });

  it('writes CSV in UTF-8 with a BOM, Vietnamese headers and RFC 4180 quoting', async () => {
    const out = path.join(dir, 'nested', 'bao-cao-2025.csv');
    await writeReport(rows, { format: 'csv', out });
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"Phường Lê Chân, ""khu 1"""');
    const table = parseCsv(text.slice(1));
    expect(table[0]).toEqual(HEADERS);
    expect(table).toHaveLength(1 + rows.length);
    expect(table.every((r) => r.length === HEADERS.length)).toBe(true);
    const byKey = (unit: string, ind: string) => table.find((r) => r[0] === unit && r[2] === ind)!;
    expect(byKey('hong-an', 'can_bo_ky_nang_so')).toEqual([
      'hong-an',
      'Phường Hồng An',
      'can_bo_ky_nang_so',
      'Cán bộ, công chức, viên chức và người lao động trong khu vực công có hiểu biết về chuyển đổi số, kiến thức và kỹ năng số',
      '2025',
      '> 80%',
      '85.5',
      '',
      '',
      'Có',
      'Đạt',
      rows.find((r) => r.unitId === 'hong-an' && r.indicatorId === 'can_bo_ky_nang_so')!.reportedAt,
      'telegram:42',
    ]);
    expect(byKey('hong-an', 'nguoi_dan_xac_nhan_vneid').slice(5, 11)).toEqual(['≥ 80%', '82.3', '1234', '1500', 'Không', 'Đạt']);
    expect(byKey('hai-duong', 'hoc_sinh_ky_nang_so')[10]).toBe('Chưa đạt');
    expect(byKey('le-chan', 'can_bo_ky_nang_so')!.slice(1, 2)).toEqual(['Phường Lê Chân, "khu 1"']);
    expect(byKey('le-chan', 'can_bo_ky_nang_so')!.slice(6)).toEqual(['', '', '', '', '', '', '']);
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    const row = { ...rows[0]!, unitName: '=HYPERLINK("http://x")', reportedBy: 'zalo:+84' };
    const [, line] = parseCsv(toCsv([row]).slice(1));
    expect(line![1]).toBe(`'=HYPERLINK("http://x")`);
    expect(line![12]).toBe('zalo:+84');
  });

  it('writes XLSX with a bold frozen header, widths, and percents as numbers', async () => {
    const out = path.join(dir, 'bao-cao-2025.xlsx');
    await writeReport(rows, { format: 'xlsx', out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Báo cáo 2025');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    for (let c = 1; c <= HEADERS.length; c++) expect(ws.getRow(1).getCell(c).font?.bold).toBe(true);
    expect(ws.rowCount).toBe(1 + rows.length);
    for (const [i, c] of REPORT_COLUMNS.entries()) expect(ws.getColumn(i + 1).width).toBe(c.width);

    const find = (unit: string, ind: string) => {
      for (let r = 2; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        if (row.getCell(1).value === unit && row.getCell(3).value === ind) return row;
      }
      throw new Error(`no row ${unit} ${ind}`);
    };
    const cb = find('hong-an', 'can_bo_ky_nang_so');
    expect(cb.getCell(2).value).toBe('Phường Hồng An');
    expect(cb.getCell(4).value).toBe('Cán bộ, công chức, viên chức và người lao động trong khu vực công có hiểu biết về chuyển đổi số, kiến thức và kỹ năng số');
    expect(cb.getCell(6).value).toBe('> 80%');
    expect(cb.getCell(7).value).toBe(85.5);
    expect(cb.getCell(7).numFmt).toBe('0.0');
    expect(cb.getCell(10).value).toBe('Có');
    expect(cb.getCell(11).value).toBe('Đạt');
    expect(cb.getCell(13).value).toBe('telegram:42');
    const vneid = find('hong-an', 'nguoi_dan_xac_nhan_vneid');
    expect([7, 8, 9].map((c) => vneid.getCell(c).value)).toEqual([82.3, 1234, 1500]);
    expect(find('hai-duong', 'hoc_sinh_ky_nang_so').getCell(11).value).toBe('Chưa đạt');
    const empty = find('le-chan', 'can_bo_ky_nang_so');
    expect(empty.getCell(2).value).toBe('Phường Lê Chân, "khu 1"');
    expect([7, 8, 9, 10, 11, 12, 13].map((c) => empty.getCell(c).value ?? null)).toEqual([null, null, null, null, null, null, null]);
  });
});
