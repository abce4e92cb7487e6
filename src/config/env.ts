import { createHash } from 'node:crypto';
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
  DATABASE_URL: opt(
    z.string().regex(/^(postgres(ql)?:\/\/|sqlite:|file:)/, {
      message: 'phải bắt đầu bằng postgres:// (PostgreSQL) hoặc sqlite:/file: (SQLite)',
    }),
  ),
  PUBLIC_URL: opt(z.url({ message: 'phải là URL công khai của bot, ví dụ https://bot.example.vn' })),
  TELEGRAM_BOT_TOKEN: opt(z.string().regex(/^\d+:[\w-]+$/, { message: 'không đúng dạng 123456:ABC… (lấy từ BotFather)' })),
  TELEGRAM_API_ROOT: withDefault(z.url(), 'https://api.telegram.org'),
  TELEGRAM_WEBHOOK_SECRET: opt(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, { message: '1–256 ký tự, chỉ gồm A-Z a-z 0-9 _ -' }),
  ),
  ZALO_BOT_TOKEN: opt(z.string().min(10, { message: 'quá ngắn: sao chép lại từ Zalo Bot Manager' })),
  ZALO_API_ROOT: withDefault(z.url(), 'https://bot-api.zapps.me'),
  REMINDER_DAYS: withDefault(z.coerce.number().int().min(0).max(60), 7),
  ZALO_WEBHOOK_SECRET: opt(z.string().min(8, { message: 'dài 8–256 ký tự' }).max(256, { message: 'dài 8–256 ký tự' })),
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
  /** Where the store lives: SQLite file under dataDir by default, PostgreSQL when a URL is given. */
  readonly database: { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };
  /** Days before a unit's report deadline when its officers are reminded; 0 turns reminders off. */
  readonly reminderDays: number;
  /** Base URL for webhooks; absent means long polling. */
  readonly publicUrl?: string;
  readonly telegram?: { readonly token: string; readonly apiRoot: string; readonly webhookSecret: string };
  readonly zalo?: { readonly token: string; readonly apiRoot: string; readonly webhookSecret: string };
}

/**
 * A stable webhook secret derived from the bot token when none is configured, so a restart keeps
 * accepting the platform's deliveries and nobody without the token can forge one.
 */
function derivedSecret(token: string, channel: string): string {
  return createHash('sha256').update(`${channel}:${token}`).digest('base64url').slice(0, 48);
}

/** Thrown when the environment is invalid; the message names every bad variable, never its value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** `sqlite:relative/or/absolute.db` or `file:…`; unset → `${dataDir}/tro-ly-thi-dua.db`. */
function sqliteFile(url: string | undefined, dataDir: string, cwd: string): string {
  if (!url) return path.join(dataDir, 'tro-ly-thi-dua.db');
  const rest = url.replace(/^(sqlite|file):(\/\/)?/, '');
  return rest === ':memory:' ? rest : path.resolve(cwd, rest);
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
    reminderDays: e.REMINDER_DAYS,
    database: e.DATABASE_URL?.startsWith('postgres')
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: sqliteFile(e.DATABASE_URL, path.resolve(cwd, e.DATA_DIR), cwd) },
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') } : {}),
    ...(e.TELEGRAM_BOT_TOKEN
      ? {
          telegram: {
            token: e.TELEGRAM_BOT_TOKEN,
            apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
            webhookSecret: e.TELEGRAM_WEBHOOK_SECRET ?? derivedSecret(e.TELEGRAM_BOT_TOKEN, 'telegram'),
          },
        }
      : {}),
    ...(e.ZALO_BOT_TOKEN
      ? {
          zalo: {
            token: e.ZALO_BOT_TOKEN,
            apiRoot: e.ZALO_API_ROOT.replace(/\/+$/, ''),
            webhookSecret: e.ZALO_WEBHOOK_SECRET ?? derivedSecret(e.ZALO_BOT_TOKEN, 'zalo'),
          },
        }
      : {}),
  };
}
