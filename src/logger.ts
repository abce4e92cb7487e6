import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * One structured logger, JSON lines on stderr, so that stdout stays clean for the CLI's JSON
 * and the console chat. Payloads belong at debug level only.
 */
export function createLogger(level: string = 'info'): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}

/** A logger that drops everything, for tests and quiet CLI commands. */
export const silentLogger: Logger = pino({ level: 'silent' });
