/**
 * A small stand-in for the Telegram Bot API on 127.0.0.1, for driving the real grammY bot:
 * `/bot<token>/<method>` with JSON, urlencoded or multipart bodies (sendPhoto), getUpdates served
 * from a queue (offset honoured, long-poll timeout shortened to ≤ 1 s), every other call recorded
 * and answered like Telegram would. `failOnce` makes one method answer an error (429 + retry_after).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  token: string;
  /** JSON body, or the multipart/urlencoded fields (nested objects JSON-parsed when possible). */
  payload: Record<string, unknown>;
  /** Files of a multipart body, by field name. */
  files: Record<string, { name: string; size: number; type: string }>;
  /** HTTP status the fake answered (429 for an injected failure). */
  status: number;
  at: number;
}

export interface FakeTelegram {
  /** e.g. "http://127.0.0.1:43210", to pass as apiRoot. */
  url: string;
  calls: RecordedCall[];
  /** Calls of one method, in order. */
  callsTo(method: string): RecordedCall[];
  /** Offers a file for getFile and `/file/bot<token>/<path>`; returns its file_id. */
  hostFile(bytes: Uint8Array): string;
  /** Queues an update for getUpdates. */
  push(update: Record<string, unknown>): void;
  /** The next call of `method` fails with this error (once per call of failOnce). */
  failOnce(method: string, error: { error_code: number; description: string; parameters?: { retry_after?: number } }): void;
  /** Resolves when `predicate` holds (polled every 20 ms), rejects after `ms`. */
  waitFor<T>(predicate: () => T | undefined | false, ms?: number): Promise<T>;
  close(): Promise<void>;
}

export const FAKE_BOT_INFO = {
  id: 9000,
  is_bot: true as const,
  first_name: 'Tro ly Thi dua',
  username: 'trolythidua_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as const;

export async function startFakeTelegram(): Promise<FakeTelegram> {
  const calls: RecordedCall[] = [];
  const updates: Record<string, unknown>[] = [];
  const failures = new Map<string, Parameters<FakeTelegram['failOnce']>[1][]>();
  const waiters = new Set<() => void>();
  let messageId = 100;
  const hosted = new Map<string, Uint8Array>();

  const server = http.createServer((req, res) => {
    void route(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error_code: 500, description: String(err) });
    });
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const file = /^\/file\/bot[^/]+\/files\/(\w+)$/.exec(url.pathname);
    if (file) {
      const bytes = hosted.get(file[1]!);
      if (!bytes) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return void res.end(Buffer.from(bytes));
    }
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!m) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method] = m as unknown as [string, string, string];
    const { payload, files } = await readBody(req);
    Object.assign(payload, Object.fromEntries(url.searchParams));

    if (method === 'getUpdates') {
      const offset = Number(payload.offset ?? 0);
      const wait = Math.min(Number(payload.timeout ?? 0), 1) * 1000;
      const pick = () => {
        for (let i = updates.length - 1; i >= 0; i--) if (Number(updates[i]!.update_id) < offset) updates.splice(i, 1);
        return updates.slice(0, Number(payload.limit ?? 100));
      };
      let result = pick();
      const t0 = Date.now();
      while (!result.length && Date.now() - t0 < wait && !res.destroyed) {
        await new Promise<void>((resolve) => {
          const wake = () => (waiters.delete(wake), resolve());
          waiters.add(wake);
          setTimeout(wake, 50);
        });
        result = pick();
      }
      return send(res, 200, { ok: true, result });
    }

    const failure = failures.get(method)?.shift();
    calls.push({ method, token, payload, files, status: failure?.error_code ?? 200, at: Date.now() });
    if (failure) return send(res, failure.error_code, { ok: false, ...failure });
    if (method === 'getMe') return send(res, 200, { ok: true, result: FAKE_BOT_INFO });
    if (method === 'getFile') {
      const id = String(payload.file_id);
      if (!hosted.has(id)) return send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
      return send(res, 200, { ok: true, result: { file_id: id, file_unique_id: id, file_size: hosted.get(id)!.length, file_path: `files/${id}` } });
    }
    if (method === 'editMessageText') {
      return send(res, 200, { ok: true, result: { message_id: Number(payload.message_id), date: Math.floor(Date.now() / 1000), chat: { id: Number(payload.chat_id), type: 'private' }, text: payload.text } });
    }
    if (method === 'sendMessage' || method === 'sendPhoto') {
      const chatId = Number(payload.chat_id);
      return send(res, 200, {
        ok: true,
        result: {
          message_id: ++messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' },
          from: FAKE_BOT_INFO,
          ...(method === 'sendMessage' ? { text: payload.text } : { photo: [] }),
          ...(payload.reply_markup ? { reply_markup: payload.reply_markup } : {}),
        },
      });
    }
    return send(res, 200, { ok: true, result: true });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    hostFile(bytes) {
      const id = `f${hosted.size + 1}`;
      hosted.set(id, bytes);
      return id;
    },
    push(update) {
      updates.push(update);
      for (const wake of [...waiters]) wake();
    },
    failOnce(method, error) {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    async waitFor(predicate, ms = 15_000) {
      const t0 = Date.now();
      for (;;) {
        const value = predicate();
        if (value) return value;
        if (Date.now() - t0 > ms) throw new Error(`fake Telegram: condition not met within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const wake of [...waiters]) wake();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: http.IncomingMessage): Promise<Pick<RecordedCall, 'payload' | 'files'>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (!raw.length) return { payload: {}, files: {} };
  if (type.includes('application/json')) return { payload: JSON.parse(raw.toString('utf8')) as Record<string, unknown>, files: {} };
  if (type.includes('urlencoded')) {
    const fields = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    return { payload: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, parseMaybeJson(v)])), files: {} };
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (type.includes('multipart/form-data') && boundary) return parseMultipart(raw, boundary[1] ?? boundary[2]!);
  return { payload: { _raw: raw.toString('utf8') }, files: {} };
}

/**
 * A minimal multipart parser. grammY writes headers without a space ("content-disposition:form-data;name=…"),
 * which undici's strict `formData()` rejects, so parts are split by hand.
 */
function parseMultipart(raw: Buffer, boundary: string): Pick<RecordedCall, 'payload' | 'files'> {
  const payload: Record<string, unknown> = {};
  const files: RecordedCall['files'] = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = raw.subarray(start + delimiter.length, next);
    start = next;
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const body = part.subarray(headerEnd + 4, part.length - 2); // drop the CRLF before the delimiter
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) continue;
    const filename = /filename="?([^";\r\n]*)"?/i.exec(headers)?.[1];
    if (filename !== undefined) {
      const ctype = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
      files[name] = { name: filename, size: body.length, type: ctype.trim() };
    } else payload[name] = parseMaybeJson(body.toString('utf8'));
  }
  return { payload, files };
}

function parseMaybeJson(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

// ---- Builders of updates as the Bot API sends them ----

let nextId = 1000;
const now = () => Math.floor(Date.now() / 1000);
const person = (id: number) => ({ id, is_bot: false, first_name: 'An', last_name: 'Nguyễn' });

export function privateText(chatId: number, text: string, updateId = ++nextId) {
  return {
    update_id: updateId,
    message: { message_id: updateId, date: now(), text, chat: { id: chatId, type: 'private', first_name: 'An' }, from: person(chatId) },
  };
}

export function groupText(chatId: number, text: string, extra: Record<string, unknown> = {}) {
  const id = ++nextId;
  return {
    update_id: id,
    message: { message_id: id, date: now(), text, chat: { id: chatId, type: 'supergroup', title: 'Phường Hồng An' }, from: person(42), ...extra },
  };
}

export function callbackQuery(chatId: number, data: string, label: string) {
  const id = ++nextId;
  return {
    update_id: id,
    callback_query: {
      id: `cq-${id}`,
      from: person(chatId),
      chat_instance: 'ci-1',
      data,
      message: {
        message_id: 7,
        date: now(),
        chat: { id: chatId, type: 'private', first_name: 'An' },
        from: FAKE_BOT_INFO,
        text: 'Bạn muốn xem thêm?',
        reply_markup: { inline_keyboard: [[{ text: label, callback_data: data }]] },
      },
    },
  };
}

/** A document sent in a private chat (use `hostFile` for its file_id). */
export function privateDocument(chatId: number, fileId: string, fileName: string, size: number, caption?: string) {
  const id = ++nextId;
  return {
    update_id: id,
    message: {
      message_id: id,
      date: now(),
      chat: { id: chatId, type: 'private', first_name: 'An' },
      from: person(chatId),
      document: { file_id: fileId, file_unique_id: fileId, file_name: fileName, file_size: size },
      ...(caption ? { caption } : {}),
    },
  };
}
