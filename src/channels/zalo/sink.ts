/**
 * The handling side of the Zalo channel: every update, from the poller or the webhook, enters here.
 * Updates of one chat are handled one after another, in arrival order (two quick messages of one
 * person must not interleave their answers); different chats run concurrently.
 */
import { withTyping } from '../typing.js';
import type { Handle } from '../../core/handle-message.js';
import { UserError } from '../../core/errors.js';
import { texts } from '../../core/texts.vi.js';
import type { Logger } from '../../logger.js';
import type { ZaloClient } from './client.js';
import { renderReplies } from './render.js';
import { zaloTexts } from './texts.vi.js';
import { parseUpdate } from './to-incoming.js';

export interface ZaloSinkDeps {
  client: Pick<ZaloClient, 'sendMessage' | 'sendChatAction' | 'sendPhoto'>;
  handle: Handle;
  /** Already bound to `{ channel: 'zalo' }`. */
  logger: Logger;
  /** A public URL for a PNG (webhook mode); without it images go as their caption. */
  publishImage?: (png: Uint8Array) => string;
}

export interface ZaloSink {
  /**
   * Queues a raw update behind earlier ones of the same chat and resolves when it has been
   * handled. Never rejects: failures are logged and, when possible, apologised for.
   * Returns false (and queues nothing) for an invalid update.
   */
  push(raw: unknown): { accepted: boolean; done: Promise<void> };
  /** Resolves when every queued update has been handled. */
  idle(): Promise<void>;
}

/**
 * Builds the sink. No duplicate-delivery state lives here: each Incoming carries `deliveryId`
 * (`${event_name}:${message_id}`) and the core answers a repeated id only once.
 */
export function createZaloSink(deps: ZaloSinkDeps): ZaloSink {
  const { client, handle, logger, publishImage } = deps;
  /** Tail of each chat's chain; removed when the chain drains, so the map stays small. */
  const tails = new Map<string, Promise<void>>();

  async function send(chatId: string, messages: string[]): Promise<void> {
    for (const text of messages) await client.sendMessage({ chat_id: chatId, text });
  }

  async function process(update: ReturnType<typeof parseUpdate>, log: Logger): Promise<void> {
    if (update.kind === 'unsupported') {
      log.info({ event: update.event }, 'zalo: non-text message, asked for text');
      await send(update.chatId, [zaloTexts.textOnly]);
      return;
    }
    if (update.kind !== 'text') return;
    const { incoming } = update;
    // Zalo cannot edit a sent message: a long task says "đang xử lý…" once.
    if (incoming.file) {
      let told = false;
      incoming.progress = async (text) => {
        if (told) return;
        told = true;
        await send(incoming.chatId, [text]);
      };
    }
    // "typing…" is a courtesy: only for a slow answer, never failing the answer.
    const replies = await withTyping(handle(incoming), () =>
      client.sendChatAction({ chat_id: incoming.chatId, action: 'typing' }).catch((err: unknown) => {
        log.debug({ err }, 'zalo: typing indicator failed');
      }),
    );
    for (const reply of replies) {
      // Zalo takes photos by URL only: with a public address the chart goes as a photo,
      // otherwise its caption goes as text (renderReply).
      const url = reply.image && publishImage ? publishImage(reply.image.png) : undefined;
      if (!url) {
        await send(incoming.chatId, renderReplies([reply]));
        continue;
      }
      const { image, ...text } = reply;
      await send(incoming.chatId, renderReplies([text]));
      await client.sendPhoto({ chat_id: incoming.chatId, photo: url, ...(image!.caption ? { caption: image!.caption.slice(0, 2000) } : {}) });
    }
    log.debug({ replies: replies.length }, 'zalo: answered');
  }

  /** The one error boundary of the channel. */
  async function guarded(update: ReturnType<typeof parseUpdate> & { kind: 'text' | 'unsupported' }, chatId: string) {
    const log = logger.child({ chatId, deliveryId: update.kind === 'text' ? update.incoming.deliveryId : update.deliveryId });
    try {
      await process(update, log);
    } catch (err) {
      log.error({ err }, 'zalo: update failed');
      const apology = err instanceof UserError ? err.message : texts.internalError;
      await send(chatId, [apology]).catch((sendErr: unknown) => log.error({ err: sendErr }, 'zalo: could not apologise'));
    }
  }

  return {
    push(raw) {
      const update = parseUpdate(raw);
      if (update.kind === 'invalid') {
        logger.warn({ problem: update.problem }, 'zalo: invalid update dropped');
        return { accepted: false, done: Promise.resolve() };
      }
      if (update.kind === 'ignored') {
        logger.debug({ event: update.event, reason: update.reason }, 'zalo: update ignored');
        return { accepted: true, done: Promise.resolve() };
      }
      const chatId = update.kind === 'text' ? update.incoming.chatId : update.chatId;
      const prev = tails.get(chatId) ?? Promise.resolve();
      const done = prev.then(() => guarded(update, chatId));
      tails.set(chatId, done);
      void done.then(() => {
        if (tails.get(chatId) === done) tails.delete(chatId);
      });
      return { accepted: true, done };
    },
    async idle() {
      while (tails.size) await Promise.all([...tails.values()]);
    },
  };
}
