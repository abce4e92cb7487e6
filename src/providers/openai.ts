import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Config } from '../config/env.js';
import type { ChatLike } from '../knowledge/answer/answer.js';

/**
 * OpenAI-compatible chat model and embeddings through @langchain/openai, only when an API key is
 * configured. The module is imported lazily, so the offline default never pays for loading it.
 * One retry at most: the answerer has its own fallback, and a citizen should not wait.
 */
export async function createOpenAI(
  config: Config,
): Promise<{ llm?: ChatLike; embeddings?: EmbeddingsInterface }> {
  if (!config.openai) return {};
  const { ChatOpenAI, OpenAIEmbeddings } = await import('@langchain/openai');
  const common = {
    apiKey: config.openai.apiKey,
    maxRetries: 1,
    timeout: config.llmTimeoutMs,
    configuration: config.openai.baseUrl ? { baseURL: config.openai.baseUrl } : {},
  };
  return {
    llm: new ChatOpenAI({ ...common, model: config.openai.chatModel, temperature: 0 }),
    embeddings: new OpenAIEmbeddings({ ...common, model: config.openai.embeddingModel }),
  };
}
