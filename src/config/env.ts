import path from 'node:path';
import { z } from 'zod';

/**
 * The whole environment, parsed once. Empty strings count as unset, so `PORT=` in a `.env`
 * file falls back to the default instead of failing. Values are never logged or echoed.
 */
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, value: z.input<T>) =>
  z.preprocess(emptyToUndefined, schema.default(value as never));

const schema = z.object({
  PORT: withDefault(z.coerce.number().int().min(0).max(65535), 3000),
  HOST: withDefault(z.string(), '127.0.0.1'),
  DATA_DIR: withDefault(z.string(), './data'),
  CORPUS_DIR: withDefault(z.string(), './corpus'),
  LOG_LEVEL: withDefault(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  OPENAI_API_KEY: opt(z.string()),
  OPENAI_BASE_URL: opt(z.url({ message: 'phải là một URL, ví dụ http://127.0.0.1:8080/v1' })),
  OPENAI_CHAT_MODEL: withDefault(z.string(), 'gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: withDefault(z.string(), 'text-embedding-3-small'),
  LLM_TIMEOUT_MS: withDefault(z.coerce.number().int().min(1000).max(120_000), 20_000),
});

export type Env = z.output<typeof schema>;

/** The parsed configuration: everything else in the app receives this, never `process.env`. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute; holds everything the bot writes (index, database). */
  readonly dataDir: string;
  readonly corpusDir: string;
  readonly logLevel: Env['LOG_LEVEL'];
  /** Present when an OpenAI-compatible server is configured; absent means fully offline. */
  readonly openai?: {
    readonly apiKey: string;
    readonly baseUrl?: string;
    readonly chatModel: string;
    readonly embeddingModel: string;
  };
  readonly llmTimeoutMs: number;
}

/** Thrown when the environment is invalid; the message names every bad variable, never its value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses and validates the environment. Relative paths resolve against `cwd`.
 * @throws ConfigError listing every invalid variable and how to fix it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ (biến môi trường):\n${lines.join('\n')}\nXem .env.example.`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    corpusDir: path.resolve(cwd, e.CORPUS_DIR),
    logLevel: e.LOG_LEVEL,
    ...(e.OPENAI_API_KEY
      ? {
          openai: {
            apiKey: e.OPENAI_API_KEY,
            ...(e.OPENAI_BASE_URL ? { baseUrl: e.OPENAI_BASE_URL } : {}),
            chatModel: e.OPENAI_CHAT_MODEL,
            embeddingModel: e.OPENAI_EMBEDDING_MODEL,
          },
        }
      : {}),
    llmTimeoutMs: e.LLM_TIMEOUT_MS,
  };
}
