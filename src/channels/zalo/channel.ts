/**
 * The Zalo channel: a translator between the Zalo Bot Platform and the core. Webhook mode when a
 * public URL is configured, long polling otherwise; both feed the same sink.
 */
import type { Channel, ChannelDeps } from '../types.js';
import { createZaloClient, type ZaloClientOptions } from './client.js';
import { renderReplies } from './render.js';
import { createZaloPoller, type ZaloPoller } from './poller.js';
import { createZaloSink } from './sink.js';
import { createZaloWebhookRoute, ZALO_WEBHOOK_PATH } from './webhook.js';

export interface ZaloChannelConfig {
  token: string;
  apiRoot: string;
  /** Sent by Zalo in `X-Bot-Api-Secret-Token` (8–256 characters). */
  webhookSecret: string;
  /** Base URL of this server; set → webhook mode, unset → long polling. */
  publicUrl?: string;
}

/** Knobs for tests; production uses the defaults. */
export interface ZaloChannelTuning {
  /** getUpdates long-poll seconds (default 30). */
  pollTimeoutSec?: number;
  /** Poller backoff bounds in ms (default 1 000 → 30 000). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  client?: Pick<ZaloClientOptions, 'fetch' | 'timeoutMs' | 'maxRetries' | 'retryBaseMs' | 'maxRetryWaitMs'>;
}

/**
 * Builds the channel, not yet receiving. In webhook mode `route` must be mounted before `start()`,
 * which checks the token (getMe) and registers `${publicUrl}/zalo/webhook`. In polling mode
 * `start()` removes any webhook (failure tolerated) and begins long polling.
 * `stop()` is idempotent: it stops polling or refuses new webhook deliveries (503), then waits for
 * updates being handled.
 * @throws from start(): ZaloApiError (e.g. token rejected) or ZaloHttpError (API unreachable).
 * @example
 * const zalo = createZaloChannel({ ...config.zalo, publicUrl: config.publicUrl }, { handle, logger });
 * if (zalo.route) routes.push(zalo.route);
 * await zalo.start();
 */
export function createZaloChannel(config: ZaloChannelConfig, deps: ChannelDeps, tuning: ZaloChannelTuning = {}): Channel {
  const logger = deps.logger.child({ channel: 'zalo' });
  const client = createZaloClient({ token: config.token, apiRoot: config.apiRoot, ...tuning.client });
  const sink = createZaloSink({ client, handle: deps.handle, logger, ...(deps.publishImage ? { publishImage: deps.publishImage } : {}) });
  const publicUrl = config.publicUrl?.replace(/\/+$/, '');
  let accepting = true;
  let started: Promise<void> | undefined;
  let stopped: Promise<void> | undefined;
  let poller: ZaloPoller | undefined;

  const route = publicUrl
    ? createZaloWebhookRoute({ secret: config.webhookSecret, sink, logger, accepting: () => accepting })
    : undefined;

  async function begin(): Promise<void> {
    const me = await client.getMe();
    if (publicUrl) {
      const url = `${publicUrl}${ZALO_WEBHOOK_PATH}`;
      await client.setWebhook({ url, secret_token: config.webhookSecret });
      logger.info({ bot: me.account_name ?? me.id, mode: 'webhook', url }, 'zalo: webhook registered');
      return;
    }
    // getUpdates does not work while a webhook is set; a failure here is logged, not fatal.
    await client.deleteWebhook().catch((err: unknown) => logger.warn({ err }, 'zalo: deleteWebhook failed, polling anyway'));
    if (stopped) return;
    poller = createZaloPoller({
      client,
      sink,
      logger,
      ...(tuning.pollTimeoutSec !== undefined ? { timeoutSec: tuning.pollTimeoutSec } : {}),
      ...(tuning.minBackoffMs !== undefined ? { minBackoffMs: tuning.minBackoffMs } : {}),
      ...(tuning.maxBackoffMs !== undefined ? { maxBackoffMs: tuning.maxBackoffMs } : {}),
    });
    poller.start();
    logger.info({ bot: me.account_name ?? me.id, mode: 'polling' }, 'zalo: polling');
  }

  return {
    name: 'zalo',
    ...(route ? { route } : {}),
    start() {
      started ??= begin();
      return started;
    },
    async send(chatId, reply) {
      for (const text of renderReplies([reply])) await client.sendMessage({ chat_id: chatId, text });
    },
    stop() {
      stopped ??= (async () => {
        accepting = false;
        await started?.catch(() => undefined);
        await poller?.stop();
        await sink.idle();
      })();
      return stopped;
    },
  };
}
