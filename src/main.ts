import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { createWebApp } from './channels/web/app.js';
import { ConfigError, loadConfig } from './config/env.js';
import { createLogger } from './logger.js';

/**
 * One way in: parse config, build the knowledge base and core, then open the channels.
 * One way out: SIGINT/SIGTERM close the channels, then exit.
 */
async function main(): Promise<void> {
  const t0 = performance.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, logger);
  const web = createWebApp({
    handle: app.handle,
    health: () => ({ docs: app.knowledge.docs.length, chunks: app.knowledge.chunks.length, llm: Boolean(config.openai) }),
    logger,
  });
  const server = serve({ fetch: web.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info(
      { port: info.port, ms: Math.round(performance.now() - t0), llm: Boolean(config.openai) },
      `Trợ lý Thi đua sẵn sàng: http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${info.port}/`,
    );
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`Không khởi động được: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
