/**
 * The two ways a Zalo Bot API call fails. Neither message, stack nor cause ever contains the bot
 * token: the client names only the method, and redacts anything it copies from elsewhere.
 */

/** The API answered and said no (`{ ok: false, error_code, description }`). */
export class ZaloApiError extends Error {
  override name = 'ZaloApiError';
  constructor(
    /** The API's `error_code` (often an HTTP-like status: 400, 401, 404, 429…). */
    readonly code: number,
    /** The API's `description`, redacted. */
    readonly description: string,
    readonly method: string,
  ) {
    super(`Zalo ${method} failed (${code}): ${description}${hint(code)}`);
  }
}

/** The call did not get a usable answer: network down, timeout, non-JSON or unexpected body. */
export class ZaloHttpError extends Error {
  override name = 'ZaloHttpError';
  constructor(
    message: string,
    readonly method: string,
    /** HTTP status when a response arrived, else undefined. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function hint(code: number): string {
  if (code === 401 || code === 403) return ' — ZALO_BOT_TOKEN rejected: copy it again from Zalo Bot Creator (https://zalo.me/s/botcreator/)';
  if (code === 404) return ' — check ZALO_API_ROOT and ZALO_BOT_TOKEN';
  return '';
}

/** Replaces every occurrence of `secret` in `text` (no-op for an empty secret). */
export function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('<token>') : text;
}

/**
 * A copy of a low-level error safe to log: message and stack redacted, only `code` kept
 * (ECONNREFUSED, UND_ERR_CONNECT_TIMEOUT…), nested causes flattened into the message.
 */
export function safeCause(err: unknown, secret: string): Error {
  const parts: string[] = [];
  let code: unknown;
  let cur: unknown = err;
  for (let depth = 0; cur && depth < 4; depth++) {
    if (cur instanceof Error) {
      parts.push(`${cur.name}: ${cur.message}`);
      code ??= (cur as { code?: unknown }).code;
      cur = cur.cause;
    } else {
      parts.push(String(cur));
      break;
    }
  }
  const safe = new Error(redact(parts.join(' <- '), secret));
  safe.stack = redact(safe.stack ?? '', secret);
  if (typeof code === 'string') (safe as Error & { code?: string }).code = code;
  return safe;
}
