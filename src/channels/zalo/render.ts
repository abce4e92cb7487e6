/**
 * Reply → plain-text Zalo messages. Zalo shows no formatting, so citations and choices become
 * numbered lines; a bare number typed back is resolved into the choice by the core.
 */
import type { Reply } from '../../core/message.js';
import { plainSourceLines } from '../sources.js';
import { zaloTexts } from './texts.vi.js';

/** sendMessage accepts 1–2,000 characters (Zalo Bot API docs, sendMessage `text`). */
export const ZALO_TEXT_LIMIT = 2000;

/**
 * One reply as the text a person reads: the answer, then "Nguồn:" with "[1] title — section"
 * lines (one line per cited section with all its numbers, "[1–7]"), then "1. label" lines for choices.
 *
 * Images: Reply.image holds PNG bytes, but Zalo's sendPhoto only takes a photo URL and the bot
 * has nowhere public to host bytes, so only the caption is sent, as text.
 */
export function renderReply(reply: Reply): string {
  const parts = [reply.text.trim()];
  if (reply.citations?.length) {
    parts.push(`${zaloTexts.sourcesHeading}\n${plainSourceLines(reply.citations).join('\n')}`);
  }
  if (reply.choices?.length) parts.push(reply.choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n'));
  const caption = reply.image?.caption?.trim();
  if (caption) parts.push(caption);
  return parts.filter(Boolean).join('\n\n');
}

// Preferred cut points, best first: paragraph, line, sentence end, word.
const CUTS: RegExp[] = [/\n\s*\n/g, /\n/g, /[.!?…;:](?=\s)/g, /\s/g];

/** The end of the first part: the last good cut point at or before `limit`. */
function cutAt(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  for (const re of CUTS) {
    let best = -1;
    for (const m of window.matchAll(re)) {
      // Cut after a sentence mark (keep it), before a newline/space (drop it).
      const end = re === CUTS[2] ? m.index + m[0].length : m.index;
      if (end > 0 && end <= limit) best = end;
    }
    // Ignore a cut so early that it would leave a tiny first part.
    if (best >= limit / 4) return best;
  }
  // No break at all: a hard cut, not inside a surrogate pair or before a combining mark.
  let end = limit;
  while (end > 1 && (/[\uDC00-\uDFFF]/.test(text[end] ?? '') || /\p{M}/u.test(text[end] ?? ''))) end--;
  return end;
}

/**
 * Splits text into parts of at most `limit` characters, on paragraph → line → sentence → word
 * boundaries; never returns an empty part.
 * @example splitMessage('a'.repeat(4500)).map((p) => p.length) // [2000, 2000, 500]
 */
export function splitMessage(text: string, limit = ZALO_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const end = cutAt(rest, limit);
    const head = rest.slice(0, end).trimEnd();
    if (head) parts.push(head);
    rest = rest.slice(end).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Every message to send for a list of replies, in order, each within Zalo's limit. */
export function renderReplies(replies: Reply[], limit = ZALO_TEXT_LIMIT): string[] {
  return replies.flatMap((r) => splitMessage(renderReply(r), limit));
}
