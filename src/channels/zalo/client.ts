/**
 * A small typed client for the Zalo Bot Platform API (https://bot.zaloplatforms.com/docs).
 * Every call goes through one seam, `callApi`, which POSTs JSON to `${apiRoot}/bot${token}/${method}`
 * and validates the `{ ok, result | error_code, description }` envelope; retries, timeouts and
 * fakes all attach there.
 */
import { z } from 'zod';
import { redact, safeCause, ZaloApiError, ZaloHttpError } from './errors.js';

export { ZaloApiError, ZaloHttpError } from './errors.js';

export interface ZaloClientOptions {
  /** `{bot_id}:{secret}` from Zalo Bot Creator. Never appears in errors. */
  token: string;
  /** e.g. https://bot-api.zaloplatforms.com (a trailing slash is fine). */
  apiRoot: string;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Time limit of one ordinary call. getUpdates adds its long-poll time to it. Default 15 s. */
  timeoutMs?: number;
  /** How many times a rate-limited (429) call is retried before giving up. Default 3. */
  maxRetries?: number;
  /** First wait after a 429 without a retry-after hint; doubles each time. Default 1 s. */
  retryBaseMs?: number;
  /** Longest wait honoured for one retry. Default 30 s. */
  maxRetryWaitMs?: number;
}

const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown().optional() }),
  z.object({
    ok: z.literal(false),
    error_code: z.number().int().optional(),
    description: z.string().optional(),
    parameters: z.looseObject({ retry_after: z.number().nonnegative().optional() }).optional(),
  }),
]);

const idSchema = z.union([z.string(), z.number()]).transform(String);

const botInfoSchema = z.looseObject({
  id: idSchema,
  account_name: z.string().optional(),
  account_type: z.string().optional(),
  can_join_groups: z.boolean().optional(),
});
export type ZaloBotInfo = z.infer<typeof botInfoSchema>;

// Send results are read leniently: the message is already out, so an odd shape must not turn into
// an error (and a second, apologising message).
const sentSchema = z.looseObject({ message_id: idSchema.optional(), date: z.number().optional() }).catch({});
export type ZaloSent = z.infer<typeof sentSchema>;

const webhookInfoSchema = z.looseObject({ url: z.string().default(''), updated_at: z.number().optional() });
export type ZaloWebhookInfo = z.infer<typeof webhookInfoSchema>;

/** Per-call options beyond the payload. */
export interface CallOptions {
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Seconds from a `Retry-After` header (delta-seconds form only). */
function retryAfterHeader(res: Response): number | undefined {
  const v = res.headers.get('retry-after');
  return v !== null && /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : undefined;
}

/**
 * Builds the client. Methods throw `ZaloApiError` when the API says no and `ZaloHttpError` when no
 * usable answer arrives; a 429 is retried up to `maxRetries` times, honouring `Retry-After` or
 * `parameters.retry_after` when present.
 * @example
 * const zalo = createZaloClient({ token, apiRoot: 'https://bot-api.zaloplatforms.com' });
 * await zalo.sendMessage({ chat_id: 'e4ea2cd5…', text: 'Xin chào' });
 */
export function createZaloClient(options: ZaloClientOptions) {
  const { token } = options;
  const root = options.apiRoot.replace(/\/+$/, '');
  const fetchFn = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxRetries = options.maxRetries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? 30_000;

  /** `retry` is set for a rate-limited answer, with the wait the API asked for (if it did). */
  type Attempt = { ok: true; result: unknown } | { ok: false; error: Error; retry?: { afterMs: number | undefined } };
  const hintMs = (seconds: number | undefined) => (seconds === undefined ? undefined : Math.round(seconds * 1000));

  async function attempt(method: string, payload: object, signal: AbortSignal | undefined, limitMs: number): Promise<Attempt> {
    // One controller per call, cleaned up in `finally`: no timer or listener outlives the call,
    // however long-lived the caller's signal is (the poller reuses one for hours).
    const ctl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctl.abort();
    }, limitMs);
    const onAbort = () => ctl.abort();
    if (signal?.aborted) ctl.abort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    let res: Response;
    let body: string;
    try {
      // The URL is built here and nowhere else, so that no error text can quote it.
      res = await fetchFn(`${root}/bot${token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: ctl.signal,
      });
      body = await res.text();
    } catch (err) {
      const why = signal?.aborted ? 'request aborted' : timedOut ? `timed out after ${limitMs} ms` : 'network error';
      throw new ZaloHttpError(`Zalo ${method}: ${why}`, method, undefined, { cause: safeCause(err, token) });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    const parsed = envelopeSchema.safeParse(json);
    if (!parsed.success) {
      const error = new ZaloHttpError(
        `Zalo ${method}: HTTP ${res.status}, ${json === undefined ? 'response is not JSON' : 'unexpected response shape'}`,
        method,
        res.status,
      );
      return res.status === 429 ? { ok: false, error, retry: { afterMs: hintMs(retryAfterHeader(res)) } } : { ok: false, error };
    }
    const env = parsed.data;
    if (env.ok) return { ok: true, result: env.result };
    const code = env.error_code ?? res.status;
    const error = new ZaloApiError(code, redact(env.description ?? 'no description', token), method);
    if (code !== 429 && res.status !== 429) return { ok: false, error };
    return { ok: false, error, retry: { afterMs: hintMs(retryAfterHeader(res) ?? env.parameters?.retry_after) } };
  }

  /**
   * The one seam: POSTs `payload` as JSON to `method` and returns the envelope's `result`.
   * @throws ZaloApiError (`ok: false`, after 429 retries) or ZaloHttpError (no usable answer).
   */
  async function callApi(method: string, payload: object = {}, signal?: AbortSignal, call: CallOptions = {}): Promise<unknown> {
    for (let retry = 0; ; retry++) {
      const a = await attempt(method, payload, signal, call.timeoutMs ?? timeoutMs);
      if (a.ok) return a.result;
      if (!a.retry || retry >= maxRetries) throw a.error;
      const wait = Math.min(a.retry.afterMs ?? retryBaseMs * 2 ** retry, maxRetryWaitMs);
      try {
        await sleep(wait, signal);
      } catch {
        throw a.error;
      }
    }
  }

  function result<T extends z.ZodType>(schema: T, method: string, value: unknown): z.output<T> {
    const r = schema.safeParse(value);
    if (!r.success) throw new ZaloHttpError(`Zalo ${method}: unexpected result shape`, method);
    return r.data;
  }

  return {
    callApi,

    /** Checks the token; returns the bot's id and account name. */
    async getMe(signal?: AbortSignal): Promise<ZaloBotInfo> {
      return result(botInfoSchema, 'getMe', await callApi('getMe', {}, signal));
    },

    /**
     * Long-polls for the next update. Zalo returns ONE update per call; a timeout (error_code 408)
     * means "nothing new" and resolves to []. Updates are returned raw: the channel validates them.
     */
    async getUpdates(params: { timeout?: number } = {}, signal?: AbortSignal): Promise<unknown[]> {
      const timeout = params.timeout ?? 30;
      try {
        // The API documents `timeout` as a string of seconds.
        const r = await callApi('getUpdates', { timeout: String(timeout) }, signal, { timeoutMs: timeout * 1000 + timeoutMs });
        if (r === undefined || r === null) return [];
        return Array.isArray(r) ? r : [r];
      } catch (err) {
        if ((err instanceof ZaloApiError && err.code === 408) || (err instanceof ZaloHttpError && err.status === 408)) return [];
        throw err;
      }
    },

    /** Registers `url` (HTTPS in production); Zalo then sends `secret_token` in `X-Bot-Api-Secret-Token`. */
    async setWebhook(params: { url: string; secret_token: string }, signal?: AbortSignal): Promise<void> {
      await callApi('setWebhook', params, signal);
    },

    /** Removes the webhook so that getUpdates works again. */
    async deleteWebhook(signal?: AbortSignal): Promise<void> {
      await callApi('deleteWebhook', {}, signal);
    },

    async getWebhookInfo(signal?: AbortSignal): Promise<ZaloWebhookInfo> {
      return result(webhookInfoSchema, 'getWebhookInfo', await callApi('getWebhookInfo', {}, signal));
    },

    /** Sends text of 1–2,000 characters (split longer text first: see `splitMessage`). */
    async sendMessage(params: { chat_id: string; text: string }, signal?: AbortSignal): Promise<ZaloSent> {
      return sentSchema.parse(await callApi('sendMessage', params, signal));
    },

    /** Sends a photo by URL (the API takes no uploaded bytes); caption up to 2,000 characters. */
    async sendPhoto(params: { chat_id: string; photo: string; caption?: string }, signal?: AbortSignal): Promise<ZaloSent> {
      return sentSchema.parse(await callApi('sendPhoto', params, signal));
    },

    /** Shows "typing…" in the chat for a moment. */
    async sendChatAction(params: { chat_id: string; action: 'typing' }, signal?: AbortSignal): Promise<void> {
      await callApi('sendChatAction', params, signal);
    },
  };
}

export type ZaloClient = ReturnType<typeof createZaloClient>;
