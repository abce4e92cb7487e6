/**
 * Attaching each figure of a segment to the words that name its indicator.
 *
 * Officers write both "85% CBCCVC có kỹ năng số" (value first) and "CBCCVC đạt 85%" (mention
 * first), often several in one line: "CBCCVC 85%, HS 90%". A segment whose text before its first
 * value names a population is read mention-first: the words between two values go to the later
 * one, cut at the first soft boundary; otherwise value-first: they go to the earlier one, cut at
 * the last boundary. A population right after a value ("92% học sinh") binds to it either way.
 *
 * Commas inside one population ("DN, HTX", "cán bộ, công chức, viên chức") do not split it: a
 * boundary only separates subject mentions that cannot name the same indicator.
 */
import { compatible, type Cluster, type Recognizer } from './recognize.js';

type IndicatorId = string;
import { softBoundaries, type Span } from './text.js';
import type { Quantity } from './vi-numbers.js';

/** Subject mentions that name one population, and the text region they own. */
export interface Group extends Span {
  clusters: Cluster[];
  ids: IndicatorId[];
}

/** A figure with the words that name it and the mentions left without a figure. */
export interface Attached {
  q: Quantity;
  /** The group the figure belongs to, if any. */
  primary?: Group;
  /** Folded text to resolve the indicator from (primary region, compatible mentions, words between). */
  mention: string;
  /** The regions around the figure, for quoting an unknown indicator. */
  parts: Span[];
  /** Mentions of other populations next to this figure: indicators reported without a number. */
  orphans: Group[];
}

/** Groups of subject mentions in [a, b) of `text`, split where a boundary separates incompatible ones. */
export function groupsIn(rec: Recognizer, text: string, a: number, b: number): Group[] {
  const clusters = rec.subjectClusters(text.slice(a, b)).map((c) => ({ ...c, start: c.start + a, end: c.end + a }));
  const groups: Group[] = [];
  let regionStart = a;
  for (const c of clusters) {
    const g = groups[groups.length - 1];
    if (g) {
      const seps = softBoundaries(text, g.clusters[g.clusters.length - 1]!.end, c.start);
      // "dạy kỹ năng số cho học sinh": a population after a preposition qualifies, never starts.
      const modifier = MODIFIER.test(text.slice(Math.max(0, c.start - 20), c.start));
      if (seps.length === 0 || modifier || compatible(g.ids, c.ids)) {
        g.clusters.push(c);
        if (compatible(g.ids, c.ids)) g.ids = g.ids.filter((id) => c.ids.includes(id));
        continue;
      }
      const cut = seps[seps.length - 1]!;
      g.end = cut.start;
      regionStart = cut.end;
    }
    groups.push({ start: regionStart, end: b, clusters: [c], ids: [...c.ids] });
  }
  return groups;
}

const MODIFIER = /(?<![a-z])(?:cho|cua|voi|tai|trong|o|thuoc)\s+(?:cac\s+|moi\s+|nhung\s+)?$/;
// "92% học sinh", "100% các trường": at most one word, and no boundary, between value and population.
const IMMEDIATE = /^[\s:]*(?:(?!(?:va|con|rieng)\s)[a-z]+\s+)?$/;

/**
 * Attaches each quantity of a segment (positions relative to `text`) to its mention.
 * `inner` gives, per quantity, spans inside it that are words (a "tổng số … đã có …" pair).
 */
export function attach(rec: Recognizer, text: string, qs: readonly Quantity[], inner: readonly (Span | undefined)[]): Attached[] {
  if (qs.length === 0) return [];
  const mentionFirst = rec.subjectClusters(text.slice(0, qs[0]!.start)).length > 0;
  const lead: Span[] = [{ start: 0, end: qs[0]!.start }];
  const trail: Span[] = [];
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i]!;
    const next = qs[i + 1];
    if (!next) {
      trail.push({ start: q.end, end: text.length });
      break;
    }
    const seps = softBoundaries(text, q.end, next.start);
    const cut = mentionFirst ? seps[0] : seps[seps.length - 1];
    if (cut) {
      trail.push({ start: q.end, end: cut.start });
      lead.push({ start: cut.end, end: next.start });
    } else if (mentionFirst) {
      trail.push({ start: q.end, end: q.end });
      lead.push({ start: q.end, end: next.start });
    } else {
      trail.push({ start: q.end, end: next.start });
      lead.push({ start: next.start, end: next.start });
    }
  }
  return qs.map((q, i) => {
    const L = groupsIn(rec, text, lead[i]!.start, lead[i]!.end);
    const T = groupsIn(rec, text, trail[i]!.start, trail[i]!.end);
    const immediate = T[0] && IMMEDIATE.test(text.slice(q.end, T[0].clusters[0]!.start));
    const primary = immediate ? T[0] : mentionFirst ? (L[L.length - 1] ?? T[0]) : (T[0] ?? L[L.length - 1]);
    const regions: Span[] = primary ? [primary] : [lead[i]!, trail[i]!];
    const orphans: Group[] = [];
    for (const g of [...L, ...T]) {
      if (g === primary) continue;
      if (primary && compatible(primary.ids, g.ids)) regions.push(g);
      else if (!text.slice(g.start, g.end).trim().endsWith(':')) orphans.push(g);
    }
    if (inner[i]) regions.push(inner[i]!);
    const mention = regions.map((r) => text.slice(r.start, r.end)).join(' ');
    return { q, ...(primary ? { primary } : {}), mention, parts: [lead[i]!, trail[i]!], orphans };
  });
}
