import type { Message, Update, User, UserFromGetMe } from 'grammy/types';
import type { Incoming, IncomingFile } from '../../core/message.js';

/** The bot's own identity, as far as addressing in groups is concerned. */
export type BotIdentity = Pick<UserFromGetMe, 'id' | 'username'>;

/**
 * Maps a Telegram update to the core's `Incoming`, or null when it is not for the bot:
 * - a text message in a private chat → its text; a document or photo there → `file`, caption as text;
 * - in a group/supergroup only a command (not addressed to another bot), a message mentioning
 *   @bot (the mention is removed) or a reply to one of the bot's messages;
 * - a callback query → `payload` = its data, `text` = the pressed button's label when known.
 * Commands stay text: the core parses them. `deliveryId` is the update id.
 */
export function toIncoming(update: Update, me: BotIdentity): Incoming | null {
  const base = { channel: 'telegram' as const, deliveryId: String(update.update_id) };
  const msg = update.message;
  if (msg) {
    const sent = fileOf(msg);
    // Files only in a private chat: in a group a document is rarely meant for the bot.
    if (sent && msg.chat.type === 'private') {
      return { ...base, chatId: String(msg.chat.id), userId: String(msg.from?.id ?? msg.chat.id), text: msg.caption ?? '', file: sent.file, ...nameOf(msg.from) };
    }
    if (msg.text === undefined) return null;
    const text = msg.chat.type === 'private' ? msg.text : addressedText(msg, msg.text, me);
    if (text === null) return null;
    return { ...base, chatId: String(msg.chat.id), userId: String(msg.from?.id ?? msg.chat.id), text, ...nameOf(msg.from) };
  }
  const cq = update.callback_query;
  if (cq?.data !== undefined) {
    return {
      ...base,
      chatId: String(cq.message?.chat.id ?? cq.from.id),
      userId: String(cq.from.id),
      text: buttonLabel(cq.message, cq.data) ?? '',
      payload: cq.data,
      ...nameOf(cq.from),
    };
  }
  return null;
}

/**
 * A document, or the largest size of a photo, as an `IncomingFile` whose `download` is set by the
 * bot (it needs the API); until then it refuses.
 */
export function fileOf(msg: Message): { fileId: string; file: IncomingFile } | undefined {
  const notYet = () => Promise.reject(new Error('download is wired by the bot'));
  if (msg.document) {
    const d = msg.document;
    const file: IncomingFile = { name: d.file_name ?? 'tep', kind: 'document', download: notYet, ...(d.file_size !== undefined ? { size: d.file_size } : {}) };
    return { fileId: d.file_id, file };
  }
  const largest = msg.photo?.at(-1);
  if (largest) {
    const file: IncomingFile = { name: `anh-${msg.message_id}.jpg`, kind: 'photo', download: notYet, ...(largest.file_size !== undefined ? { size: largest.file_size } : {}) };
    return { fileId: largest.file_id, file };
  }
  return undefined;
}

/** The key under which one chat's updates are processed in order. */
export function chatKeyOf(update: Update): string {
  const chat = update.message?.chat.id ?? update.callback_query?.message?.chat.id;
  const from = update.message?.from?.id ?? update.callback_query?.from.id;
  return String(chat ?? from ?? `update:${update.update_id}`);
}

/** The text meant for the bot in a group, or null when the message is not addressed to it. */
function addressedText(msg: Message, text: string, me: BotIdentity): string | null {
  const command = /^\/[A-Za-z0-9_]+(?:@(\w+))?/.exec(text);
  if (command) {
    const target = command[1];
    return target === undefined || sameName(target, me.username) ? text : null;
  }
  // Telegram usernames are [A-Za-z0-9_], safe inside a pattern.
  const mention = me.username ? new RegExp(`(^|[^\\w@/.])@${me.username}(?!\\w)`, 'gi') : null;
  const stripped = mention ? text.replace(mention, '$1').replace(/[ \t]{2,}/g, ' ').trim() : text;
  const mentioned = mention !== null && text.search(mention) >= 0;
  const replyToBot = msg.reply_to_message?.from?.id === me.id;
  return mentioned || replyToBot ? stripped : null;
}

const sameName = (a: string, b: string | undefined) => b !== undefined && a.toLowerCase() === b.toLowerCase();

function nameOf(user: User | undefined): { userName?: string } {
  const name = [user?.first_name, user?.last_name].filter(Boolean).join(' ').trim();
  return name ? { userName: name } : {};
}

/** The label of the inline button whose callback data was pressed, when the message is known. */
function buttonLabel(message: NonNullable<Update['callback_query']>['message'], data: string): string | undefined {
  if (!message || !('reply_markup' in message)) return undefined;
  for (const row of message.reply_markup?.inline_keyboard ?? []) {
    for (const button of row) if ('callback_data' in button && button.callback_data === data) return button.text;
  }
  return undefined;
}
