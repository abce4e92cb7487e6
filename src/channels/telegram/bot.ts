import { withTyping } from '../typing.js';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, HttpError, type Api, type BotError, type Context, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { UserError } from '../../core/errors.js';
import { texts } from '../../core/texts.vi.js';
import type { ChannelDeps } from '../types.js';
import { createChatQueue, type ChatQueue } from './chat-queue.js';
import { describeError } from './errors.js';
import { sendReplies } from './send.js';
import { chatKeyOf, fileOf, toIncoming } from './to-incoming.js';

export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  /** Skips the getMe call (tests, or a cached identity). */
  botInfo?: UserFromGetMe;
}

/** How long the callback answer may delay a ready reply. */
const SIDE_CALL_WAIT_MS = 2000;

/**
 * The grammY bot wired to the core: Telegram errors 429/5xx retried (retry_after honoured up to
 * 30 s, 3 attempts), network errors retried twice, each chat's updates handled in order through
 * `queue`, every failure caught at one boundary that logs it (token redacted) and apologises.
 * The middleware returns as soon as the update is queued; await `queue.idle()` for completion.
 */
export function createBot(options: TelegramBotOptions, deps: ChannelDeps): { bot: Bot; queue: ChatQueue } {
  const { token } = options;
  const logger = deps.logger.child({ channel: 'telegram' });
  const bot = new Bot(token, {
    client: { apiRoot: options.apiRoot, timeoutSeconds: 60 },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }), retryNetwork(2));

  const queue = createChatQueue({
    onError: (err, chatId) => logger.error({ chatId, error: describeError(err, token) }, 'telegram chat queue task failed'),
  });

  // Hand the rest of the chain to the chat's queue and return at once: polling moves on to the
  // next update (other chats are not held up) and the webhook can acknowledge immediately.
  bot.use((ctx, next) => {
    const key = chatKeyOf(ctx.update);
    if (!queue.push(key, next)) logger.warn({ chatId: key, updateId: ctx.update.update_id }, 'chat queue full: update dropped');
  });

  bot.errorBoundary(async (err: BotError<Context>) => {
    const { ctx } = err;
    const log = logger.child({ chatId: ctx.chat?.id, updateId: ctx.update.update_id });
    log.error({ error: describeError(err.error, token) }, 'telegram update failed');
    if (!ctx.chat) return;
    const text = err.error instanceof UserError ? err.error.message : texts.internalError;
    await ctx.api.sendMessage(ctx.chat.id, text).catch((e: unknown) => {
      log.error({ error: describeError(e, token) }, 'could not send the apology');
    });
  }).use(async (ctx) => {
    const incoming = toIncoming(ctx.update, ctx.me);
    if (!incoming) return;
    const sent = ctx.message ? fileOf(ctx.message) : undefined;
    if (incoming.file && sent) {
      incoming.file = { ...incoming.file, download: () => downloadFile(ctx.api, options, sent.fileId) };
      incoming.progress = progressMessage(ctx.api, Number(incoming.chatId));
    }
    const log = logger.child({ chatId: incoming.chatId, updateId: ctx.update.update_id });
    log.debug({ incoming }, 'telegram update');
    const sideCall = (p: Promise<unknown>, what: string) =>
      p.catch((e: unknown) => log.warn({ error: describeError(e, token) }, `${what} failed`));
    const side: Promise<unknown>[] = [];
    if (ctx.callbackQuery) side.push(sideCall(ctx.answerCallbackQuery(), 'answerCallbackQuery'));
    const chat = ctx.chat;
    const replies = await withTyping(deps.handle(incoming), () =>
      chat ? sideCall(ctx.api.sendChatAction(chat.id, 'typing'), 'sendChatAction') : Promise.resolve(),
    );
    // Never let a slow side call (the callback answer) hold the answer back.
    await Promise.race([Promise.all(side), delay(SIDE_CALL_WAIT_MS)]);
    const inGroup = ctx.chat !== undefined && ctx.chat.type !== 'private';
    await sendReplies(ctx.api, ctx.chat?.id ?? incoming.chatId, replies, {
      logger: log,
      ...(inGroup && ctx.message ? { replyTo: ctx.message.message_id } : {}),
    });
  });

  bot.catch((err) => {
    logger.error({ updateId: err.ctx.update.update_id, error: describeError(err.error, token) }, 'telegram middleware error');
  });

  return { bot, queue };
}

/**
 * Retries a request that failed on the network (no answer from Telegram) a few times with a short
 * backoff. The auto-retry plugin would retry these forever, which would hang start-up on a wrong
 * TELEGRAM_API_ROOT and hold a chat's queue indefinitely. getUpdates has its own retry loop.
 */
function retryNetwork(retries: number): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (err) {
        if (!(err instanceof HttpError) || attempt >= retries || signal?.aborted || method === 'getUpdates') throw err;
        await delay(500 * 2 ** attempt);
      }
    }
  };
}

/** getFile, then the file's bytes from `${apiRoot}/file/bot<token>/<path>` (Bot API files are at most 20 MB). */
async function downloadFile(api: Api, options: TelegramBotOptions, fileId: string): Promise<Uint8Array> {
  const f = await api.getFile(fileId);
  if (!f.file_path) throw new Error('telegram getFile returned no file_path');
  const res = await fetch(`${options.apiRoot.replace(/\/+$/, '')}/file/bot${options.token}/${f.file_path}`, { signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(`telegram file download failed: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** One progress message per task: sent the first time, edited after ("message is not modified" ignored). */
function progressMessage(api: Api, chatId: number): (text: string) => Promise<void> {
  let messageId: number | undefined;
  let last = '';
  return async (text) => {
    if (text === last) return;
    last = text;
    if (messageId === undefined) messageId = (await api.sendMessage(chatId, text)).message_id;
    else await api.editMessageText(chatId, messageId, text).catch(() => undefined);
  };
}

const delay = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });
