import type { InlineKeyboardButton } from 'grammy/types';
import type { Citation, Reply } from '../../core/message.js';
import { groupSources, sourceNumbers } from '../sources.js';
import { CAPTION_LIMIT, MESSAGE_LIMIT, splitText } from './split.js';

export { splitText, MESSAGE_LIMIT, CAPTION_LIMIT } from './split.js';

/** One Telegram message to send, already formatted for `parse_mode: 'HTML'`. */
export type OutgoingMessage =
  | { kind: 'text'; html: string; keyboard?: InlineKeyboardButton[][] }
  | { kind: 'photo'; png: Uint8Array; caption?: string; keyboard?: InlineKeyboardButton[][] };

/** Telegram's limit on `callback_data`, in UTF-8 bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** Escapes text for Telegram HTML, including quotes so it is safe inside attributes too. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * "<b>[1]</b> title — <i>section</i>" ("[1–7]", "[1, 4]": every citation of one section), every
 * value escaped. Title and section are shortened to {@link CITATION_FIELD_MAX} characters each,
 * so one line always fits a message whatever the escaping costs (at most 6× per character).
 */
export function citationLine(c: Pick<Citation, 'title' | 'section'>, n: number | string): string {
  const section = c.section.trim() ? ` — <i>${escapeHtml(shorten(c.section.trim()))}</i>` : '';
  return `<b>[${n}]</b> ${escapeHtml(shorten(c.title.trim()))}${section}`;
}
export const CITATION_FIELD_MAX = 300;
const shorten = (s: string) => {
  const chars = Array.from(s);
  return chars.length <= CITATION_FIELD_MAX ? s : `${chars.slice(0, CITATION_FIELD_MAX - 1).join('')}…`;
};

export interface RenderResult {
  messages: OutgoingMessage[];
  /** Choices left out because their payload exceeds 64 bytes (the caller logs them). */
  skippedChoices: Reply['choices'];
}

/**
 * Turns one core reply into Telegram messages: the text split below the limit, citation lines
 * appended (on the last part when they fit, else in following messages), the image as a photo
 * with its caption, and the choices as an inline keyboard on the last message. Adds no wording.
 */
export function renderReply(reply: Reply, limit = MESSAGE_LIMIT): RenderResult {
  const htmlParts = splitText(reply.text, { limit, format: escapeHtml }).map(escapeHtml);
  const citations = groupSources(reply.citations ?? []).map((g) => citationLine(g, sourceNumbers(g)));
  if (citations.length) appendLines(htmlParts, citations, limit);

  const messages: OutgoingMessage[] = htmlParts.map((html) => ({ kind: 'text', html }));
  if (reply.image) {
    const captions = reply.image.caption ? splitText(reply.image.caption, { limit: CAPTION_LIMIT, format: escapeHtml }) : [];
    const [first, ...rest] = captions;
    messages.push({ kind: 'photo', png: reply.image.png, ...(first ? { caption: escapeHtml(first) } : {}) });
    // A caption longer than 1,024 characters continues as text after the photo.
    for (const part of splitText(rest.join('\n'), { limit, format: escapeHtml })) {
      messages.push({ kind: 'text', html: escapeHtml(part) });
    }
  }

  const buttons: InlineKeyboardButton[][] = [];
  const skippedChoices: NonNullable<Reply['choices']> = [];
  for (const choice of reply.choices ?? []) {
    if (Buffer.byteLength(choice.payload, 'utf8') > CALLBACK_DATA_MAX_BYTES) skippedChoices.push(choice);
    else buttons.push([{ text: choice.label, callback_data: choice.payload }]);
  }
  const last = messages.at(-1);
  if (buttons.length && last) last.keyboard = buttons;
  return { messages, skippedChoices };
}

/** Adds pre-formatted lines after the text: to the last part while it fits, then new parts. */
function appendLines(parts: string[], lines: string[], limit: number): void {
  let i = 0;
  const last = parts.at(-1);
  if (last !== undefined) {
    while (i < lines.length && `${last}\n\n${lines.slice(0, i + 1).join('\n')}`.length <= limit) i++;
    if (i > 0) parts[parts.length - 1] = `${last}\n\n${lines.slice(0, i).join('\n')}`;
  }
  let current = '';
  for (const line of lines.slice(i)) {
    if (current && (current + '\n' + line).length > limit) {
      parts.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) parts.push(current);
}
