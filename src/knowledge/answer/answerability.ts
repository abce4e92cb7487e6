import { analyzeQuery, analyzeText } from '../search/analyze.js';
import type { CorpusStats } from '../search/coverage.js';
import { fold } from '../ingest/normalize.js';
import { NO_DATE_NOTE } from '../ingest/corpus.js';
import type { DocMeta } from '../types.js';

/**
 * Question-level rules that tell the offline answerer "the documents do not say". Each rule is a
 * property of the question's form and of the corpus vocabulary, never of a particular question:
 *
 * - focus: in "X là bao nhiêu?", "ai là X?", "X tên là gì?", X is what the answer is about; when
 *   X's first two topic syllables never stand together in the corpus ("kinh phí", "trưởng phòng"),
 *   the documents hold no such thing.
 * - kind of fact: a deadline needs a day or month (not the date of a document it cites: "Công văn
 *   số 4735/BNV-BTĐKTTW ngày 04 tháng 7 năm 2025" sets no deadline), an amount of money a currency, a count
 *   ("mấy đợt", "bao nhiêu thành viên") a number followed by that noun; a question about what has
 *   already been achieved ("đã … bao nhiêu … rồi") needs a count, not the plan's percentage target.
 * - place: a question about one ward is not answered by another ward's plan; a ward the corpus
 *   never names is not covered at all.
 */

/** Particles, pronouns and question words people add on a phone; they say nothing of the topic. */
export const PARTICLES = new Set(
  (
    'a ah ai bao da dau dc duoc gi gio gom hay hoi ko k khong la ma may minh muon nao nhe nha nhieu ' +
    'han chot luc e j oi o phai roi sao the thi toi em con vay v c ac vay nhe nhé vui long xin ty le phan tram cua cac ' +
    'nhung ve voi va de theo trong tai tu den nay do khi nhu co cho lam chiu ' +
    // How people address a page or a bot: "… là ngày nào vậy ad?", "bot ơi"; "trong top mấy";
    // and the small words of speech: "rất tốt", "bọn em", "có giống … không", "cái kế hoạch",
    // "sở nào lo việc …".
    'ad admin bot ak top rat bon giong cai lo ' +
    // "cuối năm", "cuối tháng": when, not what; "… z" on a phone; "ngoài việc …" (besides).
    'cuoi z zay ngoai'
  ).split(/\s+/),
);

/**
 * "ai là người (đứng ra) phát động …": the thing asked about starts after "người". A one-syllable
 * verb ("ai là người ký kế hoạch") names an act, not a thing: "ký kế" need not stand together,
 * while "ai là trưởng phòng" still asks for a "trưởng phòng" the corpus never names.
 */
const ONE_SYLLABLE_VERBS = new Set(['ky', 'ki', 'giao', 'gui', 'lap', 'duyet', 'trinh', 'cap', 'khen', 'xet', 'tang', 'chiu', 'lam']);
/** Words that ask what a body must do, shared by the focus rule and `taskBody`. */
const TASK_WORDS = 'co nhiem vu|phai lam gi|co trach nhiem';
const WHO_IS = /\bai la\s+(?:nguoi\s+)?(?:dung ra\s+)?(.*)$/;
const FOCUS = [
  /^(.*?)\b(?:la|bang|dat|duoc|co|mat|het|gom)\s+(?:bao nhieu|may)\b/,
  /^(.*?)\b(?:ten la gi|ten gi|la ai|la nguoi nao)\b/,
  WHO_IS,
  // "hồ sơ gồm những giấy tờ gì": what the list is made of
  /\b(?:gom|bao gom)\s+(?:nhung\s+|cac\s+)?(.+?)\s+(?:gi|nao)\b/,
  // "kinh phí … lấy từ đâu", "… lấy từ nguồn nào"
  /^(.*?)\b(?:lay tu|lay o|tu|o)\s+(?:dau|nguon nao)\b/,
  // "công an phường được giao nhiệm vụ gì", "… có nhiệm vụ gì", "… phải làm gì"
  new RegExp(`^(.*?)\\b(?:duoc (?:\\p{L}+ )?giao|${TASK_WORDS})\\b`, 'u'),
];

/**
 * True when the thing asked about (the X of the patterns above) is a phrase the corpus never
 * uses. Vietnamese nouns are mostly two syllables, so two known syllables that never stand
 * together in the corpus name something it does not discuss. (Applying this to the opening words
 * of every question was measured and refused too many good questions: "ai ký…", "con mình…".)
 */
export function unknownFocus(question: string, stats: CorpusStats): boolean {
  const q = fold(question);
  for (const [i, phrase] of FOCUS.map((re) => re.exec(q)?.[1]).entries()) {
    if (phrase === undefined) continue;
    // "Ở cấp thành phố, cơ quan nào có trách nhiệm …": a phrase that asks "which" names nothing.
    if (/\b(nao|ai)\b/.test(phrase)) continue;
    // An initialism the bot does not expand ("TT Văn hoá …") names nothing by itself.
    const head = analyzeQuery(phrase).folded.filter((t) => !PARTICLES.has(t) && /[aeiouy]|^\d+$/.test(t));
    while (head.length && /^\d+$/.test(head[0]!)) head.shift();
    if (head.length < 2 || !stats.known(head[0]!) || !stats.known(head[1]!) || stats.pair(head[0]!, head[1]!)) continue;
    if (FOCUS[i] === WHO_IS && ONE_SYLLABLE_VERBS.has(head[0]!)) continue;
    return true;
  }
  return false;
}

const STATUS = /\b(da|hien nay|den nay|hien da|tinh den)\b.*\b(bao nhieu|may)\b|\b(bao nhieu|may)\b.*\broi\b/;
/** Nouns a share can be given for: "bao nhiêu người dân" may be answered by "80% người dân". */
const SHARE_NOUNS = new Set(['nguoi', 'can', 'hoc', 'lao', 'co', 'doanh', 'hop', 'don', 'truong']);
const NOT_A_NOUN = new Set(
  ('phan ty muc nam so la thi de duoc phai can truoc sau khi vay a ha nhi roi nua o va voi cua cho ' +
    // prepositions: "đạt bao nhiêu về kỹ năng số" asks a share, not a count of "về"
    've trong tai den tu theo nhu tren duoi').split(' '),
);

/** A day or a month: "05/12", "ngày 15", "trong tháng 8 năm 2025". */
const DATE = /\b\d{1,2}\/\d{1,2}\b|ngày \d{1,2}\b|tháng \d{1,2}\b/iu;

/** "số 4735/BNV-BTĐKTTW ngày 04 tháng 7 năm 2025", "số 57-NQ/TW ngày 22/12/2024": when a cited document was issued. */
const CITED_DATE = /\bsố\s*:?\s*(\d*)\S*(?:\s+\S+){0,3}?\s+ngày\s+\d{1,2}\s*(?:\/|tháng)\s*\d{1,2}\s*(?:\/|năm)\s*\d{4}/giu;

/** The document's own facts: "Công văn số 4735/BNV-BTĐKTTW của Bộ Nội vụ, ban hành ngày 4/7/2025". */
const ISSUED = /ban hành ngày \d{1,2}\/\d{1,2}\/\d{4}/giu;

/** A header's place and date line: "Hà Nội, ngày 04 tháng 7 năm 2025". */
const ISSUE_LINE = /^[^\n,]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/gmu;

/**
 * The text without the issue dates of itself and of the documents it cites, except a cited
 * document whose number is in `keep` ("Nghị quyết 57 ban hành ngày nào?" keeps "số 57-NQ/TW ngày …").
 */
export function withoutCitedDates(text: string, keep: readonly string[] = []): string {
  return text.replace(CITED_DATE, (m, n: string) => (n && keep.includes(n) ? m : ' ')).replace(ISSUE_LINE, ' ');
}

/** A predicate over passage text: does it hold the kind of fact the question asks for? */
export type FactTest = ((passage: string) => boolean) & {
  /** A heading above the passage may hold the fact ("3.2. … khen thưởng sơ kết vào năm 2027"). */
  inHeadings?: boolean;
};

/** The kinds of fact the question demands of a passage (empty: any covering passage may answer). */
export function requiredFacts(question: string): FactTest[] {
  // "bn suất" is "bao nhiêu suất" typed on a phone.
  const q = fold(question).replace(/\bbn\b/g, 'bao nhieu');
  const tests: FactTest[] = [];
  /** Numbers the question names: a cited document it asks about ("công văn 4735"). */
  const named = q.match(/\d+/g) ?? [];
  if (/\b(bao nhieu tien|may tien|tien thuong|muc thuong|bao nhieu dong|may trieu|bao nhieu trieu)\b/.test(q)) {
    tests.push((t) => /\d[\d.,]*\s*(đồng|triệu|tỷ đồng|nghìn đồng|VNĐ|VND)/iu.test(t));
  } else if (/\b(mat phi|le phi|hoc phi|mien phi|chi phi|ton tien|mat tien|thu phi)\b/.test(q)) {
    // "có mất phí không": a fee, or that there is none.
    tests.push((t) => /\d[\d.,]*\s*(đồng|triệu|nghìn)|miễn phí|không thu phí|lệ phí|học phí/iu.test(t));
  }
  if (/\b(?:han(?! che)|thoi han|het han|truoc ngay|cham nhat)\b/.test(q)) {
    // A deadline: never the date a document was issued ("…, ban hành ngày 4/7/2025").
    // Nor the date of a document the question names: "theo công văn 4735, hạn chót … là ngày nào"
    // is not answered by "Công văn số 4735/BNV-BTĐKTTW ngày 04 tháng 7 năm 2025".
    tests.push((t) => DATE.test(withoutCitedDates(t).replace(ISSUED, ' ')));
  } else if (/\b(ngay nao|hom nao)\b/.test(q)) {
    // "Kế hoạch … ban hành ngày nào?" is not answered by the date of a document the plan cites,
    // unless the question asks about a cited one ("căn cứ công văn số mấy, ngày nào?").
    const asksCited = /\b(so may|so bao nhieu|can cu|van ban nao|cong van nao|ke hoach nao|nghi quyet nao|huong dan nao)\b/.test(q);
    tests.push((t) => DATE.test(asksCited ? t : withoutCitedDates(t, named)) || NO_DATE_NOTE.test(t));
  } else if (/\bthang (nao|may)\b/.test(q)) {
    tests.push((t) => /\b\d{1,2}\/\d{1,2}\b|tháng \d{1,2}\b/u.test(t));
  } else if (/\b(khi nao|bao gio|luc nao|nam nao)\b(?! thi\b)/.test(q) && !/\b(thi|duoc)\b.*\b(khi nao|bao gio)\b/.test(q)) {
    // "khi nào mở lớp": a day, a month or a year ("Năm 2027: tổ chức sơ kết"); not "khi nào thì
    // được khen" or "được xét Bằng khen khi nào", which ask for a condition.
    const dated: FactTest = (t) => {
      const own = withoutCitedDates(t, named);
      return DATE.test(own) || /\b(?:năm|Năm) 20\d\d\b/u.test(own);
    };
    dated.inHeadings = true;
    tests.push(dated);
  }
  // "tỷ lệ …", "bao nhiêu phần trăm": a share is answered by a percentage, not by a sentence that
  // shares the topic's words ("tỷ lệ dịch vụ công trực tuyến" ≠ "nền tảng học tập trực tuyến").
  if (/\b(ty le|phan tram)\b/.test(q)) tests.push((t) => /\d\s*%|\d\s*phần trăm/iu.test(t));
  // "số mấy" asks which number (a document number), not how many.
  const count = /(?<!\bso )\b(?:bao nhieu|may)\s+(\p{L}+)/u.exec(q);
  const noun = count?.[1];
  if (noun && !NOT_A_NOUN.has(noun)) {
    const bare = (t: string) => new RegExp(`\\d[\\d.]*\\s+${noun}\\b`).test(fold(t));
    const share = (t: string) => new RegExp(`\\d[\\d.,]*\\s*%\\s+(\\p{L}+\\s+){0,3}?${noun}\\b`, 'u').test(fold(t));
    tests.push(STATUS.test(q) || !SHARE_NOUNS.has(noun) ? bare : (t) => bare(t) || share(t));
  } else if (STATUS.test(q)) {
    tests.push((t) => /\d[\d.]*\s+\p{L}/u.test(fold(t).replace(/\d+\s*%/g, '')));
  }
  // "Hội đồng nhân dân phường gồm những ai": members are listed after the body's name and a
  // colon ("Đối tượng khen thưởng: Các tập thể…"); a passage that only names the body lists none.
  const members = MEMBERS.exec(q);
  if (members) {
    const head = members[1]!.split(' ').filter((w) => !PARTICLES.has(w)).slice(0, 2).join(' ');
    if (head.includes(' ')) tests.push((t) => new RegExp(`\\b${head}\\b[^.:;\\n]{0,40}:`).test(fold(t)));
  }
  return tests;
}

/** "X gồm những ai", "X bao gồm những thành phần nào": who the members of X are. */
const MEMBERS = /^(?:\W*)(.*?)\s+(?:bao )?gom\s+(?:nhung\s+)?(?:ai|nhung ai|thanh phan|thanh vien)\b/;

/** The place in an issuer's name: "Ủy ban nhân dân phường Hồng An" → "phường Hồng An" (name in group 1). */
const ISSUER_PLACE = /(?:phường|xã|đặc khu|thành phố|tỉnh)\s+(.+)$/iu;

/** Place names the corpus is about, folded, from the issuers in the manifest ("hong an", "hai duong"…). */
export function placesOf(docs: DocMeta[]): string[] {
  const names = new Set<string>();
  for (const d of docs) {
    const m = ISSUER_PLACE.exec(d.issuer);
    if (m) names.add(fold(m[1]!).trim());
  }
  return [...names];
}

/** A folded place as the documents write it: "hai duong" → "phường Hải Dương". */
export function placeName(place: string, docs: DocMeta[]): string {
  for (const d of docs) {
    const m = ISSUER_PLACE.exec(d.issuer);
    if (m && fold(m[1]!).trim() === place) return m[0];
  }
  return place;
}

/**
 * "phường X Y", "xã X Y"…: typed with diacritics the unit word is unambiguous; without them only
 * "phuong" (not "địa phương") and "huyen" are, since "xa", "tinh", "quan" are also common words.
 */
const PLACE_WORD = /(?<![\p{L}])(?:[pP]hường|[xX]ã|[hH]uyện|[tT]ỉnh|[đĐ]ặc khu|(?<![dD]ia )[pP]huong|[hH]uyen)\s+(\p{L}+)\s+(\p{L}+)/gu;

/** Words that can follow "phường" without being a name: "phường nào", "phường có"… */
const PLACE_STOP = new Set(
  ('nao co la da duoc minh toi em cua o thi phai can se dang va voi de trong nay do dat gui lam ban bao ' +
    'thuc trien tham phat xay giao yeu chi ke cac nguoi hoc hien nam khen xet tang trao han nop').split(' '),
);

export interface PlaceCheck {
  /** A ward or commune the question names but the corpus never does. */
  unknown: boolean;
  /** Known places the question names; a passage must belong to or mention one of them. */
  named: string[];
}

/**
 * The known places (folded) a question names in full, in the order it names them: "Hải Dương … có
 * giống Hồng An không" is about Hải Dương first.
 */
export function placesNamed(question: string, places: readonly string[]): string[] {
  const q = fold(question).replace(/[^\p{L}\p{N}\s]/gu, ' ');
  // "hai phong trào" is two campaigns, not Hải Phòng's campaign.
  const at = (p: string) => q.search(new RegExp(`\\b${p}\\b(?!\\s+trao\\b)`));
  return places.filter((p) => at(p) >= 0).sort((a, b) => at(a) - at(b));
}

/** Words that start the name of a body or an office: "công an", "Sở …", "Trung tâm …", "Thứ trưởng …". */
const BODY_HEADS = /^(?:cong an|quan su|so|phong|ban|trung tam|hoi dong|hoi|doan|mat tran|uy ban|dang uy|chi bo|thanh uy|to dan pho|truong|thu truong|bo truong|chu tich|pho chu tich|giam doc)\b/;
/**
 * "… có nhiệm vụ gì", "… được giao / được đề nghị …", "… (phải) làm gì": the tasks of the body
 * before it (the focus rule above asks a little less: not "được đề nghị", not a bare "làm gì").
 */
const TASKS = new RegExp(`^(.*?)\\b(?:duoc (?:\\p{L}+ )?(?:giao|de nghi)|${TASK_WORDS}|lam gi)\\b`, 'u');

/**
 * The body whose tasks the question asks for, as its first two folded syllables ("cong an",
 * "so van", "trung tam"); undefined when the question asks no body's tasks.
 */
export function taskBody(question: string): string | undefined {
  const phrase = TASKS.exec(fold(question).replace(/[^\p{L}\p{N}\s,]/gu, ' '))?.[1];
  if (!phrase) return undefined;
  // "Sở Văn hoá, Thể thao … được giao gì": the whole phrase; "Trong CV 4735 của Bộ Nội vụ, Thứ
  // trưởng Cao Huy được giao gì": its last clause.
  for (const part of [phrase, phrase.split(',').at(-1)!]) {
    const words = analyzeQuery(part).folded.filter((w) => !PARTICLES.has(w));
    const body = words.slice(0, 2).join(' ');
    if (words.length >= 2 && BODY_HEADS.test(body)) return body;
  }
  return undefined;
}

/**
 * True when a passage gives tasks to `body`: its heading names the body ("3. Trung tâm Văn hóa…",
 * "1. Đề nghị Ban Xây dựng Đảng…"), or a sentence has it act ("Sở Văn hóa … chủ trì", "giao Sở Khoa
 * học …"). "quản lý lực lượng công an, quân sự" names the police without giving it a task.
 */
export function givesTasks(section: string, text: string, body: string): boolean {
  if (` ${analyzeText(section).folded.join(' ')} `.includes(` ${body} `)) return true;
  const t = ` ${analyzeText(text).folded.join(' ')} `;
  const acts = new RegExp(` ${body}(?: \\S+){0,8}? (?:chu tri|co trach nhiem|phoi hop|thuc hien|tham muu|huong dan|chi dao|to chuc|tiep tuc) `);
  const asked = new RegExp(` (?:giao|de nghi|doi voi)(?: \\S+){0,2}? ${body} `);
  return acts.test(t) || asked.test(t);
}

/** Which places the question is about. */
export function placesIn(question: string, places: string[], stats: CorpusStats): PlaceCheck {
  const named = placesNamed(question, places);
  let unknown = false;
  // People who capitalise write "phường Lê Chân"; then a lower-case word after "phường" is no name.
  const capitalises = /\s\p{Lu}/u.test(question.normalize('NFC'));
  for (const m of question.normalize('NFC').matchAll(PLACE_WORD)) {
    const [a, b] = [fold(m[1]!), fold(m[2]!)];
    if (capitalises && !/^\p{Lu}/u.test(m[1]!)) continue;
    if (places.some((p) => p.startsWith(`${a} ${b}`) || p === a)) continue;
    // "phường HD", "phuong HA": a ward known by its initials.
    const initials = places.find((p) => p.split(' ').map((w) => w[0]).join('') === a);
    if (initials) {
      if (!named.includes(initials)) named.push(initials);
      continue;
    }
    if (PLACE_STOP.has(a) || PLACE_STOP.has(b) || stats.pair(a, b)) continue;
    unknown = true;
  }
  return { unknown, named };
}

/** True when the passage (its document or its text) belongs to one of the named places. */
export function inPlace(named: string[], doc: DocMeta, text: string): boolean {
  if (named.length === 0) return true;
  const where = fold(`${doc.issuer} ${doc.label} ${text}`);
  return named.some((p) => where.includes(p));
}
