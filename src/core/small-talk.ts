/**
 * Messages that are conversation, not questions: a greeting, thanks, "bạn là ai", emoji only.
 * Searched as questions they got "the documents do not say" (or a quote about a Mr Huy); people
 * send them all the time on a phone, so they get a short reply of their own. Whole messages only:
 * "cảm ơn, cho hỏi hạn báo cáo" is a question.
 */
import { fold } from '../knowledge/ingest/normalize.js';

export type SmallTalk = 'greeting' | 'thanks' | 'about' | 'noWords';

/** Letters and digits only, folded and single-spaced: "👍 Hữu ích!" → "huu ich". */
export const bareWords = (text: string): string => fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const TAIL = String.raw`(?: (?:ban|bot|ad|admin|em|anh|chi|a|nhe|nha|nhieu|nhe ban|nha ban|rat nhieu))*`;
const GREETING = new RegExp(String.raw`^(?:(?:xin )?chao|hi|hello|alo|a lo)${TAIL}$`);
const THANKS = new RegExp(String.raw`^(?:(?:ok|oke|okay|vang|da|uh|u)(?: )?)*(?:cam on|cm on|thank you|thanks|tks|ok|oke|okay|da hieu|hieu roi|duoc roi|tot qua|hay qua|thoi|bo qua|khong can)${TAIL}$`);
const ABOUT = new RegExp(String.raw`^(?:ban|em|bot) (?:la ai|la gi|lam duoc gi|giup duoc gi|co the lam gi|biet gi|giup gi duoc)${TAIL}$`);

/** What kind of small talk the message is, if it is one. */
export function smallTalk(text: string): SmallTalk | undefined {
  if (!text.trim()) return undefined;
  const words = bareWords(text);
  if (!words) return 'noWords';
  if (GREETING.test(words)) return 'greeting';
  if (THANKS.test(words)) return 'thanks';
  if (ABOUT.test(words)) return 'about';
  return undefined;
}
