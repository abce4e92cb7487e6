import { timingSafeEqual } from 'node:crypto';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import type { ChannelRoute } from '../types.js';

export const WEBHOOK_PATH = '/telegram/webhook';
export const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';
/** Telegram updates are small; anything bigger is not from Telegram. */
const MAX_BODY_BYTES = 1_000_000;

/** The minimal shape checked before an update reaches grammY; other fields pass through. */
const updateSchema = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: z.looseObject({ message_id: z.number(), chat: z.looseObject({ id: z.number() }) }).optional(),
  callback_query: z.looseObject({ id: z.string(), from: z.looseObject({ id: z.number() }) }).optional(),
});

/** Constant-time comparison; a different length is a mismatch without comparing contents. */
export function secretMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface WebhookOptions {
  secret: string;
  logger: Logger;
  /** False before start() finished or after stop(): the update is refused with 503 so Telegram retries. */
  ready: () => boolean;
  /**
   * Hands the update over for processing. It must resolve once the update is accepted (queued),
   * not when it is answered: the HTTP response waits for it.
   */
  dispatch: (update: Update) => Promise<void>;
}

/**
 * The POST handler for Telegram's webhook. Order: secret header (constant time) → 401 before the
 * body is read; body → 400 unless JSON with a numeric update_id; then the update is queued and
 * Telegram gets 200 `{}` at once. The answer itself is sent later through the Bot API, so a slow
 * answer never makes Telegram time out and redeliver; a redelivery is dropped by the core's
 * deliveryId check.
 */
export function createWebhookRoute(options: WebhookOptions): ChannelRoute {
  const { logger } = options;
  return {
    path: WEBHOOK_PATH,
    async handler(req) {
      if (req.method !== 'POST') return json({ error: 'method not allowed' }, 405);
      if (!secretMatches(req.headers.get(SECRET_HEADER), options.secret)) {
        logger.warn('webhook: wrong or missing secret token');
        return json({ error: 'unauthorized' }, 401);
      }
      if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return json({ error: 'too large' }, 413);
      let body: unknown;
      try {
        body = await req.json();
      } catch {
        return json({ error: 'invalid JSON' }, 400);
      }
      const parsed = updateSchema.safeParse(body);
      if (!parsed.success) return json({ error: 'invalid update' }, 400);
      if (!options.ready()) return json({ error: 'not ready' }, 503);
      try {
        await options.dispatch(parsed.data as unknown as Update);
      } catch (err) {
        // Retrying a poisoned update would not help; it is logged and acknowledged.
        logger.error({ updateId: parsed.data.update_id, error: err instanceof Error ? err.name : typeof err }, 'webhook: update not dispatched');
      }
      return json({}, 200);
    },
  };
}

const json = (body: unknown, status: number) => Response.json(body, { status });
