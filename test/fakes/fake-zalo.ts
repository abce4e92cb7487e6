/**
 * A fake Zalo Bot Platform API on 127.0.0.1, shaped like the real one: POST
 * `/bot<token>/<method>` with JSON, answers `{ ok: true, result }` or `{ ok: false, error_code,
 * description }`. getUpdates hands out one queued update per call, or 408 "Request timeout" after
 * a short wait. Every call is recorded; any call can be scripted to fail once.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeZaloCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
}

export interface ScriptedAnswer {
  status?: number;
  /** JSON-serialised unless a string. */
  body: unknown;
  headers?: Record<string, string>;
}

export interface FakeZalo {
  /** Pass as `apiRoot`. */
  url: string;
  token: string;
  /** Every call with a valid token, except getUpdates (see `polls`). */
  calls: FakeZaloCall[];
  polls: number;
  /** Queues an update for getUpdates. */
  push(update: unknown): void;
  /** Answers the next call of `method` with this instead of the normal answer. */
  failNext(method: string, answer: ScriptedAnswer): void;
  /** The next call of `method` gets HTTP 429; `retryAfter` via a header or `parameters.retry_after`. */
  rateLimitNext(method: string, opts?: { retryAfter?: number; via?: 'header' | 'body' }): void;
  /** Serves `bytes` at a URL of this server, as Zalo's CDN serves a photo a user sent. */
  hostFile(bytes: Uint8Array, contentType?: string): string;
  /** How many times hosted files were fetched. */
  fileFetches: number;
  /** Recorded sendMessage texts, optionally for one chat. */
  texts(chatId?: string): string[];
  /** Resolves when `predicate` holds (polled every 20 ms), rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

export async function startFakeZalo(opts: { token?: string; pollWaitMs?: number } = {}): Promise<FakeZalo> {
  const token = opts.token ?? '1234567890:FAKEZALOTOKEN-abcdef';
  const pollWaitMs = opts.pollWaitMs ?? 300;
  const queue: unknown[] = [];
  const calls: FakeZaloCall[] = [];
  const scripted = new Map<string, ScriptedAnswer[]>();
  let nextId = 1;
  let polls = 0;
  const files = new Map<string, { bytes: Uint8Array; type: string }>();
  let fileFetches = 0;

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => void answer(req, res, raw));
  });

  async function answer(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const hosted = /^\/files\/([\w-]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (hosted && req.method === 'GET') {
      const file = files.get(hosted[1]!);
      if (!file) return send(res, 404, 'not found');
      fileFetches++;
      res.writeHead(200, { 'content-type': file.type, 'content-length': String(file.bytes.length) });
      return res.end(Buffer.from(file.bytes));
    }
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (!m || req.method !== 'POST') return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, given, method] = m as unknown as [string, string, string];
    if (given !== token) return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    let payload: Record<string, unknown> = {};
    try {
      payload = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: body is not JSON' });
    }
    if (method === 'getUpdates') polls++;
    else calls.push({ method, payload, at: Date.now() });
    const script = scripted.get(method)?.shift();
    if (script) return send(res, script.status ?? 200, script.body, script.headers);

    switch (method) {
      case 'getMe':
        return send(res, 200, { ok: true, result: { id: '9000', account_name: 'bot.thidua', account_type: 'BASIC', can_join_groups: false } });
      case 'getUpdates': {
        const wait = Math.min(Number(payload.timeout ?? 0) * 1000, pollWaitMs);
        const t0 = Date.now();
        let gone = false;
        res.on('close', () => (gone = true));
        while (!queue.length && !gone && Date.now() - t0 < wait) await new Promise((r) => setTimeout(r, 20));
        if (gone) return;
        // Hand the update out only to a client still listening, so an aborted poll loses nothing.
        return queue.length
          ? send(res, 200, { ok: true, result: queue.shift() })
          : send(res, 200, { ok: false, error_code: 408, description: 'Request timeout' });
      }
      case 'sendMessage':
      case 'sendPhoto':
        return send(res, 200, { ok: true, result: { message_id: `z${nextId++}`, date: Date.now() } });
      case 'sendChatAction':
        return send(res, 200, { ok: true });
      case 'setWebhook':
        return send(res, 200, { ok: true, result: { url: payload.url, updated_at: Date.now() } });
      case 'deleteWebhook':
      case 'getWebhookInfo':
        return send(res, 200, { ok: true, result: { url: '', updated_at: Date.now() } });
      default:
        return send(res, 404, { ok: false, error_code: 404, description: `Method ${method} not found` });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeZalo = {
    url: `http://127.0.0.1:${port}`,
    token,
    calls,
    get polls() {
      return polls;
    },
    push: (u) => void queue.push(u),
    hostFile(bytes, type = 'image/png') {
      const id = `f${files.size + 1}`;
      files.set(id, { bytes, type });
      return `http://127.0.0.1:${port}/files/${id}`;
    },
    get fileFetches() {
      return fileFetches;
    },
    failNext(method, a) {
      scripted.set(method, [...(scripted.get(method) ?? []), a]);
    },
    rateLimitNext(method, o = {}) {
      const body = { ok: false, error_code: 429, description: 'Too Many Requests' };
      const via = o.via ?? 'header';
      fake.failNext(method, {
        status: 429,
        body: via === 'body' && o.retryAfter !== undefined ? { ...body, parameters: { retry_after: o.retryAfter } } : body,
        ...(via === 'header' && o.retryAfter !== undefined ? { headers: { 'retry-after': String(o.retryAfter) } } : {}),
      });
    },
    texts: (chatId) =>
      calls
        .filter((c) => c.method === 'sendMessage' && (chatId === undefined || c.payload.chat_id === chatId))
        .map((c) => String(c.payload.text)),
    async waitFor(predicate, timeoutMs = 10_000) {
      const t0 = Date.now();
      while (!predicate()) {
        if (Date.now() - t0 > timeoutMs) throw new Error('fake-zalo: condition not met in time');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
