/**
 * The Zalo webhook endpoint. Zalo POSTs each event as JSON with the secret given to setWebhook in
 * `X-Bot-Api-Secret-Token`. Plain Fetch API Request/Response: `main.ts` mounts it on the server.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../logger.js';
import type { ChannelRoute } from '../types.js';
import type { ZaloSink } from './sink.js';

export const ZALO_WEBHOOK_PATH = '/zalo/webhook';
export const SECRET_HEADER = 'X-Bot-Api-Secret-Token';

/** An event is small; anything far larger is not from Zalo. */
const MAX_BODY_BYTES = 256 * 1024;

/** Compares in constant time, whatever the lengths (both sides hashed to 32 bytes first). */
export function secretMatches(given: string | null, expected: string): boolean {
  if (given === null || !expected) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * Builds the route. Answers:
 * - 401 on a missing or wrong secret (checked before the body is even read; nothing is processed);
 * - 503 once the channel is stopping (Zalo may deliver again later);
 * - 413 / 400 on an oversized, non-JSON or non-update body;
 * - 200 as soon as the update is queued. It is acknowledged before it is answered, so a slow
 *   answer (LLM, retries) never makes Zalo time out and redeliver; the per-chat queue in the sink
 *   keeps each chat's messages in order.
 */
export function createZaloWebhookRoute(opts: {
  secret: string;
  sink: ZaloSink;
  logger: Logger;
  /** False once stop() began. */
  accepting: () => boolean;
}): ChannelRoute {
  return {
    path: ZALO_WEBHOOK_PATH,
    async handler(req: Request): Promise<Response> {
      if (!secretMatches(req.headers.get(SECRET_HEADER), opts.secret)) {
        opts.logger.warn('zalo webhook: wrong or missing secret, refused');
        return json(401, { ok: false, error: 'unauthorized' });
      }
      if (req.method !== 'POST') return json(405, { ok: false, error: 'method not allowed' });
      if (!opts.accepting()) return json(503, { ok: false, error: 'stopping' });
      const length = Number(req.headers.get('content-length') ?? 0);
      if (length > MAX_BODY_BYTES) return json(413, { ok: false, error: 'too large' });
      let body: unknown;
      try {
        const text = await req.text();
        if (text.length > MAX_BODY_BYTES) return json(413, { ok: false, error: 'too large' });
        body = JSON.parse(text);
      } catch {
        opts.logger.warn('zalo webhook: body is not JSON, dropped');
        return json(400, { ok: false, error: 'invalid JSON' });
      }
      const { accepted } = opts.sink.push(body);
      return accepted ? json(200, { ok: true }) : json(400, { ok: false, error: 'not a Zalo update' });
    },
  };
}
