/**
 * A unit's plan as data: the indicators officers report against with their yearly targets, the
 * report deadlines, the award forms with their criteria, and the milestones. Every item carries
 * the section and the exact sentence of the document it came from, so staff review it beside its
 * source and a confirmation can quote it. The same shape comes out of the rule extractor, the LLM
 * extractor and the seed files, and is what staff edit and approve.
 */
import { z } from 'zod';
import { catalogSchema } from '../awards/catalog-schema.js';

const text = z.string().trim().min(1);

export const sourceSchema = z.strictObject({ section: z.string(), sentence: text });
export type PlanSource = z.infer<typeof sourceSchema>;

export const COMPARATORS = ['>', '>='] as const;

export const targetSchema = z.strictObject({
  year: z.int().min(2020).max(2050),
  comparator: z.enum(COMPARATORS),
  value: z.number().min(0),
  unit: z.enum(['%', 'count']),
  /** Who the target covers when the plan narrows it for that year ("học sinh từ cấp tiểu học"). */
  scope: z.string().optional(),
  source: sourceSchema,
});
export type PlanTarget = z.infer<typeof targetSchema>;

export const indicatorSchema = z.strictObject({
  /** Stable within the plan: submissions are stored under it. */
  id: z.string().regex(/^[a-z0-9_]{2,80}$/),
  /** The plan's wording, as an officer reads it in a confirmation. */
  name: text,
  /** Short name for lists and the chart; defaults to the name. */
  shortName: z.string().optional(),
  /** The population as the plan names it ("người dân trong độ tuổi trưởng thành"). */
  population: text,
  /** Other words staff accept for this population (reviewed data, e.g. "bà con"). */
  aliases: z.array(text).default([]),
  targets: z.array(targetSchema).default([]),
  /** Reviewed recognition patterns (folded regex sources); without them they come from the wording. */
  match: z.strictObject({ subjects: z.array(text), markers: z.array(z.string()) }).optional(),
});
export type PlanIndicator = z.infer<typeof indicatorSchema>;

export const deadlineSchema = z.strictObject({
  what: text,
  /** "DD/MM" for a recurring day, "DD/MM/YYYY" for one date. */
  date: z.string().regex(/^\d{2}\/\d{2}(?:\/\d{4})?$/),
  recurring: z.boolean(),
  source: sourceSchema,
});
export type PlanDeadline = z.infer<typeof deadlineSchema>;

export const awardSchema = z.strictObject({
  name: text,
  /** Who it is for, in the plan's words ("tập thể", "cá nhân", "doanh nghiệp"). */
  subjects: z.array(text).default([]),
  criteria: z.array(z.strictObject({ text, source: sourceSchema })).default([]),
  source: sourceSchema.optional(),
});
export type PlanAward = z.infer<typeof awardSchema>;

export const milestoneSchema = z.strictObject({ what: text, date: z.string(), source: sourceSchema });

export const planSchema = z.strictObject({
  doc: z.string().min(1),
  indicators: z.array(indicatorSchema).default([]),
  deadlines: z.array(deadlineSchema).default([]),
  awards: z.array(awardSchema).default([]),
  milestones: z.array(milestoneSchema).default([]),
  /** The reviewed award catalog (cards, aliases, occasions) when staff have written one. */
  catalog: catalogSchema.optional(),
});
export type Plan = z.infer<typeof planSchema>;

/** Validates a plan; the error lists every problem with its path. */
export function parsePlan(json: unknown): Plan {
  const r = planSchema.safeParse(json);
  if (r.success) return r.data;
  throw new Error(`plan is invalid:\n- ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n- ')}`);
}

/** Whether a reported value meets a target. "trên 80%" (>) is not met by exactly 80. */
export function isMet(target: Pick<PlanTarget, 'comparator' | 'value'>, value: number): boolean {
  return target.comparator === '>' ? value > target.value : value >= target.value;
}

/**
 * The yearly report day of a plan as "MM-DD": of its recurring deadlines, the latest in the year
 * (a six-month report falls in June, the year's report near its end). Null when it states none.
 */
export function yearlyDeadline(plan: Pick<Plan, 'deadlines'>): string | null {
  const days = plan.deadlines.filter((d) => d.recurring).map((d) => `${d.date.slice(3, 5)}-${d.date.slice(0, 2)}`).sort();
  return days.length ? days[days.length - 1]! : null;
}
