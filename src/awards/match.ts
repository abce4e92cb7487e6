/**
 * Which award, subject or body a free-text message names, typed with or without diacritics and
 * with the usual abbreviations (BK, CTĐ, HCLĐ, TTg, UBND, DN…). Pure functions over the catalog.
 */
import { analyzeQuery } from '../knowledge/search/analyze.js';
import { fold } from '../knowledge/ingest/normalize.js';
import type { Award, Card, Catalog, Subject } from './catalog.js';

/** Award shorthand the shared abbreviation list does not know (folded). */
const LOCAL: Record<string, string> = {
  bk: 'bang khen',
  ctd: 'co thi dua',
  gk: 'giay khen',
  hcld: 'huan chuong lao dong',
  hc: 'huan chuong',
  dk: 'dieu kien',
  dkien: 'dieu kien',
  tc: 'tieu chuan',
  tchuan: 'tieu chuan',
};
/** Words that never decide a match ("Bằng khen của Thủ tướng" = "Bằng khen Thủ tướng"). */
const FILLER = new Set(['cua', 'va', 'cho']);

/** " w1 w2 … " so that a phrase matches whole words only. */
const padded = (words: string[]) => ` ${words.join(' ')} `;
const has = (hay: string, phrase: string) => hay.includes(` ${phrase} `);
const phraseWords = (phrase: string) => phrase.split(' ').filter((w) => !FILLER.has(w));

/** Folded words of a question: normalised, abbreviations expanded, question boilerplate and "của" dropped. */
export function questionWords(text: string): string[] {
  return analyzeQuery(text)
    .folded.flatMap((w) => (LOCAL[w] ?? w).split(' '))
    .filter((w) => !FILLER.has(w));
}

/** Folded words of the whole message, boilerplate kept (it carries the intent: "cần những gì"). */
function allWords(text: string): string[] {
  return (fold(text).match(/[\p{L}\p{N}%]+/gu) ?? []).flatMap((w) => (LOCAL[w] ?? w).split(' '));
}

const CRITERIA_INTENT = [
  'tieu chuan', 'tieu chi', 'dieu kien', 'yeu cau', 'can gi', 'can nhung gi', 'can co gi', 'can lam gi', 'phai co gi',
  'de duoc', 'duoc tang', 'xet tang', 'xet khen', 'dat chuan', 'ai duoc', 'nhu the nao', 'the nao',
  'doi tuong nao', 'lam sao', 'co duoc', 'cho ai', 'danh cho', 'xet cho', 'tang cho', 'trao cho',
];
/** "When": about a named award it asks for the criteria ("khi nào được tặng …"); about awards in general, for a date. */
const WHEN_INTENT = ['khi nao', 'bao gio', 'thoi diem'];
const TIME_INTENT = [...WHEN_INTENT, 'luc nao', 'thoi gian', 'thoi han', 'han chot', 'han nop', 'truoc ngay'];
const TASK_INTENT = ['nhiem vu', 'trach nhiem', 'lam gi', 'duoc giao', 'giao gi', 'phan cong', 'chu tri', 'vai tro', 'phu trach', 'viec gi'];

/** True when the message asks what it takes to get an award (criteria, conditions; `when` too: "khi nào được tặng …"). */
export function asksForCriteria(text: string, when = true): boolean {
  const hay = padded(allWords(text));
  return CRITERIA_INTENT.some((p) => has(hay, p)) || (when && WHEN_INTENT.some((p) => has(hay, p)));
}

/** True when the message asks for a date or deadline ("khi nào", "hạn nộp", "thời gian"). */
export function asksWhen(text: string): boolean {
  const hay = padded(allWords(text));
  return TIME_INTENT.some((p) => has(hay, p));
}

const LIST_INTENT = ['hinh thuc khen thuong', 'danh hieu khen thuong', 'cac loai khen thuong', 'nhung loai khen thuong', 'co nhung giai thuong', 'khen thuong gom', 'khen thuong bao gom'];
const MILESTONE_INTENT = ['moc thoi gian', 'cac moc', 'moc quan trong', 'lo trinh', 'moc nao'];

/** True when the message asks which award forms there are ("hình thức khen thưởng gồm những gì"). */
export function asksForAwardList(text: string): boolean {
  const hay = padded(allWords(text));
  return LIST_INTENT.some((p) => has(hay, p));
}

/** True when the message asks for the campaign's milestones ("các mốc thời gian", "lộ trình"). */
export function asksForMilestones(text: string): boolean {
  const hay = padded(allWords(text));
  return MILESTONE_INTENT.some((p) => has(hay, p));
}

/** True when the message asks what a body is tasked with. */
export function asksForTasks(text: string): boolean {
  const hay = padded(allWords(text));
  return TASK_INTENT.some((p) => has(hay, p));
}

const SUBJECT_PHRASES: [string, Subject][] = [
  ['doi tuong khac', 'doi-tuong-khac'],
  ['doanh nghiep', 'doanh-nghiep'],
  ['cong ty', 'doanh-nghiep'],
  ['dia phuong', 'dia-phuong'],
  ['ca nhan', 'ca-nhan'],
  ['can bo', 'ca-nhan'],
  ['cong chuc', 'ca-nhan'],
  ['tap the', 'tap-the'],
];
/** Card subjects that are collectives (the plan's "a) Đối với tập thể"). */
const COLLECTIVE = new Set<Subject>(['tap-the', 'dia-phuong', 'doanh-nghiep']);

export interface AwardMatch {
  /** Awards named, best first; several when the name is shared ("bằng khen", "cờ thi đua"). */
  awards: Award[];
  subjects: Subject[];
  /** Words of the message that are neither an award's name nor a subject. */
  otherWords: number;
}

/**
 * The award(s) a message names, by the longest alias found, and the subjects it mentions.
 * @example matchAward(catalog, 'tieu chuan co thi dua chinh phu')?.awards[0]?.id === 'co-thi-dua-chinh-phu'
 */
export function matchAward(catalog: Catalog, text: string): AwardMatch | undefined {
  const words = questionWords(text);
  const hay = padded(words);
  let best = 0;
  let awards: Award[] = [];
  let used = 0;
  for (const award of catalog.awards) {
    const score = Math.max(0, ...award.aliases.map(phraseWords).filter((p) => has(hay, p.join(' '))).map((p) => p.length));
    if (score === 0 || score < best) continue;
    if (score > best) awards = [];
    best = score;
    used = score;
    awards.push(award);
  }
  if (awards.length === 0) return undefined;
  const subjects: Subject[] = [];
  let subjectWords = 0;
  for (const [phrase, subject] of SUBJECT_PHRASES) {
    if (has(hay, phrase) && !subjects.includes(subject)) {
      subjects.push(subject);
      subjectWords += phrase.split(' ').length;
    }
  }
  return { awards, subjects, otherWords: Math.max(0, words.length - used - subjectWords) };
}

/** The cards of an award that fit the subjects named (all of them when none fits). */
export function cardsFor(award: Award, subjects: Subject[]): Card[] {
  if (award.cards.length === 1 || subjects.length === 0) return award.cards;
  const direct = award.cards.filter((c) => c.subject && subjects.includes(c.subject));
  if (direct.length) return direct;
  const collective = subjects.includes('tap-the') ? award.cards.filter((c) => c.subject && COLLECTIVE.has(c.subject)) : [];
  return collective.length ? collective : award.cards;
}

/** True when some alias phrase (folded, fillers dropped) occurs in the message. */
export function mentions(text: string, aliases: readonly string[]): number {
  const hay = padded(questionWords(text));
  return Math.max(0, ...aliases.map(phraseWords).filter((p) => has(hay, p.join(' '))).map((p) => p.length));
}
