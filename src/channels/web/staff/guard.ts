/**
 * Who may do what on the staff pages: the session cookie, the role check on every request, the
 * Origin check and the CSRF token on every POST, and the one-shot notice carried across a
 * redirect (a short-lived cookie, so any instance behind a load balancer can show it).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import { sessionFor } from '../../../staff/sign-in.js';
import type { ReportStore } from '../../../store/reports.js';
import type { Database, Role } from '../../../store/schema.js';
import type { Notice } from './html.js';

export const SESSION_COOKIE = 'tltd_phien';
const NOTICE_COOKIE = 'tltd_tb';
const COOKIE_PATH = '/quan-tri';

/** The signed-in person, as the pages see them. */
export interface StaffSession {
  token: string;
  channel: string;
  userId: string;
  csrf: string;
  expiresAt: string;
  role: Role;
  displayName: string | null;
  /** "channel:userId": who the audit logs name. */
  actor: string;
}

export type StaffEnv = { Variables: { staff: StaffSession } };

export const isStaffRole = (role: Role): boolean => role === 'staff' || role === 'admin';

/** True when the browser reached us over HTTPS (directly, or through a proxy that says so). */
export function isHttps(c: Context): boolean {
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https' || new URL(c.req.url).protocol === 'https:';
}

/**
 * True unless the request says it comes from another site. Browsers send `Origin` with every
 * form POST; without it (an old browser, a script) `Sec-Fetch-Site` decides, and without both
 * the CSRF token alone protects the request.
 */
export function sameOrigin(c: Context, publicUrl?: string): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) {
    const site = c.req.header('sec-fetch-site');
    return site === undefined || site === 'same-origin' || site === 'none';
  }
  // "null" when a referrer policy hides it: the browser's own Sec-Fetch-Site still tells.
  if (origin === 'null') return c.req.header('sec-fetch-site') === 'same-origin';
  let from: string;
  try {
    from = new URL(origin).origin;
  } catch {
    return false;
  }
  const url = new URL(c.req.url);
  const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim() || c.req.header('host') || url.host;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() || url.protocol.replace(/:$/, '');
  const allowed = new Set([url.origin, `${proto}://${host}`.toLowerCase()]);
  if (publicUrl) {
    try {
      allowed.add(new URL(publicUrl).origin);
    } catch {
      /* a malformed PUBLIC_URL is rejected by the config already */
    }
  }
  return allowed.has(from.toLowerCase());
}

/** Constant-time comparison of the form's token with the session's. */
export function csrfMatches(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 200) return false;
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

export function setSessionCookie(c: Context, token: string, expiresAt: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
}

export const sessionToken = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE);

/** The session behind the cookie, when it is valid and its person is still staff or admin. */
export async function currentSession(
  c: Context,
  deps: { db: Kysely<Database>; reports: Pick<ReportStore, 'getPerson'> },
): Promise<{ ok: true; session: StaffSession } | { ok: false; why: 'none' | 'expired' | 'role' }> {
  const token = sessionToken(c);
  if (!token) return { ok: false, why: 'none' };
  const s = await sessionFor(deps.db, token);
  if (!s) return { ok: false, why: 'expired' };
  const person = await deps.reports.getPerson(s.channel, s.userId);
  if (!isStaffRole(person.role)) return { ok: false, why: 'role' };
  return {
    ok: true,
    session: { ...s, token, role: person.role, displayName: person.displayName, actor: `${s.channel}:${s.userId}` },
  };
}

/** Remembers notices for the next page this browser loads (after a redirect). */
export function flash(c: Context, ...notices: Notice[]): void {
  const kept = notices.map((n) => ({ kind: n.kind, text: n.text.slice(0, 1200) }));
  setCookie(c, NOTICE_COOKIE, Buffer.from(JSON.stringify(kept), 'utf8').toString('base64url'), {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
    maxAge: 120,
  });
}

/** The notices left by the previous request, once. */
export function takeNotices(c: Context): Notice[] {
  const value = getCookie(c, NOTICE_COOKIE);
  if (!value) return [];
  deleteCookie(c, NOTICE_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((n): n is Notice => typeof n === 'object' && n !== null && ['ok', 'error', 'info'].includes((n as Notice).kind) && typeof (n as Notice).text === 'string')
      .slice(0, 5);
  } catch {
    return [];
  }
}

/** A redirect that makes the browser GET the target (after a POST). */
export const seeOther = (c: Context, location: string) => c.redirect(location, 303);
