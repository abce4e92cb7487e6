import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { createMediaShelf } from './channels/media.js';
import type { Channel, ChannelDeps } from './channels/types.js';
import { createTelegramChannel } from './channels/telegram/index.js';
import { createWebApp } from './channels/web/app.js';
import { createStaffApp } from './channels/web/staff/app.js';
import { createZaloChannel } from './channels/zalo/index.js';
import { ConfigError, loadConfig, type Config } from './config/env.js';
import { createLogger } from './logger.js';
import { createReminders } from './reports/reminders.js';

/** The messaging channels the config enables (the web chat is always on). */
function channelsFor(config: Config, deps: ChannelDeps): Channel[] {
  const publicUrl = config.publicUrl ? { publicUrl: config.publicUrl } : {};
  const channels: Channel[] = [];
  if (config.telegram) channels.push(createTelegramChannel({ ...config.telegram, ...publicUrl }, deps));
  if (config.zalo) channels.push(createZaloChannel({ ...config.zalo, ...publicUrl }, deps));
  return channels;
}

/**
 * One way in: parse config, build the knowledge base, store and core, open the HTTP server
 * (web chat, /healthz, webhooks), then start the messaging channels.
 * One way out: SIGINT/SIGTERM stop the channels (in-flight answers finish), close the server,
 * then the database.
 */
async function main(): Promise<void> {
  const t0 = performance.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, logger);
  // With a public address, generated images (the /tonghop chart) get a URL for Zalo's sendPhoto.
  const media = config.publicUrl ? createMediaShelf() : undefined;
  const publishImage = media ? (png: Uint8Array) => `${config.publicUrl}/media/${media.put(png)}.png` : undefined;
  const channels = channelsFor(config, { handle: app.handle, logger, ...(publishImage ? { publishImage } : {}) });
  let ready = false;
  // The staff pages (/quan-tri): sign in with the code the bot gives for /dangnhap.
  const staff = createStaffApp({
    db: app.db,
    reports: app.reports,
    documents: app.documents,
    plans: app.plans,
    logger,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  });
  const web = createWebApp({
    handle: app.handle,
    // Healthy once every channel has started (webhook registered, polling running).
    health: () => ({
      ok: ready,
      docs: app.knowledge.docs.length,
      chunks: app.knowledge.chunks.length,
      llm: Boolean(config.openai),
      channels: ['web', ...channels.map((c) => c.name)],
    }),
    logger,
    ...(media ? { media } : {}),
    routes: channels.flatMap((c) => (c.route ? [c.route] : [])),
    staff,
  });
  const server = serve({ fetch: web.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  for (const channel of channels) await channel.start();
  ready = true;
  // Officers of units that have not reported get one reminder a week before their deadline.
  const byName = new Map(channels.map((c) => [c.name as string, c]));
  const reminders = createReminders({
    reports: app.reports,
    logger,
    daysBefore: config.reminderDays,
    send: async (m) => {
      const channel = byName.get(m.channel);
      if (!channel) throw new Error(`channel ${m.channel} is not running`);
      await channel.send(m.chatId, { text: m.text });
    },
  });
  if (channels.length && config.reminderDays > 0) reminders.start();
  // A document added with the CLI while the bot runs is picked up without a restart.
  const unwatch = app.documents.library.watch(() => {
    logger.info('documents changed by another process; reindexing');
    void app.knowledge.rebuild().then((r) => (r.ok ? logger.info(r, 'reindexed') : undefined));
  });
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  logger.info(
    { port: config.port, ms: Math.round(performance.now() - t0), llm: Boolean(config.openai), channels: channels.map((c) => c.name) },
    `Trợ lý Thi đua sẵn sàng: http://${host}:${config.port}/`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // An answer in progress may wait for the LLM; give it that long, then leave anyway.
    setTimeout(() => process.exit(0), config.llmTimeoutMs + 5000).unref();
    unwatch();
    await reminders.stop();
    await Promise.allSettled(channels.map((c) => c.stop()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`Không khởi động được: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
