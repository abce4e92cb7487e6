/**
 * The shape of an award catalog (plan data) and its checks. Kept apart from the
 * file itself so the generator can validate a new catalog even when the committed one is broken.
 */
import { z } from 'zod';

/** Who an award (or one card of it) is for. */
export const SUBJECTS = ['tap-the', 'ca-nhan', 'doanh-nghiep', 'dia-phuong', 'doi-tuong-khac'] as const;
export type Subject = (typeof SUBJECTS)[number];

/** When awards are considered: yearly (section 3.1), at the 2027 review, at the 2030 final review (3.2). */
export const OCCASIONS = ['hang-nam', 'so-ket-2027', 'tong-ket-2030'] as const;
export type OccasionId = (typeof OCCASIONS)[number];

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by "-"');
const text = z.string().trim().min(1);

/** Where a statement comes from: document, heading path, and the sentence exactly as chunked. */
const sourceSchema = z.strictObject({ docId: id, section: text, quote: text });

const criterionSchema = z.strictObject({
  /** `${cardId}#${n}`, n from 1 in the plan's order. */
  id: z.string().regex(/^[a-z0-9-]+(?:\/[a-z0-9-]+)?#\d+$/),
  /** The criterion as shown on the card (the sentence itself, or its deciding clause). */
  text,
  /** Which "-"/"+" bullet of the unit it belongs to (0: the heading sentence, when there is no bullet). */
  bullet: z.int().min(0),
  /** A criterion the reported figures can decide: met when the unit's latest figure reaches `minPercent`. */
  measure: z.strictObject({ indicatorId: text, minPercent: z.number().min(0).max(100) }).optional(),
  source: sourceSchema,
});

const cardSchema = z.strictObject({
  /** The award id, or `${awardId}/${subject}` when the award has one card per subject. */
  id: z.string().regex(/^[a-z0-9-]+(?:\/[a-z0-9-]+)?$/),
  /** Null when the card is the award's only one. */
  subject: z.enum(SUBJECTS).nullable(),
  /** "nội bộ đoàn kết, chấp hành tốt …": the condition the plan states before the standards. */
  general: z.strictObject({ text, source: sourceSchema }).nullable(),
  criteria: z.array(criterionSchema).min(1),
});

const awardSchema = z.strictObject({
  id,
  name: text,
  /** Every kind of recipient the plan names for this award. */
  recipients: z.array(z.enum(SUBJECTS)).min(1),
  /** Folded phrases (no diacritics, lower case, without "của") people use for this award. */
  aliases: z.array(text).min(1),
  occasions: z.array(z.enum(OCCASIONS)),
  /** The award's line in the list of award forms (section III.1). */
  listed: sourceSchema,
  cards: z.array(cardSchema).min(1),
});

const occasionSchema = z.strictObject({ id: z.enum(OCCASIONS), label: text, source: sourceSchema });

export const catalogSchema = z.strictObject({
  version: z.literal(1),
  /** When awards are considered, as far as the plan says (a plan read by the rules may say none). */
  occasions: z.array(occasionSchema).max(OCCASIONS.length),
  awards: z.array(awardSchema).min(1),
});

export type Catalog = z.infer<typeof catalogSchema>;
export type Award = Catalog['awards'][number];
export type Card = Award['cards'][number];
export type Criterion = Card['criteria'][number];
export type Source = Criterion['source'];
export type Occasion = Catalog['occasions'][number];

/**
 * Validates a parsed catalog: the zod schema, then ids unique, card ids derived from their award,
 * and each card's subject among the award's recipients.
 * @throws Error listing every problem at once.
 */
export function parseCatalog(json: unknown): Catalog {
  const parsed = catalogSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`award catalog is invalid:\n- ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n- ')}`);
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  const once = (key: string) => {
    if (seen.has(key)) problems.push(`id "${key}" is used twice`);
    seen.add(key);
  };
  for (const award of parsed.data.awards) {
    once(award.id);
    for (const card of award.cards) {
      if (card.id !== award.id) once(card.id);
      const expected = award.cards.length > 1 ? `${award.id}/${card.subject}` : award.id;
      if (card.id !== expected) problems.push(`card "${card.id}" should be "${expected}"`);
      if (card.subject && !award.recipients.includes(card.subject)) {
        problems.push(`card "${card.id}": subject "${card.subject}" is not among the award's recipients`);
      }
      card.criteria.forEach((c, i) => {
        if (c.id !== `${card.id}#${i + 1}`) problems.push(`criterion "${c.id}" should be "${card.id}#${i + 1}"`);
      });
    }
  }
  if (problems.length) throw new Error(`award catalog is invalid:\n- ${problems.join('\n- ')}`);
  return parsed.data;
}

/** Every card with its award, in catalog order. */
export function allCards(catalog: Catalog): { award: Award; card: Card }[] {
  return catalog.awards.flatMap((award) => award.cards.map((card) => ({ award, card })));
}

/** The card with this id (`huan-chuong-lao-dong-hang-ba`, `bang-khen-thu-tuong/doanh-nghiep`), or undefined. */
export function findCard(catalog: Catalog, cardId: string): { award: Award; card: Card } | undefined {
  return allCards(catalog).find((x) => x.card.id === cardId);
}
