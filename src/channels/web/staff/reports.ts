/**
 * `/quan-tri/bao-cao?nam=2025`: every unit's latest figure per indicator against its target, the
 * units that have not reported with their deadline, the chart (inline SVG, the same Vega-Lite
 * spec as the chat's /tonghop photo), and the CSV / Excel downloads of the same summary.
 * The summary and the chart are loaded on first use: vega, resvg and exceljs stay out of start-up.
 */
import type { Context, Hono } from 'hono';
import type { Plans } from '../../../plans/service.js';
import type { ReportStore } from '../../../store/reports.js';
import type { Summary } from '../../../reports/summary.js';
import { percentLabel, viNumber } from '../../../reports/vi-format.js';
import type { StaffEnv } from './guard.js';
import { esc, h, layout, raw, type Notice, type Raw } from './html.js';
import { staffTexts } from './texts.vi.js';

const t = staffTexts.reports;

export interface ReportsPageDeps {
  reports: ReportStore;
  plans: Plans;
  logger?: { error(obj: unknown, msg?: string): void };
  now?: () => Date;
}

const loadSummary = () => import('../../../reports/summary.js');
const loadChart = () => import('../../../reports/chart.js');

/** "2025" from `?nam=`, else this year (with a notice when the value was not a year). */
function periodOf(c: Context, now: Date): { period: string; bad: boolean } {
  const asked = c.req.query('nam');
  if (asked !== undefined && /^\d{4}$/.test(asked.trim()) && Number(asked) >= 2000 && Number(asked) <= 2100) return { period: asked.trim(), bad: false };
  return { period: String(now.getFullYear()), bad: asked !== undefined && asked !== '' };
}

/** A unit's deadline as a person reads it: "05/12/2025" from "12-05", else as stored. */
export function deadlineText(deadline: string | null, period: string): string {
  if (!deadline) return t.noDeadline;
  const md = /^(\d{2})-(\d{2})$/.exec(deadline);
  if (md) return `${md[2]}/${md[1]}/${period}`;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(deadline);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : deadline;
}

function metBadge(met: boolean | null): Raw {
  if (met === true) return h`<span class="badge ok">${t.met}</span>`;
  if (met === false) return h`<span class="badge bad">${t.notMet}</span>`;
  return h`<span class="badge">${t.unknown}</span>`;
}

function targetText(target: number | null, comparator: '>' | '>=' | null): string {
  if (target === null) return '';
  return comparator === '>' ? `trên ${percentLabel(target)}` : comparator === '>=' ? `từ ${percentLabel(target)} trở lên` : percentLabel(target);
}

function cell(s: Summary, unitIndex: number, indicator: Summary['indicators'][number]): Raw {
  const row = s.rows.find((r) => r.unitIndex === unitIndex && r.indicatorId === indicator.id);
  if (!row) return h`<td data-label="${indicator.shortName}"><span class="muted">${t.noFigure}</span></td>`;
  const figure = row.figure || (row.percent === null ? t.noFigure : `${viNumber(row.percent, 1)}%`);
  const target = targetText(row.target, row.comparator);
  return h`<td data-label="${indicator.shortName}"><span class="cell-fig">${figure}</span> ${row.percent !== null || row.met !== null ? metBadge(row.met) : ''}
${target ? h`<br><span class="muted">${t.target(target)}</span>` : ''}</td>`;
}

function summaryTable(s: Summary, period: string): Raw {
  return h`<table class="grid">
<caption>${t.tableCaption(period)}</caption>
<thead><tr><th scope="col">${t.unit}</th>${s.indicators.map((i) => h`<th scope="col" title="${i.name}">${i.shortName}</th>`)}</tr></thead>
<tbody>${s.units.map(
    (u, k) => h`<tr><th scope="row">${u.name}<br><span class="muted">${u.reported ? t.reported : t.notReported} · ${t.deadline}: ${deadlineText(u.deadline, period)}</span></th>
${s.indicators.map((i) => cell(s, k, i))}</tr>`,
  )}</tbody>
</table>`;
}

export function reportRoutes(app: Hono<StaffEnv>, deps: ReportsPageDeps, notices: (c: Context) => Notice[]): void {
  const now = deps.now ?? (() => new Date());

  /** The chart's SVG, without a prolog or anything scriptable (vega escapes every text it draws). */
  async function renderSvg(s: Summary, period: string): Promise<string> {
    const { renderProgressSvg } = await loadChart();
    const svg = await renderProgressSvg({
      title: t.chartTitle(period),
      period,
      units: s.units.map((u) => ({ name: u.name })),
      indicators: s.indicators.map((i) => ({ id: i.id, shortName: i.shortName })),
      rows: s.rows.map(({ unitIndex, indicatorId, percent, target, comparator, met }) => ({ unitIndex, indicatorId, percent, target, comparator, met })),
    });
    return svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<script[\s\S]*?<\/script>/gi, '');
  }

  async function chartSvg(s: Summary, period: string): Promise<Raw | null> {
    if (!s.units.length || !s.indicators.length) return null;
    try {
      const svg = await renderSvg(s, period);
      return raw(svg.replace(/^<svg\b/, `<svg role="img" aria-label="${esc(t.chartTitle(period))}"`));
    } catch (err) {
      deps.logger?.error({ err, period }, 'progress chart failed on the staff page');
      return null;
    }
  }

  app.get('/quan-tri/bao-cao', async (c) => {
    const s = c.get('staff');
    const { period, bad } = periodOf(c, now());
    const shown: Notice[] = [...notices(c), ...(bad ? [{ kind: 'error' as const, text: t.badYear }] : [])];
    const { buildSummary } = await loadSummary();
    const summary: Summary = await buildSummary(deps.reports, deps.plans, period);
    const missing = summary.units.filter((u) => !u.reported);
    const chart = await chartSvg(summary, period);
    const q = `?nam=${period}`;
    const body = h`<h1>${t.heading(period)}</h1>
<form class="row" method="get" action="/quan-tri/bao-cao">
<label for="nam">${t.yearLabel}</label>
<input class="num" id="nam" name="nam" type="number" inputmode="numeric" min="2000" max="2100" value="${period}">
<button class="btn secondary" type="submit">${t.show}</button>
</form>
<div class="actions" aria-label="${t.downloads}" role="group">
<a class="btn secondary" href="/quan-tri/bao-cao.csv${q}" download>${t.csv}</a>
<a class="btn secondary" href="/quan-tri/bao-cao.xlsx${q}" download>${t.xlsx}</a>
</div>
${!summary.units.length || !summary.indicators.length
  ? h`<p class="notice info">${t.noData}</p>`
  : h`${chart
  ? h`<figure class="chart">${chart}<figcaption><a href="/quan-tri/bao-cao.svg${q}">${t.chartFull}</a></figcaption></figure>`
  : h`<p class="notice error">${t.chartFailed}</p>`}
<h2>${t.missingTitle(missing.length)}</h2>
${missing.length
  ? h`<ul>${missing.map((u) => h`<li><strong>${u.name}</strong>: ${t.deadline.toLowerCase()} ${deadlineText(u.deadline, period)}</li>`)}</ul>`
  : h`<p>${t.allReported}</p>`}
<h2>${t.unit} × ${staffTexts.plans.indicators.toLowerCase()}</h2>
${summaryTable(summary, period)}`}`;
    return c.html(layout({ title: t.title, section: 'reports', session: s, notices: shown, body }));
  });

  // The chart alone, for zooming on a phone; an SVG opened directly gets no right to run anything.
  app.get('/quan-tri/bao-cao.svg', async (c) => {
    const { period } = periodOf(c, now());
    const { buildSummary } = await loadSummary();
    const svg = await renderSvg(await buildSummary(deps.reports, deps.plans, period), period);
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
  });

  app.get('/quan-tri/bao-cao.csv', async (c) => {
    const { period } = periodOf(c, now());
    const { buildSummary, toCsv } = await loadSummary();
    const csv = toCsv(await buildSummary(deps.reports, deps.plans, period));
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', `attachment; filename="bao-cao-${period}.csv"`);
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });

  app.get('/quan-tri/bao-cao.xlsx', async (c) => {
    const { period } = periodOf(c, now());
    const { buildSummary, toXlsx } = await loadSummary();
    const bytes = await toXlsx(await buildSummary(deps.reports, deps.plans, period));
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', `attachment; filename="bao-cao-${period}.xlsx"`);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  });
}
