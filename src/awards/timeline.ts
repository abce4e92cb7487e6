/**
 * The campaign's milestones ("- Năm 2027: tổ chức sơ kết…" in the documents' "Thời gian thực
 * hiện" / "Tổ chức thực hiện" sections) and a unit's yearly report deadline, counted in days
 * from today in Vietnam (UTC+7).
 */
import { fold } from '../knowledge/ingest/normalize.js';
import { DOC_LEVELS, type Chunk, type DocMeta } from '../knowledge/types.js';

export interface Milestone {
  year: number;
  /** What happens that year, one entry per document that says so (higher level first). */
  items: { docId: string; section: string; quote: string; text: string }[];
}

const LEVEL_ORDER = Object.fromEntries(DOC_LEVELS.map((l, i) => [l, i])) as Record<DocMeta['level'], number>;
const TIMELINE_SECTION = /(thoi gian thuc hien|to chuc thuc hien)$/;
const MILESTONE = /^[-+•]\s+(Năm (\d{4}):\s*(.+))$/u;

/** Milestones by year, from every document that lists them. */
export function buildMilestones(chunks: Chunk[], docs: DocMeta[]): Milestone[] {
  const level = (docId: string) => LEVEL_ORDER[docs.find((d) => d.id === docId)?.level ?? 'phường'];
  const byYear = new Map<number, Milestone['items']>();
  for (const c of chunks) {
    if (!docs.some((d) => d.id === c.docId)) continue;
    const last = c.section.split(' › ').pop() ?? '';
    if (!TIMELINE_SECTION.test(fold(last))) continue;
    for (const line of c.text.split('\n')) {
      const m = MILESTONE.exec(line);
      if (!m) continue;
      const year = Number(m[2]);
      const items = byYear.get(year) ?? [];
      items.push({ docId: c.docId, section: c.section, quote: m[1]!, text: m[3]!.replace(/^\p{Ll}/u, (ch) => ch.toUpperCase()) });
      byYear.set(year, items);
    }
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, items]) => ({ year, items: items.sort((a, b) => level(a.docId) - level(b.docId)) }));
}

/** Today's calendar date in Vietnam as [year, month (1-12), day]. */
function vietnamDate(now: Date): [number, number, number] {
  const vn = new Date(now.getTime() + 7 * 3_600_000);
  return [vn.getUTCFullYear(), vn.getUTCMonth() + 1, vn.getUTCDate()];
}

/**
 * The next occurrence (today included) of a yearly "MM-DD" deadline and the days left.
 * @example nextDeadline('12-05', new Date('2026-11-22T03:00:00Z')) // { date: '05/12/2026', days: 13 }
 */
export function nextDeadline(deadline: string, now: Date): { date: string; days: number } {
  const [mm, dd] = deadline.split('-').map(Number) as [number, number];
  const [y, m, d] = vietnamDate(now);
  const today = Date.UTC(y, m - 1, d);
  let year = y;
  if (Date.UTC(year, mm - 1, dd) < today) year++;
  const days = Math.round((Date.UTC(year, mm - 1, dd) - today) / 86_400_000);
  return { date: `${String(dd).padStart(2, '0')}/${String(mm).padStart(2, '0')}/${year}`, days };
}

/**
 * The sentence that sets a "MM-DD" deadline ("… trước ngày 05/12 …"); when several documents set
 * the same date, the unit's own plan (document id starting with the unit id) first.
 */
export function deadlineSource(chunks: Chunk[], deadline: string, unitId?: string): { docId: string; section: string; quote: string } | undefined {
  const [mm, dd] = deadline.split('-');
  const needle = `trước ngày ${dd}/${mm}`;
  const hits = chunks.flatMap((c) =>
    c.text
      .split(/\n|(?<=\.)\s+(?=[\p{Lu}\d])/u)
      .filter((s) => s.includes(needle))
      .map((quote) => ({ docId: c.docId, section: c.section, quote: quote.replace(/^[-+•]\s+/u, '') })),
  );
  return hits.find((h) => unitId && h.docId.startsWith(unitId)) ?? hits[0];
}
