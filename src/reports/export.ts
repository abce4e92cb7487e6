/**
 * The export staff hand on: one row per reporting unit × indicator of a period, with the latest
 * confirmed figure (or empty cells when the unit has not reported it), as CSV or XLSX.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportStore, Submission } from '../store/reports.js';
import type { UnitKind } from '../store/schema.js';
import type { Target } from '../plans/model.js';
import type { Plans } from '../plans/service.js';
import { judge, percentOf } from './progress.js';

/** Units that report figures (the city only aggregates). */
export const REPORTING_KINDS: readonly UnitKind[] = ['phuong', 'xa', 'dac_khu'];

export type MetText = 'Đạt' | 'Chưa đạt' | 'Chưa rõ' | '';

/** One line of the export. Empty values are null (or '' for text). */
export interface ReportRow {
  unitId: string;
  unitName: string;
  indicatorId: string;
  indicatorName: string;
  period: string;
  /** "> 80%", "≥ 100%" */
  target: string;
  /** The figure's percent, or numerator/denominator × 100 to one decimal. */
  percent: number | null;
  numerator: number | null;
  denominator: number | null;
  approx: boolean | null;
  met: MetText;
  /** ISO-8601, '' when not reported. */
  reportedAt: string;
  /** "channel:userId", '' when not reported. */
  reportedBy: string;
}

/** Column order and Vietnamese headers, shared by both formats. */
export const REPORT_COLUMNS: readonly { key: keyof ReportRow; header: string; width: number }[] = [
  { key: 'unitId', header: 'Mã đơn vị', width: 14 },
  { key: 'unitName', header: 'Tên đơn vị', width: 24 },
  { key: 'indicatorId', header: 'Mã chỉ tiêu', width: 30 },
  { key: 'indicatorName', header: 'Tên chỉ tiêu', width: 60 },
  { key: 'period', header: 'Kỳ báo cáo', width: 11 },
  { key: 'target', header: 'Mục tiêu', width: 10 },
  { key: 'percent', header: 'Tỷ lệ (%)', width: 10 },
  { key: 'numerator', header: 'Tử số', width: 10 },
  { key: 'denominator', header: 'Mẫu số', width: 10 },
  { key: 'approx', header: 'Ước tính', width: 10 },
  { key: 'met', header: 'Kết quả', width: 10 },
  { key: 'reportedAt', header: 'Thời điểm báo cáo', width: 26 },
  { key: 'reportedBy', header: 'Người báo cáo', width: 20 },
];

/** "> 80%" or "≥ 100%". */
export function targetText(t: Target): string {
  return `${t.comparator === '>' ? '>' : '≥'} ${t.value}${t.unit === '%' ? '%' : ''}`;
}

/** The year a period stands for ("2025" → 2025). */
function yearOf(period: string): number {
  const m = /^(\d{4})/.exec(period);
  if (!m) throw new Error(`period must start with a year, got "${period}"`);
  return Number(m[1]);
}

/**
 * One row per reporting unit (phường, xã, đặc khu; by id) × indicator with a target that year (in
 * the plan's order), carrying the latest confirmed figure. An approximate figure is judged like the
 * chat replies do it ("hơn 80%" meets "> 80%"; "hơn 70%" cannot tell: "Chưa rõ"); the "Ước tính"
 * column says it was approximate.
 */
export async function buildReportRows(reports: ReportStore, plans: Plans, period: string): Promise<ReportRow[]> {
  const year = yearOf(period);
  const units = (await reports.listUnits()).filter((u) => REPORTING_KINDS.includes(u.kind));
  const latest = new Map<string, Submission>();
  for (const s of await reports.latest(period)) latest.set(`${s.unitId}\u0000${s.indicatorId}`, s);

  const rows: ReportRow[] = [];
  for (const unit of units) {
    // Each unit is weighed against its own plan's targets for that year.
    const plan = await plans.forUnit(unit.id);
    if (!plan) continue;
    const indicators = plan.indicatorsFor(year).map((i) => ({ indicator: i, target: plan.targetFor(i.id, year)! }));
    for (const { indicator, target } of indicators) {
      const s = latest.get(`${unit.id}\u0000${indicator.id}`);
      const percent = s ? percentOf(s) : null;
      rows.push({
        unitId: unit.id,
        unitName: unit.name,
        indicatorId: indicator.id,
        indicatorName: indicator.name,
        period,
        target: targetText(target),
        percent,
        numerator: s?.numerator ?? null,
        denominator: s?.denominator ?? null,
        approx: s ? s.approx : null,
        met: s && percent !== null ? metText(judge(plan, indicator.id, period, s).met) : '',
        reportedAt: s?.createdAt ?? '',
        reportedBy: s ? `${s.userChannel}:${s.userId}` : '',
      });
    }
  }
  return rows;
}

export interface WriteReportOptions {
  format: 'csv' | 'xlsx';
  /** The file to write (its directory is created). */
  out: string;
}

/**
 * Text a spreadsheet would run as a formula ("=…", "+…", "-…", "@…", or a leading tab/CR) is
 * prefixed with an apostrophe: unit names and user ids come from outside.
 */
function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

const metText = (met: boolean | null): MetText => (met === null ? 'Chưa rõ' : met ? 'Đạt' : 'Chưa đạt');

function cellText(row: ReportRow, key: keyof ReportRow): string {
  const v = row[key];
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') return String(v);
  return safeText(v);
}

/** RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes. */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a BOM (Excel then reads the diacritics right), CRLF line ends, a header line. */
export function toCsv(rows: readonly ReportRow[]): string {
  const lines = [REPORT_COLUMNS.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(REPORT_COLUMNS.map((c) => csvField(cellText(row, c.key))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The workbook: one sheet, bold frozen header with a filter, numbers as numbers. */
export async function toXlsx(rows: readonly ReportRow[]): Promise<Buffer> {
  // Loaded on demand: the bot (reminders share this module's constants) need not load exceljs.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Trợ lý Thi đua';
  wb.created = new Date();
  const period = rows[0]?.period;
  // Sheet names: at most 31 characters, none of []:*?/\
  const name = (period ? `Báo cáo ${period}` : 'Báo cáo').replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = REPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getColumn('percent').numFmt = '0.0';
  ws.getColumn('numerator').numFmt = '#,##0';
  ws.getColumn('denominator').numFmt = '#,##0';
  ws.getColumn('indicatorName').alignment = { wrapText: true, vertical: 'top' };
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const row of rows) {
    const values: Record<string, string | number | null> = {};
    for (const c of REPORT_COLUMNS) {
      const v = row[c.key];
      // Empty stays empty (no blank strings), so COUNTA and filters see unreported cells as blank.
      values[c.key] = v === null || v === '' ? null : typeof v === 'number' ? v : cellText(row, c.key);
    }
    ws.addRow(values);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REPORT_COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Writes the rows as CSV or XLSX to `out`. The file appears whole or not at all (written beside
 * it, then renamed), so a reader never opens half an export.
 */
export async function writeReport(rows: readonly ReportRow[], opts: WriteReportOptions): Promise<void> {
  const data = opts.format === 'csv' ? Buffer.from(toCsv(rows), 'utf8') : await toXlsx(rows);
  await mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
  const tmp = `${opts.out}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, opts.out);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
