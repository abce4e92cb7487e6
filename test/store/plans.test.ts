import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { createPlanStore, type PlanStore } from '../../src/store/plans.js';
import { createReportStore, type ReportStore } from '../../src/store/reports.js';
import type { Plan } from '../../src/plans/schema.js';
import { testDatabases } from '../helpers/databases.js';

const plan = (value: number): Plan => ({
  doc: 'ke-hoach-x',
  indicators: [{ id: 'nguoi_dan', name: 'Người dân có kỹ năng số', population: 'người dân', aliases: [], targets: [{ year: 2025, comparator: '>=', value, unit: '%', source: { section: 'II', sentence: `${value}% người dân có kỹ năng số.` } }] }],
  deadlines: [],
  awards: [],
  milestones: [],
});

describe.each(testDatabases)('plan store and unit levels on $name', (backend) => {
  let plans: PlanStore;
  let reports: ReportStore;
  let close: () => Promise<void>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const made = await backend.create();
    drop = made.drop;
    const db = await openDatabase(made.database);
    close = () => db.destroy();
    plans = createPlanStore(db);
    reports = createReportStore(db);
  });
  afterAll(async () => {
    await close?.();
    await drop?.();
  });

  it('takes every level since 07/2025 (migration 004 kept the seeded units) and refuses others', async () => {
    expect((await reports.listUnits()).map((u) => u.id)).toEqual(['hai-duong', 'hai-phong', 'hong-an']);
    await reports.addUnit({ id: 'tinh-a', name: 'Tỉnh A', kind: 'tinh', parentId: null, deadline: null });
    await reports.addUnit({ id: 'dk-b', name: 'Đặc khu B', kind: 'dac_khu', parentId: 'tinh-a', deadline: '11-20' });
    await expect(reports.addUnit({ id: 'h', name: 'Huyện', kind: 'huyen' as never, parentId: null, deadline: null })).rejects.toThrow();
  });

  it('keeps the approved copy in use while a draft is edited, and approves once', async () => {
    await plans.saveDraft(plan(70), 'rules', 'test');
    expect((await plans.get('ke-hoach-x'))?.approved).toBeNull();
    const before = await plans.stamp();
    expect(await plans.approve('ke-hoach-x', 'test')).toBe(true);
    expect(await plans.approve('ke-hoach-x', 'test')).toBe(false); // nothing left to approve
    await plans.saveDraft(plan(75), 'rules', 'test');
    const s = await plans.get('ke-hoach-x');
    expect(s?.approved?.indicators[0]?.targets[0]?.value).toBe(70);
    expect(s?.draft?.indicators[0]?.targets[0]?.value).toBe(75);
    await plans.bind('dk-b', 'ke-hoach-x', 'test');
    await plans.bind('dk-b', 'ke-hoach-x', 'test'); // idempotent
    expect(await plans.plansOf('dk-b')).toEqual(['ke-hoach-x']);
    expect(await plans.stamp()).not.toBe(before);
    expect(await plans.seedApproved(plan(1), 'seed')).toBe(false); // a seed never overwrites
  });
});
