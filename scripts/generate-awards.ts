/**
 * `npm run awards:generate`: builds src/awards/catalog.json from the chunked corpus (the Hồng An
 * plan, section III). Each "-"/"+" bullet of a 3.2.x/3.3.x unit gives one criterion per sentence,
 * quoted exactly as the chunk reads; a unit without bullets gives the deciding clause of its
 * heading sentence. The output is then reviewed and committed: rerun after a corpus change and
 * read the diff. `--check` only reports whether the committed file is up to date (exit 1 if not).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCatalog, type Award, type Card, type Catalog, type Criterion, type Source, type Subject } from '../src/awards/catalog-schema.js';
import { loadCorpus } from '../src/knowledge/ingest/corpus.js';
import { fold } from '../src/knowledge/ingest/normalize.js';
import type { Chunk } from '../src/knowledge/types.js';

const DOC = 'hong-an-kh';
const SEP = ' › ';

/** Review layer: how the plan's headings name each award form, and what people call it. */
const FORMS: { id: string; name: string; heading: RegExp; aliases: string[] }[] = [
  {
    id: 'huan-chuong-lao-dong-hang-ba',
    name: 'Huân chương Lao động hạng Ba',
    heading: /^huan chuong lao dong/,
    aliases: ['huan chuong lao dong hang ba', 'huan chuong lao dong', 'huan chuong', 'hcld'],
  },
  {
    id: 'bang-khen-thu-tuong',
    name: 'Bằng khen của Thủ tướng Chính phủ',
    heading: /^bang khen cua thu tuong/,
    aliases: ['bang khen thu tuong chinh phu', 'bang khen thu tuong', 'bang khen chinh phu', 'bang khen'],
  },
  {
    id: 'co-thi-dua-chinh-phu',
    name: 'Cờ thi đua của Chính phủ',
    heading: /^co thi dua cua chinh phu/,
    aliases: ['co thi dua chinh phu', 'co thi dua'],
  },
  {
    id: 'co-thi-dua-ubnd-thanh-pho',
    name: 'Cờ thi đua của UBND thành phố',
    heading: /^co thi dua cua uy ban nhan (dan )?thanh pho/,
    aliases: ['co thi dua uy ban nhan dan thanh pho', 'co thi dua uy ban nhan dan', 'co thi dua thanh pho', 'co thi dua'],
  },
  {
    id: 'bang-khen-chu-tich-ubnd-thanh-pho',
    name: 'Bằng khen của Chủ tịch UBND thành phố',
    heading: /^bang khen cua (cua )?(chu tich )?uy ban nhan (dan )?thanh pho/,
    aliases: [
      'bang khen chu tich uy ban nhan dan thanh pho',
      'bang khen chu tich uy ban nhan dan',
      'bang khen chu tich thanh pho',
      'bang khen chu tich',
      'bang khen uy ban nhan dan thanh pho',
      'bang khen uy ban nhan dan',
      'bang khen thanh pho',
      'bang khen',
    ],
  },
  {
    id: 'giay-khen',
    name: 'Giấy khen của UBND phường',
    heading: /^giay khen/,
    aliases: ['giay khen uy ban nhan dan phuong', 'giay khen phuong', 'giay khen'],
  },
];

/** Sub-headings and lead bullets that name a kind of recipient. */
const SUBJECT_PHRASES: [RegExp, Subject][] = [
  [/^(a\) )?doi voi tap the/, 'tap-the'],
  [/^(b\) )?doi voi ca nhan/, 'ca-nhan'],
  [/^(c\) )?doi tuong khac/, 'doi-tuong-khac'],
  [/^doi voi dia phuong/, 'dia-phuong'],
  [/^doi voi doanh nghiep/, 'doanh-nghiep'],
];
const RECIPIENTS: [RegExp, Subject[]][] = [
  [/tang cho (cac )?tap the, ca nhan/, ['tap-the', 'ca-nhan']],
  [/tang cho (cac )?tap the/, ['tap-the']],
  [/tang cho (cac )?ca nhan/, ['ca-nhan']],
  [/tang cho (cac )?dia phuong/, ['dia-phuong']],
];
/** Criteria the reported figures decide (indicator of src/reports/indicators.ts). */
const MEASURES: [RegExp, NonNullable<Criterion['measure']>][] = [
  [/^100% can bo, cong chuc, vien chuc va nguoi lao dong .*hieu biet ve chuyen doi so/, { indicatorId: 'can_bo_ky_nang_so', minPercent: 100 }],
];
const GENERAL = /(?:có )?((?:nội bộ đoàn kết, )?chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của nhà nước)/u;

const subjectOf = (label: string) => SUBJECT_PHRASES.find(([re]) => re.test(fold(label)))?.[1] ?? null;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const sentence = (s: string) => capitalize(s.trim().replace(/[,;:]$/, '')).replace(/([^.])$/, '$1.');
/** Sentences of one bullet: split after a full stop before a capital or a digit ("… công việc. 100% cán bộ …"). */
const sentences = (s: string) => s.split(/(?<=\.)\s+(?=[\p{Lu}\d])/u).filter(Boolean);

interface Unit {
  path: string[];
  lines: string[];
}

/** The units of section 3.2 of the plan, each with its lines (a line repeated by chunk splitting kept once). */
function unitsOf(chunks: Chunk[]): Unit[] {
  const units = new Map<string, Unit>();
  for (const c of chunks) {
    if (c.docId !== DOC) continue;
    const path = c.section.split(SEP);
    if (!path.some((p) => /^3\.2\.\s/.test(p)) || !path.some((p) => /^3\.\d\.\d\.\s/.test(p))) continue;
    const unit = units.get(c.section) ?? { path, lines: [] };
    for (const line of c.text.split('\n')) if (!unit.lines.includes(line)) unit.lines.push(line);
    units.set(c.section, unit);
  }
  return [...units.values()];
}

/** The heading sentence of a unit: the text after "label:" on the heading line, if any. */
function leadOf(unit: Unit): string | null {
  const label = unit.path[unit.path.length - 1]!;
  const first = unit.lines[0] ?? '';
  return first.startsWith(`${label}:`) ? first.slice(label.length + 1).trim() : null;
}

function build(chunks: Chunk[]): Catalog {
  const source = (section: string, quote: string): Source => ({ docId: DOC, section, quote });
  const cards = new Map<string, { subject: Subject | null; general: Card['general']; items: { text: string; bullet: number; quote: string; section: string }[] }[]>();
  const recipients = new Map<string, Set<Subject>>();

  for (const unit of unitsOf(chunks)) {
    const section = unit.path.join(SEP);
    const formLabel = unit.path.find((p) => /^3\.\d\.\d\.\s/.test(p))!;
    const names = formLabel.replace(/^3\.\d\.\d\.\s*/, '').split(/,\s+/);
    const forms = names.map((n) => {
      const form = FORMS.find((f) => f.heading.test(fold(n)));
      if (!form) throw new Error(`no award form for "${n}" (section ${section}): add it to FORMS`);
      return form;
    });
    const unitSubject = unit.path.length > unit.path.indexOf(formLabel) + 1 ? subjectOf(unit.path[unit.path.length - 1]!) : null;
    const lead = leadOf(unit);
    const general = lead && GENERAL.exec(lead);
    const generalEntry = general ? { text: sentence(general[1]!), source: source(section, lead!) } : null;

    // Bullets, each under the subject its lead bullet ("- Đối với doanh nghiệp:") names.
    let subject = unitSubject;
    const bullets = new Map<Subject | null, number>();
    const bySubject = new Map<Subject | null, { text: string; bullet: number; quote: string; section: string }[]>();
    for (const line of unit.lines) {
      const m = /^[-+]\s+(.*)$/u.exec(line);
      if (!m) continue;
      if (m[1]!.endsWith(':')) {
        subject = subjectOf(m[1]!) ?? subject;
        continue;
      }
      const bullet = (bullets.get(subject) ?? 0) + 1;
      bullets.set(subject, bullet);
      const list = bySubject.get(subject) ?? [];
      for (const s of sentences(m[1]!)) list.push({ text: s, bullet, quote: s, section });
      bySubject.set(subject, list);
    }
    if (bySubject.size === 0) {
      if (!lead) throw new Error(`section ${section} has neither bullets nor a heading sentence`);
      const rest = general ? lead.slice(general.index + general[0].length).replace(/^,\s*/, '') : lead.replace(/^(để )?tặng cho (các )?(tập thể, cá nhân|tập thể|cá nhân|địa phương)\s+/iu, '');
      if (!rest || /^đạt (các )?tiêu chuẩn sau/u.test(rest)) throw new Error(`section ${section}: no criterion in "${lead}"`);
      bySubject.set(unitSubject, [{ text: sentence(rest.replace(/\.$/, '')), bullet: 0, quote: lead, section }]);
    }

    for (const form of forms) {
      const list = cards.get(form.id) ?? [];
      for (const [s, items] of bySubject) list.push({ subject: s, general: generalEntry, items });
      cards.set(form.id, list);
      const who = recipients.get(form.id) ?? new Set();
      for (const s of bySubject.keys()) if (s) who.add(s);
      if (![...bySubject.keys()].some(Boolean)) for (const [re, subs] of RECIPIENTS) if (lead && re.test(fold(lead))) { subs.forEach((x) => who.add(x)); break; }
      recipients.set(form.id, who);
    }
  }

  // Section III.1 lists the award forms; each award cites its line.
  const listChunk = chunks.find((c) => c.docId === DOC && /› 1\. Hình thức và danh hiệu khen thưởng$/u.test(c.section));
  if (!listChunk) throw new Error('section III.1 (Hình thức và danh hiệu khen thưởng) not found');
  const listed = listChunk.text.split('\n').map((l) => l.replace(/^[-+]\s+/, '').replace(/[;.]$/, ''));

  const awards: Award[] = FORMS.filter((f) => cards.has(f.id)).map((form) => {
    const list = cards.get(form.id)!;
    const line = listed.find((l) => form.heading.test(fold(l)) || fold(form.name).startsWith(fold(l)));
    if (!line) throw new Error(`"${form.name}" is not in the list of section III.1`);
    return {
      id: form.id,
      name: form.name,
      recipients: [...recipients.get(form.id)!],
      aliases: form.aliases,
      occasions: ['hang-nam', 'so-ket-2027', 'tong-ket-2030'],
      listed: source(listChunk.section, line),
      cards: list.map((c) => {
        const id = list.length > 1 ? `${form.id}/${c.subject}` : form.id;
        return {
          id,
          subject: list.length > 1 ? c.subject : null,
          general: c.general,
          criteria: c.items.map((it, i) => {
            const measure = MEASURES.find(([re]) => re.test(fold(it.quote)))?.[1];
            return { id: `${id}#${i + 1}`, text: it.text, bullet: it.bullet, ...(measure ? { measure } : {}), source: source(it.section, it.quote) };
          }),
        };
      }),
    };
  });

  const yearly = chunks.find((c) => c.docId === DOC && /› 3\.1\. Khen thưởng hàng năm$/u.test(c.section));
  const review = unitsOf(chunks)[0]!.path;
  const reviewPath = review.slice(0, review.findIndex((p) => /^3\.2\.\s/.test(p)) + 1);
  if (!yearly) throw new Error('section 3.1 (Khen thưởng hàng năm) not found');
  const reviewHeading = reviewPath[reviewPath.length - 1]!.replace(/^3\.2\.\s*/, '');
  return {
    version: 1,
    occasions: [
      { id: 'hang-nam', label: 'Hằng năm: kết quả phong trào là một tiêu chí bình xét khen thưởng tổng kết năm và khen thưởng theo thẩm quyền', source: source(yearly.section, sentences(yearly.text)[0]!) },
      { id: 'so-ket-2027', label: 'Sơ kết phong trào năm 2027', source: source(reviewPath.join(SEP), reviewHeading) },
      { id: 'tong-ket-2030', label: 'Tổng kết phong trào năm 2030', source: source(reviewPath.join(SEP), reviewHeading) },
    ],
    awards,
  };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { chunks } = await loadCorpus(path.join(root, 'corpus'));
const catalog = parseCatalog(build(chunks));
const json = `${JSON.stringify(catalog, null, 2)}\n`;
const file = path.join(root, 'src/awards/catalog.json');
if (process.argv.includes('--check')) {
  const current = readFileSync(file, 'utf8');
  if (current !== json) {
    process.stderr.write(`${path.relative(root, file)} differs from what the corpus gives: run npm run awards:generate and review the diff\n`);
    process.exit(1);
  }
  process.stdout.write('award catalog is up to date\n');
} else {
  writeFileSync(file, json);
  const criteria = catalog.awards.flatMap((a) => a.cards.flatMap((c) => c.criteria)).length;
  process.stdout.write(`wrote ${path.relative(root, file)}: ${catalog.awards.length} award forms, ${criteria} criteria\n`);
}
