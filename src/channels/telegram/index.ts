import { GrammyError } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import type { Channel, ChannelDeps } from '../types.js';
import { createBot } from './bot.js';
import { sendReplies } from './send.js';
import { conflictError, describeError, startError } from './errors.js';
import { WEBHOOK_PATH, createWebhookRoute } from './webhook.js';

export { splitText } from './split.js';
export { escapeHtml, renderReply } from './render.js';
export { toIncoming } from './to-incoming.js';
export { WEBHOOK_PATH, SECRET_HEADER } from './webhook.js';

export interface TelegramChannelConfig {
  token: string;
  apiRoot: string;
  webhookSecret: string;
  /** Set → webhook mode at `${publicUrl}/telegram/webhook`; absent → long polling. */
  publicUrl?: string;
}

export type TelegramChannelDeps = ChannelDeps & { botInfo?: UserFromGetMe };

/** The only update kinds the bot handles; Telegram does not send the others. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** Shown in Telegram's command menu. Vietnamese, like every user-facing text. */
const COMMANDS = [
  { command: 'start', description: 'Lời chào và ví dụ câu hỏi' },
  { command: 'help', description: 'Hướng dẫn sử dụng' },
  { command: 'hoi', description: 'Hỏi về phong trào thi đua, chuyển đổi số' },
  { command: 'khenthuong', description: 'Hình thức và tiêu chuẩn khen thưởng' },
  { command: 'moc', description: 'Các mốc thời gian, hạn báo cáo' },
  { command: 'nhiemvu', description: 'Nhiệm vụ của từng cơ quan' },
  { command: 'dangky', description: 'Cán bộ: đăng ký bằng mã mời' },
  { command: 'tiendo', description: 'Cán bộ: tiến độ so với chỉ tiêu' },
  { command: 'sua', description: 'Cán bộ: sửa số liệu đã gửi' },
  { command: 'huy', description: 'Cán bộ: hủy số liệu đang chờ' },
  { command: 'tonghop', description: 'Thi đua - khen thưởng: tổng hợp các đơn vị' },
];

/**
 * The Telegram channel: grammY against `config.apiRoot`, long polling or (with `publicUrl`) a
 * webhook `route` that `main.ts` mounts before calling `start()`. Each chat's updates are handled
 * in order; different chats concurrently.
 *
 * `start()` checks the token (getMe), registers the command menu (failure only logged), then sets
 * the webhook or begins polling in the background. It throws "TELEGRAM_BOT_TOKEN rejected (401):
 * copy it again from BotFather" for a bad token and a 409 explanation on a conflict; the token is
 * never part of an error or a log line. `stop()` is idempotent and resolves when in-flight updates
 * are answered.
 * @example const telegram = createTelegramChannel({ ...config.telegram, publicUrl: config.publicUrl }, { handle, logger });
 */
export function createTelegramChannel(config: TelegramChannelConfig, deps: TelegramChannelDeps): Channel {
  const { token } = config;
  const logger = deps.logger.child({ channel: 'telegram' });
  const { bot, queue } = createBot({ token, apiRoot: config.apiRoot, ...(deps.botInfo ? { botInfo: deps.botInfo } : {}) }, deps);
  let state: 'new' | 'starting' | 'running' | 'stopped' = 'new';
  let polling: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;

  const dispatch = async (update: Update) => {
    try {
      await bot.handleUpdate(update);
    } catch (err) {
      logger.error({ updateId: update.update_id, error: describeError(err, token) }, 'telegram update not dispatched');
    }
  };

  const route = config.publicUrl
    ? createWebhookRoute({ secret: config.webhookSecret, logger, ready: () => state === 'running', dispatch })
    : undefined;

  async function init(): Promise<void> {
    if (bot.isInited()) return;
    try {
      bot.botInfo = await bot.api.getMe();
    } catch (err) {
      throw startError(err, token, 'getMe');
    }
  }

  async function registerCommands(): Promise<void> {
    await bot.api.setMyCommands(COMMANDS).catch((err: unknown) => {
      logger.warn({ error: describeError(err, token) }, 'setMyCommands failed; the command menu may be outdated');
    });
  }

  async function startWebhook(publicUrl: string): Promise<void> {
    const url = `${publicUrl}${WEBHOOK_PATH}`;
    try {
      await bot.api.setWebhook(url, {
        secret_token: config.webhookSecret,
        allowed_updates: [...ALLOWED_UPDATES],
        drop_pending_updates: false,
      });
    } catch (err) {
      throw startError(err, token, 'setWebhook');
    }
    logger.info({ url, username: bot.botInfo.username }, 'telegram webhook set');
  }

  /** Resolves once polling has begun (webhook deleted); later failures go to the logger. */
  function startPolling(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let begun = false;
      polling = bot
        .start({
          drop_pending_updates: false,
          allowed_updates: [...ALLOWED_UPDATES],
          onStart: (me) => {
            begun = true;
            logger.info({ username: me.username }, 'telegram long polling started');
            resolve();
          },
        })
        .catch((err: unknown) => {
          if (!begun) return reject(startError(err, token, 'deleteWebhook'));
          const conflict = err instanceof GrammyError && err.error_code === 409;
          const explained = conflict ? conflictError().message : startError(err, token, 'getUpdates').message;
          logger.fatal({ error: describeError(err, token) }, `telegram polling stopped: ${explained}`);
        });
    });
  }

  return {
    name: 'telegram',
    ...(route ? { route } : {}),
    async start() {
      if (state !== 'new') return;
      state = 'starting';
      try {
        await init();
        await registerCommands();
        if (config.publicUrl) await startWebhook(config.publicUrl);
        else await startPolling();
        if (state === 'starting') state = 'running';
        else if (polling) await bot.stop(); // stop() was called while starting
      } catch (err) {
        state = 'new';
        throw err;
      }
    },
    async send(chatId, reply) {
      await sendReplies(bot.api, chatId, [reply], { logger });
    },
    stop() {
      stopping ??= (async () => {
        state = 'stopped';
        if (polling) {
          await bot.stop().catch((err: unknown) => logger.warn({ error: describeError(err, token) }, 'telegram stop: confirming the offset failed'));
          await polling;
        }
        await queue.idle();
        logger.info('telegram channel stopped');
      })();
      return stopping;
    },
  };
}
