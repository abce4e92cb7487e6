import type { Config } from './config/env.js';
import { createCore } from './core/handle-message.js';
import { createKnowledge } from './knowledge/index.js';
import type { Logger } from './logger.js';
import { loadPrompt } from './prompts.js';
import { createOpenAI } from './providers/openai.js';
import { renderProgressChart } from './reports/chart.js';
import { openDatabase } from './store/db.js';
import { createReportStore } from './store/reports.js';
import { createStore } from './store/store.js';

/**
 * Builds everything a channel needs from the parsed config: the knowledge base (index loaded or
 * rebuilt), the store (database migrated) and the conversation core. Shared by `main.ts` and the CLI so both behave the same.
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
  const db = await openDatabase(config.database, (err) => logger.warn({ err }, 'database connection lost; reconnecting'));
  const store = createStore(db);
  const reports = createReportStore(db);
  const figuresLlm = llm
    ? { llm, prompt: await loadPrompt('figures.vi.md'), timeoutMs: config.llmTimeoutMs }
    : undefined;
  const handle = createCore({ knowledge, store, reports, logger, chart: renderProgressChart, ...(figuresLlm ? { figuresLlm } : {}) });
  return { knowledge, store, reports, handle, close: () => store.close() };
}

export type App = Awaited<ReturnType<typeof createApp>>;
