/**
 * Signing staff in to the web page with a one-time code the bot gives (`/dangnhap`), and the
 * sessions that follow. The database holds only SHA-256 digests of codes and session tokens, so a
 * leaked copy of it signs nobody in. A code works once, for a few minutes; redeeming it is one
 * transaction, so two browsers racing with the same code cannot both get a session.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** No 0/O, 1/I/L: a code copied from a phone screen must not be misread. */
export const LOGIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const LOGIN_CODE_LENGTH = 8;
/** How long a session lasts after signing in. */
export const SESSION_HOURS = 12;

export interface SignedIn {
  channel: string;
  userId: string;
  /** The token every form of the session carries back. */
  csrf: string;
  expiresAt: string;
}

export interface NewSession extends SignedIn {
  /** The cookie's value; only its digest is stored. */
  token: string;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Upper case, spaces and dashes dropped: "abcd-2345 " reads as "ABCD2345". */
export function normalizeLoginCode(code: string): string {
  return code.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
}

/** True when the text has the shape of a code (before any database read). */
export function looksLikeLoginCode(code: string): boolean {
  const c = normalizeLoginCode(code);
  return c.length === LOGIN_CODE_LENGTH && [...c].every((ch) => LOGIN_CODE_ALPHABET.includes(ch));
}

/**
 * A fresh one-time code for this person, valid `minutes`. Returns the code itself once; only its
 * digest is stored. Old used or expired codes and sessions are swept on the way.
 */
export async function issueLoginCode(
  db: Kysely<Database>,
  who: { channel: string; userId: string },
  minutes = 10,
): Promise<{ code: string; expiresAt: string }> {
  const code = Array.from({ length: LOGIN_CODE_LENGTH }, () => LOGIN_CODE_ALPHABET[randomInt(LOGIN_CODE_ALPHABET.length)]).join('');
  const at = new Date();
  const expiresAt = new Date(at.getTime() + minutes * 60_000).toISOString();
  const dayAgo = new Date(at.getTime() - 86_400_000).toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('login_codes').where('expires_at', '<', dayAgo).execute();
    await trx.deleteFrom('web_sessions').where('expires_at', '<', at.toISOString()).execute();
    await trx
      .insertInto('login_codes')
      .values({ code_hash: sha256(code), channel: who.channel, channel_user_id: who.userId, expires_at: expiresAt, used_at: null, created_at: at.toISOString() })
      .execute();
  });
  return { code, expiresAt };
}

/**
 * Exchanges a code for a new session, once. Null when the code is unknown, used or expired.
 * The code is marked used and the session stored in one transaction.
 */
export async function redeemLoginCode(db: Kysely<Database>, code: string, hours = SESSION_HOURS): Promise<NewSession | null> {
  if (!looksLikeLoginCode(code)) return null;
  const hash = sha256(normalizeLoginCode(code));
  return db.transaction().execute(async (trx) => {
    const at = new Date().toISOString();
    const row = await trx.selectFrom('login_codes').selectAll().where('code_hash', '=', hash).executeTakeFirst();
    if (!row || row.used_at !== null || row.expires_at <= at) return null;
    const taken = await trx
      .updateTable('login_codes')
      .set({ used_at: at })
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return null;
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + hours * 3_600_000).toISOString();
    await trx
      .insertInto('web_sessions')
      .values({ id_hash: sha256(token), channel: row.channel, channel_user_id: row.channel_user_id, csrf, expires_at: expiresAt, created_at: at })
      .execute();
    return { token, csrf, channel: row.channel, userId: row.channel_user_id, expiresAt };
  });
}

/** The person a session token belongs to, or null when it is unknown or expired. */
export async function sessionFor(db: Kysely<Database>, token: string): Promise<SignedIn | null> {
  if (!token || token.length > 200) return null;
  const row = await db.selectFrom('web_sessions').selectAll().where('id_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || row.expires_at <= new Date().toISOString()) return null;
  return { channel: row.channel, userId: row.channel_user_id, csrf: row.csrf, expiresAt: row.expires_at };
}

/** Signs the session out (a no-op for an unknown token). */
export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  if (!token) return;
  await db.deleteFrom('web_sessions').where('id_hash', '=', sha256(token)).execute();
}
