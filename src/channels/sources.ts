/**
 * The "Nguồn:" list of the text channels. An award card cites every criterion of one section
 * separately (each quote opens on its own in the web chat), so a plain list would repeat the same
 * "title — section" line seven times; consecutive citations of one place are listed once, "[1–7]".
 */
import type { Citation } from '../core/message.js';

/** Citations `first`…`last` (1-based, in reply order) share one title and section. */
export interface SourceGroup {
  first: number;
  last: number;
  title: string;
  section: string;
}

/** Consecutive citations with the same title and section, grouped. */
export function groupSources(citations: readonly Citation[]): SourceGroup[] {
  const out: SourceGroup[] = [];
  citations.forEach((c, i) => {
    const prev = out.at(-1);
    if (prev && prev.last === i && prev.title === c.title && prev.section === c.section) prev.last = i + 1;
    else out.push({ first: i + 1, last: i + 1, title: c.title, section: c.section });
  });
  return out;
}

/** "1" or "1–7". */
export const sourceNumbers = (g: SourceGroup): string => (g.first === g.last ? `${g.first}` : `${g.first}–${g.last}`);

/** "[1] title — section" lines, one per group, for channels without formatting. */
export function plainSourceLines(citations: readonly Citation[]): string[] {
  return groupSources(citations).map((g) => `[${sourceNumbers(g)}] ${g.title}${g.section ? ` — ${g.section}` : ''}`);
}
