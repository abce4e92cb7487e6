import { randomBytes } from 'node:crypto';
import type { ChatLike } from '../knowledge/answer/answer.js';
import { fold } from '../knowledge/ingest/normalize.js';
import { proposeFigures } from '../reports/llm-figures.js';
import { asksSomething, looksLikeReport, parseFigures } from '../reports/parse-figures.js';
import { figureLine } from '../reports/progress.js';
import { buildSummary } from '../reports/summary.js';
import type { PlanModel } from '../plans/model.js';
import type { Plans } from '../plans/service.js';
import type { Qualifier } from '../reports/vi-numbers.js';
import type { ReportStore, Unit } from '../store/reports.js';
import type { ConversationState, Store } from '../store/store.js';
import type { Choice, Incoming, Reply } from './message.js';
import { texts } from './texts.vi.js';

/** Figures understood but not yet confirmed: kept in the conversation state, never in the table. */
export interface Draft {
  id: string;
  unitId: string;
  period: string;
  figures: { indicator: string; percent?: number; numerator?: number; denominator?: number; approx?: boolean; qualifier?: Qualifier }[];
  raw: string;
  correction: boolean;
}

export type { ProgressChartInput as ChartInput } from '../reports/chart.js';
import type { ProgressChartInput as ChartInput } from '../reports/chart.js';

export interface ReportingDeps {
  store: Store;
  reports: ReportStore;
  /** Each unit's approved plan: what its officers report against. */
  plans: Plans;
  /** With an LLM configured, it may propose figures the rules could not read; the same checks decide. */
  figuresLlm?: { llm: ChatLike; prompt: string; timeoutMs: number };
  /** Renders the /tonghop chart; without it the summary is text only. */
  chart?: (input: ChartInput) => Promise<Uint8Array>;
  now?: () => Date;
}

/**
 * Free-text requests for what /tonghop and /tiendo show, folded. Whole-message forms only:
 * "ai tổng hợp báo cáo gửi thành phố?" is a question about the plans, not a request.
 */
const SUMMARY_REQUEST = /^(?:xem |cho xem |gui |cho toi xem )?(?:bang )?tong hop(?: bao cao| so lieu| ket qua)?(?: cac (?:phuong|don vi|xa))?(?: nam (20\d\d))?$|\b(?:phuong|don vi|xa) nao (?:chua|da) (?:bao cao|gui)\b/;
const PROGRESS_REQUEST = /^(?:xem |cho xem )?tien do(?: cua)?(?: (?:phuong|don vi|xa)(?: minh| toi| em| chung toi)?)?(?: nam 20\d\d)?$/;

/** "Tổng hợp báo cáo năm 2025!" → "tong hop bao cao nam 2025". */
const request = (text: string) => fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** An undated report is for the current year, kept within the years the plan has targets for. */
export function defaultPeriod(now: Date, plan?: PlanModel | null): string {
  const year = now.getFullYear();
  const years = plan?.years.length ? plan.years : [year];
  const first = years[0]!;
  const last = years[years.length - 1]!;
  return String(Math.min(last, Math.max(first, year)));
}

/** Words of an officer correcting a figure already sent (folded). */
const CORRECTION = /\b(nhap sai|ghi sai|gui sai|bao cao sai|bi sai|nham|sua lai|phai la|dung ra la|dinh chinh)\b/;

/**
 * The officers' side of the conversation: register with an invite, send figures in free text,
 * see what was understood with the target beside each, confirm (idempotent) or correct or drop;
 * check progress; staff get the summary of every unit. Roles are checked here, never in a channel.
 */
export function createReporting(deps: ReportingDeps) {
  const { store, reports } = deps;
  const now = () => deps.now?.() ?? new Date();

  const draftChoices = (id: string): Choice[] => [
    { label: texts.confirm, payload: `ok:${id}` },
    { label: texts.edit, payload: `sua:${id}` },
    { label: texts.cancel, payload: `huy:${id}` },
  ];

  async function setDraft(msg: Incoming, state: ConversationState, draft: Draft | undefined) {
    const { draft: _old, ...rest } = state;
    await store.setState(msg.channel, msg.chatId, draft ? { ...rest, draft } : rest);
  }

  /** Parses an officer's message; asks back, or shows the draft for confirmation. */
  async function propose(msg: Incoming, text: string, unit: Unit, correction: boolean): Promise<Reply[]> {
    const plan = await deps.plans.forUnit(unit.id);
    if (!plan) return [{ text: texts.noPlan(unit.name) }];
    let parsed = parseFigures(text, plan, now());
    if ((parsed.needsClarification || parsed.figures.length === 0) && deps.figuresLlm) {
      // The rules could not read it all: the LLM may propose; its figures pass the same checks,
      // and only a clean proposal replaces the rules' question.
      const { llm, prompt, timeoutMs } = deps.figuresLlm;
      const proposal = await proposeFigures(llm, prompt, text, timeoutMs, plan);
      if (proposal && (!proposal.needsClarification || parsed.figures.length === 0)) parsed = proposal;
    }
    // "Tôi nhập sai, 85,5 phải là 87%" is a correction written as a plain message: say how /sua works.
    const hint = !correction && CORRECTION.test(fold(text)) ? `\n${texts.correctionUsage}` : '';
    if (parsed.needsClarification) return [{ text: `${parsed.question ?? texts.reportUnclear}\n${texts.nothingSaved}${hint}` }];
    if (parsed.figures.length === 0) return [{ text: `${texts.reportUnclear}${hint}` }];
    const draft: Draft = {
      id: randomBytes(6).toString('base64url'),
      unitId: unit.id,
      period: parsed.period ?? defaultPeriod(now(), plan),
      figures: parsed.figures,
      raw: text,
      correction,
    };
    const state = await store.getState(msg.channel, msg.chatId);
    await setDraft(msg, state, draft);
    const lines = draft.figures.map((f) => figureLine(plan, f.indicator, draft.period, f));
    const head = correction ? texts.correctionUnderstood(unit.name, draft.period) : texts.understood(unit.name, draft.period);
    const periodNote = parsed.period ? '' : `\n${texts.periodAssumed(draft.period)}`;
    return [{ text: `${head}\n${lines.join('\n')}${periodNote}\n\n${texts.confirmQuestion}`, choices: draftChoices(draft.id) }];
  }

  async function onDraftChoice(msg: Incoming, action: 'ok' | 'sua' | 'huy', id: string): Promise<Reply[]> {
    const state = await store.getState(msg.channel, msg.chatId);
    const draft = state.draft as Draft | undefined;
    if (!draft || draft.id !== id) {
      // Pressed twice, or on an old message: say what happened, store nothing new.
      return [{ text: action === 'ok' && (await reports.draftStored(id)) ? texts.alreadySaved : texts.draftExpired }];
    }
    if (action === 'huy') {
      await setDraft(msg, state, undefined);
      return [{ text: texts.cancelled }];
    }
    if (action === 'sua') {
      await setDraft(msg, state, undefined);
      return [{ text: texts.sendCorrected }];
    }
    const person = await reports.getPerson(msg.channel, msg.userId);
    if (person.role !== 'officer' || person.unitId !== draft.unitId) return [{ text: texts.officersOnly }];
    const { stored } = await reports.saveSubmissions({
      draftId: draft.id,
      unitId: draft.unitId,
      period: draft.period,
      figures: draft.figures.map(({ indicator, ...v }) => ({ indicatorId: indicator, ...v })),
      rawMessage: draft.raw,
      userChannel: msg.channel,
      userId: msg.userId,
    });
    await setDraft(msg, state, undefined);
    return [{ text: stored ? texts.saved(stored, draft.period) : texts.alreadySaved }];
  }

  async function register(msg: Incoming, code: string): Promise<Reply[]> {
    if (!code) return [{ text: texts.registerUsage }];
    const r = await reports.redeemInvite(code, { channel: msg.channel, userId: msg.userId, chatId: msg.chatId, displayName: msg.userName ?? null });
    if (!r.ok) return [{ text: texts.inviteProblem[r.reason] }];
    const unit = await reports.getUnit(r.unitId);
    return [{ text: texts.registered(r.role, unit?.name ?? r.unitId) }];
  }

  /** Latest figures of one unit for every year of its plan, each against its target. */
  async function progressOf(unit: Unit): Promise<string> {
    const plan = await deps.plans.forUnit(unit.id);
    if (!plan) return texts.noPlan(unit.name);
    const parts = [texts.progressTitle(unit.name)];
    for (const period of plan.years.map(String)) {
      const latest = await reports.latest(period, unit.id);
      const lines = plan.indicatorsFor(Number(period)).map((ind) => {
        const s = latest.find((x) => x.indicatorId === ind.id);
        return s ? figureLine(plan, ind.id, period, s) : `• ${ind.name}: ${texts.notReported}`;
      });
      parts.push(`\nNăm ${period}:\n${lines.join('\n')}`);
    }
    return parts.join('\n');
  }

  /** Every reporting unit for one period, each against its own plan: figures, met or not, and who is late. */
  async function summary(period: string): Promise<Reply[]> {
    const sum = await buildSummary(reports, deps.plans, period);
    const today = now();
    const units = await reports.listUnits();
    const blocks = sum.units.map((u, unitIndex) => {
      if (!u.plan) return `${u.name} — ${texts.noPlanShort}`;
      const lines = sum.rows
        .filter((r) => r.unitIndex === unitIndex)
        .map((r) => {
          const name = sum.indicators.find((i) => i.id === r.indicatorId)!.shortName;
          return r.figure ? `  ${r.met === null ? '❔' : r.met ? '✅' : '⚠️'} ${name}: ${r.figure}` : `  ▫️ ${name}: ${texts.notReported}`;
        });
      const late = u.reported ? '' : deadlineNote(units.find((x) => x.id === u.id)!, period, today);
      return `${u.name}${late}\n${lines.join('\n')}`;
    });
    const text = `${texts.summaryTitle(period)}\n\n${blocks.join('\n\n')}`;
    if (!deps.chart || sum.rows.length === 0) return [{ text }];
    const input: ChartInput = { title: texts.chartTitle(period), period, units: sum.units.map((u) => ({ name: u.name })), indicators: sum.indicators, rows: sum.rows };
    const png = await deps.chart(input);
    return [{ text, image: { png, caption: texts.chartTitle(period) } }];
  }

  function deadlineNote(unit: Unit, period: string, today: Date): string {
    if (!unit.deadline) return ` — ${texts.notReported}`;
    const [mm, dd] = unit.deadline.split('-').map(Number);
    const due = new Date(Date.UTC(Number(period), mm! - 1, dd!));
    const days = Math.ceil((due.getTime() - today.getTime()) / 86_400_000);
    return ` — ${texts.lateNote(`${String(dd).padStart(2, '0')}/${String(mm).padStart(2, '0')}`, days)}`;
  }

  return {
    /** Commands of the reporting side; undefined when the command is not one of them. */
    async command(msg: Incoming, command: string, rest: string): Promise<Reply[] | undefined> {
      switch (command) {
        case 'dangky':
          return register(msg, rest);
        case 'huy': {
          const state = await store.getState(msg.channel, msg.chatId);
          if (!state.draft) return [{ text: texts.nothingPending }];
          await setDraft(msg, state, undefined);
          return [{ text: texts.cancelled }];
        }
        case 'sua': {
          const person = await reports.getPerson(msg.channel, msg.userId);
          const unit = person.role === 'officer' && person.unitId ? await reports.getUnit(person.unitId) : undefined;
          if (!unit) return [{ text: texts.officersOnly }];
          if (rest) return propose(msg, rest, unit, true);
          const last = await reports.lastSubmissionBy(msg.channel, msg.userId);
          if (last.length === 0) return [{ text: texts.nothingToCorrect }];
          const plan = await deps.plans.forUnit(unit.id);
          if (!plan) return [{ text: texts.noPlan(unit.name) }];
          const lines = last.map((s) => figureLine(plan, s.indicatorId, s.period, s));
          return [{ text: `${texts.lastSubmission}\n${lines.join('\n')}\n\n${texts.correctionUsage}` }];
        }
        case 'tiendo': {
          const person = await reports.getPerson(msg.channel, msg.userId);
          const unitId = person.role === 'officer' ? person.unitId : person.role === 'citizen' ? null : rest || null;
          const unit = unitId ? await reports.getUnit(unitId) : undefined;
          if (person.role === 'citizen') return [{ text: texts.officersOnly }];
          if (!unit) return [{ text: texts.progressUsage((await reports.listUnits()).map((u) => u.id)) }];
          return [{ text: await progressOf(unit) }];
        }
        case 'tonghop': {
          const person = await reports.getPerson(msg.channel, msg.userId);
          if (person.role !== 'staff' && person.role !== 'admin') return [{ text: texts.staffOnly }];
          const period = /^20\d\d$/.test(rest) ? rest : defaultPeriod(now(), await deps.plans.fallback());
          return summary(period);
        }
        default:
          return undefined;
      }
    },

    /** Draft buttons; undefined when the payload is not one of them. */
    async payload(msg: Incoming, payload: string): Promise<Reply[] | undefined> {
      const m = /^(ok|sua|huy):([\w-]+)$/.exec(payload);
      return m ? onDraftChoice(msg, m[1] as 'ok' | 'sua' | 'huy', m[2]!) : undefined;
    },

    /**
     * Free text: a report from an officer; "tổng hợp báo cáo", "phường nào chưa báo cáo" from staff
     * (the /tonghop summary) and "tiến độ phường mình" from an officer (/tiendo); or undefined
     * (then it is a question).
     */
    async text(msg: Incoming, text: string): Promise<Reply[] | undefined> {
      const asked = request(text);
      const summaryAsked = SUMMARY_REQUEST.exec(asked);
      const progressAsked = summaryAsked ? null : PROGRESS_REQUEST.exec(asked);
      if (summaryAsked || progressAsked) {
        const person = await reports.getPerson(msg.channel, msg.userId);
        if (summaryAsked && (person.role === 'staff' || person.role === 'admin')) return summary(summaryAsked[1] ?? defaultPeriod(now(), await deps.plans.fallback()));
        const unit = progressAsked && person.role === 'officer' && person.unitId ? await reports.getUnit(person.unitId) : undefined;
        if (unit) return [{ text: await progressOf(unit) }];
      }
      const person = await reports.getPerson(msg.channel, msg.userId);
      // Read against the officer's own plan; anyone else's message against the default plan.
      const plan = (person.role === 'officer' && person.unitId ? await deps.plans.forUnit(person.unitId) : null) ?? (await deps.plans.fallback());
      if (!plan || !looksLikeReport(text, plan)) return undefined;
      if (person.role === 'citizen') {
        // Told that reporting is for officers only when it is a report: a bare "123" or a pasted
        // "<script>alert(1)</script>" holds a number, names no indicator, and is left to the answerer.
        // A question about reports ("… gửi báo cáo trước ngày nào?") is a question. "Em báo cáo xã đã
        // đạt chỉ tiêu rồi" says it reports, though it holds no figure.
        const parsed = parseFigures(text, plan, now());
        const reports = parsed.figures.length > 0 || (parsed.needsClarification && /\bbao cao\b/.test(fold(text)));
        return reports && !asksSomething(text) ? [{ text: texts.officersOnly }] : undefined;
      }
      if (person.role !== 'officer' || !person.unitId) return undefined;
      const unit = await reports.getUnit(person.unitId);
      return unit ? propose(msg, text, unit, false) : undefined;
    },
  };
}

export type Reporting = ReturnType<typeof createReporting>;
