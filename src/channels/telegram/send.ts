import { InputFile, type Api } from 'grammy';
import type { Reply } from '../../core/message.js';
import type { Logger } from '../../logger.js';
import { renderReply } from './render.js';

/**
 * Sends the core's replies to one chat, in order: each reply's text parts, its photo, buttons on
 * its last message. In groups the first message quotes the person's message (when still there).
 * @throws the first API error that survives the auto-retry transformer.
 */
export async function sendReplies(
  api: Api,
  chatId: number | string,
  replies: Reply[],
  options: { logger: Logger; replyTo?: number },
): Promise<void> {
  let replyTo = options.replyTo;
  for (const reply of replies) {
    const { messages, skippedChoices } = renderReply(reply);
    for (const choice of skippedChoices ?? []) {
      options.logger.warn({ label: choice.label, bytes: Buffer.byteLength(choice.payload) }, 'choice payload over 64 bytes: button skipped');
    }
    for (const m of messages) {
      const common = {
        parse_mode: 'HTML' as const,
        ...(m.keyboard ? { reply_markup: { inline_keyboard: m.keyboard } } : {}),
        ...(replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
      };
      if (m.kind === 'text') {
        await api.sendMessage(chatId, m.html, { ...common, link_preview_options: { is_disabled: true } });
      } else {
        const photo = new InputFile(m.png, 'bieu-do.png');
        await api.sendPhoto(chatId, photo, { ...common, ...(m.caption ? { caption: m.caption } : {}) });
      }
      replyTo = undefined;
    }
  }
}
