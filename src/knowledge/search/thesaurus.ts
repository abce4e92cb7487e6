/**
 * Everyday words for the plans' administrative words ("người già" → "người cao tuổi", "app" →
 * "ứng dụng"), from the reviewed data file `thesaurus.json`. One table serves the search (the
 * plan phrases are searched too) and the answer decision (a passage with the plan phrase covers
 * the everyday one). An entry applies only where the loaded corpus uses its plan phrase.
 */
import { z } from 'zod';
import { analyzeQuery, analyzeText } from './analyze.js';
import raw from './thesaurus.json' with { type: 'json' };

const fileSchema = z.object({
  about: z.string(),
  entries: z.array(z.object({ say: z.array(z.string().min(1)).min(1), plan: z.array(z.string().min(1)).min(1) })),
});

export type ThesaurusEntry = z.infer<typeof fileSchema>['entries'][number];

/** The reviewed entries. */
export function thesaurusEntries(): ThesaurusEntry[] {
  return fileSchema.parse(raw).entries;
}

/** An everyday phrase found in a question: words [start, end) and the plan phrases for it. */
export interface ThesaurusSpan {
  start: number;
  end: number;
  /** Folded syllables of each plan phrase the corpus uses. */
  plan: string[][];
  /** The same phrases as written, for the search. */
  planText: string[];
}

interface Compiled {
  say: string[];
  plan: string[][];
  planText: string[];
}

export class Thesaurus {
  private readonly byFirst = new Map<string, Compiled[]>();

  /** Keeps the plan phrases whose syllables stand together in the corpus (`pair`, `known`). */
  constructor(entries: readonly ThesaurusEntry[], corpus: { known(t: string): boolean; pair(a: string, b: string): boolean }) {
    const used = (words: string[]) => words.length > 0 && words.every((w) => corpus.known(w)) && words.every((w, i) => i === 0 || corpus.pair(words[i - 1]!, w));
    for (const e of entries) {
      const plans = e.plan.map((p) => ({ text: p, words: analyzeText(p).folded })).filter((p) => used(p.words));
      if (plans.length === 0) continue;
      for (const say of e.say) {
        const words = analyzeText(say).folded;
        if (words.length === 0) continue;
        const list = this.byFirst.get(words[0]!) ?? [];
        list.push({ say: words, plan: plans.map((p) => p.words), planText: plans.map((p) => p.text) });
        // Longest first: "học online" before "online".
        list.sort((a, b) => b.say.length - a.say.length);
        this.byFirst.set(words[0]!, list);
      }
    }
  }

  /** The everyday phrases in a sequence of folded words, left to right, never overlapping. */
  spans(words: readonly string[]): ThesaurusSpan[] {
    const out: ThesaurusSpan[] = [];
    for (let i = 0; i < words.length; i++) {
      const hit = this.byFirst.get(words[i]!)?.find((c) => c.say.every((w, j) => words[i + j] === w));
      if (!hit) continue;
      // A phrase already in the plan's words needs no help ("ứng dụng" is its own plan phrase).
      if (hit.plan.some((p) => p.length === hit.say.length && p.every((w, j) => w === hit.say[j]))) continue;
      out.push({ start: i, end: i + hit.say.length, plan: hit.plan, planText: hit.planText });
      i += hit.say.length - 1;
    }
    return out;
  }

  /** The question with the plan phrases for its everyday words added: what the search is given. */
  expand(question: string): string {
    const extra = this.spans(analyzeQuery(question).folded).flatMap((s) => s.planText);
    return extra.length ? `${question} (${[...new Set(extra)].join(', ')})` : question;
  }
}
