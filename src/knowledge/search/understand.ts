/**
 * How the bot reads a question before searching it. Two steps, each a property of how Vietnamese
 * questions are built, and each leaving its own output unchanged:
 * - a guess added after the question is dropped ("ai ký, có phải Thứ trưởng … không"): the guess
 *   is answered by the fact, and searched with it, the passage naming the guessed person won;
 * - a question that is only the campaign's name ("bình dân học vụ số là gì") asks for its
 *   purpose, which the plans state under "Mục đích".
 */
import { analyzeQuery } from './analyze.js';
import { PARTICLES, themeWords, type CorpusStats } from './coverage.js';
import { fold } from '../ingest/normalize.js';

/** Question words that ask for a fact about the campaign rather than what it is. */
const SPECIFIC = /\b(ai|khi nao|bao gio|o dau|bao nhieu|may|nao|luc nao)\b/;

/** Words of a movement's name, even where the title's name lacks them. */
const CAMPAIGN = new Set(['phong', 'trao', 'thi', 'dua']);

/** The question as searched: the campaign's bare name asks for its purpose. */
export function campaignQuestion(question: string, stats: CorpusStats): string {
  if (SPECIFIC.test(fold(question))) return question;
  const { folded } = analyzeQuery(question);
  const inTheme = themeWords(folded, stats);
  const onlyTheme = inTheme.some(Boolean) && folded.every((w, i) => inTheme[i] || PARTICLES.has(w) || CAMPAIGN.has(w));
  return onlyTheme ? `${question.trim().replace(/[?.!\s]+$/u, '')}: mục đích` : question;
}

/** A question word asked before a guess. */
const ASKED = /\b(ai|gi|nao|bao nhieu|bn|may|bao gio|dau|the nao)\b/;
/** ", có phải …": the guess people add after their question. */
const GUESS = /\s*[,;]\s*(?:(?:vậy|vay)\s+)?(?:có|co)\s+(?:phải|phai)\b[\s\S]*$/iu;

/** The question without the guess added after it; a question that is only "có phải …" is unchanged. */
export function withoutGuess(question: string): string {
  const m = GUESS.exec(question);
  if (!m) return question;
  const asked = question.slice(0, m.index);
  return ASKED.test(fold(asked)) ? asked : question;
}

/** The question as the bot searches and answers it. */
export function understood(question: string, stats: CorpusStats): string {
  return campaignQuestion(withoutGuess(question), stats);
}
