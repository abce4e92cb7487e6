import { describe, expect, it } from 'vitest';
import type { Incoming, Reply } from '../../src/core/message.js';
import { createWebApp, webTexts } from '../../src/channels/web/app.js';

function setup(answer: (msg: Incoming) => Promise<Reply[]> = async () => [{ text: 'Xin chào' }]) {
  const calls: Incoming[] = [];
  const logged: unknown[] = [];
  const app = createWebApp({
    handle: async (msg) => {
      calls.push(msg);
      return answer(msg);
    },
    health: () => ({ chunks: 42 }),
    logger: { error: (obj) => void logged.push(obj) },
  });
  const post = (body: unknown, raw = false) =>
    app.request('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: raw ? (body as string) : JSON.stringify(body),
    });
  return { app, calls, logged, post };
}

describe('web app: page and health', () => {
  it('serves the chat page as UTF-8 HTML with security headers', async () => {
    const { app } = setup();
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    const html = await res.text();
    expect(html).toContain('Trợ lý Thi đua');
    expect(html).toContain('Bình dân học vụ số');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//); // self-contained: no external assets
  });

  it('reports health', async () => {
    const { app } = setup();
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, chunks: 42 });
  });

  it('answers an unknown route with 404 JSON in Vietnamese', async () => {
    const { app } = setup();
    const res = await app.request('/khong-co');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: webTexts.notFound });
  });
});

describe('web app: POST /api/chat', () => {
  it('passes a web Incoming to the core and returns its replies', async () => {
    const reply: Reply = {
      text: 'Chỉ tiêu năm 2025…',
      citations: [{ docId: 'kh-1', title: 'Kế hoạch 1', section: 'II › 2.1', quote: '80% người dân…' }],
      choices: [{ label: 'Xem thêm', payload: 'more:1' }],
    };
    const { post, calls } = setup(async () => [reply]);
    const res = await post({ userId: 'w_abc-123', text: 'Chỉ tiêu năm 2025 là gì?' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ replies: [reply] });
    expect(calls).toEqual([{ channel: 'web', chatId: 'w_abc-123', userId: 'w_abc-123', text: 'Chỉ tiêu năm 2025 là gì?' }]);
  });

  it('passes a pressed choice as payload, with or without text', async () => {
    const { post, calls } = setup();
    expect((await post({ userId: 'u1', text: 'Xem thêm', payload: 'more:1' })).status).toBe(200);
    expect((await post({ userId: 'u1', payload: 'more:2' })).status).toBe(200);
    expect(calls.map((m) => [m.text, m.payload])).toEqual([
      ['Xem thêm', 'more:1'],
      ['', 'more:2'],
    ]);
  });

  it('sends an image as a data URL instead of bytes', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const { post } = setup(async () => [{ text: 'Biểu đồ', image: { png, caption: 'Tiến độ' } }]);
    const body = (await (await post({ userId: 'u1', text: 'biểu đồ' })).json()) as { replies: unknown[] };
    expect(body.replies).toEqual([
      { text: 'Biểu đồ', image: { dataUrl: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, caption: 'Tiến độ' } },
    ]);
  });

  const invalid: [string, unknown, string][] = [
    ['missing userId', { text: 'xin chào' }, webTexts.userIdMissing],
    ['empty userId', { userId: '', text: 'xin chào' }, webTexts.userIdInvalid],
    ['userId with odd characters', { userId: 'a b<script>', text: 'xin chào' }, webTexts.userIdInvalid],
    ['userId too long', { userId: 'a'.repeat(65), text: 'xin chào' }, webTexts.userIdInvalid],
    ['userId not a string', { userId: 7, text: 'xin chào' }, webTexts.userIdInvalid],
    ['text too long', { userId: 'u1', text: 'ạ'.repeat(2001) }, webTexts.textTooLong],
    ['text not a string', { userId: 'u1', text: 123 }, webTexts.textInvalid],
    ['empty text without payload', { userId: 'u1', text: '   ' }, webTexts.textEmpty],
    ['payload too long', { userId: 'u1', text: 'x', payload: 'p'.repeat(201) }, webTexts.payloadInvalid],
    ['payload not a string', { userId: 'u1', text: 'x', payload: 1 }, webTexts.payloadInvalid],
    ['body not an object', ['u1', 'x'], webTexts.badBody],
    ['body null', null, webTexts.badBody],
  ];
  it.each(invalid)('rejects %s with 400 and does not call the core', async (_name, body, message) => {
    const { post, calls } = setup();
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: message });
    expect(calls).toEqual([]);
  });

  it('accepts exactly 2,000 characters', async () => {
    const { post, calls } = setup();
    expect((await post({ userId: 'u1', text: 'ạ'.repeat(2000) })).status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it('rejects bad JSON with 400 and does not call the core', async () => {
    const { post, calls } = setup();
    const res = await post('{"userId": "u1", "text": ', true);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: webTexts.badJson });
    expect(calls).toEqual([]);
  });

  it('rejects an oversized body with 413 before parsing it', async () => {
    const { post, calls } = setup();
    const res = await post({ userId: 'u1', text: 'x', padding: 'y'.repeat(20_000) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: webTexts.tooLarge });
    expect(calls).toEqual([]);
  });

  it('answers 500 with an apology and logs the cause when the core throws', async () => {
    const boom = new Error('db down: secret detail');
    const { post, logged } = setup(async () => {
      throw boom;
    });
    const res = await post({ userId: 'u1', text: 'xin chào' });
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toEqual({ error: 'Xin lỗi, hệ thống đang gặp sự cố. Vui lòng thử lại sau.' });
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(logged).toEqual([expect.objectContaining({ err: boom, path: '/api/chat' })]);
  });
});

describe('GET /media/<id>.png', () => {
  it('serves a generated image from the shelf, and 404 for anything else', async () => {
    const { createMediaShelf } = await import('../../src/channels/media.js');
    const media = createMediaShelf();
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    const id = media.put(png);
    const app = createWebApp({ handle: async () => [], health: () => ({}), media });
    const res = await app.request(`/media/${id}.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);
    expect((await app.request('/media/unknown-id-123.png')).status).toBe(404);
    expect((await app.request('/media/../etc.png')).status).toBe(404);
  });
});
