/**
 * Where a free-text message about awards, milestones or a body's tasks should go: pure and cheap,
 * since the core calls it on every plain-text message.
 */
import { matchBodies } from './bodies.js';
import type { Catalog } from './catalog.js';
import { asksForAwardList, asksForCriteria, asksForMilestones, asksForTasks, asksWhen, cardsFor, matchAward, questionWords } from './match.js';

/** Where a free-text message should go, decided without the store. */
export type TextRoute =
  | { kind: 'card'; cardId: string }
  | { kind: 'subjects'; awardId: string; cardIds: string[] }
  | { kind: 'awards'; awardIds: string[] }
  | { kind: 'tasks'; bodyIds: string[] }
  | { kind: 'milestones' };

/**
 * Classifies a free-text message: an award's criteria (card, or subjects to pick), several
 * awards sharing a name, a body's tasks, or undefined (a general question). Pure and cheap: the
 * core calls it on every plain-text message, so this is the function to time.
 * @example matchQuestion(catalog, 'huan chuong lao dong hang ba can dieu kien gi') // { kind: 'card', cardId: 'huan-chuong-lao-dong-hang-ba' }
 */
/** Words of a question about awards in general ("tiêu chuẩn khen thưởng của phong trào là gì"). */
const GENERAL_WORDS = 10;

export function matchQuestion(catalog: Catalog, text: string): TextRoute | undefined {
  const m = matchAward(catalog, text);
  const criteria = asksForCriteria(text);
  if (m && (criteria || m.otherWords <= 1)) {
    if (m.awards.length > 1) return { kind: 'awards', awardIds: m.awards.map((a) => a.id) };
    const award = m.awards[0]!;
    const cards = cardsFor(award, m.subjects);
    return cards.length === 1 ? { kind: 'card', cardId: cards[0]!.id } : { kind: 'subjects', awardId: award.id, cardIds: cards.map((c) => c.id) };
  }
  // Awards in general: "tiêu chuẩn khen thưởng là gì" opens the list of awards, but "khi nào xét
  // khen thưởng" or "hồ sơ khen thưởng" asks what the plans say (a date, a procedure): the search.
  // A long question says more than "which awards" ("đơn vị tôi có mô hình … ảnh hưởng toàn quốc
  // thì văn bản của bộ khen thưởng thế nào"): the plans' text answers it.
  const words = questionWords(text);
  const generalCriteria = asksForCriteria(text, false) && !asksWhen(text) && !/\bho so\b/u.test(words.join(' ')) && words.length <= GENERAL_WORDS;
  if (!m && ((generalCriteria && words.join(' ').includes('khen thuong')) || asksForAwardList(text))) {
    return { kind: 'awards', awardIds: catalog.awards.map((a) => a.id) };
  }
  if (!m && asksForMilestones(text)) return { kind: 'milestones' };
  const bodies = matchBodies(text);
  if (bodies.length && asksForTasks(text)) return { kind: 'tasks', bodyIds: bodies.map((b) => b.id) };
  return undefined;
}
