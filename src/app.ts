import type { Config } from './config/env.js';
import { createCore } from './core/handle-message.js';
import { createKnowledge } from './knowledge/index.js';
import type { Logger } from './logger.js';
import { createOpenAI } from './providers/openai.js';

/**
 * Builds everything a channel needs from the parsed config: the knowledge base (index loaded or
 * rebuilt) and the conversation core. Shared by `main.ts` and the CLI so both behave the same.
 */
export async function createApp(config: Config, logger: Logger) {
  const { llm, embeddings } = await createOpenAI(config);
  const knowledge = await createKnowledge({
    corpusDir: config.corpusDir,
    dataDir: config.dataDir,
    ...(embeddings ? { embeddings } : {}),
    ...(llm ? { llm } : {}),
    llmTimeoutMs: config.llmTimeoutMs,
    logger,
  });
  const handle = createCore({ knowledge, logger });
  return { knowledge, handle };
}

export type App = Awaited<ReturnType<typeof createApp>>;
