import { Writable } from 'node:stream';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { pino } from 'pino';
import type { Incoming } from '../../src/core/message.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_HEADER, WEBHOOK_PATH, createTelegramChannel, escapeHtml } from '../../src/channels/telegram/index.js';
import type { Channel } from '../../src/channels/types.js';
import type { Handle } from '../../src/core/handle-message.js';
import type { Reply } from '../../src/core/message.js';
import { texts } from '../../src/core/texts.vi.js';
import { createTestApp } from '../helpers/app.js';
import { callbackQuery, groupText, privateText, startFakeTelegram, type FakeTelegram } from '../fakes/fake-telegram.js';

const TOKEN = '123456:TEST-secret_token_value';
const SECRET = 'webhook-secret-0123456789';
const Q_2026 = 'nam 2026 chi tieu can bo cong chuc vien chuc co ky nang so la bao nhieu phan tram';
const Q_VNEID = 'Chỉ tiêu năm 2025 về tỷ lệ người dân trưởng thành được xác nhận phổ cập kỹ năng số trên VNeID là bao nhiêu?';

let app: Awaited<ReturnType<typeof createTestApp>>;
let handle: Handle;
/** Every log line of every channel in this file, to prove the token never appears. */
const logLines: string[] = [];
const logger = pino(
  { level: 'debug' },
  new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  }),
);

beforeAll(async () => {
  app = await createTestApp();
  handle = app.handle;
});
afterAll(async () => {
  await app.dispose();
  expect(logLines.length).toBeGreaterThan(0);
  expect(logLines.filter((l) => l.includes('secret_token_value'))).toEqual([]);
});

let fake: FakeTelegram;
const channels: Channel[] = [];
beforeEach(async () => {
  fake = await startFakeTelegram();
});
afterEach(async () => {
  await Promise.all(channels.splice(0).map((c) => c.stop()));
  await fake.close();
});

function channel(options: { webhook?: boolean; handle?: Handle } = {}): Channel {
  const c = createTelegramChannel(
    { token: TOKEN, apiRoot: fake.url, webhookSecret: SECRET, ...(options.webhook ? { publicUrl: 'https://bot.example.vn' } : {}) },
    { handle: options.handle ?? handle, logger },
  );
  channels.push(c);
  return c;
}
const sentTo = (chatId: number, method = 'sendMessage') =>
  fake.callsTo(method).filter((c) => Number(c.payload.chat_id) === chatId && c.status === 200);
const textOf = (chatId: number) => sentTo(chatId).map((c) => String(c.payload.text)).join('\n');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Telegram long polling with the real app', () => {
  it('answers an unaccented question in HTML with the figure and a citation, at once (no typing for a fast answer)', async () => {
    const bot = channel();
    await bot.start();
    expect(fake.callsTo('getMe')).toHaveLength(1);
    const menu = (fake.callsTo('setMyCommands')[0]!.payload.commands as { command: string }[]).map((c) => c.command);
    expect(menu).toEqual(expect.arrayContaining(['start', 'help', 'hoi', 'khenthuong', 'dangky', 'tonghop']));
    expect(fake.callsTo('deleteWebhook')[0]!.payload).toMatchObject({ drop_pending_updates: false });

    fake.push(privateText(701, Q_2026));
    fake.push(privateText(702, Q_VNEID));
    const [answer] = await fake.waitFor(() => sentTo(701).length > 0 && sentTo(701));
    expect(answer!.payload).toMatchObject({ parse_mode: 'HTML' });
    expect(String(answer!.payload.text)).toContain('100%');
    expect(String(answer!.payload.text)).toMatch(/<b>\[1\]<\/b> .+ — <i>.+<\/i>/);
    expect(sentTo(701, 'sendChatAction')).toHaveLength(0);
    await fake.waitFor(() => sentTo(702).length > 0);
    expect(textOf(702)).toContain('80%');
  });

  it('shows "typing…" before an answer that takes a while (an LLM answer)', async () => {
    const slow = async (msg: Incoming) => {
      await sleep(500);
      return handle(msg);
    };
    await channel({ handle: slow }).start();
    fake.push(privateText(709, Q_VNEID));
    const [answer] = await fake.waitFor(() => sentTo(709).length > 0 && sentTo(709));
    const typing = fake.calls.findIndex((c) => c.method === 'sendChatAction' && Number(c.payload.chat_id) === 709);
    expect(typing).toBeGreaterThanOrEqual(0);
    expect(fake.calls[typing]!.payload.action).toBe('typing');
    expect(typing).toBeLessThan(fake.calls.indexOf(answer!));
  });

  it('welcomes /start with the core text, escaped for HTML', async () => {
    await channel().start();
    fake.push(privateText(703, '/start'));
    await fake.waitFor(() => sentTo(703).length > 0);
    expect(textOf(703)).toBe(escapeHtml(texts.welcome('An Nguyễn')));
  });

  it('in a group, ignores messages not addressed to the bot and answers a mention without it', async () => {
    const seen: string[] = [];
    await channel({ handle: async (msg) => (seen.push(msg.text), handle(msg)) }).start();
    fake.push(groupText(-100704, Q_2026));
    const mention = groupText(-100704, `@trolythidua_bot ${Q_2026}`);
    fake.push(mention);
    await fake.waitFor(() => sentTo(-100704).length > 0);
    await sleep(200);
    expect(seen).toEqual([Q_2026]); // the first one never reached the core
    expect(sentTo(-100704)).toHaveLength(1);
    expect(sentTo(-100704)[0]!.payload.reply_parameters).toMatchObject({ message_id: mention.message.message_id });
    expect(textOf(-100704)).toContain('100%');
  });

  it('answers a pressed button: answerCallbackQuery, then the core reply to its payload', async () => {
    await channel().start();
    fake.push(privateText(705, Q_2026));
    const [answer] = await fake.waitFor(() => sentTo(705).length > 0 && sentTo(705));
    const keyboard = (answer!.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard;
    const quotes = keyboard.flat().find((b) => b.text === texts.showQuotes)!;
    expect(quotes.callback_data).toMatch(/^cite:/);

    const update = callbackQuery(705, quotes.callback_data, quotes.text);
    fake.push(update);
    await fake.waitFor(() => sentTo(705).length > 1);
    expect(fake.callsTo('answerCallbackQuery')[0]!.payload).toMatchObject({ callback_query_id: update.callback_query.id });
    const shown = String(sentTo(705)[1]!.payload.text);
    expect(shown).toContain(texts.quotesFor(Q_2026).slice(0, 20));
    expect(shown).toContain('100%');
  });

  it('keeps one chat in order while another chat is answered meanwhile', async () => {
    const release: Record<string, () => void> = {};
    const slowHandle: Handle = async (msg) => {
      if (msg.text === 'chậm') await new Promise<void>((r) => (release[msg.chatId] = r));
      return [{ text: `đáp: ${msg.text}` }];
    };
    await channel({ handle: slowHandle }).start();
    fake.push(privateText(706, 'chậm'));
    fake.push(privateText(706, 'sau'));
    fake.push(privateText(707, 'nhanh'));
    await fake.waitFor(() => sentTo(707).length > 0); // not blocked by chat 706
    expect(sentTo(706)).toHaveLength(0);
    release['706']!();
    await fake.waitFor(() => sentTo(706).length === 2);
    expect(sentTo(706).map((c) => c.payload.text)).toEqual(['đáp: chậm', 'đáp: sau']);
  });

  it('apologises with the core text when handling fails, and logs without the token', async () => {
    await channel({ handle: async () => Promise.reject(new Error('boom')) }).start();
    fake.push(privateText(708, 'xin chào'));
    await fake.waitFor(() => sentTo(708).length > 0);
    expect(textOf(708)).toBe(texts.internalError);
    expect(logLines.some((l) => l.includes('telegram update failed') && l.includes('boom'))).toBe(true);
  });

  it('splits a long reply into messages under 4,096 characters with buttons on the last one', async () => {
    const para = (i: number) => `Đoạn ${i}: <b>&</b> chỉ tiêu 80% & hơn thế. `.repeat(10).trim();
    const long: Reply = {
      text: Array.from({ length: 12 }, (_, i) => para(i)).join('\n\n'),
      choices: [{ label: 'Xem thêm', payload: 'more' }],
    };
    expect(long.text.length).toBeGreaterThan(4500);
    await channel({ handle: async () => [long] }).start();
    fake.push(privateText(709, 'dài'));
    await fake.waitFor(() => sentTo(709).length >= 2);
    await sleep(100);
    const sent = sentTo(709);
    expect(sent).toHaveLength(2);
    for (const s of sent) {
      expect(String(s.payload.text).length).toBeLessThan(4096);
      expect(String(s.payload.text)).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
      expect(String(s.payload.text)).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
    }
    expect(sent[0]!.payload.reply_markup).toBeUndefined();
    expect(sent[1]!.payload.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Xem thêm', callback_data: 'more' }]] });
  });

  it('sends an image reply as a multipart photo with its caption', async () => {
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
    await channel({ handle: async () => [{ text: 'Biểu đồ', image: { png, caption: 'Tỷ lệ <2025>' } }] }).start();
    fake.push(privateText(710, 'biểu đồ'));
    const [photo] = await fake.waitFor(() => sentTo(710, 'sendPhoto').length > 0 && sentTo(710, 'sendPhoto'));
    expect(photo!.payload).toMatchObject({ caption: 'Tỷ lệ &lt;2025&gt;', parse_mode: 'HTML' });
    expect(Object.values(photo!.files)[0]).toMatchObject({ size: png.length });
  });

  it('stop() waits for the update being answered and is idempotent', async () => {
    let release!: () => void;
    let started!: () => void;
    const begun = new Promise<void>((r) => (started = r));
    const bot = channel({
      handle: async () => {
        started();
        await new Promise<void>((r) => (release = r));
        return [{ text: 'xong' }];
      },
    });
    await bot.start();
    fake.push(privateText(711, 'chờ'));
    await begun;
    const stopped = Promise.all([bot.stop(), bot.stop()]);
    await sleep(50);
    release();
    await stopped;
    expect(textOf(711)).toBe('xong');
  });

  it('start() explains a rejected token without printing it', async () => {
    fake.failOnce('getMe', { error_code: 401, description: 'Unauthorized' });
    await expect(channel().start()).rejects.toThrow(/^TELEGRAM_BOT_TOKEN rejected \(401\): copy it again from BotFather$/);
  });

  it('start() fails clearly when the API cannot be reached, without the token', async () => {
    const c = createTelegramChannel({ token: TOKEN, apiRoot: 'http://127.0.0.1:9', webhookSecret: SECRET }, { handle, logger });
    const err: unknown = await c.start().then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/unreachable.*TELEGRAM_API_ROOT/);
    expect((err as Error).message).not.toContain('secret_token_value');
  });
});

describe('Telegram webhook with the real app', () => {
  const post = (bot: Channel, body: unknown, secret: string | null = SECRET) =>
    bot.route!.handler(
      new Request(`http://127.0.0.1${WEBHOOK_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret === null ? {} : { [SECRET_HEADER]: secret }) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );

  it('registers the webhook with the secret and only the update kinds it handles', async () => {
    const bot = channel({ webhook: true });
    expect(bot.route?.path).toBe('/telegram/webhook');
    await bot.start();
    expect(fake.callsTo('setWebhook')[0]!.payload).toMatchObject({
      url: 'https://bot.example.vn/telegram/webhook',
      secret_token: SECRET,
      allowed_updates: ['message', 'callback_query'],
      drop_pending_updates: false,
    });
    expect(fake.callsTo('deleteWebhook')).toHaveLength(0);
  });

  it('refuses a wrong or missing secret with 401 and sends nothing', async () => {
    const bot = channel({ webhook: true });
    await bot.start();
    expect((await post(bot, privateText(801, Q_VNEID), 'wrong-secret')).status).toBe(401);
    expect((await post(bot, privateText(801, Q_VNEID), `${SECRET}x`)).status).toBe(401);
    expect((await post(bot, privateText(801, Q_VNEID), null)).status).toBe(401);
    expect((await post(bot, 'not json', 'wrong')).status).toBe(401); // secret checked before the body
    await sleep(300);
    expect(fake.calls.filter((c) => Number(c.payload.chat_id) === 801)).toEqual([]);
  });

  it('answers 400 to invalid JSON or an invalid update, 503 before start', async () => {
    const bot = channel({ webhook: true });
    expect((await post(bot, privateText(802, 'x'))).status).toBe(503);
    await bot.start();
    expect((await post(bot, '{oops')).status).toBe(400);
    expect((await post(bot, { update_id: 'one' })).status).toBe(400);
    expect((await post(bot, { message: {} })).status).toBe(400);
  });

  it('with the right secret acknowledges at once and answers through the Bot API (over real HTTP)', async () => {
    const bot = channel({ webhook: true });
    const app = new Hono();
    app.post(bot.route!.path, (c) => bot.route!.handler(c.req.raw));
    const server: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    try {
      await bot.start();
      const { port } = server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}${WEBHOOK_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SECRET_HEADER]: SECRET },
        body: JSON.stringify(privateText(803, Q_VNEID)),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({});
      await fake.waitFor(() => sentTo(803).length > 0);
      expect(textOf(803)).toContain('80%');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('retries a 429 from sendMessage after retry_after and delivers once', async () => {
    const bot = channel({ webhook: true });
    await bot.start();
    fake.failOnce('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    expect((await post(bot, privateText(804, Q_2026))).status).toBe(200);
    await fake.waitFor(() => sentTo(804).length > 0);
    const attempts = fake.callsTo('sendMessage').filter((c) => Number(c.payload.chat_id) === 804);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(textOf(804)).toContain('100%');
  });

  it('answers the same update delivered twice only once (the core drops a repeated deliveryId)', async () => {
    const bot = channel({ webhook: true });
    await bot.start();
    const update = privateText(805, Q_VNEID);
    expect((await post(bot, update)).status).toBe(200);
    await fake.waitFor(() => sentTo(805).length > 0);
    const first = sentTo(805).length;
    expect((await post(bot, update)).status).toBe(200);
    await sleep(1500);
    expect(sentTo(805)).toHaveLength(first);
  });
});
