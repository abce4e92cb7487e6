/**
 * How the bot reads a question before searching and answering it. Each step leaves its own output
 * unchanged, so reading twice is reading once:
 * - "ai là người (đứng ra) …" is read as "ai …";
 * - the asker addressing someone at the end ("… hả cháu?") and a last clause about the asker
 *   (", mình đang soạn …") are dropped;
 * - a guess added after the question is dropped ("ai ký, có phải Thứ trưởng Cao Huy không");
 * - the campaign's bare name asks for its purpose ("bình dân học vụ số là gì");
 * - a share asked without naming what sets it asks for a plan target ("phải đạt bao nhiêu %").
 * Also here, for the answer's rules: the sentence that asks after a story (`theAsk`), the words of
 * the asker's own circumstances (`storyWords`), what is searched for (`searchedFor`), and the
 * level of documents a question names (`levelNamed`).
 */
import { analyzeQuery } from './analyze.js';
import { PARTICLES, placesNamed } from '../answer/answerability.js';
import { themeWords, type CorpusStats } from './coverage.js';
import { fold } from '../ingest/normalize.js';
import type { DocLevel } from '../types.js';

/** Question words that ask for a fact about the campaign rather than what it is. */
const SPECIFIC = /\b(ai|khi nao|bao gio|o dau|bao nhieu|may|nao|luc nao)\b/;

/** "phong trào …", "thi đua …": words of a movement's name, even where the title's name lacks them. */
const CAMPAIGN = new Set(['phong', 'trao', 'thi', 'dua']);

/**
 * The question as searched and answered: a question that is only the campaign's name ("bình dân
 * học vụ số là gì", "phong trao thi dua doi moi sang tao") asks what the campaign is, and the
 * plans say that under "Mục đích": without it, the preambles that repeat the name win and the
 * bot quoted "Thực hiện hướng dẫn của Bộ Nội vụ…".
 */
export function campaignQuestion(question: string, stats: CorpusStats): string {
  // "Ai phát động …", "khi nào …", "bao nhiêu …" ask something else about it.
  if (SPECIFIC.test(fold(question))) return question;
  const { folded } = analyzeQuery(question);
  const inTheme = themeWords(folded, stats);
  const onlyTheme = inTheme.some(Boolean) && folded.every((w, i) => inTheme[i] || PARTICLES.has(w) || CAMPAIGN.has(w));
  return onlyTheme ? `${question.trim().replace(/[?.!\s]+$/u, '')}: mục đích` : question;
}

/** True when the question names the plans' targets ("chỉ tiêu", "mục tiêu"). */
export function asksTarget(question: string): boolean {
  return /\b(chi tieu|muc tieu)\b/.test(fold(question));
}

/** Award words: a share asked about an award ("100% cán bộ … để được Huân chương") is a criterion. */
const AWARD = /\b(khen|huan chuong|co thi dua|danh hieu|tieu chuan|tieu chi)\b/;

/**
 * A share asked without naming what sets it ("cbcc phải đạt bao nhiêu % kỹ năng số") asks for a
 * target of the plans, which stand under "Chỉ tiêu": searched as typed, an award criterion that
 * also says "100% cán bộ, công chức … kỹ năng số" came first.
 */
export function targetQuestion(question: string): string {
  const q = fold(question);
  const share = /\b(ty le|phan tram)\b|\bbao nhieu\s*%/.test(q);
  if (!share || AWARD.test(q) || asksTarget(question)) return question;
  return `${question.trim().replace(/[?.!\s]+$/u, '')} (chỉ tiêu)`;
}

/** A question word asked before a guess: "ai ký", "ngày nào", "bao nhiêu". */
const ASKED = /\b(ai|gi|nao|bao nhieu|bn|may|bao gio|dau|the nao)\b/;
/** ", có phải …": the guess people add after their question. */
const GUESS = /\s*[,;]\s*(?:(?:vậy|vay)\s+)?(?:có|co)\s+(?:phải|phai)\b[\s\S]*$/iu;

/**
 * The question without the guess added after it: "cv 4735 ai ký vậy, có phải Thứ trưởng Cao
 * Huy không" asks who signed; "Cao Huy" is the asker's guess, and searched and quoted with it,
 * the recipients' list ("Thứ trưởng Cao Huy;") was the answer. The guess is answered by the fact.
 * A question that is only "có phải …" is unchanged.
 */
export function withoutGuess(question: string): string {
  const m = GUESS.exec(question);
  if (!m) return question;
  const asked = question.slice(0, m.index);
  return ASKED.test(fold(asked)) ? asked : question;
}

/**
 * The sentence that asks, in a message that first tells a story: "Nhà em có HTX nhỏ …, anh chị em
 * học dùng phần mềm quản lý, bán hàng online khá tốt. Vậy HTX có thuộc đối tượng được khen thưởng
 * … không ạ?". The story's words ("phần mềm", "online") are the asker's, not the topic: the
 * documents need not know them. Unchanged when any earlier sentence asks too, or when the last
 * one is too short to stand alone ("Vậy đã đạt chưa?" needs the story).
 */
export function theAsk(question: string): string {
  const asks = (s: string) => s.includes('?') || ASKED.test(fold(s));
  const standsAlone = (s: string) => analyzeQuery(s).folded.filter((w) => !PARTICLES.has(w)).length >= 6;
  const parts = question.trim().split(/(?<=[.!?…])\s+/u);
  if (parts.length >= 2) {
    const last = parts.at(-1)!;
    return asks(last) && !parts.slice(0, -1).some(asks) && standsAlone(last) ? last : question;
  }
  // "em đang soạn tờ trình khen thưởng, cần trích dẫn hướng dẫn … số mấy": who asks, then what.
  const comma = question.indexOf(',');
  if (comma < 0 || !FIRST_PERSON.test(fold(question))) return question;
  const story = question.slice(0, comma);
  const rest = question.slice(comma + 1).trim();
  return !asks(story) && standsAlone(rest) ? rest : question;
}

/**
 * What to search for: the question without a short first clause about the asker ("em là sv năm 2,
 * cho em hỏi ai phát động …": "sinh viên" would pull passages about schools), unless that clause
 * names a place (`places`, folded), which chooses the documents.
 */
export function searchedFor(question: string, places: readonly string[]): string {
  const comma = question.indexOf(',');
  if (comma < 0 || /[.!?…]\s/u.test(question) || !FIRST_PERSON.test(fold(question))) return question;
  const ask = theAsk(question);
  return ask !== question && placesNamed(question.slice(0, comma), places).length === 0 ? ask : question;
}

/**
 * The words of the asker's own circumstances, when the message starts with them: "nhà mình có
 * tiệm tạp hóa (hộ kinh doanh) ở p. Hải Dương thì …" → "tiem", "tap", "hoa"… (folded), up to the
 * first comma, "thì" or full stop. The documents need not know them; the question after them must
 * still be covered.
 */
export function storyWords(question: string): Set<string> {
  const q = fold(question);
  if (!FIRST_PERSON.test(q)) return new Set();
  const end = q.search(/,|\.|\bthi\b/);
  return new Set(analyzeQuery(end < 0 ? '' : q.slice(0, end)).folded);
}

/** A last clause about the asker: ", mình đang soạn …", ", em cần …" (folded). */
const AFTERWORD = /,\s*(?:em|e|toi|minh)\s+(?:dang|can|muon|la|lam)\b[^,?]*$/;

/** A message that starts by saying who asks: "em là GV …", "nhà em có HTX …", "cửa hàng tôi …". */
const FIRST_PERSON = new RegExp(
  `^\\s*(?:cho\\s+)?(?:(?:em|e|toi|minh|nha em|nha minh|ben em|bon em|chung toi|chung em)\\s+(?:la|dang|co|moi|lam|o|muon|can)` +
    // "cửa hàng tôi …", "công ty mình …", "trường em …": the asker's own shop, firm or school.
    `|(?:cua hang|tiem|cong ty|doanh nghiep|hop tac xa|truong|lop|gia dinh|nha)\\s+(?:cua\\s+)?(?:em|toi|minh|chung toi))\\b`,
);

/** A document named by who issued it, not by its number: "văn bản của thành phố", "công văn của bộ". */
const LEVELS: [RegExp, DocLevel][] = [
  [/\b(?:van ban|cong van|ke hoach|huong dan|cv|kh)\s+(?:cua\s+)?(?:ubnd\s+|uy ban nhan dan\s+)?(?:thanh pho|tp)\b|\b(?:ben|cap)\s+(?:thanh pho|tp)\b/, 'thành phố'],
  [/\b(?:van ban|cong van|huong dan|cv)\s+(?:cua\s+)?(?:bo|bnv|trung uong)\b/, 'trung ương'],
  // The issuer as the subject: "Bộ Nội vụ yêu cầu …", "UBND thành phố giao …" (not "Sở Nội vụ").
  [/(?<!\bso )\b(?:bo noi vu|bnv)\s+(?:yeu cau|de nghi|giao|huong dan|chi dao)\b/, 'trung ương'],
  [/\b(?:ubnd|uy ban nhan dan)\s+(?:thanh pho|tp)\s+(?:yeu cau|de nghi|giao|chi dao)\b/, 'thành phố'],
  [/\b(?:van ban|ke hoach|kh)\s+(?:cua\s+)?(?:ubnd\s+|uy ban nhan dan\s+)?phuong\b/, 'phường'],
];

/**
 * The level of the documents a question names loosely ("văn bản của thành phố giao sở nào …"):
 * its answer must come from them, as a question naming a ward must be answered by that ward's plan.
 * "Kế hoạch phường Hồng An" names the ward itself (`places`, folded), which decides instead.
 */
export function levelNamed(question: string, places: readonly string[] = []): DocLevel | undefined {
  const q = fold(question);
  const level = LEVELS.find(([re]) => re.test(q))?.[1];
  return level === 'phường' && placesNamed(question, places).length > 0 ? undefined : level;
}

/** "… hả cháu?", "… nhé anh", "… ạ bác": the asker addressing someone at the end, folded. */
const ADDRESS = /\s+(?:ha|ho|a|nhe|nha|nhi|vay|day)\s+(?:chau|anh|chi|em|ban|bac|co|chu|ad)\s*[?.!]*\s*$/;

/**
 * The question up to where `re` matches its folded form, or undefined when it does not match.
 * Folded letter by letter, so that positions match the question as typed.
 */
function cutAt(question: string, re: RegExp): string | undefined {
  const chars = [...question.normalize('NFC')];
  const m = re.exec(chars.map((c) => fold(c)).join(''));
  return m ? chars.slice(0, m.index).join('').trimEnd() : undefined;
}

/** The question without the words that address someone at its end ("… chuyển đổi số hả cháu?"). */
export function withoutAddress(question: string): string {
  const cut = cutAt(question, ADDRESS);
  return cut === undefined ? question : `${cut}?`;
}

/**
 * "ai là người đứng ra phát động": who launched it, as "ai phát động" asks; "là người" and "đứng
 * ra" (to take it on) add only words that passages about people share ("người lao động").
 */
const STEPS_FORWARD = /(\b(?:ai|người|nguoi|đơn vị nào|don vi nao)\s+)(?:đứng|dung)\s+ra\s+/giu;
const WHO_IS_PERSON = /\b(ai)\s+(?:là|la)\s+(?:người|nguoi)\s+(?!nào|nao\b)/giu;

/**
 * The question without a last clause about the asker ("… ban hành ngày nào vậy, mình đang soạn
 * phần căn cứ cho kế hoạch"): what they are doing is not what they ask.
 */
export function withoutAfterword(question: string): string {
  return cutAt(question, AFTERWORD) ?? question;
}

/** The question as the bot searches and answers it. */
export function understood(question: string, stats: CorpusStats): string {
  const plain = withoutAfterword(withoutAddress(question.replace(STEPS_FORWARD, '$1').replace(WHO_IS_PERSON, '$1 ')));
  return targetQuestion(campaignQuestion(withoutGuess(plain), stats));
}
