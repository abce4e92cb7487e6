/**
 * The "Nguồn:" list of the text channels. Replies cite each quote separately (each opens on its
 * own in the web chat), so an award card cites seven criteria of one section and /moc cites the
 * same three sections for every milestone; listed one per number, the same "title — section"
 * line would repeat. Each place is listed once with all its numbers: "[1–7]", "[1, 4, 7]".
 */
import type { Citation } from '../core/message.js';

/** The 1-based citation numbers (ascending) that point into one title and section. */
export interface SourceGroup {
  numbers: number[];
  title: string;
  section: string;
}

/** Citations grouped by title and section, in order of first citation. */
export function groupSources(citations: readonly Citation[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  citations.forEach((c, i) => {
    const key = `${c.title}\u0000${c.section}`;
    const group = groups.get(key);
    if (group) group.numbers.push(i + 1);
    else groups.set(key, { numbers: [i + 1], title: c.title, section: c.section });
  });
  return [...groups.values()];
}

/** "1", "1–7", "1, 4, 7", "1–3, 6": runs of three or more as ranges. */
export function sourceNumbers(g: Pick<SourceGroup, 'numbers'>): string {
  const out: string[] = [];
  const n = g.numbers;
  for (let i = 0; i < n.length; ) {
    let j = i;
    while (j + 1 < n.length && n[j + 1] === n[j]! + 1) j++;
    if (j - i >= 2) out.push(`${n[i]}–${n[j]}`);
    else for (let k = i; k <= j; k++) out.push(String(n[k]));
    i = j + 1;
  }
  return out.join(', ');
}

/** "[1] title — section" lines, one per place, for channels without formatting. */
export function plainSourceLines(citations: readonly Citation[]): string[] {
  return groupSources(citations).map((g) => `[${sourceNumbers(g)}] ${g.title}${g.section ? ` — ${g.section}` : ''}`);
}
