/**
 * Every reporting unit for one year: its latest figure per indicator of its own plan, met or not,
 * and who has not reported. One computation for /tonghop in chat, the staff web page, the chart
 * and the CSV/XLSX download, so they never disagree.
 */
import type { Plans } from '../plans/service.js';
import type { ReportStore } from '../store/reports.js';
import { buildReportRows, toCsv as rowsToCsv, toXlsx as rowsToXlsx, type ReportRow } from './export.js';
import { formatFigure, judge, valueFor } from './progress.js';

export interface Summary {
  period: string;
  units: { id: string; name: string; deadline: string | null; reported: boolean; plan: string | null }[];
  /** Every indicator of any unit's plan that year, in plan order. */
  indicators: { id: string; shortName: string; name: string }[];
  rows: { unitIndex: number; indicatorId: string; percent: number | null; target: number | null; comparator: '>' | '>=' | null; met: boolean | null; figure: string }[];
  /** The export rows behind the downloads. */
  exportRows: ReportRow[];
}

export const REPORTING_UNIT_KINDS = new Set(['phuong', 'xa', 'dac_khu']);

export async function buildSummary(reports: ReportStore, plans: Plans, period: string): Promise<Summary> {
  const year = Number(period);
  const units = (await reports.listUnits()).filter((u) => REPORTING_UNIT_KINDS.has(u.kind));
  const latest = await reports.latest(period);
  const indicators = new Map<string, Summary['indicators'][number]>();
  const rows: Summary['rows'] = [];
  const out: Summary['units'] = [];
  for (const unit of units) {
    const plan = await plans.forUnit(unit.id);
    const mine = latest.filter((s) => s.unitId === unit.id);
    const unitIndex = out.push({ id: unit.id, name: unit.name, deadline: unit.deadline, reported: mine.length > 0, plan: plan?.docs.join(', ') ?? null }) - 1;
    for (const ind of plan?.indicatorsFor(year) ?? []) {
      if (!indicators.has(ind.id)) indicators.set(ind.id, { id: ind.id, shortName: ind.shortName, name: ind.name });
      const s = mine.find((x) => x.indicatorId === ind.id);
      const { target, met } = judge(plan!, ind.id, period, s ?? {});
      rows.push({
        unitIndex,
        indicatorId: ind.id,
        percent: s ? valueFor(target, s) : null,
        target: target?.value ?? null,
        comparator: target?.comparator ?? null,
        met: s ? met : null,
        figure: s ? formatFigure(s) : '',
      });
    }
  }
  return { period, units: out, indicators: [...indicators.values()], rows, exportRows: await buildReportRows(reports, plans, period) };
}

export const toCsv = (s: Summary) => rowsToCsv(s.exportRows);
export const toXlsx = (s: Summary) => rowsToXlsx(s.exportRows);
