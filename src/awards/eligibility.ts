/**
 * The eligibility walk as data: a card's questions (its general condition, then each criterion)
 * and the answers so far, carried in the button payload ("ktdk:<card>:<index>:<answers>") so the
 * server keeps no state. Answers: y (có), n (không), u (chưa rõ); Y / N when the unit's reported
 * figures decided it.
 */
import type { Card, Criterion, Source } from './catalog.js';

export interface Step {
  /** The criterion, or undefined for the general condition. */
  criterion?: Criterion;
  text: string;
  source: Source;
}

export type AnswerCode = 'y' | 'n' | 'u' | 'Y' | 'N';

/** The questions of a card, in order: general condition first (when the plan states one). */
export function stepsOf(card: Card): Step[] {
  const general: Step[] = card.general ? [{ text: card.general.text, source: card.general.source }] : [];
  return [...general, ...card.criteria.map((c) => ({ criterion: c, text: c.text, source: c.source }))];
}

const PAYLOAD = /^ktdk:([a-z0-9-]+(?:\/[a-z0-9-]+)?):(\d{1,2})(?::([ynuYN]*))?$/;

/** "ktdk:<cardId>:<index>[:<answers>]" → its parts, or undefined when it is not a walk payload. */
export function parseWalkPayload(payload: string): { cardId: string; index: number; answers: string } | undefined {
  const m = PAYLOAD.exec(payload);
  return m ? { cardId: m[1]!, index: Number(m[2]), answers: m[3] ?? '' } : undefined;
}

/** The payload that shows question `index` with `answers` given so far. */
export const walkPayload = (cardId: string, index: number, answers = '') => `ktdk:${cardId}:${index}${answers ? `:${answers}` : ''}`;

/** Met / not met / needs evidence, per step index. */
export function verdicts(answers: string): { met: number[]; notMet: number[]; unsure: number[] } {
  const out = { met: [] as number[], notMet: [] as number[], unsure: [] as number[] };
  [...answers].forEach((a, i) => {
    if (a === 'y' || a === 'Y') out.met.push(i);
    else if (a === 'n' || a === 'N') out.notMet.push(i);
    else out.unsure.push(i);
  });
  return out;
}
