/**
 * Long polling as a source: getUpdates in a loop, each update pushed to the sink. Zalo returns one
 * update per call and answers "408 Request timeout" when nothing came (the client maps that to []).
 */
import type { Logger } from '../../logger.js';
import type { ZaloClient } from './client.js';
import type { ZaloSink } from './sink.js';

export interface ZaloPollerOptions {
  client: Pick<ZaloClient, 'getUpdates'>;
  sink: ZaloSink;
  logger: Logger;
  /** Long-poll time in seconds. Default 30 (the API's default). */
  timeoutSec?: number;
  /** Backoff after a failed call: starts at `minBackoffMs` (1 s), doubles up to `maxBackoffMs` (30 s). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface ZaloPoller {
  start(): void;
  /** Aborts the in-flight long poll and resolves when the loop has ended. Idempotent. */
  stop(): Promise<void>;
}

export function createZaloPoller(opts: ZaloPollerOptions): ZaloPoller {
  const { client, sink, logger } = opts;
  const timeoutSec = opts.timeoutSec ?? 30;
  const minBackoff = opts.minBackoffMs ?? 1000;
  const maxBackoff = opts.maxBackoffMs ?? 30_000;
  const abort = new AbortController();
  let loop: Promise<void> | undefined;

  /** Waits `ms`, or less if stop() comes first; leaves no listener behind. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t);
        abort.signal.removeEventListener('abort', done);
        resolve();
      };
      const t = setTimeout(done, ms);
      abort.signal.addEventListener('abort', done, { once: true });
    });

  async function run(): Promise<void> {
    let backoff = minBackoff;
    while (!abort.signal.aborted) {
      try {
        const updates = await client.getUpdates({ timeout: timeoutSec }, abort.signal);
        backoff = minBackoff;
        // Not awaited: a slow answer in one chat must not hold back other chats' updates.
        for (const u of updates) sink.push(u);
      } catch (err) {
        if (abort.signal.aborted) break;
        // Client errors carry the method name only, never the token.
        logger.warn({ err, retryInMs: backoff }, 'zalo: getUpdates failed, retrying');
        await pause(backoff);
        backoff = Math.min(backoff * 2, maxBackoff);
      }
    }
  }

  return {
    start() {
      if (loop || abort.signal.aborted) return;
      loop = run();
    },
    async stop() {
      abort.abort();
      await loop;
    },
  };
}
