import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { createReportStore, type ReportStore } from '../../src/store/reports.js';
import { testDatabases } from '../helpers/databases.js';

describe.each(testDatabases)('report store on $name', (backend) => {
  let reports: ReportStore;
  let close: () => Promise<void>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const made = await backend.create();
    drop = made.drop;
    const db = await openDatabase(made.database);
    close = () => db.destroy();
    reports = createReportStore(db);
  });
  afterAll(async () => {
    await close?.();
    await drop?.();
  });

  it('is seeded with Hải Phòng and its two wards, with their report deadlines', async () => {
    expect(await reports.listUnits()).toEqual([
      { id: 'hai-duong', name: 'Phường Hải Dương', kind: 'phuong', parentId: 'hai-phong', deadline: '12-15' },
      { id: 'hai-phong', name: 'Thành phố Hải Phòng', kind: 'thanh_pho', parentId: null, deadline: null },
      { id: 'hong-an', name: 'Phường Hồng An', kind: 'phuong', parentId: 'hai-phong', deadline: '12-05' },
    ]);
    await reports.addUnit({ id: 'le-chan', name: 'Phường Lê Chân', kind: 'phuong', parentId: 'hai-phong', deadline: '12-10' });
    expect(await reports.getUnit('le-chan')).toMatchObject({ name: 'Phường Lê Chân' });
    await expect(reports.addUnit({ id: 'x', name: 'X', kind: 'xa', parentId: 'nowhere', deadline: null })).rejects.toThrow();
  });

  it('binds a person to a unit with a one-time invite, and only once', async () => {
    const { code, expiresAt } = await reports.createInvite({ unitId: 'hong-an', role: 'officer', days: 7 });
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(await reports.getPerson('zalo', 'u1')).toEqual({ role: 'citizen', unitId: null, displayName: null });
    const who = (userId: string) => ({ channel: 'zalo', userId, chatId: userId, displayName: 'An' });
    const [a, b] = await Promise.all([reports.redeemInvite(code.toLowerCase(), who('u1')), reports.redeemInvite(code, who('u2'))]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const winner = a.ok ? 'u1' : 'u2';
    expect(await reports.getPerson('zalo', winner)).toMatchObject({ role: 'officer', unitId: 'hong-an' });
    expect(await reports.redeemInvite('NOPE', who('u3'))).toEqual({ ok: false, reason: 'unknown' });
    const stale = await reports.createInvite({ unitId: 'hong-an', role: 'staff', days: -1 });
    expect(await reports.redeemInvite(stale.code, who('u3'))).toEqual({ ok: false, reason: 'expired' });
  });

  it('stores a confirmed draft once, keeps every version, and reads the latest', async () => {
    const draft = {
      draftId: 'd1',
      unitId: 'hong-an',
      period: '2025',
      figures: [{ indicatorId: 'can_bo_ky_nang_so', percent: 85.5 }, { indicatorId: 'nguoi_dan_xac_nhan_vneid', numerator: 1234, denominator: 1500 }],
      rawMessage: 'Năm 2025: 85,5% CBCCVC…',
      userChannel: 'zalo',
      userId: 'u1',
    };
    const twice = await Promise.all([reports.saveSubmissions(draft), reports.saveSubmissions(draft)]);
    expect(twice.map((t) => t.stored).sort()).toEqual([0, 2]);
    await reports.saveSubmissions({ ...draft, draftId: 'd2', figures: [{ indicatorId: 'can_bo_ky_nang_so', percent: 86, approx: true, qualifier: 'over' as const }] });
    const all = await reports.submissions('2025', 'hong-an');
    expect(all).toHaveLength(3);
    const latest = await reports.latest('2025');
    const cb = latest.find((s) => s.indicatorId === 'can_bo_ky_nang_so')!;
    expect(cb).toMatchObject({ percent: 86, approx: true, qualifier: 'over', supersedes: all[0]!.id });
    expect(all[0]).toMatchObject({ approx: false, qualifier: null });
    expect(latest.find((s) => s.indicatorId === 'nguoi_dan_xac_nhan_vneid')).toMatchObject({ numerator: 1234, denominator: 1500, percent: null });
    expect((await reports.lastSubmissionBy('zalo', 'u1')).map((s) => s.percent)).toEqual([86]);
  });

  it('reminds a unit once per period', async () => {
    expect(await reports.markReminded('hai-duong', '2025')).toBe(true);
    expect(await reports.markReminded('hai-duong', '2025')).toBe(false);
  });
});
