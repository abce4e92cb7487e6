/**
 * The plan read by an LLM: a zod-validated JSON proposal, of which only what the document bears
 * out is kept. A target stays only when its number stands in its source sentence and that sentence
 * stands in the document; a deadline only when its day and month do; an award only when its name
 * does. Anything the LLM leaves out that the rules found is added back, so the LLM can only add.
 */
import { z } from 'zod';
import type { ChatLike } from '../knowledge/answer/answer.js';
import { fold } from '../knowledge/ingest/normalize.js';
import type { Chunk } from '../knowledge/types.js';
import { COMPARATORS, parsePlan, type Plan } from './schema.js';

const where = { section: z.string().default(''), sentence: z.string().min(1) };
export const llmPlanSchema = z.object({
  indicators: z
    .array(
      z.object({
        name: z.string().min(1),
        population: z.string().min(1),
        targets: z.array(z.object({ year: z.int().min(2020).max(2050), comparator: z.enum(COMPARATORS).default('>='), value: z.number().min(0), unit: z.enum(['%', 'count']), ...where })).default([]),
      }),
    )
    .default([]),
  deadlines: z.array(z.object({ what: z.string().min(1), date: z.string().regex(/^\d{1,2}\/\d{1,2}(?:\/\d{4})?$/), recurring: z.boolean().default(false), ...where })).default([]),
  awards: z.array(z.object({ name: z.string().min(1), subjects: z.array(z.string()).default([]), criteria: z.array(z.object({ text: z.string().min(1), ...where })).default([]), ...where })).default([]),
});

export interface LlmPlanReader {
  read(input: { doc: string; chunks: readonly Chunk[]; rules: Plan }): Promise<Plan | null>;
}

const squash = (s: string) => fold(s).replace(/\s+/g, ' ').trim();
/** "85,5" and "85.5" and "1.200" as written in Vietnamese text. */
function numberForms(v: number): string[] {
  const [int, dec] = String(v).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const forms = dec ? [`${int},${dec}`, `${grouped},${dec}`, `${int}.${dec}`] : [int!, grouped, int!.padStart(2, '0')];
  return [...new Set(forms)];
}
const hasNumber = (sentence: string, v: number) => numberForms(v).some((f) => new RegExp(`(?<![\\d.,])${f.replace(/\./g, '\\.')}(?![\\d]|[.,]\\d)`).test(sentence));

export function createLlmPlanReader(opts: { llm: ChatLike; prompt: string; timeoutMs: number }): LlmPlanReader {
  return {
    async read({ doc, chunks, rules }) {
      const passages = chunks.map((c) => `[${c.section}]\n${c.text}`).join('\n\n');
      const res = await opts.llm.invoke(opts.prompt.replace('{passages}', passages), { signal: AbortSignal.timeout(opts.timeoutMs) });
      const text = typeof res.content === 'string' ? res.content : JSON.stringify(res.content);
      const parsed = llmPlanSchema.safeParse(JSON.parse(/\{[\s\S]*\}/.exec(text)?.[0] ?? 'null'));
      if (!parsed.success) return null;
      const body = squash(chunks.map((c) => c.text).join('\n'));
      const stands = (sentence: string) => body.includes(squash(sentence));
      const src = (x: { section: string; sentence: string }) => ({ section: x.section, sentence: x.sentence });
      const taken = new Set(rules.indicators.map((i) => i.id));
      const indicators = parsed.data.indicators.flatMap((ind, k) => {
        const targets = ind.targets.filter((t) => stands(t.sentence) && hasNumber(t.sentence, t.value)).map((t) => ({ year: t.year, comparator: t.comparator, value: t.value, unit: t.unit, source: src(t) }));
        if (!targets.length) return [];
        let id = `llm_${k + 1}`;
        while (taken.has(id)) id = `${id}_`;
        taken.add(id);
        return [{ id, name: ind.name, population: ind.population, aliases: [], targets }];
      });
      const deadlines = parsed.data.deadlines.flatMap((d) => {
        const [dd, mm, yyyy] = d.date.split('/');
        if (!stands(d.sentence) || !new RegExp(`(?<!\\d)0?${Number(dd)}\\s*[/.-]\\s*0?${Number(mm)}(?!\\d)`).test(d.sentence)) return [];
        const date = `${dd!.padStart(2, '0')}/${mm!.padStart(2, '0')}${yyyy ? `/${yyyy}` : ''}`;
        return [{ what: d.what, date, recurring: d.recurring, source: src(d) }];
      });
      const awards = parsed.data.awards.flatMap((a) =>
        stands(a.sentence) && squash(a.sentence).includes(squash(a.name).split(' ').slice(0, 2).join(' '))
          ? [{ name: a.name, subjects: a.subjects, criteria: a.criteria.filter((c) => stands(c.sentence)).map((c) => ({ text: c.text, source: src(c) })), source: src(a) }]
          : [],
      );
      // The LLM can add what the rules missed; what the rules found and it did not stays.
      const key = (s: string) => squash(s);
      const targetKeys = new Set(indicators.flatMap((i) => i.targets.map((t) => `${t.year}|${t.value}|${key(t.source.sentence)}`)));
      const missed = rules.indicators
        .map((i) => ({ ...i, targets: i.targets.filter((t) => !targetKeys.has(`${t.year}|${t.value}|${key(t.source.sentence)}`)) }))
        .filter((i) => i.targets.length);
      const dl = new Set(deadlines.map((d) => d.date));
      const aw = new Set(awards.map((a) => key(a.name)));
      return parsePlan({
        doc,
        indicators: [...missed, ...indicators],
        deadlines: [...deadlines, ...rules.deadlines.filter((d) => !dl.has(d.date))],
        awards: [...awards, ...rules.awards.filter((a) => !aw.has(key(a.name)))],
        milestones: rules.milestones,
      });
    },
  };
}
