import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Config } from '../config/env.js';
import type { ChatLike } from '../knowledge/answer.js';

/**
 * The OpenAI-compatible chat model, or undefined when no API key is configured (offline mode).
 * One retry at most: the answerer has its own fallback, and a citizen should not wait.
 */
export function createChatModel(config: Config): ChatLike | undefined {
  if (!config.openai) return undefined;
  return new ChatOpenAI({
    model: config.openai.chatModel,
    apiKey: config.openai.apiKey,
    temperature: 0,
    maxRetries: 1,
    timeout: config.llmTimeoutMs,
    configuration: config.openai.baseUrl ? { baseURL: config.openai.baseUrl } : {},
  });
}

/** OpenAI-compatible embeddings, or undefined offline (the caller then uses the local embedder). */
export function createRemoteEmbeddings(config: Config): EmbeddingsInterface | undefined {
  if (!config.openai) return undefined;
  return new OpenAIEmbeddings({
    model: config.openai.embeddingModel,
    apiKey: config.openai.apiKey,
    maxRetries: 1,
    timeout: config.llmTimeoutMs,
    configuration: config.openai.baseUrl ? { baseURL: config.openai.baseUrl } : {},
  });
}
