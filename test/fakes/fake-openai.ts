import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOpenAI {
  /** Base URL to give the client, e.g. http://127.0.0.1:PORT/v1 */
  url: string;
  /** Every request body received, in order. */
  requests: { path: string; body: any }[];
  /** What the next chat completions answer: a text, an HTTP error status, or a delay then text. */
  reply: (body: any) => { text?: string; status?: number; delayMs?: number };
  close(): Promise<void>;
}

/** Deterministic vector for a text: hashed character trigrams, so similar texts are near. */
function fakeVector(text: string, dims = 64): number[] {
  const v = new Array<number>(dims).fill(0);
  const s = ` ${text.toLowerCase()} `;
  for (let i = 0; i + 3 <= s.length; i++) {
    let h = 2166136261;
    for (const ch of s.slice(i, i + 3)) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
    v[(h >>> 0) % dims]! += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

/**
 * A stand-in OpenAI-compatible server on 127.0.0.1: /v1/chat/completions and /v1/embeddings,
 * the two endpoints the bot uses through @langchain/openai. Tests drive the real client at it.
 */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const fake: FakeOpenAI = {
    url: '',
    requests: [],
    reply: () => ({ text: 'KHONG_TIM_THAY' }),
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      const body = raw ? JSON.parse(raw) : {};
      const path = (req.url ?? '').replace(/^\/v1/, '');
      fake.requests.push({ path, body });
      const send = (status: number, obj: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(obj));
      };
      if (path === '/embeddings') {
        const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
        return send(200, {
          object: 'list',
          model: body.model,
          data: inputs.map((t, index) => ({ object: 'embedding', index, embedding: fakeVector(String(t)) })),
          usage: { prompt_tokens: 1, total_tokens: 1 },
        });
      }
      if (path === '/chat/completions') {
        const r = fake.reply(body);
        if (r.delayMs) await new Promise((ok) => setTimeout(ok, r.delayMs));
        if (r.status && r.status >= 400) return send(r.status, { error: { message: 'fake failure', type: 'server_error' } });
        return send(200, {
          id: 'chatcmpl-fake',
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: r.text ?? '' } }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        });
      }
      send(404, { error: { message: 'not found' } });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}/v1`;
  fake.close = () => new Promise((ok) => server.close(() => ok()));
  return fake;
}
