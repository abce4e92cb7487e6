/**
 * Reads a plan's targets, deadlines, award forms and milestones out of its chunks, offline, by
 * rules about how Vietnamese plans are written (the words are data: plan-words.json):
 * - a target is a figure that opens a clause ("Trên 80% cán bộ …", "phấn đấu có 85% hộ …") in a
 *   section headed "chỉ tiêu"/"mục tiêu", or a cell of a table whose header names years; its year
 *   comes from the clause, else the nearest heading that names one, else the title;
 * - a deadline is a day after "trước ngày"/"chậm nhất ngày";
 * - an award form is a named form of commendation (Bằng khen …, Giấy khen của …), with who gives
 *   it, whom it is for and the criteria under its heading.
 * Each item keeps its section and the exact sentence it came from; staff review the draft.
 */
import words from './plan-words.json' with { type: 'json' };
import { SECTIONS } from '../knowledge/ingest/chunk.js';
import type { Chunk } from '../knowledge/types.js';
import { foldAligned, maskNonFigures } from '../reports/text.js';
import { scanQuantities, type Quantity } from '../reports/vi-numbers.js';
import type { Plan, PlanAward, PlanDeadline, PlanIndicator, PlanSource, PlanTarget } from './schema.js';

export interface ExtractInput {
  doc: { id: string; title?: string | null };
  /** The document's chunks, in order (as the index holds them). */
  chunks: readonly Chunk[];
}

const alt = (list: readonly string[]) => list.map((w) => w.replace(/ /g, '\\s+')).sort((a, b) => b.length - a.length).join('|');
const anyOf = (list: readonly string[], flags = '') => new RegExp(`(?<![a-z])(?:${alt(list)})(?![a-z])`, flags);

const TARGET_HEADING = anyOf(words.targetHeadings);
const AWARD_FORM = anyOf(words.awardForms, 'g');
const AWARD_VERB_END = new RegExp(`(?<![a-z])(?:${alt(words.awardVerbs)})\\s*$`);
const NAME_STOP = anyOf(words.awardNameStops);
const SUBJECT = anyOf(words.subjects, 'g');
const PREDICATE_ALL = anyOf(words.predicates, 'g');
const AWARD_VERB_ALL = new RegExp(`(?<![a-z])(?:${alt(words.awardVerbs)})(?![a-z])`, 'g');
const GIVER_LEAD = new RegExp(`^(?:${alt(words.awardVerbs)})\\s+`);
const MEASURE_LEAD = new RegExp(`^(?:${alt(words.measureWords)})\\s+`);
const LEAD = new RegExp(`(?<![a-z])(?:${alt(words.leadWords)})(?![a-z])`, 'g');
const RECURRING = anyOf(words.recurringCues);
const MILESTONE = anyOf(words.milestoneCues);
const DEADLINE = new RegExp(
  `(?<![a-z])(?:${alt(words.deadlineCues)})\\s+(?:ngay\\s+)?(\\d{1,2})(?:\\s*[/.-]\\s*|\\s+thang\\s+)(\\d{1,2})(?:(?:\\s*[/.-]\\s*|\\s+nam\\s+)(20\\d\\d))?(?!\\d)`,
);
const DEADLINE_ALL = new RegExp(DEADLINE.source, 'g');
const YEAR_IN = /(?<!\d)(20[2-5]\d)(?!\d)/g;
const HAS_YEAR = /(?<!\d)20[2-5]\d(?!\d)/;
const RANGE_END = /(20[2-5]\d)\s*[-–]\s*(20[2-5]\d)/;
/** A heading-like item: short, names a year, holds no figure ("1. Năm 2025", "b) Đến năm 2030"). */
const YEAR_HEADING = /^(?:[\p{L}\d]{1,4}[.)]\s*)*[^\d%]{0,30}(20[2-5]\d)(?:\s*[-–]\s*(20[2-5]\d))?\s*:?$/u;
const OUTSIDE_BODY = new Set<string>([SECTIONS.info, SECTIONS.recipients, SECTIONS.signature, SECTIONS.closing, '']);

/** A clause of a chunk: [start, end) in the chunk's NFC text. */
interface Clause {
  text: string;
  start: number;
  /** Cut from the previous clause at ";" (the same item goes on: its year still holds). */
  continues: boolean;
}

/** Items (bullets, numbered lines, sentences) and then clauses at ";", with their positions. */
function clausesOf(text: string): Clause[] {
  const cuts = [0];
  const semis = new Set<number>();
  const boundary = /(?<=[.;:!?])\s+(?=[-+•]\s|\p{L}{1,2}\)\s|\d+(?:\.\d+)*[.)]\s|\p{Lu})|\s(?=\p{Ll}\)\s)|;\s*|\n+/gu;
  for (const m of text.matchAll(boundary)) {
    const at = m.index + m[0].length;
    cuts.push(at);
    if (m[0].startsWith(';') && !/^\s*(?:[-+•]|\p{L}{1,2}\)|\d+(?:\.\d+)*[.)])\s/u.test(text.slice(at))) semis.add(at);
  }
  cuts.push(text.length);
  const out: Clause[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const raw = text.slice(cuts[i], cuts[i + 1]);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim().replace(/[;,]$/, '').trim();
    if (body) out.push({ text: body, start: cuts[i]! + lead, continues: semis.has(cuts[i]!) });
  }
  return out;
}

const stripMarker = (s: string) => s.replace(/^(?:[-+•]|\p{L}{1,2}\)|\d+(?:\.\d+)*[.)]|\(\d+\))\s+/u, '');

function lastYear(s: string): number | undefined {
  const range = RANGE_END.exec(s);
  if (range) return Number(range[2]);
  const ys = [...s.matchAll(YEAR_IN)].map((m) => Number(m[1]));
  return ys.length ? ys[ys.length - 1] : undefined;
}

function titleYear(title: string | null | undefined): number | undefined {
  const ys = new Set([...(title ?? '').matchAll(YEAR_IN)].map((m) => m[1]));
  return ys.size === 1 ? Number([...ys][0]) : undefined;
}

/** The figure a clause opens with, if any: a percent or a count, and where it ends. */
function leadingFigure(folded: string): { q: Quantity; prefix: string } | undefined {
  const masked = maskNonFigures(folded).text;
  for (const q of scanQuantities(masked)) {
    if (q.unreadable || (q.percent === undefined && q.count === undefined)) continue;
    const prefix = masked.slice(0, q.start);
    const left = prefix.replace(LEAD, ' ').replace(/[^a-z]+/g, ' ').trim();
    // Up to two words of task before the figure ("xây dựng ít nhất 03 mô hình", "hỗ trợ ít nhất …").
    if (left.split(' ').filter(Boolean).length > 2) return undefined;
    return { q, prefix };
  }
  return undefined;
}

/** The population after a figure: words up to the first predicate or punctuation. */
function populationAfter(nfc: string, folded: string, from: number): { population: string; end: number } | undefined {
  let i = from;
  const rest = folded.slice(i);
  const skip = /^\s*(?:%|phan\s+tram)?\s*(?:tro\s+len)?\s*(?:(?:cac|nhung)\s+)?/.exec(rest);
  i += skip?.[0].length ?? 0;
  const tail = folded.slice(i);
  let end = tail.length;
  const stopPunct = /[;.(:]/.exec(tail);
  if (stopPunct) end = stopPunct.index;
  // The first predicate after the head noun ("học sinh … được trang bị": "học" is not one here).
  const pred = [...tail.slice(0, end).matchAll(PREDICATE_ALL)].find((p) => p.index > 0);
  if (pred) end = pred.index;
  const span = tail.slice(0, end);
  const wordsIn = span.trim().split(/\s+/);
  if (!span.trim() || wordsIn.length > 16) return undefined;
  const population = nfc.slice(i, i + end).trim().replace(/[,\s]+$/, '');
  return population ? { population, end: i + end } : undefined;
}

function nameFrom(nfc: string, start: number, populationEnd: number): string {
  const tail = nfc.slice(populationEnd);
  const cut = /[,;.(]/.exec(tail);
  let name = nfc.slice(start, populationEnd + (cut ? cut.index : tail.length)).trim();
  if (name.length > 140) name = `${name.slice(0, 139).replace(/\s+\S*$/, '')}…`;
  return name.charAt(0).toLocaleUpperCase('vi') + name.slice(1);
}

interface Candidate extends PlanTarget {
  population: string;
  name: string;
  table?: string;
}

function figureTarget(q: Quantity): Pick<PlanTarget, 'comparator' | 'value' | 'unit'> {
  const comparator = q.qualifier === 'over' ? '>' : '>=';
  return q.percent !== undefined ? { comparator, value: q.percent, unit: '%' } : { comparator, value: q.count!, unit: 'count' };
}

/** Words that name a year right after a figure: "đạt 70% trong năm 2025", "80% vào năm 2030". */
const YEAR_AFTER = /^\s*(?:(?:trong|vao|den|cua|tai|nam|het|cuoi)\s+)*(?:nam\s+)?(20[2-5]\d)(?!\d)/;
const MEASURE_FIRST = new RegExp(`^(?:${alt(words.measureWords)}|ty trong)\\s+`);

/**
 * "Tỷ lệ hồ sơ … đạt 70% trong năm 2025 và trên 80% trong năm 2026": the measure first, then one
 * figure per year. Each figure takes the year said right after it (or before it).
 */
function measureFirstTargets(sentence: string, folded: string, section: string, yearBefore: number | undefined): Candidate[] {
  if (!MEASURE_FIRST.test(folded)) return [];
  const verb = /(?<![a-z])dat(?![a-z])/.exec(folded);
  if (!verb) return [];
  const masked = maskNonFigures(folded).text;
  const qs = scanQuantities(masked).filter((q) => q.start > verb.index && !q.unreadable && (q.percent !== undefined || q.count !== undefined));
  const population = sentence.slice(MEASURE_FIRST.exec(folded)![0].length, verb.index).trim().replace(/[,\s]+$/, '');
  if (!qs.length || !population) return [];
  const name = sentence.slice(0, verb.index).trim();
  return qs.flatMap((q) => {
    const after = YEAR_AFTER.exec(folded.slice(q.end));
    const year = after ? Number(after[1]) : lastYear(sentence.slice(0, q.start)) ?? yearBefore;
    return year ? [{ year, ...figureTarget(q), population, name, source: { section, sentence } }] : [];
  });
}

/** Targets stated in running text of a target section. */
function proseTargets(chunk: Chunk, fallbackYear: number | undefined, ownYearOnly = false): Candidate[] {
  const out: Candidate[] = [];
  let headingYear = lastYear(chunk.section.split(' › ').filter((s) => HAS_YEAR.test(s)).pop() ?? '') ?? fallbackYear;
  // A year said in one clause holds for the clauses after ";" of the same item.
  let itemYear: number | undefined;
  let previous: Candidate | undefined;
  for (const clause of clausesOf(chunk.text.normalize('NFC'))) {
    if (!clause.continues) [itemYear, previous] = [undefined, undefined];
    const sentence = stripMarker(clause.text);
    if (sentence.startsWith('|')) continue; // table rows are read by tableTargets
    const heading = YEAR_HEADING.exec(sentence);
    if (heading) {
      headingYear = Number(heading[2] ?? heading[1]);
      continue;
    }
    const folded = foldAligned(sentence);
    const lead = leadingFigure(folded);
    if (!lead) {
      // "Năm 2026, tỷ lệ hồ sơ … đạt tối thiểu 80%": the measure after a year phrase.
      const yearLead = /^(?:(?:phan dau|den|cuoi|het|trong|nam|giai doan)\s+)*(?:nam\s+)?20[2-5]\d(?:\s*-\s*20[2-5]\d)?\s*,\s*/.exec(folded);
      const said = yearLead ? lastYear(sentence.slice(0, yearLead[0].length)) : undefined;
      if (ownYearOnly && !said) continue;
      const at = yearLead?.[0].length ?? 0;
      out.push(...measureFirstTargets(sentence.slice(at), folded.slice(at), chunk.section, said ?? itemYear ?? headingYear).map((c) => ({ ...c, source: { section: chunk.section, sentence } })));
      continue;
    }
    const said = lastYear(sentence.slice(0, lead.q.start));
    // Outside a target section only a figure that names its own year is a target ("Năm 2025, 100% trường học …").
    if (ownYearOnly && !said) continue;
    if (said) itemYear = said;
    const year = said ?? itemYear ?? headingYear;
    if (!year) continue;
    const pop = populationAfter(sentence, folded, lead.q.end);
    if (!pop) {
      // "…; năm 2027: 95%": the figure of the previous clause's population, for another year.
      if (previous && /^[\s%.]*$/.test(folded.slice(lead.q.end))) out.push((previous = { ...previous, year, ...figureTarget(lead.q), source: { section: chunk.section, sentence } }));
      continue;
    }
    const name = nameFrom(sentence, lead.q.end, pop.end).replace(/^(?:%|trở lên)\s*/u, '');
    out.push((previous = { year, ...figureTarget(lead.q), population: pop.population, name: name.charAt(0).toLocaleUpperCase('vi') + name.slice(1), source: { section: chunk.section, sentence } }));
  }
  return out;
}

/** Targets in a "| … | Năm 2025 | Năm 2026 |" table: one per row and year column. */
function tableTargets(chunk: Chunk, header: { section?: string; years?: (number | undefined)[]; unitAt?: number }): Candidate[] {
  const text = chunk.text.normalize('NFC');
  if (!text.includes('|')) return [];
  const rows: string[][] = [];
  for (const line of text.split('\n')) {
    const first = line.indexOf('|');
    if (first < 0) continue;
    if (!line.trimStart().startsWith('|')) {
      // "Chỉ tiêu | Đơn vị tính | Năm 2025 | …": a row written without outer bars.
      if ((line.match(/\s\|\s/g) ?? []).length >= 2) rows.push(line.split('|').map((c) => c.trim()));
      continue;
    }
    // From the first to the last bar: a note after the table is not a cell of its last row.
    const cells = line.slice(first, line.lastIndexOf('|') + 1).split('|').map((c) => c.trim());
    let row: string[] = [];
    for (let i = 1; i < cells.length; i++) {
      const c = cells[i]!;
      if (c === '' && (i === cells.length - 1 || cells[i - 1] !== '')) {
        if (row.length) rows.push(row);
        row = [];
      } else if (c !== '' || row.length) row.push(c);
    }
    if (row.length) rows.push(row);
  }
  const out: Candidate[] = [];
  // A long table is chunked in parts: its header row holds for the rows of the same section.
  let years = header.section === chunk.section ? header.years : undefined;
  let unitAt = header.section === chunk.section ? (header.unitAt ?? -1) : -1;
  for (const r of rows) {
    const ys = r.map((c) => (/^(?:năm\s+|đến\s+năm\s+)?(20[2-5]\d)$/iu.exec(c) ? Number(/(20[2-5]\d)/.exec(c)![1]) : undefined));
    if (ys.filter(Boolean).length >= 1 && r.some((c) => /\p{L}{3,}/u.test(c) && !/20\d\d/.test(c))) {
      years = ys;
      // A unit column ("Đơn vị tính", "ĐVT") says what the bare numbers of a row count.
      unitAt = r.findIndex((c) => /^(?:don vi tinh|dvt|don vi)$/.test(foldAligned(c).trim()));
      Object.assign(header, { section: chunk.section, years, unitAt });
      continue;
    }
    if (!years || r.length !== years.length) continue;
    const nameAt = r.findIndex((c, i) => years![i] === undefined && /\p{L}{3,}/u.test(c));
    if (nameAt < 0) continue;
    const label = r[nameAt]!;
    const folded = foldAligned(label);
    const lead = MEASURE_LEAD.exec(folded);
    const pop = populationAfter(label, folded, lead ? lead[0].length : 0);
    const barless = !text.includes(`| ${r[0]}`);
    const sentence = barless ? r.join(' | ') : `| ${r.join(' | ')} |`;
    const percentRow = unitAt >= 0 && r[unitAt] === '%';
    r.forEach((cell, i) => {
      const year = years![i];
      if (!year) return;
      let q = scanQuantities(foldAligned(cell)).find((x) => !x.unreadable && (x.percent !== undefined || x.count !== undefined));
      if (!q) return;
      if (percentRow && q.percent === undefined) q = { ...q, percent: q.count! };
      out.push({ year, ...figureTarget(q), population: pop?.population ?? label, name: label, table: label, source: { section: chunk.section, sentence } });
    });
  }
  return out;
}

const contentWords = (s: string) => new Set(foldAligned(s.normalize('NFC')).match(/[a-z0-9]{2,}/g) ?? []);
function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

function slug(s: string, taken: Set<string>): string {
  const base = (foldAligned(s.normalize('NFC')).match(/[a-z0-9]+/g) ?? ['chi', 'tieu']).slice(0, 6).join('_').slice(0, 60) || 'chi_tieu';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}

/** Candidates grouped into indicators: one per table row, prose targets joined across years by wording. */
function indicatorsOf(candidates: Candidate[]): PlanIndicator[] {
  const groups: { words: Set<string>; table?: string; items: Candidate[] }[] = [];
  for (const c of candidates) {
    const w = contentWords(c.name);
    let best: (typeof groups)[number] | undefined;
    let bestScore = 0;
    for (const g of groups) {
      if (g.items.some((x) => x.year === c.year) || g.items[0]!.unit !== c.unit) continue;
      if (c.table !== undefined || g.table !== undefined) {
        if (g.table === c.table) best = g;
        continue;
      }
      const score = similarity(w, g.words);
      if (score > bestScore) [best, bestScore] = [g, score];
    }
    if (best && (c.table !== undefined || bestScore >= 0.45)) best.items.push(c);
    else groups.push({ words: w, ...(c.table !== undefined ? { table: c.table } : {}), items: [c] });
  }
  const taken = new Set<string>();
  return groups.map((g) => {
    const head = g.items[0]!;
    return {
      id: slug(head.name, taken),
      name: head.name,
      population: head.population,
      aliases: [],
      targets: g.items.map(({ year, comparator, value, unit, source }) => ({ year, comparator, value, unit, source })),
    };
  });
}

/** Award forms named in a clause, with who gives them. */
function awardsIn(sentence: string, section: string): PlanAward[] {
  const folded = foldAligned(sentence);
  const out: PlanAward[] = [];
  AWARD_FORM.lastIndex = 0;
  for (const m of folded.matchAll(AWARD_FORM)) {
    // The name runs from the form to a stop word or punctuation; a quoted title is kept whole.
    const after = folded.slice(m.index + m[0].length);
    const quoted = /^\s*[“"]([^”"]+)[”"]/.exec(sentence.slice(m.index + m[0].length));
    let len = m[0].length;
    if (quoted) len += quoted[0].length;
    else {
      const punct = /[,;.:()“"]/.exec(after);
      let span = after.slice(0, punct ? punct.index : after.length);
      const stop = NAME_STOP.exec(span);
      if (stop) span = span.slice(0, stop.index);
      const ws = span.trimEnd();
      len += ws.split(/\s+/).length > 12 ? 0 : ws.length;
    }
    // "danh hiệu thi đua", "giải thưởng" said in general name no form; a quoted or capitalised title does.
    if (/^(?:danh hieu|giai thuong)/.test(m[0]) && !quoted && !/^\s+\p{Lu}/u.test(sentence.slice(m.index + m[0].length))) continue;
    let name = sentence.slice(m.index, m.index + len).trim();
    if (!/(?<![a-z])cua(?![a-z])/.test(folded.slice(m.index, m.index + len))) {
      // "Chủ tịch UBND xã tặng Giấy khen": the giver stands before the verb.
      const before = folded.slice(0, m.index);
      const verb = AWARD_VERB_END.exec(before);
      if (verb) {
        // The giver: the words before the verb, back to punctuation or to another verb ("… đề nghị Chủ tịch UBND tỉnh tặng").
        let from = Math.max(before.lastIndexOf(',', verb.index), before.lastIndexOf(':', verb.index), before.lastIndexOf(';', verb.index)) + 1;
        const base = from;
        for (const v of before.slice(base, verb.index).matchAll(AWARD_VERB_ALL)) from = base + v.index + v[0].length;
        let giver = sentence.slice(from, verb.index).trim();
        const lead = GIVER_LEAD.exec(foldAligned(giver));
        if (lead) giver = giver.slice(lead[0].length);
        const n = giver.split(/\s+/).length;
        if (giver && n <= 10 && /^\p{Lu}/u.test(giver)) name = `${name} của ${giver}`;
      }
    }
    const subjects = [...new Set([...folded.matchAll(SUBJECT)].map((s) => sentence.slice(s.index, s.index + s[0].length).toLocaleLowerCase('vi')))];
    out.push({ name: name.charAt(0).toLocaleUpperCase('vi') + name.slice(1), subjects, criteria: [], source: { section, sentence } });
  }
  return out;
}

/** Every dated deadline of a clause ("báo cáo 6 tháng trước ngày 10/6 và báo cáo năm trước ngày 30/11"). */
function deadlinesIn(sentence: string, section: string): PlanDeadline[] {
  const folded = foldAligned(sentence);
  const out: PlanDeadline[] = [];
  let from = 0;
  for (const m of folded.matchAll(DEADLINE_ALL)) {
    const [dd, mm, yyyy] = [Number(m[1]), Number(m[2]), m[3]];
    if (dd < 1 || dd > 31 || mm < 1 || mm > 12) continue;
    const pad = (n: number) => String(n).padStart(2, '0');
    // What is due: the words since the previous deadline (or the clause start), without joiners.
    const what = stripMarker(sentence.slice(from, m.index).trim().replace(/^(?:và|,|;)\s*/u, '').replace(/[,:]$/, '')) || sentence;
    from = m.index + m[0].length;
    out.push({
      what: what.length > 120 ? `${what.slice(0, 119)}…` : what,
      date: `${pad(dd)}/${pad(mm)}${yyyy ? `/${yyyy}` : ''}`,
      recurring: !yyyy || RECURRING.test(folded),
      source: { section, sentence },
    });
  }
  return out;
}

/** "Giấy khen" said alone is the same form as the "Giấy khen của …" named elsewhere: keep the named one. */
function withoutBareForms(awards: PlanAward[]): PlanAward[] {
  const key = (a: PlanAward) => foldAligned(a.name).replace(/\s+/g, ' ');
  return awards.filter((a) => !awards.some((b) => b !== a && key(b).startsWith(`${key(a)} `) && a.criteria.length <= b.criteria.length));
}

const MILESTONE_DATE = /(?:thang\s+\d{1,2}\s*\/\s*20\d\d|quy\s+[ivx]+\s*\/\s*20\d\d|\d{1,2}\/\d{1,2}\/20\d\d|nam\s+20\d\d)/;

/**
 * The draft plan of one document. Pure and synchronous (a few ms for a long plan).
 * @example extractPlan({ doc: { id: 'x', title }, chunks }).indicators[0].targets[0] // { year: 2025, value: 80, … }
 */
export function extractPlan(input: ExtractInput): Plan {
  const fallbackYear = titleYear(input.doc.title);
  const candidates: Candidate[] = [];
  const awards = new Map<string, PlanAward>();
  const deadlines: PlanDeadline[] = [];
  const milestones: Plan['milestones'] = [];
  const seenSentences = new Set<string>();
  let targetRoot: string | undefined;
  const tableHeader: { section?: string; years?: (number | undefined)[]; unitAt?: number } = {};
  for (const chunk of input.chunks) {
    if (OUTSIDE_BODY.has(chunk.section)) continue;
    const foldedSection = foldAligned(chunk.section.normalize('NFC'));
    if (chunk.text.includes('|')) candidates.push(...tableTargets(chunk, tableHeader));
    // A target section is named by its heading, which the chunk may hold as its first words when
    // the heading line had no text of its own ("2. Chỉ tiêu … a) Tỷ lệ …"); its sub-items follow.
    const root = chunk.section.split(' › ')[0]!;
    if (TARGET_HEADING.test(foldedSection)) targetRoot = undefined;
    else if (TARGET_HEADING.test(foldAligned(chunk.text.slice(0, 80).normalize('NFC')))) targetRoot = root;
    else if (targetRoot !== undefined && root !== targetRoot) targetRoot = undefined;
    if (TARGET_HEADING.test(foldedSection) || targetRoot !== undefined) candidates.push(...proseTargets(chunk, fallbackYear));
    else candidates.push(...proseTargets(chunk, undefined, true));
    // The deepest heading of the path that names an award form ("3.2.2. Bằng khen … › a) Đối với tập thể").
    const namedBySection = chunk.section
      .split(' › ')
      .reverse()
      .map((h) => awardsIn(h, chunk.section)[0])
      .find(Boolean);
    for (const clause of clausesOf(chunk.text.normalize('NFC'))) {
      const sentence = stripMarker(clause.text);
      const key = `${chunk.section}\0${sentence}`;
      if (seenSentences.has(key)) continue;
      seenSentences.add(key);
      const found = awardsIn(sentence, chunk.section);
      for (const a of found) {
        const k = foldAligned(a.name).replace(/\s+/g, ' ');
        const had = awards.get(k);
        if (had) had.subjects = [...new Set([...had.subjects, ...a.subjects])];
        else awards.set(k, a);
      }
      // Under a heading that names an award, each clause is one of its criteria.
      if (namedBySection && found.length === 0 && !YEAR_HEADING.test(sentence)) {
        const k = foldAligned(namedBySection.name).replace(/\s+/g, ' ');
        const award = awards.get(k) ?? (awards.set(k, { ...namedBySection, source: { section: chunk.section, sentence } }), awards.get(k)!);
        award.criteria.push({ text: sentence, source: { section: chunk.section, sentence } });
      } else if (found.length === 1 && /(?<![a-z])cho(?![a-z])/.test(foldAligned(sentence))) {
        const award = awards.get(foldAligned(found[0]!.name).replace(/\s+/g, ' '))!;
        if (!award.criteria.some((c) => c.text === sentence)) award.criteria.push({ text: sentence, source: { section: chunk.section, sentence } });
      }
      deadlines.push(...deadlinesIn(sentence, chunk.section));
      const folded = foldAligned(sentence);
      const when = MILESTONE.test(folded) ? MILESTONE_DATE.exec(folded) : null;
      if (when) milestones.push({ what: sentence.length > 160 ? `${sentence.slice(0, 159)}…` : sentence, date: sentence.slice(when.index, when.index + when[0].length), source: { section: chunk.section, sentence } });
    }
  }
  return {
    doc: input.doc.id,
    indicators: indicatorsOf(candidates),
    deadlines,
    awards: withoutBareForms([...awards.values()]),
    milestones,
  };
}
