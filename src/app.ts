import path from 'node:path';
import type { Config } from './config/env.js';
import { createCore } from './core/handle-message.js';
import { createDocuments } from './documents/service.js';
import { Library } from './documents/library.js';
import { closeExtraction } from './documents/intake.js';
import { createKnowledge } from './knowledge/index.js';
import { createLiveKnowledge } from './knowledge/live.js';
import type { Logger } from './logger.js';
import { loadPrompt } from './prompts.js';
import { createOpenAI } from './providers/openai.js';
import { renderProgressChart } from './reports/chart.js';
import { openDatabase } from './store/db.js';
import { createPlanStore } from './store/plans.js';
import { createPlans } from './plans/service.js';
import { createLlmPlanReader } from './plans/llm-extract.js';
import { createReportStore } from './store/reports.js';
import { createStore } from './store/store.js';

/**
 * Builds everything a channel needs from the parsed config: the knowledge base (index loaded or
 * rebuilt), the store (database migrated) and the conversation core. Shared by `main.ts` and the CLI so both behave the same.
 */
export async function createApp(config: Config, logger: Logger) {
  const { llm, embeddings } = await createOpenAI(config);
  const library = new Library(config.dataDir);
  // Rebuilt whole, in the background, whenever staff add, publish or remove a document.
  const knowledge = await createLiveKnowledge(
    async () =>
      createKnowledge({
        corpusDir: config.corpusDir,
        added: await library.forIndex(),
        dataDir: config.dataDir,
        ...(embeddings ? { embeddings } : {}),
        ...(llm ? { llm } : {}),
        llmTimeoutMs: config.llmTimeoutMs,
        logger,
      }),
    (err) => logger.error({ err }, 'reindex failed; the previous index keeps serving'),
  );
  const documents = createDocuments({ library, knowledge });
  const db = await openDatabase(config.database, (err) => logger.warn({ err }, 'database connection lost; reconnecting'));
  const store = createStore(db);
  const reports = createReportStore(db);
  const figuresLlm = llm
    ? { llm, prompt: await loadPrompt('figures.vi.md'), timeoutMs: config.llmTimeoutMs }
    : undefined;
  const planReader = llm ? createLlmPlanReader({ llm, prompt: await loadPrompt('plan.vi.md'), timeoutMs: config.llmTimeoutMs * 4 }) : undefined;
  const plans = createPlans({ plans: createPlanStore(db), reports, knowledge, logger, ...(planReader ? { llm: planReader } : {}) });
  // The reviewed plans shipped beside the corpus (corpus/plans/*.plan.json) become approved data once.
  const seeded = await plans.seed(path.join(config.corpusDir, 'plans'));
  if (seeded.length) logger.info({ plans: seeded }, 'seeded approved plans');
  const handle = createCore({ knowledge, documents, store, reports, plans, db, port: config.port, ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}), logger, chart: renderProgressChart, ...(figuresLlm ? { figuresLlm } : {}) });
  return { knowledge, documents, store, reports, plans, db, handle, close: async () => (await Promise.all([store.close(), closeExtraction()]), undefined) };
}

export type App = Awaited<ReturnType<typeof createApp>>;
