import { GrammyError, HttpError } from 'grammy';

/**
 * Error handling that never leaks the bot token: grammY's network errors wrap node-fetch errors
 * whose message contains the request URL, and the URL contains `/bot<token>/`.
 */

/** A loggable description of `err` with every occurrence of the token replaced. */
export function describeError(err: unknown, token: string): Record<string, unknown> {
  const clean = (s: string | undefined) => (s === undefined ? undefined : redact(s, token));
  if (err instanceof GrammyError) {
    return { type: 'GrammyError', method: err.method, code: err.error_code, description: clean(err.description) };
  }
  if (err instanceof HttpError) {
    const inner = err.error instanceof Error ? err.error.message : String(err.error);
    return { type: 'HttpError', message: clean(err.message), cause: clean(inner) };
  }
  if (err instanceof Error) {
    const cause = err.cause === undefined ? undefined : describeError(err.cause, token);
    return { type: err.name, message: clean(err.message), stack: clean(err.stack), ...(cause ? { cause } : {}) };
  }
  return { type: typeof err, message: clean(String(err)) };
}

/** Replaces the token (and its secret half alone) with a placeholder. */
export function redact(text: string, token: string): string {
  const secretHalf = token.slice(token.indexOf(':') + 1);
  let out = text.split(token).join('<token>');
  if (secretHalf.length >= 8) out = out.split(secretHalf).join('<token>');
  return out;
}

/**
 * Turns a failure while starting (getMe, setWebhook, deleteWebhook) into an error that says how
 * to fix it, without the token.
 */
export function startError(err: unknown, token: string, action: string): Error {
  if (err instanceof GrammyError && err.error_code === 401) {
    return new Error('TELEGRAM_BOT_TOKEN rejected (401): copy it again from BotFather');
  }
  if (err instanceof GrammyError && err.error_code === 409) return conflictError();
  if (err instanceof GrammyError) {
    return new Error(`Telegram refused ${action} (${err.error_code}: ${redact(err.description, token)})`);
  }
  if (err instanceof HttpError) {
    return new Error(`Telegram API unreachable during ${action}: check TELEGRAM_API_ROOT and the network`);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new Error(`Telegram ${action} failed: ${redact(message, token)}`);
}

/** The 409 explanation: another getUpdates consumer or a webhook is set for this token. */
export function conflictError(): Error {
  return new Error(
    'Telegram answered 409 Conflict: another instance of this bot is polling with the same TELEGRAM_BOT_TOKEN, ' +
      'or a webhook is set. Stop the other instance (or set PUBLIC_URL for webhook mode on one instance only).',
  );
}
