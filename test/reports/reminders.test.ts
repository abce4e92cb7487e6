import { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReminders, reminderText, type ReminderMessage, type RemindersOptions } from '../../src/reports/reminders.js';
import { openDatabase } from '../../src/store/db.js';
import { createReportStore, type ReportStore } from '../../src/store/reports.js';
import type { Database } from '../../src/store/schema.js';
import { testDatabases } from '../helpers/databases.js';

const sqlite = testDatabases.find((d) => d.name === 'sqlite')!;

/** A Vietnamese wall-clock time (UTC+7) as an instant. */
const vn = (iso: string) => new Date(`${iso}+07:00`);

describe('deadline reminders', () => {
  let db: Kysely<Database>;
  let reports: ReportStore;
  let drop: () => Promise<void>;
  let sent: (ReminderMessage & { at: number })[];
  let logs: { level: number; msg: string; officer?: string }[];
  let logger: RemindersOptions['logger'];
  let clock: Date;

  const reminders = (o: Partial<RemindersOptions> = {}) =>
    createReminders({
      reports,
      logger,
      now: () => clock,
      send: async (m) => void sent.push({ ...m, at: performance.now() }),
      ratePerSecond: 1000,
      ...o,
    });
  const officer = (unitId: string, channel: string, userId: string, chatId: string | null = userId) =>
    reports.setPerson(channel, userId, { role: 'officer', unitId, displayName: null, chatId });

  beforeEach(async () => {
    const made = await sqlite.create();
    drop = made.drop;
    db = await openDatabase(made.database);
    reports = createReportStore(db);
    sent = [];
    logs = [];
    logger = pino(
      { level: 'info' },
      new Writable({ write: (chunk: Buffer, _enc, cb) => (logs.push(JSON.parse(chunk.toString())), cb()) }),
    );
    // Seeded: hong-an due before 05/12, hai-duong before 15/12, the city has no deadline.
    await officer('hong-an', 'telegram', '101');
    await officer('hong-an', 'zalo', 'z102');
    await officer('hong-an', 'telegram', '103', null); // not reachable: skipped
    await reports.setPerson('telegram', '104', { role: 'staff', unitId: 'hong-an', displayName: null, chatId: '104' });
    await officer('hai-duong', 'telegram', '201');
    await officer('hai-phong', 'telegram', '301');
    clock = vn('2025-11-30T09:00:00');
  });
  afterEach(async () => {
    await db?.destroy();
    await drop?.();
  });

  it('reminds each officer of a unit that has not reported, within the days before its deadline', async () => {
    const r = reminders();
    expect(await r.runOnce()).toEqual({ sent: 2, units: ['hong-an'] });
    expect(sent.map((m) => [m.channel, m.chatId])).toEqual([
      ['telegram', '101'],
      ['zalo', 'z102'],
    ]);
    const text = sent[0]!.text;
    expect(text).toBe(reminderText('Phường Hồng An', '2025', '12-05', 5));
    expect(text).toContain('Phường Hồng An chưa gửi số liệu năm 2025');
    expect(text).toContain('trước ngày 05/12 (còn 5 ngày)');
    expect(text).toContain('Gửi số liệu bằng cách nhắn tin, ví dụ: Năm 2025: 85% CBCCVC có kỹ năng số');
    expect(logs.some((l) => l.msg === 'reminders: sent')).toBe(true);
  });

  it('reminds at most once per unit and period, also across processes', async () => {
    expect((await reminders().runOnce()).sent).toBe(2);
    clock = vn('2025-12-02T09:00:00');
    expect(await reminders().runOnce()).toEqual({ sent: 0, units: [] });
    const [a, b] = await Promise.all([reminders().runOnce(), reminders().runOnce()]);
    expect(a.sent + b.sent).toBe(0);
    expect(sent).toHaveLength(2);
    // Another period is another reminder.
    clock = vn('2026-12-01T09:00:00');
    expect(await reminders().runOnce()).toEqual({ sent: 2, units: ['hong-an'] });
  });

  it('does not remind a unit that has sent a figure for the period', async () => {
    await reports.saveSubmissions({
      draftId: 'd1',
      unitId: 'hong-an',
      period: '2025',
      figures: [{ indicatorId: 'can_bo_ky_nang_so', percent: 85 }],
      rawMessage: 'Năm 2025: 85% CBCCVC',
      userChannel: 'telegram',
      userId: '101',
    });
    clock = vn('2025-12-10T09:00:00');
    expect(await reminders().runOnce()).toEqual({ sent: 1, units: ['hai-duong'] });
    expect(sent[0]).toMatchObject({ chatId: '201' });
    expect(sent[0]!.text).toContain('Phường Hải Dương');
    expect(sent[0]!.text).toContain('trước ngày 15/12 (còn 5 ngày)');
  });

  it('counts days in Vietnamese time, from daysBefore down to the day before the deadline', async () => {
    const at = async (iso: Date, daysBefore?: number) => {
      clock = iso;
      const fresh = await sqlite.create();
      const d = await openDatabase(fresh.database);
      const store = createReportStore(d);
      await store.setPerson('telegram', '101', { role: 'officer', unitId: 'hong-an', displayName: null, chatId: '101' });
      const out: string[] = [];
      const r = createReminders({ reports: store, logger, now: () => clock, send: async (m) => void out.push(m.text), ...(daysBefore ? { daysBefore } : {}) });
      const res = await r.runOnce();
      await d.destroy();
      await fresh.drop();
      return res.units.includes('hong-an') ? /còn (\d+) ngày/.exec(out[0]!)![1] : null;
    };
    // 27/11 23:30 in Hà Nội is 8 days before; 28/11 00:30 (17:30 UTC the day before) is 7.
    expect(await at(new Date('2025-11-27T16:30:00Z'))).toBeNull();
    expect(await at(new Date('2025-11-27T17:30:00Z'))).toBe('7');
    expect(await at(vn('2025-12-04T23:59:00'))).toBe('1');
    expect(await at(vn('2025-12-05T08:00:00'))).toBeNull(); // due before 05/12: too late
    expect(await at(vn('2025-12-20T08:00:00'))).toBeNull();
    expect(await at(vn('2025-11-20T08:00:00'), 15)).toBe('15');
  });

  it('uses the given period, and the deadline of that year', async () => {
    expect(await reminders().runOnce('2024')).toEqual({ sent: 0, units: [] });
    expect(await reminders().runOnce('2025')).toEqual({ sent: 2, units: ['hong-an'] });
    await expect(reminders().runOnce('năm nay')).rejects.toThrow(/year/);
  });

  it('keeps the reminder for later when a unit has no reachable officer yet', async () => {
    await reports.addUnit({ id: 'le-chan', name: 'Phường Lê Chân', kind: 'phuong', parentId: 'hai-phong', deadline: '12-03' });
    expect(await reminders().runOnce()).toEqual({ sent: 2, units: ['hong-an'] });
    expect(logs.some((l) => l.msg === 'reminders: unit has no reachable officer')).toBe(true);
    await officer('le-chan', 'zalo', 'z401');
    expect(await reminders().runOnce()).toEqual({ sent: 1, units: ['le-chan'] });
    expect(sent.at(-1)!.text).toContain('trước ngày 03/12 (còn 3 ngày)');
  });

  it('logs a failed send and still reaches the other officers', async () => {
    const r = reminders({
      send: async (m) => {
        if (m.chatId === '101') throw new Error('403: bot was blocked by the user');
        sent.push({ ...m, at: performance.now() });
      },
    });
    expect(await r.runOnce()).toEqual({ sent: 1, units: ['hong-an'] });
    expect(sent.map((m) => m.chatId)).toEqual(['z102']);
    expect(logs.find((l) => l.msg === 'reminders: send failed')).toMatchObject({ officer: 'telegram:101' });
  });

  it('paces messages to at most ratePerSecond overall', async () => {
    for (let i = 0; i < 4; i++) await officer('hong-an', 'telegram', `5${i}`);
    clock = vn('2025-12-01T09:00:00'); // hong-an: 4 days left; hai-duong: 14 days
    const r = reminders({ ratePerSecond: 10, daysBefore: 14 });
    const t0 = performance.now();
    expect(await r.runOnce()).toEqual({ sent: 7, units: ['hai-duong', 'hong-an'] });
    const at = sent.map((m) => m.at);
    // 7 messages at 10/s: the last starts at least 600 ms after the first, each ≥ 100 ms apart.
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(95);
    expect(at.at(-1)! - t0).toBeGreaterThanOrEqual(590);
  });

  it('does not queue sends behind a slow one', async () => {
    for (let i = 0; i < 8; i++) await officer('hong-an', 'telegram', `6${i}`);
    const r = reminders({
      ratePerSecond: 100,
      send: async (m) => {
        sent.push({ ...m, at: performance.now() });
        await new Promise((res) => setTimeout(res, 200));
      },
    });
    const t0 = performance.now();
    expect((await r.runOnce()).sent).toBe(10);
    // Sequential sends would take 10 × 200 ms.
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('checks periodically once started, and stops', async () => {
    const r = reminders();
    r.start(20);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    // Next period comes round while running: the periodic check picks it up.
    clock = vn('2026-12-01T09:00:00');
    await vi.waitFor(() => expect(sent).toHaveLength(4));
    await r.stop();
    await r.stop();
    clock = vn('2027-12-01T09:00:00');
    await new Promise((res) => setTimeout(res, 100));
    expect(sent).toHaveLength(4);
  });
});
