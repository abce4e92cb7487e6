import type { Handle } from '../core/handle-message.js';
import type { Reply } from '../core/message.js';
import type { Logger } from '../logger.js';

/** What every channel adapter receives: the core, and a logger. Nothing else of the app. */
export interface ChannelDeps {
  handle: Handle;
  logger: Logger;
  /** A public URL for a generated PNG, when the bot has a public address (PUBLIC_URL). */
  publishImage?: (png: Uint8Array) => string;
}

/** An HTTP endpoint a channel needs on the bot's server (a webhook). */
export interface ChannelRoute {
  /** e.g. "/telegram/webhook" */
  path: string;
  /** Answers one POST; must check the platform's secret before anything else. */
  handler: (req: Request) => Promise<Response>;
}

/**
 * A channel built from config, not yet receiving. `main.ts` mounts `route` (webhook mode) on the
 * HTTP server, starts listening, then calls `start()` (which registers the webhook or begins long
 * polling). `stop()` is idempotent and resolves when in-flight updates are done.
 */
export interface Channel {
  name: 'telegram' | 'zalo';
  route?: ChannelRoute;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Sends a message the bot starts itself (a reminder), rendered like any reply. */
  send(chatId: string, reply: Reply): Promise<void>;
}
