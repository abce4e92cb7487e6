import { z } from 'zod';
import type { ChatLike } from '../knowledge/answer/answer.js';
import { dedupe, toFigure } from './checks.js';
import type { PlanModel } from '../plans/model.js';
import type { ParseResult } from './parse-figures.js';
import { QUALIFIER_KINDS } from './vi-numbers.js';
import { questionFor, type Problem } from './questions.js';

/** What the LLM may propose for a plan; anything else is rejected before validation. */
export const proposalSchema = (ids: [string, ...string[]]) => z.object({
  period: z.string().regex(/^20\d\d$/).nullable(),
  figures: z
    .array(
      z.object({
        indicator: z.enum(ids),
        percent: z.number().nonnegative().optional(),
        numerator: z.number().int().nonnegative().optional(),
        denominator: z.number().int().nonnegative().optional(),
        approx: z.boolean().optional(),
        qualifier: z.enum(QUALIFIER_KINDS).optional(),
      }),
    )
    .max(12),
});

/**
 * Asks the LLM to read figures the rules could not, then puts its proposal through the same
 * checks as the rule-based parser (percent ≤ 100, numerator ≤ denominator, one value per
 * indicator…). The LLM proposes; the checks decide. Returns null when the LLM fails, times out,
 * or answers anything but valid JSON of the schema.
 */
export async function proposeFigures(llm: ChatLike, prompt: string, message: string, timeoutMs: number, plan: PlanModel): Promise<ParseResult | null> {
  if (plan.indicators.length === 0) return null;
  const indicators = plan.indicators.map((i) => `- ${i.id}: ${i.name}`).join('\n');
  const input = prompt.replace('{indicators}', indicators).replace('{message}', message);
  let raw: unknown;
  try {
    const res = await llm.invoke(input, { signal: AbortSignal.timeout(timeoutMs) });
    const text = typeof res.content === 'string' ? res.content : JSON.stringify(res.content);
    raw = JSON.parse(/\{[\s\S]*\}/.exec(text)?.[0] ?? 'null');
  } catch {
    return null;
  }
  const parsed = proposalSchema(plan.indicators.map((i) => i.id) as [string, ...string[]]).safeParse(raw);
  if (!parsed.success || parsed.data.figures.length === 0) return null;
  const problems: Problem[] = [];
  const checked = parsed.data.figures.flatMap((f) => {
    const fig = toFigure(f.indicator, { ...f, start: 0, end: 0, approx: f.approx ?? false }, false, problems);
    return fig ? [fig] : [];
  });
  const figures = dedupe(checked, problems);
  if (problems.length) return { figures: [], period: parsed.data.period, needsClarification: true, question: questionFor(problems, plan) };
  return { figures, period: parsed.data.period, needsClarification: false };
}
