/**
 * The web channel: a thin Hono adapter that turns `POST /api/chat` into an `Incoming`, calls the
 * core, and returns its `Reply[]` as JSON. It adds no wording to answers and holds no business rule;
 * the only Vietnamese it owns is about HTTP itself (bad request, not found, server error).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Incoming, Reply } from '../../core/message.js';
import { chatPage } from './page.js';

/** What the web app needs from the rest of the bot. */
export interface WebDeps {
  /** The core: one message in, the replies out. May throw; the app answers 500 and logs it. */
  handle: (msg: Incoming) => Promise<Reply[]>;
  /** Extra fields for `GET /healthz` (index loaded, DB reachable…); `ok: false` turns it into a 503. */
  health: () => Record<string, unknown>;
  logger?: { error(obj: unknown, msg?: string): void };
  /** Generated images to serve at GET /media/<id>.png (for platforms that fetch photos by URL). */
  media?: { get(id: string): Uint8Array | undefined };
  /** Other channels' HTTP endpoints served by the same process (webhooks): path → handler. */
  routes?: { path: string; handler: (req: Request) => Promise<Response> }[];
  /** The staff pages (`createStaffApp`), whose routes carry their `/quan-tri/...` paths. */
  staff?: Hono<any, any, any>;
}

/** A reply as JSON: the same as `Reply`, except that image bytes travel as a data URL. */
export type WebReply = Omit<Reply, 'image'> & { image?: { dataUrl: string; caption?: string } };

/** HTTP-level messages the adapter owns (answers themselves come from the core). */
export const webTexts = {
  badJson: 'Yêu cầu không hợp lệ: nội dung phải là JSON.',
  badBody: 'Yêu cầu không hợp lệ.',
  userIdMissing: 'Thiếu mã người dùng (userId).',
  userIdInvalid: 'Mã người dùng (userId) chỉ gồm chữ không dấu, số, "-" hoặc "_", dài 1–64 ký tự.',
  textInvalid: 'Câu hỏi phải là một chuỗi văn bản.',
  textTooLong: 'Câu hỏi quá dài (tối đa 2.000 ký tự).',
  textEmpty: 'Vui lòng nhập câu hỏi.',
  payloadInvalid: 'Lựa chọn không hợp lệ (tối đa 200 ký tự).',
  tooLarge: 'Yêu cầu quá lớn.',
  notFound: 'Không tìm thấy địa chỉ này.',
  serverError: 'Xin lỗi, hệ thống đang gặp sự cố. Vui lòng thử lại sau.',
} as const;

// 2,000 characters, each up to 6 bytes once JSON-escaped, plus room for the other fields.
const MAX_BODY_BYTES = 16 * 1024;

const chatBodySchema = z
  .object({
    userId: z
      .string({ error: (iss) => (iss.input === undefined ? webTexts.userIdMissing : webTexts.userIdInvalid) })
      .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: webTexts.userIdInvalid }),
    // A pressed button may come without text, so a missing text is read as "".
    text: z.string({ error: webTexts.textInvalid }).max(2000, { error: webTexts.textTooLong }).default(''),
    payload: z.string({ error: webTexts.payloadInvalid }).max(200, { error: webTexts.payloadInvalid }).optional(),
  })
  .refine((b) => b.text.trim() !== '' || b.payload !== undefined, { error: webTexts.textEmpty });

const securityHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

function toWebReply(reply: Reply): WebReply {
  const { image, ...rest } = reply;
  if (!image) return rest;
  const dataUrl = `data:image/png;base64,${Buffer.from(image.png).toString('base64')}`;
  return { ...rest, image: image.caption === undefined ? { dataUrl } : { dataUrl, caption: image.caption } };
}

/**
 * Builds the web app. Routes:
 * - `GET /` the chat page; `GET /healthz` `{ ok: true, ...health() }`;
 * - `POST /api/chat` `{ userId, text, payload? }` → 200 `{ replies: WebReply[] }`,
 *   400/413 `{ error }` for a bad request (the core is not called), 500 `{ error }` if the core throws.
 *
 * @example
 * const app = createWebApp({ handle: core, health: () => ({ chunks: 1200 }), logger });
 * serve({ fetch: app.fetch, port: 8080 });
 */
export function createWebApp(deps: WebDeps): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    // A mounted sub-app (the staff pages) may have set its own policy; it stands.
    for (const [name, value] of Object.entries(securityHeaders)) if (!c.res.headers.has(name)) c.header(name, value);
  });

  app.get('/', (c) => {
    c.header('Content-Security-Policy', chatPage.contentSecurityPolicy);
    c.header('Cache-Control', 'no-cache');
    return c.body(chatPage.html, 200, { 'Content-Type': 'text/html; charset=utf-8' });
  });

  app.get('/healthz', (c) => {
    const body = { ok: true, ...deps.health() };
    c.header('Cache-Control', 'no-store');
    return c.json(body, body.ok === false ? 503 : 200);
  });

  app.post(
    '/api/chat',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: webTexts.tooLarge }, 413) }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        return c.json({ error: webTexts.badJson }, 400);
      }
      const parsed = chatBodySchema.safeParse(raw);
      if (!parsed.success) {
        // One message is enough for a person; the first issue is the one the form can fix.
        const first = parsed.error.issues[0];
        const fieldOrRule = first !== undefined && (first.path.length > 0 || first.code === 'custom');
        const message = fieldOrRule ? first.message : webTexts.badBody;
        return c.json({ error: message }, 400);
      }
      const { userId, text, payload } = parsed.data;
      const incoming: Incoming = { channel: 'web', chatId: userId, userId, text };
      if (payload !== undefined) incoming.payload = payload;
      const replies = await deps.handle(incoming);
      return c.json({ replies: replies.map(toWebReply) });
    },
  );

  for (const route of deps.routes ?? []) app.post(route.path, (c) => route.handler(c.req.raw));

  if (deps.staff) app.route('/', deps.staff);

  app.get('/media/:file', (c) => {
    const id = /^([\w-]{8,64})\.png$/.exec(c.req.param('file'))?.[1];
    const png = id ? deps.media?.get(id) : undefined;
    if (!png) return c.json({ error: webTexts.notFound }, 404);
    c.header('Cache-Control', 'private, max-age=600');
    return c.body(png as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'image/png' });
  });

  app.notFound((c) => c.json({ error: webTexts.notFound }, 404));

  // The one error boundary: details go to the log, never to the person.
  app.onError((err, c) => {
    deps.logger?.error({ err, method: c.req.method, path: c.req.path }, 'web request failed');
    return c.json({ error: webTexts.serverError }, 500);
  });

  return app;
}
