/**
 * Who does what: the tasks each body is given in the documents, cited. Built once from the
 * chunks: a chunk whose section heading names a body ("3. Phòng Văn hóa - Xã hội") gives that
 * body its lines; elsewhere a line whose subject is a body ("Giao Sở Khoa học và Công nghệ chủ
 * trì…", "3. Sở Nội vụ (…) có trách nhiệm…") gives it that line.
 */
import { fold } from '../knowledge/ingest/normalize.js';
import { SECTIONS } from '../knowledge/ingest/chunk.js';
import type { Chunk, DocMeta } from '../knowledge/types.js';
import type { Citation } from '../core/message.js';
import { mentions } from './match.js';

export interface Body {
  id: string;
  name: string;
  /** Folded phrases people use for it ("va"/"cua" are ignored when matching). */
  aliases: string[];
  /** Folded heading label (marker and "Đề nghị" removed) that names the body. */
  heading: RegExp;
  /** Folded start of a line whose subject is the body. */
  subject?: RegExp;
}

export const BODIES: readonly Body[] = [
  {
    id: 'so-khcn',
    name: 'Sở Khoa học và Công nghệ',
    aliases: ['so khoa hoc va cong nghe', 'khoa hoc va cong nghe', 'so khcn'],
    heading: /^so khoa hoc va cong nghe/,
    subject: /^(giao )?so khoa hoc va cong nghe (chu tri|co trach nhiem|\()/,
  },
  {
    id: 'so-noi-vu',
    name: 'Sở Nội vụ (Ban Thi đua - Khen thưởng thành phố)',
    aliases: ['so noi vu', 'noi vu', 'ban thi dua khen thuong', 'thi dua khen thuong'],
    heading: /^so noi vu/,
    subject: /^(giao )?so noi vu (chu tri|co trach nhiem|\()/,
  },
  {
    id: 'so-vhttdl',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    aliases: ['so van hoa the thao va du lich', 'van hoa the thao va du lich', 'so van hoa', 'van hoa'],
    heading: /^so van hoa, the thao va du lich/,
    subject: /^(giao )?so van hoa, the thao va du lich (chu tri|co trach nhiem|\()/,
  },
  {
    id: 'ban-tuyen-giao',
    name: 'Ban Tuyên giáo và Dân vận Thành ủy',
    aliases: ['ban tuyen giao va dan van', 'ban tuyen giao', 'tuyen giao', 'dan van thanh uy'],
    heading: /^ban tuyen giao/,
    subject: /^(de nghi |giao )?ban tuyen giao va dan van thanh uy (chu tri|co trach nhiem)/,
  },
  {
    id: 'phong-vhxh',
    name: 'Phòng Văn hóa - Xã hội',
    aliases: ['phong van hoa xa hoi', 'van hoa xa hoi', 'phong van hoa', 'van hoa'],
    heading: /^phong van hoa\s*[-–]\s*xa hoi/,
  },
  {
    id: 'mttq',
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam và các đoàn thể',
    // The documents address the Front "và các tổ chức đoàn thể": the youth union, women's union,
    // veterans', farmers' and trade unions are those bodies, and people ask by their names.
    aliases: [
      'uy ban mat tran to quoc', 'mat tran to quoc', 'mat tran', 'doan the',
      'doan thanh nien', 'thanh nien', 'hoi phu nu', 'phu nu', 'hoi cuu chien binh', 'cuu chien binh', 'hoi nong dan', 'cong doan',
    ],
    heading: /^uy ban mat tran to quoc/,
  },
  {
    id: 'ban-xay-dung-dang',
    name: 'Ban Xây dựng Đảng Đảng ủy',
    aliases: ['ban xay dung dang', 'xay dung dang'],
    heading: /^ban xay dung dang/,
  },
  {
    id: 'trung-tam-vhtttt',
    name: 'Trung tâm Văn hóa, Thể thao và Truyền thông',
    aliases: ['trung tam van hoa the thao va truyen thong', 'van hoa the thao va truyen thong', 'trung tam van hoa', 'van hoa'],
    heading: /^trung tam van hoa, the thao va truyen thong/,
  },
  {
    id: 'co-quan-don-vi',
    name: 'Các cơ quan, đơn vị, trường học và doanh nghiệp',
    aliases: ['co quan don vi', 'cac co quan', 'cac don vi', 'truong hoc', 'doanh nghiep', 'so ban nganh'],
    heading: /^cac (co quan|phong|so), /,
    subject: /^(de nghi )?cac (co quan|so), [^:]*$/,
  },
];

/** A sentence about every unit's yearly report, wherever it stands, is a task of the units. */
const ALL_UNITS = /^dinh ky hang nam tat ca cac/;

export interface Task {
  bodyId: string;
  docId: string;
  section: string;
  quote: string;
}

const SKIP = new Set<string>([SECTIONS.info, SECTIONS.closing, SECTIONS.recipients, SECTIONS.signature, '']);
const stripMarker = (line: string) => line.replace(/^(\d{1,2}\.|[-+•])\s+/u, '');
const headingKey = (label: string) => fold(stripMarker(label)).replace(/^de nghi /, '');
const sentences = (s: string) => s.split(/(?<=\.)\s+(?=[\p{Lu}\d])/u).filter(Boolean);

/**
 * Every body's tasks, in document order, each a line (or a run of sentences) exactly as chunked.
 * @example buildTasks(chunks).filter((t) => t.bodyId === 'so-khcn')
 */
export function buildTasks(chunks: Chunk[]): Task[] {
  const tasks: Task[] = [];
  const seen = new Set<string>();
  const push = (bodyId: string, c: Chunk, quote: string) => {
    const key = `${bodyId}\u0000${c.docId}\u0000${quote}`;
    if (seen.has(key)) return;
    seen.add(key);
    tasks.push({ bodyId, docId: c.docId, section: c.section, quote });
  };
  for (const c of chunks) {
    if (SKIP.has(c.section)) continue;
    const last = c.section.split(' › ').pop()!;
    const owner = BODIES.find((b) => b.heading.test(headingKey(last)));
    for (const line of c.text.split('\n')) {
      const body = stripMarker(line);
      if (owner) {
        // The heading line itself ("2. Đối tượng…: …") is not a task; a line ending ":" only leads a list.
        if (line.startsWith(`${last}:`) || body.endsWith(':')) continue;
        let run: string[] = [];
        const flush = () => {
          if (run.length) push(owner.id, c, run.join(' '));
          run = [];
        };
        for (const s of sentences(body)) {
          if (owner.id !== 'co-quan-don-vi' && ALL_UNITS.test(fold(s))) {
            flush();
            push('co-quan-don-vi', c, s);
          } else run.push(s);
        }
        flush();
        continue;
      }
      const key = fold(body);
      const subject = BODIES.find((b) => b.subject?.test(key));
      if (subject && !body.endsWith(':')) push(subject.id, c, body);
    }
  }
  return tasks;
}

/** The bodies a query names, best (longest alias) first; several on a tie ("văn hóa"). */
export function matchBodies(query: string): Body[] {
  let best = 0;
  let found: Body[] = [];
  for (const b of BODIES) {
    const score = mentions(query, b.aliases);
    if (score === 0 || score < best) continue;
    if (score > best) found = [];
    best = score;
    found.push(b);
  }
  return found;
}

/** A task as a citation: the document's label as title. */
export function taskCitation(task: Task, docs: DocMeta[]): Citation {
  return { docId: task.docId, title: docs.find((d) => d.id === task.docId)?.label ?? task.docId, section: task.section, quote: task.quote };
}
