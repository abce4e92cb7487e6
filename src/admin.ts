import type { Config } from './config/env.js';
import { openDatabase } from './store/db.js';
import { createPlanStore } from './store/plans.js';
import { openPlans } from './plans/service.js';
import { yearlyDeadline } from './plans/schema.js';
import { createReportStore } from './store/reports.js';
import type { Role, UnitKind } from './store/schema.js';

/** Thrown for a wrong command line; the message says how to write it. */
export class UsageError extends Error {}

export interface AdminOptions {
  json?: boolean;
  id?: string;
  name?: string;
  kind?: string;
  parent?: string;
  deadline?: string;
  unit?: string;
  role?: string;
  days?: string;
  channel?: string;
  user?: string;
  period?: string;
  format?: string;
  out?: string;
  level?: string;
  plan?: string;
}

/** Levels as people write them (with or without diacritics) → the stored kind. */
export const LEVEL_KIND: Record<string, UnitKind> = {
  'trung ương': 'trung_uong',
  tỉnh: 'tinh',
  'thành phố': 'thanh_pho',
  xã: 'xa',
  phường: 'phuong',
  'đặc khu': 'dac_khu',
};
export const KIND_LEVEL = Object.fromEntries(Object.entries(LEVEL_KIND).map(([l, k]) => [k, l])) as Record<UnitKind, string>;
const KINDS = Object.values(LEVEL_KIND);
const levelKey = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').toLowerCase().replace(/[\s_-]+/g, ' ').trim();
const KIND_BY_LEVEL = new Map(Object.entries(LEVEL_KIND).flatMap(([l, k]) => [[levelKey(l), k], [levelKey(k), k]]));
const ROLES: Role[] = ['citizen', 'officer', 'staff', 'admin'];

/** The flag's value; when missing, a message that names it and says what to put there. */
function need<T extends string>(value: string | undefined, flag: string, what: string): T {
  if (!value) throw new UsageError(`Thiếu --${flag} (${what}).`);
  return value as T;
}

const UNIT_HINT = 'mã đơn vị, xem: units list';

/**
 * The administrator's commands, on the store only (no index is loaded): units, invites, roles,
 * report export. Returns what to print. Every change goes to the audit log as actor "cli".
 * @throws UsageError for a wrong command line, Error for a refused change (e.g. duplicate id).
 */
export async function runAdmin(config: Config, words: string[], o: AdminOptions): Promise<string> {
  const db = await openDatabase(config.database);
  const reports = createReportStore(db);
  const plans = createPlanStore(db);
  // The reviewed plans shipped beside the corpus are seeded on first use, as the bot does.
  const planService = await openPlans(db, reports, config.corpusDir);
  try {
    const [command, sub] = words;
    const out = (human: string, json: unknown) => (o.json ? JSON.stringify(json) : human);
    if (command === 'units' && sub === 'list') {
      const bindings = await plans.bindings();
      const units = (await reports.listUnits()).map((u) => ({
        ...u,
        level: KIND_LEVEL[u.kind],
        plans: bindings.filter((b) => b.unitId === u.id).map((b) => b.doc),
      }));
      return out(
        units.map((u) => `${u.id}\t${u.name}\t${u.level}\t${u.parentId ?? '-'}\t${u.deadline ?? '-'}\t${u.plans.join(',') || '-'}`).join('\n'),
        { units },
      );
    }
    if (command === 'units' && sub === 'add') {
      const id = need(o.id, 'id', 'mã đơn vị mới, ví dụ: le-chan');
      if (!/^[a-z0-9-]{2,40}$/.test(id)) throw new UsageError('--id chỉ gồm a-z, 0-9 và "-", ví dụ le-chan.');
      const kind = KIND_BY_LEVEL.get(levelKey(o.level ?? o.kind ?? ''));
      if (!kind) throw new UsageError(`Thiếu hoặc sai --level: một trong ${Object.keys(LEVEL_KIND).join(', ')}.`);
      if (o.deadline && !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(o.deadline)) throw new UsageError('--deadline dạng MM-DD, ví dụ 12-05.');
      const parentId = o.parent ?? null;
      if (parentId && !(await reports.getUnit(parentId))) throw new UsageError(`Không có đơn vị cha ${parentId}.`);
      if (await reports.getUnit(id)) throw new UsageError(`Đơn vị ${id} đã có.`);
      // Without --deadline, the plan's own recurring report day ("trước ngày 20/11 hằng năm").
      const planned = o.plan ? await plans.get(o.plan) : undefined;
      if (o.plan && !planned) throw new UsageError(`Văn bản ${o.plan} chưa có kế hoạch (chạy: plan extract --doc ${o.plan}, rồi plan approve --doc ${o.plan}).`);
      const followed = planned?.approved ?? planned?.draft;
      const deadline = o.deadline ?? (followed ? yearlyDeadline(followed) : null);
      const unit = { id, name: need(o.name, 'name', 'tên đầy đủ, ví dụ: "Phường Lê Chân"'), kind, parentId, deadline };
      await reports.addUnit(unit);
      if (o.plan) await plans.bind(id, o.plan, 'cli');
      const note = planned && !planned.approved ? ` Kế hoạch ${o.plan} chưa được duyệt: chạy plan approve --doc ${o.plan}.` : '';
      return out(`Đã thêm ${unit.name} (${id})${o.plan ? `, theo kế hoạch ${o.plan}` : ''}.${note}`, { ...unit, level: KIND_LEVEL[kind], plans: o.plan ? [o.plan] : [] });
    }
    if (command === 'invite' && sub === 'create') {
      const unitId = need(o.unit, 'unit', UNIT_HINT);
      if (!(await reports.getUnit(unitId))) throw new UsageError(`Không có đơn vị ${unitId} (xem: units list).`);
      const role = need<'officer' | 'staff'>(o.role, 'role', 'officer hoặc staff');
      if (role !== 'officer' && role !== 'staff') throw new UsageError('--role là officer hoặc staff.');
      const days = Number(o.days ?? 7);
      if (!Number.isInteger(days) || days < 1 || days > 90) throw new UsageError('--days từ 1 đến 90.');
      const invite = await reports.createInvite({ unitId, role, days });
      return out(`Mã mời: ${invite.code} (hết hạn ${invite.expiresAt}). Người nhận gửi: /dangky ${invite.code}`, invite);
    }
    if (command === 'users' && sub === 'set') {
      const role = need<Role>(o.role, 'role', ROLES.join(', '));
      if (!ROLES.includes(role)) throw new UsageError(`--role là một trong: ${ROLES.join(', ')}.`);
      const unitId = o.unit ?? null;
      if (unitId && !(await reports.getUnit(unitId))) throw new UsageError(`Không có đơn vị ${unitId}.`);
      if (role === 'officer' && !unitId) throw new UsageError('Cán bộ (officer) cần --unit.');
      const channel = need(o.channel, 'channel', 'telegram, zalo, web hoặc console');
      const userId = need(o.user, 'user', 'mã người dùng trên kênh đó');
      await reports.setPerson(channel, userId, { role, unitId, displayName: null });
      return out(`${channel}:${userId} là ${role}${unitId ? ` của ${unitId}` : ''}.`, { channel, userId, role, unitId });
    }
    if (command === 'report') {
      const period = need(o.period, 'period', 'năm, ví dụ 2025');
      if (!/^20\d\d$/.test(period)) throw new UsageError('--period là một năm, ví dụ 2025.');
      const format = need<'csv' | 'xlsx'>(o.format, 'format', 'csv hoặc xlsx');
      if (format !== 'csv' && format !== 'xlsx') throw new UsageError('--format là csv hoặc xlsx.');
      const file = need(o.out, 'out', 'tệp ghi ra, ví dụ: data/bao-cao-2025.xlsx');
      const { buildReportRows, writeReport } = await import('./reports/export.js');
      const rows = await buildReportRows(reports, planService, period);
      await writeReport(rows, { format, out: file });
      await reports.audit('cli', 'report.export', { period, format, rows: rows.length });
      return out(`Đã ghi ${rows.length} dòng vào ${file}.`, { rows: rows.length, out: file });
    }
    throw new UsageError(`Lệnh không có: ${words.join(' ')}`);
  } finally {
    await db.destroy();
  }
}
