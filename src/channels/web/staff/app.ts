/**
 * The staff web page, `/quan-tri`: server-rendered Vietnamese HTML that works on a phone. Staff
 * sign in with a one-time code from the bot (`/dangnhap`), then manage documents, review and
 * approve plans, and read the units' reports. Every page but sign-in needs a session whose person
 * is still staff or admin; every POST must come from this site (Origin) and carry the session's
 * CSRF token. Pages are served with a strict Content-Security-Policy and are never cached.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Kysely } from 'kysely';
import type { Documents } from '../../../documents/service.js';
import type { Plans } from '../../../plans/service.js';
import { endSession, looksLikeLoginCode, normalizeLoginCode, redeemLoginCode } from '../../../staff/sign-in.js';
import type { ReportStore } from '../../../store/reports.js';
import type { Database } from '../../../store/schema.js';
import { documentRoutes, UPLOAD_PATH } from './documents.js';
import {
  clearSessionCookie,
  csrfMatches,
  currentSession,
  flash,
  isStaffRole,
  sameOrigin,
  seeOther,
  sessionToken,
  setSessionCookie,
  takeNotices,
  type StaffEnv,
} from './guard.js';
import { h, layout, STAFF_CSP, viDateTime, type Notice } from './html.js';
import { planRoutes } from './plans.js';
import { reportRoutes } from './reports.js';
import { staffTexts as t } from './texts.vi.js';

export interface StaffDeps {
  db: Kysely<Database>;
  reports: ReportStore;
  documents: Documents;
  plans: Plans;
  logger?: { error(obj: unknown, msg?: string): void };
  /** The public address (PUBLIC_URL): a POST whose Origin is this address is ours too. */
  publicUrl?: string;
  /** Largest upload accepted (default 25 MB). */
  maxUploadBytes?: number;
  /** Today, for the default report year (tests). */
  now?: () => Date;
}

export const STAFF_MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
/** Every other form is a few fields. */
const MAX_FORM_BYTES = 64 * 1024;
const SIGN_IN = '/quan-tri/dang-nhap';

const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': STAFF_CSP,
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  // Not "no-referrer": with it Chrome sends "Origin: null" on the pages' own form posts.
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** A page without navigation (sign-in, refusals, errors). */
const plainPage = (c: Context, status: 200 | 400 | 403 | 404 | 413 | 500, title: string, text: string, kind: Notice['kind'] = 'error') =>
  c.html(
    layout({
      title,
      notices: [{ kind, text }],
      body: h`<h1>${title}</h1><p><a href="/quan-tri">${t.forbidden.back}</a></p>`,
    }),
    status,
  );

function signInPage(code: string, notices: Notice[]): string {
  const body = h`<h1>${t.signIn.title}</h1>
<section class="card">
<p>${t.signIn.intro}</p>
<form method="post" action="${SIGN_IN}" data-busy="${t.signIn.submit}…">
<div class="field"><label for="ma">${t.signIn.label}</label>
<input class="code" id="ma" name="ma" type="text" value="${code}" required autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" maxlength="12" inputmode="text"></div>
<button class="btn" type="submit">${t.signIn.submit}</button>
</form>
</section>`;
  return layout({ title: t.signIn.title, notices, body });
}

/**
 * The staff sub-app; its routes carry their full `/quan-tri/...` paths, so it is mounted at the
 * root of the web app (`web.route('/', staff)`) and can be tested on its own with `app.request`.
 */
export function createStaffApp(deps: StaffDeps): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const maxUpload = deps.maxUploadBytes ?? STAFF_MAX_UPLOAD_BYTES;
  const mb = Math.round(maxUpload / 1048576);
  const both = (handler: MiddlewareHandler<StaffEnv>) => {
    app.use('/quan-tri', handler);
    app.use('/quan-tri/*', handler);
  };

  both(async (c, next) => {
    await next();
    // A route may narrow one (the bare SVG's policy); the rest are the same everywhere.
    for (const [name, value] of Object.entries(securityHeaders)) if (!c.res.headers.has(name)) c.header(name, value);
  });

  const tooLarge = (c: Context) => plainPage(c, 413, t.forbidden.title, t.tooLarge(mb));
  const uploadLimit = bodyLimit({ maxSize: maxUpload, onError: tooLarge });
  const formLimit = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: tooLarge });

  // Every POST: from this site, not too big; then (but for sign-in) a live session and its token.
  both(async (c, next) => {
    if (c.req.method !== 'POST') return next();
    if (!sameOrigin(c, deps.publicUrl)) return plainPage(c, 403, t.forbidden.title, t.forbidden.origin);
    return (c.req.path === UPLOAD_PATH ? uploadLimit : formLimit)(c, next);
  });

  both(async (c, next) => {
    if (c.req.path === SIGN_IN) return next();
    const current = await currentSession(c, deps);
    if (!current.ok) {
      const token = sessionToken(c);
      if (token) {
        await endSession(deps.db, token);
        clearSessionCookie(c);
        flash(c, { kind: 'info', text: current.why === 'role' ? t.signIn.notStaff : t.signIn.expired });
      }
      return seeOther(c, SIGN_IN);
    }
    if (c.req.method === 'POST') {
      let form: Record<string, unknown>;
      try {
        form = await c.req.parseBody();
      } catch {
        return plainPage(c, 400, t.forbidden.title, t.forbidden.csrf);
      }
      if (!csrfMatches(form['csrf'], current.session.csrf)) return plainPage(c, 403, t.forbidden.title, t.forbidden.csrf);
    }
    c.set('staff', current.session);
    return next();
  });

  app.get(SIGN_IN, async (c) => {
    const asked = c.req.query('ma');
    // A link preview (Telegram and Zalo fetch links) only sees the form: a GET never spends a code.
    if (asked === undefined && (await currentSession(c, deps)).ok) return seeOther(c, '/quan-tri');
    const code = asked ? normalizeLoginCode(asked).slice(0, 12) : '';
    return c.html(signInPage(code, takeNotices(c)));
  });

  app.post(SIGN_IN, async (c) => {
    let code = '';
    try {
      code = String((await c.req.parseBody())['ma'] ?? '');
    } catch {
      /* an unreadable form is a wrong code */
    }
    const session = looksLikeLoginCode(code) ? await redeemLoginCode(deps.db, code) : null;
    if (!session) return c.html(signInPage(normalizeLoginCode(code).slice(0, 12), [{ kind: 'error', text: t.signIn.bad }]), 400);
    const person = await deps.reports.getPerson(session.channel, session.userId);
    if (!isStaffRole(person.role)) {
      await endSession(deps.db, session.token);
      return c.html(signInPage('', [{ kind: 'error', text: t.signIn.notStaff }]), 403);
    }
    const old = sessionToken(c);
    if (old) await endSession(deps.db, old);
    setSessionCookie(c, session.token, session.expiresAt);
    return seeOther(c, '/quan-tri');
  });

  app.post('/quan-tri/dang-xuat', async (c) => {
    await endSession(deps.db, c.get('staff').token);
    clearSessionCookie(c);
    flash(c, { kind: 'ok', text: t.signIn.signedOut });
    return seeOther(c, SIGN_IN);
  });

  app.get('/quan-tri', (c) => {
    const s = c.get('staff');
    const card = (href: string, title: string, text: string) => h`<a class="card" href="${href}"><h2>${title}</h2><p class="muted">${text}</p></a>`;
    const body = h`<h1>${t.home.hello(s.displayName)}</h1>
<div class="cards">
${card('/quan-tri/van-ban', t.nav.documents, t.home.documents)}
${card('/quan-tri/ke-hoach', t.nav.plans, t.home.plans)}
${card('/quan-tri/bao-cao', t.nav.reports, t.home.reports)}
</div>
<p class="muted">${t.home.session(viDateTime(s.expiresAt))}</p>`;
    return c.html(layout({ title: t.nav.home, section: 'home', session: s, notices: takeNotices(c), body }));
  });

  documentRoutes(app, { documents: deps.documents, maxUploadBytes: maxUpload }, takeNotices);
  planRoutes(app, { plans: deps.plans, documents: deps.documents }, takeNotices);
  reportRoutes(app, { reports: deps.reports, plans: deps.plans, ...(deps.logger ? { logger: deps.logger } : {}), ...(deps.now ? { now: deps.now } : {}) }, takeNotices);

  app.all('/quan-tri/*', (c) => plainPage(c, 404, t.notFound, t.notFound, 'info'));
  app.notFound((c) => plainPage(c, 404, t.notFound, t.notFound, 'info'));

  // Details go to the log, never to the person.
  app.onError((err, c) => {
    deps.logger?.error({ err, method: c.req.method, path: c.req.path }, 'staff page failed');
    return plainPage(c, 500, t.serverError, t.serverError);
  });

  return app;
}
