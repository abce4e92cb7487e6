import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createZaloChannel, SECRET_HEADER, zaloTexts, ZALO_TEXT_LIMIT } from '../../src/channels/zalo/index.js';
import type { Channel } from '../../src/channels/types.js';
import type { Incoming, Reply } from '../../src/core/message.js';
import { texts } from '../../src/core/texts.vi.js';
import { silentLogger } from '../../src/logger.js';
import { createTestApp } from '../helpers/app.js';
import { startFakeZalo, type FakeZalo } from '../fakes/fake-zalo.js';

const Q1 = 'Chỉ tiêu năm 2025 về tỷ lệ người dân trưởng thành được xác nhận phổ cập kỹ năng số trên VNeID là bao nhiêu?';
const Q2 = 'nam 2026 chi tieu can bo cong chuc vien chuc co ky nang so la bao nhieu phan tram';
const SECRET = 'zalo-secret-0123456789';

let app: Awaited<ReturnType<typeof createTestApp>>;
let fake: FakeZalo;
const channels: Channel[] = [];

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.dispose());
afterEach(async () => {
  await Promise.all(channels.splice(0).map((c) => c.stop()));
  await fake?.close();
});

let nextMid = 1;
const textUpdate = (chat: string, text: string, mid = `m${nextMid++}`) => ({
  event_name: 'message.text.received',
  message: { message_id: mid, date: Date.now(), text, chat: { id: chat, chat_type: 'PRIVATE' }, from: { id: chat, display_name: 'An', is_bot: false } },
});

async function build(opts: { webhook?: boolean; handle?: (msg: Incoming) => Promise<Reply[]>; publishImage?: (png: Uint8Array) => string } = {}) {
  fake = await startFakeZalo({ pollWaitMs: 200 });
  const channel = createZaloChannel(
    { token: fake.token, apiRoot: fake.url, webhookSecret: SECRET, ...(opts.webhook ? { publicUrl: 'https://bot.example.vn/' } : {}) },
    { handle: opts.handle ?? app.handle, logger: silentLogger, ...(opts.publishImage ? { publishImage: opts.publishImage } : {}) },
    { pollTimeoutSec: 1, minBackoffMs: 10, maxBackoffMs: 50 },
  );
  channels.push(channel);
  await channel.start();
  return channel;
}

const post = (channel: Channel, body: unknown, secret: string | null = SECRET) =>
  channel.route!.handler(
    new Request('http://127.0.0.1/zalo/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret === null ? {} : { [SECRET_HEADER]: secret }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Zalo channel, polling mode (real app, fake Zalo API)', () => {
  it('answers the VNeID question with 80% and a numbered citation', async () => {
    const channel = await build();
    expect(channel.route).toBeUndefined();
    expect(fake.calls[0]?.method).toBe('getMe');
    expect(fake.calls.some((c) => c.method === 'deleteWebhook')).toBe(true);
    fake.push(textUpdate('u777', Q1));
    await fake.waitFor(() => fake.texts('u777').length > 0);
    const answer = fake.texts('u777').join('\n');
    expect(answer).toContain('80%');
    expect(answer).toMatch(/^\[1\] .+ — .+$/m);
    expect(answer).toMatch(/^1\. .+$/m); // choices as numbered lines
    // A fast (offline) answer needs no "typing…" call.
    expect(fake.calls.filter((c) => c.payload.chat_id === 'u777').map((c) => c.method)).not.toContain('sendChatAction');
    // A bare number typed back picks that numbered choice (resolved by the core).
    const firstChoice = /^1\. (.+)$/m.exec(answer)![1]!;
    expect(firstChoice).toContain('trích dẫn');
    fake.push(textUpdate('u777', '1'));
    await fake.waitFor(() => fake.texts('u777').length > 1);
    expect(fake.texts('u777').at(-1)).toMatch(/“[^”]*80%[^”]*”/);
  });

  it('shows "typing…" first when the answer takes a while', async () => {
    await build({ handle: async (msg) => (await pause(500), app.handle(msg)) });
    fake.push(textUpdate('u790', Q1));
    await fake.waitFor(() => fake.texts('u790').length > 0);
    const methods = fake.calls.filter((c) => c.payload.chat_id === 'u790').map((c) => c.method);
    expect(methods[0]).toBe('sendChatAction');
    expect(fake.calls.find((c) => c.method === 'sendChatAction' && c.payload.chat_id === 'u790')?.payload).toEqual({ chat_id: 'u790', action: 'typing' });
  });

  it('answers a wrapped getUpdates result and an unaccented question (100%)', async () => {
    await build();
    fake.push({ ok: true, result: textUpdate('u778', Q2) });
    await fake.waitFor(() => fake.texts('u778').length > 0);
    expect(fake.texts('u778').join('\n')).toContain('100%');
  });

  it('asks politely for text when sent a sticker, without calling the core; hands an image to the core as a file', async () => {
    const calls: Incoming[] = [];
    await build({ handle: async (m) => (calls.push(m), []) });
    fake.push({ event_name: 'message.sticker.received', message: { message_id: 's1', chat: { id: 'u5' }, from: { id: 'u5' }, sticker: 'abc', url: 'https://x' } });
    fake.push({ event_name: 'message.image.received', message: { message_id: 'i1', chat: { id: 'u6' }, from: { id: 'u6' }, photo_url: 'https://x' } });
    await fake.waitFor(() => fake.texts('u5').length > 0 && calls.length > 0);
    expect(fake.texts('u5')).toEqual([zaloTexts.textOnly]);
    expect(calls.map((c) => [c.chatId, c.file?.kind])).toEqual([['u6', 'photo']]);
  });

  it('keeps polling after API errors, and stop() ends the long poll at once', async () => {
    fake = await startFakeZalo({ pollWaitMs: 5000 });
    fake.failNext('getUpdates', { status: 502, body: 'Bad Gateway' });
    fake.failNext('getUpdates', { body: { ok: false, error_code: 500, description: 'Internal error' } });
    const channel = createZaloChannel(
      { token: fake.token, apiRoot: fake.url, webhookSecret: SECRET },
      { handle: app.handle, logger: silentLogger },
      { pollTimeoutSec: 30, minBackoffMs: 10 },
    );
    channels.push(channel);
    await channel.start();
    fake.push(textUpdate('u9', '/start'));
    await fake.waitFor(() => fake.texts('u9').length > 0);
    expect(fake.polls).toBeGreaterThanOrEqual(3);
    await pause(50); // now inside a 5 s long poll
    const t0 = Date.now();
    await channel.stop();
    await channel.stop(); // idempotent
    expect(Date.now() - t0).toBeLessThan(1000);
    const polls = fake.polls;
    await pause(100);
    expect(fake.polls).toBe(polls);
  });

  it('waits in stop() for an answer being handled', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const channel = await build({ handle: async () => (await held, [{ text: 'Xong.' }]) });
    fake.push(textUpdate('u10', 'câu hỏi'));
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'sendChatAction'));
    const stopping = channel.stop();
    setTimeout(release, 100);
    await stopping;
    expect(fake.texts('u10')).toEqual(['Xong.']);
  });
});

describe('Zalo channel, webhook mode', () => {
  it('registers the webhook with its secret on start', async () => {
    const channel = await build({ webhook: true });
    expect(channel.route?.path).toBe('/zalo/webhook');
    expect(fake.calls.find((c) => c.method === 'setWebhook')?.payload).toEqual({
      url: 'https://bot.example.vn/zalo/webhook',
      secret_token: SECRET,
    });
    expect(fake.polls).toBe(0);
  });

  it('refuses a wrong or missing secret with 401 and sends nothing', async () => {
    const calls: Incoming[] = [];
    const channel = await build({ webhook: true, handle: async (m) => (calls.push(m), [{ text: 'x' }]) });
    expect((await post(channel, textUpdate('u1', Q1), 'wrong-secret-123456')).status).toBe(401);
    expect((await post(channel, textUpdate('u1', Q1), null)).status).toBe(401);
    expect((await post(channel, textUpdate('u1', Q1), SECRET.slice(0, -1))).status).toBe(401);
    await pause(200);
    expect(calls).toEqual([]);
    expect(fake.calls.filter((c) => c.method.startsWith('send'))).toEqual([]);
  });

  it('answers flat and wrapped updates, acknowledging with 200 first', async () => {
    const channel = await build({ webhook: true });
    const flat = await post(channel, textUpdate('u779', Q1));
    expect(flat.status).toBe(200);
    const wrapped = await post(channel, { ok: true, result: textUpdate('u780', Q2) });
    expect(wrapped.status).toBe(200);
    await fake.waitFor(() => fake.texts('u779').length > 0 && fake.texts('u780').length > 0);
    expect(fake.texts('u779').join('\n')).toContain('80%');
    expect(fake.texts('u780').join('\n')).toContain('100%');
  });

  it('answers a duplicate delivery once (the core dedups by deliveryId)', async () => {
    const channel = await build({ webhook: true });
    const update = textUpdate('u781', Q1, 'dup-1');
    expect((await post(channel, update)).status).toBe(200);
    await fake.waitFor(() => fake.texts('u781').length > 0);
    const once = fake.texts('u781').length;
    expect((await post(channel, update)).status).toBe(200);
    await pause(300);
    expect(fake.texts('u781').length).toBe(once);
  });

  it('rejects bodies that are not Zalo updates with 400, and refuses deliveries once stopped', async () => {
    const channel = await build({ webhook: true });
    expect((await post(channel, '{not json')).status).toBe(400);
    expect((await post(channel, { hello: 'world' })).status).toBe(400);
    await channel.stop();
    expect((await post(channel, textUpdate('u2', Q1))).status).toBe(503);
  });

  it('handles one chat in order, other chats meanwhile', async () => {
    const channel = await build({
      webhook: true,
      handle: async (m) => {
        if (m.text === 'chậm') await pause(300);
        return [{ text: `Đáp: ${m.text}` }];
      },
    });
    await post(channel, textUpdate('a', 'chậm'));
    await post(channel, textUpdate('a', 'nhanh'));
    await post(channel, textUpdate('b', 'khác'));
    await fake.waitFor(() => fake.texts('a').length === 2);
    expect(fake.texts('a')).toEqual(['Đáp: chậm', 'Đáp: nhanh']);
    const order = fake.texts();
    expect(order.indexOf('Đáp: khác')).toBeLessThan(order.indexOf('Đáp: chậm'));
  });

  it('sends a generated image as a photo by URL when the bot has a public address, else its caption as text', async () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    const handle = async (): Promise<Reply[]> => [{ text: 'Tổng hợp năm 2025', image: { png, caption: 'Tiến độ năm 2025' } }];
    const published: Uint8Array[] = [];
    await build({ handle, publishImage: (p) => (published.push(p), 'https://bot.example.vn/media/abc123def.png') });
    fake.push(textUpdate('u801', '/tonghop'));
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'sendPhoto'));
    expect(published).toEqual([png]);
    expect(fake.calls.find((c) => c.method === 'sendPhoto')!.payload).toEqual({ chat_id: 'u801', photo: 'https://bot.example.vn/media/abc123def.png', caption: 'Tiến độ năm 2025' });
    expect(fake.texts('u801')).toEqual(['Tổng hợp năm 2025']);
    await fake.close();

    await build({ handle });
    fake.push(textUpdate('u802', '/tonghop'));
    await fake.waitFor(() => fake.texts('u802').length > 0);
    expect(fake.texts('u802').join('\n')).toContain('Tiến độ năm 2025');
    expect(fake.calls.some((c) => c.method === 'sendPhoto')).toBe(false);
  });

  it('apologises when the core fails, and answers even if "typing" fails', async () => {
    const channel = await build({
      webhook: true,
      handle: async (m) => {
        if (m.text === 'hỏng') throw new Error('database is down');
        return [{ text: 'Vẫn trả lời.' }];
      },
    });
    await post(channel, textUpdate('c1', 'hỏng'));
    await fake.waitFor(() => fake.texts('c1').length > 0);
    expect(fake.texts('c1')).toEqual([texts.internalError]);
    fake.failNext('sendChatAction', { status: 500, body: { ok: false, error_code: 500, description: 'boom' } });
    await post(channel, textUpdate('c2', 'bình thường'));
    await fake.waitFor(() => fake.texts('c2').length > 0);
    expect(fake.texts('c2')).toEqual(['Vẫn trả lời.']);
  });

  it('splits a 4,500-character answer into messages within the limit', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `Đoạn ${i}: chỉ tiêu chuyển đổi số năm 2025 của phường Hồng An là 80%.`).join('\n\n');
    const channel = await build({ webhook: true, handle: async () => [{ text: long.slice(0, 4500) }] });
    await post(channel, textUpdate('c3', 'dài'));
    await fake.waitFor(() => fake.texts('c3').join('').length > 4000);
    const sent = fake.texts('c3');
    expect(sent.length).toBe(3);
    for (const t of sent) expect(t.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
  });
});
