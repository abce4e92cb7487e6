import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { createStore, type Store } from '../../src/store/store.js';
import { postgresRequired, testDatabases } from '../helpers/databases.js';

describe.runIf(postgresRequired)('store on PostgreSQL (CI)', () => {
  it('has TEST_DATABASE_URL', () => {
    throw new Error('TEST_DATABASE_URL is not set: .ci/run starts PostgreSQL and sets it');
  });
});

describe.each(testDatabases)('store on $name', (backend) => {
  let store: Store;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const made = await backend.create();
    drop = made.drop;
    store = createStore(await openDatabase(made.database));
  });
  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  it('migrates idempotently (a second open finds nothing to do)', async () => {
    expect(await store.firstDelivery('telegram', 'm-0')).toBe(true);
  });

  it('sees each delivery once, even when both copies arrive at the same time', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => store.firstDelivery('zalo', 'message.text.received:m1')));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.firstDelivery('telegram', 'message.text.received:m1')).toBe(true);
  });

  it('takes an id seen long ago (outside the window) as a new delivery', async () => {
    expect(await store.firstDelivery('telegram', 'old')).toBe(true);
    await store.db.updateTable('deliveries').set({ received_at: '2020-01-01T00:00:00.000Z' }).where('delivery_id', '=', 'old').execute();
    expect(await store.firstDelivery('telegram', 'old')).toBe(true);
    expect(await store.firstDelivery('telegram', 'old')).toBe(false);
  });

  it('keeps answers as given, with their citations', async () => {
    const citations = [{ docId: 'd', title: 'Kế hoạch', section: '2.1. Năm 2025', quote: '80% người dân…' }];
    const id = await store.saveAnswer({ channel: 'web', chatId: 'c', userId: 'u', question: 'chỉ tiêu?', answered: true, answer: 'Theo… [1]', citations });
    expect(await store.getAnswer(id)).toMatchObject({ id, question: 'chỉ tiêu?', answered: true, citations });
    expect(await store.getAnswer('missing')).toBeUndefined();
  });

  it('keeps one rating per person and answer', async () => {
    const id = await store.saveAnswer({ channel: 'web', chatId: 'c', userId: 'u', question: 'q', answered: false, answer: 'a', citations: [] });
    await Promise.all([
      store.saveFeedback({ answerId: id, userId: 'u', channel: 'web', rating: 'up' }),
      store.saveFeedback({ answerId: id, userId: 'u', channel: 'web', rating: 'up' }),
    ]);
    await store.saveFeedback({ answerId: id, userId: 'u', channel: 'web', rating: 'down' });
    await store.saveFeedback({ answerId: id, userId: 'v', channel: 'web', rating: 'up' });
    const got = await store.feedbackFor(id);
    expect(got.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual([
      { userId: 'u', rating: 'down' },
      { userId: 'v', rating: 'up' },
    ]);
  });

  it('keeps per-chat state and ignores a state of another version', async () => {
    expect(await store.getState('zalo', 'chat')).toEqual({});
    await store.setState('zalo', 'chat', { choices: [{ label: '1', payload: 'p' }] });
    await store.setState('zalo', 'chat', { choices: [{ label: '2', payload: 'q' }] });
    expect(await store.getState('zalo', 'chat')).toEqual({ choices: [{ label: '2', payload: 'q' }] });
    await store.db.updateTable('conversations').set({ version: 0 }).where('chat_id', '=', 'chat').execute();
    expect(await store.getState('zalo', 'chat')).toEqual({});
  });
});
