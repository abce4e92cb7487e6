/**
 * Reading progress reports sent by chat ("Năm 2025: 85,5% CBCCVC có kỹ năng số; 1.234/1.500
 * người dân đã xác nhận trên VNeID") into figures per indicator of the Hồng An plan.
 *
 * Rule-based and deterministic (well under 1 ms a message): fold the text, blank numbers that are
 * not figures (dates, years, ages, ordinals), split into segments, read the figures of each
 * segment and attach each to the words naming its indicator (see attach.ts). Anything that cannot
 * be recorded as written (a percent over 100, x/y with x > y, a figure without indicator, an
 * indicator without figure, two values for one indicator…) is never guessed: the result asks back
 * with one precise Vietnamese question and no figures.
 */
import type { PlanModel } from '../plans/model.js';
import { attach, groupsIn, type Group } from './attach.js';
import { dedupe, joinHalves, toFigure, valueText, type Figure } from './checks.js';
import { questionFor, type Problem } from './questions.js';
import { contentWords, recognizerFor, type Recognizer } from './recognize.js';

type IndicatorId = string;
import { foldAligned, hardSegments, maskNonFigures, type Span } from './text.js';
import { scanQuantities, type Quantity } from './vi-numbers.js';

export type { Figure };

/** What a message reports. `question` is set exactly when `needsClarification` is. */
export interface ParseResult {
  figures: Figure[];
  /** The year the figures are for ("2025"), when the message names one. */
  period: string | null;
  needsClarification: boolean;
  question?: string;
}

// A question is asked with "?" or a question word; "em báo cáo…" makes it a report anyway.
const QUESTION =
  /\?|(?<![a-z])(?:bao\s*nhieu|la\s*gi|the\s*nao|nhu\s*nao|ra\s*sao|co\s*phai|phai\s*khong|dung\s*khong|duoc\s*khong|hay\s*khong|lam\s*sao|tai\s*sao|vi\s*sao|bao\s*gio|khi\s*nao|o\s*dau|(?:ngay|thang|nam|luc)\s*nao|truoc\s*ngay\s*may|cho\s*(?:em\s*|toi\s*|minh\s*)?hoi|xin\s*hoi|muon\s*hoi|can\s*dat|phai\s*dat|dat\s*chua)(?![a-z])|^\s*chi\s*tieu|khong\s*(?:a|ha|nhi)?\s*$/;
const REPORT = /(?<![a-z])(?:bao\s*cao|so\s*lieu|cap\s*nhat|ghi\s*nhan|tong\s*hop|gui\s*so)(?![a-z])/;
const HEADER = /:\s*$|^\s*(?:(?:e|em|toi|minh)\s+)?(?:xin\s+)?(?:bao\s*cao|kinh\s*gui|gui|cap\s*nhat|tong\s*hop|ket\s*qua|so\s*lieu)(?![a-z])/;
const LEAD_CHATTER = /^[\s,:;.\-–+*•()]*(?:(?:e|em|bao\s*cao|t[iy]\s*le|tl|so\s*lieu|so|dat|da|co|la)\s+)*/;
const TRAIL_CHATTER = /(?:\s+(?:dat(?:\s*duoc)?|la|duoc|da|roi|a|co|chiem))*[\s,:;.\-–+*•()]*$/;
const RATE = /(?<![a-z])(?:t[iy]\s*le|tl)(?![a-z])/;
// "CBCCVC đã đạt chỉ tiêu rồi ạ": a result claimed in words, with no number, is still a report
// (the number is asked back), unless it asks "… đạt chỉ tiêu (năm 2025) chưa/không".
const CLAIM =
  /(?<![a-z])(?:dat|hoan\s*thanh|vuot)\s*(?:duoc\s*)?(?:chi\s*tieu|ke\s*hoach|muc\s*tieu)(?![a-z])(?![^,;.!?\n]*(?<![a-z])(?:chua|khong)(?![a-z]))/;
// A clause made only of a verb ("…VNeID, đạt 82,7%", "tương đương", "bằng", "tức") names no
// population: its value continues the previous figure instead of being resolved on its own, where
// the context kept ("ND", without "VNeID") could name another indicator.
const CONTINUES =
  /^(?:[\s,:()+\-–]|(?<![a-z])(?:dat|duoc|tuong\s*(?:duong|ung)|bang|tuc|la|chiem|t[iy]\s*le|tl|a|roi|nhe)(?![a-z]))*$/;
/** Measures of digital transformation the plan does not track (folded): e-invoices, accounts, payments, fibre, online services. */
const OTHER_MEASURE =
  /(?<![a-z])(?:hoa\s*don|tai\s*khoan|thanh\s*toan|tien\s*mat|cap\s*quang|internet|dich\s*vu\s*cong|ho\s*so|muc\s*\d)(?![a-z])/;
const CONTINUE_VERB = /(?<![a-z])(?:dat|tuong\s*(?:duong|ung)|bang|tuc|chiem)(?![a-z])/;
// Ratio and percent of one figure agree within 0.1 point (rounding to one decimal); 1 if approximate.
const CONTINUE_TOLERANCE = 0.1;

interface Prepared {
  nfc: string;
  folded: string;
  masked: string;
  years: Set<number>;
  segments: { span: Span; qs: Quantity[]; inner: (Span | undefined)[] }[];
}

/**
 * A row pasted from a spreadsheet, "CBCCVC | 45 | 50 | 90% / HS | 980 | 1.100 | 89,1%": the two
 * counts are achieved / total, the other cells run on, and " / " before a label starts a row.
 * Length-preserving, so positions still quote the message.
 */
function asTable(folded: string): string {
  if (!/\d\s*\|\s*\d/.test(folded)) return folded;
  return folded
    .replace(/(\d)(\s*)\|(\s*)(?=\d[\d.,]*(?![\d.,])(?!\s*(?:%|phan\s*tram)))/g, '$1$2/$3')
    .replace(/\s\/\s(?=[a-z])/g, ' ; ')
    .replace(/\|/g, ' ');
}

function prepare(message: string): Prepared {
  const nfc = message.normalize('NFC');
  const folded = foldAligned(nfc);
  const { text: masked, years } = maskNonFigures(asTable(folded));
  const segments = hardSegments(masked).map((span) => {
    const seg = masked.slice(span.start, span.end);
    const found = scanQuantities(seg).map((q) => ({ ...q, start: q.start + span.start, end: q.end + span.start }));
    return { span, ...pairTotals(found) };
  });
  return { nfc, folded, masked, years, segments };
}

/**
 * "tổng số 4.000 người, đã có 3.456 người": a total said apart becomes the denominator, also of a
 * count that carries its percent ("… 6.860 (70%)"), and of every count said after it when there
 * are several ("tổng số người dân 6.100, trong đó 5.230 người …, 3.660 người …").
 */
function pairTotals(qs: Quantity[]): { qs: Quantity[]; inner: (Span | undefined)[] } {
  const none = { qs, inner: qs.map(() => undefined) };
  const t = qs.findIndex((q) => q.count !== undefined && q.percent === undefined && q.total);
  if (t < 0) return none;
  const total = qs[t]!;
  // A count still waiting for its total: bare, or with the percent said beside it.
  const open = (q: Quantity) =>
    !q.total && q.denominator === undefined && ((q.count !== undefined && q.percent === undefined) || q.numerator !== undefined);
  const withTotal = (q: Quantity): Quantity => {
    const { count, ...rest } = q;
    return { ...rest, numerator: q.numerator ?? count!, denominator: total.count! };
  };
  const after = qs.filter((q) => open(q) && q.start > total.start);
  if (after.length >= 2) {
    const out = qs.filter((q) => q !== total).map((q) => (after.includes(q) ? withTotal(q) : q));
    return { qs: out, inner: out.map(() => undefined) };
  }
  const c = qs.findIndex(open);
  if (c < 0) return none;
  const [a, b] = t < c ? [total, qs[c]!] : [qs[c]!, total];
  const merged: Quantity = { ...withTotal(qs[c]!), start: a.start, end: b.end, approx: a.approx || b.approx };
  const out = qs.filter((q) => q !== a && q !== b);
  const at = out.findIndex((q) => q.start > merged.start);
  out.splice(at < 0 ? out.length : at, 0, merged);
  return { qs: out, inner: out.map((q) => (q === merged ? { start: a.end, end: b.start } : undefined)) };
}

/**
 * Whether a message reports figures rather than asks something. Heuristic: it holds a figure
 * (percent, x/y or count, once dates and years are set aside) and is not a question ("?" or a
 * question word such as "bao nhiêu", "là gì", "đạt chưa"), unless it says "báo cáo"/"số liệu"/
 * "cập nhật", which marks a report even with a question in it. Without any figure, it is a report
 * only when it says so ("em báo cáo…"), names an indicator and asks nothing.
 */
export function looksLikeReport(message: string, plan: PlanModel): boolean {
  return isReport(prepare(message), recognizerFor(plan.indicators));
}

/** Whether a message asks something ("?", "bao nhiêu", "ngày nào", "khi nào" …), report cue or not. */
export function asksSomething(message: string): boolean {
  return QUESTION.test(prepare(message).folded.trim());
}

function isReport(p: Prepared, rec: Recognizer): boolean {
  const question = QUESTION.test(p.folded.trim());
  const cue = REPORT.test(p.folded);
  if (p.segments.some((s) => s.qs.length > 0)) return !question || cue;
  if (question) return false;
  // "Dạ em báo cáo xã đã đạt chỉ tiêu rồi ạ": a claimed result, reported, whose figures are asked back.
  return ((cue || CLAIM.test(p.masked)) && rec.subjectClusters(p.masked).length > 0) || (cue && CLAIM.test(p.masked));
}

// "năm nay" (this year), "năm ngoái / năm trước / năm qua" (last year), folded.
const THIS_YEAR = /(?<![a-z])nam\s+nay(?![a-z])/;
const LAST_YEAR = /(?<![a-z])nam\s+(?:ngoai|truoc|vua\s+qua|qua)(?![a-z])/;

/** The plan year a message names: written ("Năm 2025") or relative to `now` ("năm ngoái"). */
function periodOf(p: Prepared, now: Date, years: readonly number[]): ParseResult['period'] {
  if (p.years.size > 0) return p.years.size === 1 ? String([...p.years][0]) : null;
  const year = new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear(); // Vietnam time
  const named = THIS_YEAR.test(p.folded) ? year : LAST_YEAR.test(p.folded) ? year - 1 : undefined;
  // "năm nay" counts only as a year the plan sets targets for.
  return named === undefined || !years.includes(named) ? null : String(named);
}

/**
 * Reads the figures of a message; see the module comment and `ParseResult`. `now` dates "năm nay"
 * and "năm ngoái" (default: the clock).
 */
export function parseFigures(message: string, plan: PlanModel, now: Date = new Date()): ParseResult {
  const rec = recognizerFor(plan.indicators);
  const { resolveMention, subjectClusters, closestIndicators } = rec;
  const p = prepare(message);
  const period = periodOf(p, now, plan.years);
  if (!isReport(p, rec)) return { figures: [], period, needsClarification: false };
  const problems: Problem[] = p.years.size > 1 ? [{ kind: 'twoYears' }] : [];
  const figures: Figure[] = [];
  const orphans: IndicatorId[] = [];
  const hasValues = p.segments.some((s) => s.qs.length > 0);
  let context = '';
  // The figure the previous value of the message produced (index in `figures`), for continuations.
  let last: number | undefined;
  const original = (s: Span) => {
    // Trim on the folded copy (same positions), quote the original: "NLĐ có kỹ năng số", not "… đạt".
    const f = p.masked.slice(s.start, s.end);
    const head = LEAD_CHATTER.exec(f)![0].length;
    const tail = TRAIL_CHATTER.exec(f.slice(head))![0].length;
    return p.nfc.slice(s.start + head, s.end - tail);
  };
  const orphan = (g: Group) => {
    const r = resolveMention(p.masked.slice(g.start, g.end));
    if (r.kind === 'indicator') orphans.push(r.id);
  };

  for (const seg of p.segments) {
    const text = p.masked.slice(0, seg.span.end);
    if (seg.qs.length === 0) {
      const groups = groupsIn(rec, text, seg.span.start, seg.span.end);
      const header = HEADER.test(text.slice(seg.span.start).trim());
      if (header && groups.length > 0) context = groups.flatMap((g) => g.clusters).map((c) => text.slice(c.start, c.end)).join(' ');
      if (!header || !hasValues) groups.forEach(orphan);
      continue;
    }
    // attach sees the segment alone (its own positions); `shift` maps back to quote the message.
    const local = seg.qs.map((q) => ({ ...q, start: q.start - seg.span.start, end: q.end - seg.span.start }));
    const segText = p.masked.slice(seg.span.start, seg.span.end);
    const shift = (s: Span) => ({ start: s.start + seg.span.start, end: s.end + seg.span.start });
    const inner = seg.inner.map((s) => (s ? { start: s.start - seg.span.start, end: s.end - seg.span.start } : undefined));
    for (const a of attach(rec, segText, local, inner)) {
      a.orphans.forEach((g) => orphan({ ...g, ...shift(g) }));
      const q = seg.qs[local.indexOf(a.q)]!;
      const value = valueText(q);
      const prev = last;
      last = undefined;
      if (q.unreadable) {
        problems.push({ kind: 'unreadable', raw: p.nfc.slice(q.start, q.end).trim() });
        continue;
      }
      const clause = a.parts.map((s) => segText.slice(s.start, s.end)).join(' ');
      if (prev !== undefined && !a.primary && CONTINUES.test(clause) && CONTINUE_VERB.test(clause)) {
        // Same indicator as the previous figure; its other half (ratio ↔ percent) merges into it
        // or asks back on a mismatch, anything else is left to dedupe (repeat or conflict).
        const before = figures[prev]!;
        const fig = toFigure(before.indicator as IndicatorId, q, RATE.test(a.mention), problems);
        if (!fig) continue;
        const joined = joinHalves(before.indicator as IndicatorId, before, fig, CONTINUE_TOLERANCE, problems);
        if (joined === undefined) figures.push(fig);
        else if (joined) figures[prev] = joined;
        last = joined === undefined ? figures.length - 1 : joined ? prev : undefined;
        continue;
      }
      let mention = a.mention;
      if (a.primary) context = segText.slice(a.primary.clusters[0]!.start, a.primary.clusters[0]!.end);
      else if (context) mention = `${context} ${mention}`;
      const r = resolveMention(mention);
      if (r.kind !== 'indicator') {
        const parts = a.parts.map(shift).filter((s) => contentWords(p.masked.slice(s.start, s.end)).length > 0);
        const phrase = original(parts[parts.length - 1] ?? a.parts.map(shift)[0]!);
        if (r.kind === 'ambiguous') problems.push({ kind: 'ambiguousIndicator', phrase, value, ids: r.ids });
        else if (parts.length > 0) {
          const words = parts.flatMap((s) => contentWords(p.masked.slice(s.start, s.end)));
          problems.push({ kind: 'unknownIndicator', phrase, value, suggestions: closestIndicators(words) });
        } else problems.push({ kind: 'noIndicator', value });
        continue;
      }
      // "doanh nghiệp sử dụng hóa đơn điện tử", "tài khoản VNeID mức 2": a known population, but
      // another measure than the plan's.
      // The plan's own indicator may be that measure ("… có tài khoản định danh điện tử"): then it stands.
      const measure = OTHER_MEASURE.exec(a.mention);
      if (measure && !foldAligned(plan.byId(r.id)!.name).includes(measure[0])) {
        const parts = a.parts.map(shift);
        const words = parts.flatMap((s) => contentWords(p.masked.slice(s.start, s.end)));
        // The words from the population to the value ("doanh nghiệp sử dụng hóa đơn điện tử"), or
        // after it when the value comes first ("97% DN dùng hóa đơn điện tử").
        let from = Math.min(...parts.map((s) => s.start));
        let until = Math.max(...parts.map((s) => s.end));
        if (q.start >= from && q.start < until) [from, until] = q.start - from >= until - q.end ? [from, q.start] : [q.end, until];
        from += subjectClusters(p.masked.slice(from, until))[0]?.start ?? 0;
        const phrase = p.nfc.slice(from, until).replace(/[\s,:;.\-–]+(?:(?:đạt|là|được|chiếm)[\s,:;.\-–]*)*$/iu, '').trim();
        problems.push({ kind: 'unknownIndicator', phrase, value, suggestions: closestIndicators(words) });
        continue;
      }
      const fig = toFigure(r.id, q, RATE.test(mention), problems);
      if (fig) last = figures.push(fig) - 1;
    }
  }

  const reported = new Set(figures.map((f) => f.indicator));
  for (const id of new Set(orphans)) if (!reported.has(id)) problems.push({ kind: 'noNumber', indicator: id });
  if (figures.length === 0 && problems.length === 0) problems.push({ kind: 'noFigures' });
  const unique = dedupe(figures, problems);
  if (problems.length > 0) return { figures: [], period, needsClarification: true, question: questionFor(problems, plan) };
  return { figures: unique, period, needsClarification: false };
}
