import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZaloClient, ZaloApiError, ZaloHttpError } from '../../src/channels/zalo/index.js';
import { startFakeZalo, type FakeZalo } from '../fakes/fake-zalo.js';

let fake: FakeZalo;
beforeAll(async () => {
  fake = await startFakeZalo();
});
afterAll(() => fake.close());

const client = (over: Partial<Parameters<typeof createZaloClient>[0]> = {}) =>
  createZaloClient({ token: fake.token, apiRoot: fake.url, retryBaseMs: 5, ...over });

/** Everything a log line or a crash report could show about the error. */
function everythingShown(err: unknown): string {
  const e = err as Error;
  const cause = e.cause as Error | undefined;
  return [e.message, e.stack, String(e), cause?.message, cause?.stack, JSON.stringify(pino.stdSerializers.err(e))].join('\n');
}

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('Zalo client: answers', () => {
  it('POSTs JSON to /bot<token>/<method> and returns the validated result', async () => {
    const zalo = client();
    expect(await zalo.getMe()).toMatchObject({ id: '9000', account_name: 'bot.thidua' });
    const sent = await zalo.sendMessage({ chat_id: 'u1', text: 'Xin chào' });
    expect(sent.message_id).toMatch(/^z\d+$/);
    expect(fake.calls.at(-1)).toMatchObject({ method: 'sendMessage', payload: { chat_id: 'u1', text: 'Xin chào' } });
    await zalo.sendChatAction({ chat_id: 'u1', action: 'typing' }); // `{ ok: true }` without result
    await zalo.setWebhook({ url: 'https://bot.example.vn/zalo/webhook', secret_token: 'secret-123456' });
    await zalo.deleteWebhook();
    expect((await zalo.getWebhookInfo()).url).toBe('');
    await zalo.sendPhoto({ chat_id: 'u1', photo: 'https://placehold.co/600x400', caption: 'Ảnh' });
    expect(fake.calls.at(-1)).toMatchObject({ method: 'sendPhoto', payload: { photo: 'https://placehold.co/600x400' } });
  });

  it('reads getUpdates as one update per call, and a 408 timeout as "nothing new"', async () => {
    const zalo = client();
    expect(await zalo.getUpdates({ timeout: 1 })).toEqual([]);
    fake.push({ event_name: 'message.text.received', message: { message_id: 'm1', chat: { id: 'u1' }, text: 'a' } });
    fake.push({ event_name: 'message.text.received', message: { message_id: 'm2', chat: { id: 'u1' }, text: 'b' } });
    const first = await zalo.getUpdates({ timeout: 1 });
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ message: { message_id: 'm1' } });
    expect((await zalo.getUpdates({ timeout: 1 }))[0]).toMatchObject({ message: { message_id: 'm2' } });
  });

  it('aborts a long poll at once when the caller aborts', async () => {
    const zalo = client();
    const ac = new AbortController();
    const t0 = Date.now();
    const p = failure(zalo.getUpdates({ timeout: 30 }, ac.signal));
    setTimeout(() => ac.abort(), 50);
    const err = await p;
    expect(err).toBeInstanceOf(ZaloHttpError);
    expect(err.message).toBe('Zalo getUpdates: request aborted');
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('Zalo client: errors', () => {
  it('turns { ok: false } into ZaloApiError with code, description and method', async () => {
    fake.failNext('sendMessage', { status: 400, body: { ok: false, error_code: 400, description: 'chat_id is invalid' } });
    const err = await failure(client().sendMessage({ chat_id: 'nobody', text: 'x' }));
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toMatchObject({ code: 400, description: 'chat_id is invalid', method: 'sendMessage' });
    expect(err.message).toBe('Zalo sendMessage failed (400): chat_id is invalid');
  });

  it('explains a rejected token without ever showing it', async () => {
    const wrong = '999999:WRONG-ZALO-TOKEN-xyz';
    const err = await failure(createZaloClient({ token: wrong, apiRoot: fake.url }).getMe());
    expect(err).toBeInstanceOf(ZaloApiError);
    expect((err as ZaloApiError).code).toBe(401);
    expect(err.message).toContain('ZALO_BOT_TOKEN');
    expect(everythingShown(err)).not.toContain(wrong);
    expect(everythingShown(err)).not.toContain('WRONG-ZALO');
  });

  it('reports an unusable answer (HTML, wrong shape) as ZaloHttpError with the status', async () => {
    fake.failNext('getMe', { status: 502, body: '<html>Bad Gateway</html>' });
    const html = await failure(client().getMe());
    expect(html).toBeInstanceOf(ZaloHttpError);
    expect(html).toMatchObject({ status: 502, method: 'getMe', message: 'Zalo getMe: HTTP 502, response is not JSON' });
    fake.failNext('getMe', { body: { hello: 'world' } });
    expect(await failure(client().getMe())).toMatchObject({ name: 'ZaloHttpError', message: 'Zalo getMe: HTTP 200, unexpected response shape' });
    fake.failNext('getMe', { body: { ok: true, result: { no_id: true } } });
    expect(await failure(client().getMe())).toMatchObject({ name: 'ZaloHttpError', message: 'Zalo getMe: unexpected result shape' });
  });

  it('reports a network failure as ZaloHttpError, token absent from message, stack and cause', async () => {
    const closed = await startFakeZalo();
    const root = closed.url;
    await closed.close();
    const err = await failure(client({ apiRoot: root }).sendMessage({ chat_id: 'u1', text: 'x' }));
    expect(err).toBeInstanceOf(ZaloHttpError);
    expect(err.message).toBe('Zalo sendMessage: network error');
    expect((err.cause as { code?: string }).code).toBe('ECONNREFUSED');
    expect(everythingShown(err)).not.toContain(fake.token);
    // An unparsable root makes fetch quote the whole URL, token included: the client redacts it.
    const bad = await failure(client({ apiRoot: 'http://127.0.0.1:notaport' }).getMe());
    expect(bad).toBeInstanceOf(ZaloHttpError);
    expect(everythingShown(bad)).toContain('<token>');
    expect(everythingShown(bad)).not.toContain(fake.token);
  });

  it('gives up on a call that takes longer than timeoutMs', async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const err = await failure(client({ fetch: hanging, timeoutMs: 50 }).getMe());
    expect(err).toMatchObject({ name: 'ZaloHttpError', message: 'Zalo getMe: timed out after 50 ms' });
  });
});

describe('Zalo client: rate limits', () => {
  const sends = () => fake.calls.filter((c) => c.method === 'sendMessage').length;

  it('retries a 429, honouring Retry-After or parameters.retry_after', async () => {
    const before = sends();
    fake.rateLimitNext('sendMessage', { retryAfter: 0, via: 'header' });
    fake.rateLimitNext('sendMessage', { retryAfter: 0, via: 'body' });
    const sent = await client().sendMessage({ chat_id: 'u1', text: 'sau hai lần 429' });
    expect(sent.message_id).toBeDefined();
    expect(sends() - before).toBe(3);
  });

  it('backs off without a hint, and gives up after maxRetries', async () => {
    const before = sends();
    fake.rateLimitNext('sendMessage');
    await client().sendMessage({ chat_id: 'u1', text: 'x' });
    expect(sends() - before).toBe(2);
    for (let i = 0; i < 3; i++) fake.rateLimitNext('sendMessage', { retryAfter: 0 });
    const mid = sends();
    const err = await failure(client({ maxRetries: 2 }).sendMessage({ chat_id: 'u1', text: 'x' }));
    expect(err).toMatchObject({ name: 'ZaloApiError', code: 429, method: 'sendMessage' });
    expect(sends() - mid).toBe(3); // the call and two retries
  });
});
