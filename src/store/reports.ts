import { createHash, randomBytes, randomInt } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { QUALIFIER_KINDS, type Qualifier } from '../reports/vi-numbers.js';
import type { Database, Role, SubmissionsTable, UnitKind, UnitsTable } from './schema.js';

export type Unit = { id: string; name: string; kind: UnitKind; parentId: string | null; deadline: string | null };
export type Person = { role: Role; unitId: string | null; displayName: string | null };

/** A confirmed figure as stored (append-only). */
export interface Submission {
  id: string;
  unitId: string;
  indicatorId: string;
  period: string;
  percent: number | null;
  numerator: number | null;
  denominator: number | null;
  approx: boolean;
  /** Which way an approximate figure leans; null when exact or unknown. */
  qualifier: Qualifier | null;
  rawMessage: string;
  userChannel: string;
  userId: string;
  createdAt: string;
  supersedes: string | null;
}

export interface NewFigure {
  indicatorId: string;
  percent?: number;
  numerator?: number;
  denominator?: number;
  approx?: boolean;
  qualifier?: Qualifier;
}

// No 0/O, 1/I/L: a code read aloud over the phone or typed from paper must not be misread.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const now = () => new Date().toISOString();
const hashCode = (code: string) => createHash('sha256').update(code.trim().toUpperCase().replace(/[\s-]/g, '')).digest('hex');
const toUnit = (r: UnitsTable): Unit => ({ id: r.id, name: r.name, kind: r.kind, parentId: r.parent_id, deadline: r.report_deadline });
const toSubmission = (r: SubmissionsTable): Submission => ({
  id: r.id,
  unitId: r.unit_id,
  indicatorId: r.indicator_id,
  period: r.period,
  percent: r.percent === null ? null : Number(r.percent),
  numerator: r.numerator === null ? null : Number(r.numerator),
  denominator: r.denominator === null ? null : Number(r.denominator),
  approx: Number(r.approx) === 1,
  qualifier: (QUALIFIER_KINDS as readonly string[]).includes(r.qualifier ?? '') ? (r.qualifier as Qualifier) : null,
  rawMessage: r.raw_message,
  userChannel: r.user_channel,
  userId: r.user_id,
  createdAt: r.created_at,
  supersedes: r.supersedes,
});

/**
 * Units, people and their roles, one-time invites, confirmed figures (append-only, versions
 * linked by `supersedes`), reminders sent, and the audit log. Every write that must not half
 * happen is one transaction; idempotency comes from unique keys, not from process memory.
 */
export function createReportStore(db: Kysely<Database>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  async function audit(actor: string, action: string, detail: unknown, trx: Kysely<Database> = db) {
    await trx
      .insertInto('audit_log')
      .values({ id: randomBytes(8).toString('base64url'), at: now(), actor, action, detail: JSON.stringify(detail) })
      .execute();
  }

  return {
    audit,

    async listUnits(): Promise<Unit[]> {
      return (await db.selectFrom('units').selectAll().orderBy('id').execute()).map(toUnit);
    },

    async getUnit(id: string): Promise<Unit | undefined> {
      const r = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toUnit(r) : undefined;
    },

    /** @throws when the id exists or the parent does not */
    async addUnit(u: Unit, actor = 'cli'): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('units')
          .values({ id: u.id, name: u.name, kind: u.kind, parent_id: u.parentId, report_deadline: u.deadline, created_at: now() })
          .execute();
        await audit(actor, 'unit.add', u, trx);
      });
    },

    /** Everyone starts as a citizen. */
    async getPerson(channel: string, userId: string): Promise<Person> {
      const r = await db
        .selectFrom('users')
        .select(['role', 'unit_id', 'display_name'])
        .where('channel', '=', channel)
        .where('channel_user_id', '=', userId)
        .executeTakeFirst();
      return r ? { role: r.role, unitId: r.unit_id, displayName: r.display_name } : { role: 'citizen', unitId: null, displayName: null };
    },

    async setPerson(channel: string, userId: string, p: Person & { chatId?: string | null }, actor = 'cli'): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = { role: p.role, unit_id: p.unitId, display_name: p.displayName, chat_id: p.chatId ?? null, updated_at: now() };
        await trx
          .insertInto('users')
          .values({ channel, channel_user_id: userId, ...row })
          .onConflict((oc) => oc.columns(['channel', 'channel_user_id']).doUpdateSet(row))
          .execute();
        await audit(actor, 'user.set', { channel, userId, role: p.role, unitId: p.unitId }, trx);
      });
    },

    /** Officers (with where to reach them) of a unit, for reminders. */
    async officersOf(unitId: string): Promise<{ channel: string; userId: string; chatId: string | null }[]> {
      const rows = await db
        .selectFrom('users')
        .select(['channel', 'channel_user_id', 'chat_id'])
        .where('unit_id', '=', unitId)
        .where('role', '=', 'officer')
        .execute();
      return rows.map((r) => ({ channel: r.channel, userId: r.channel_user_id, chatId: r.chat_id }));
    },

    /** A one-time code, stored hashed. Returns the code itself once. */
    async createInvite(i: { unitId: string; role: 'officer' | 'staff'; days: number }, actor = 'cli') {
      const code = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
      const expiresAt = new Date(Date.now() + i.days * 86_400_000).toISOString();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('invites')
          .values({ code_hash: hashCode(code), unit_id: i.unitId, role: i.role, expires_at: expiresAt, used_at: null, used_by: null, created_at: now() })
          .execute();
        await audit(actor, 'invite.create', { unitId: i.unitId, role: i.role, expiresAt }, trx);
      });
      return { code, expiresAt };
    },

    /**
     * Binds the person to the invite's unit and role, once: a code works for one person, until it
     * expires. Atomic, so two people racing with one code cannot both win.
     */
    async redeemInvite(code: string, who: { channel: string; userId: string; chatId: string; displayName: string | null }) {
      return db.transaction().execute(async (trx) => {
        const at = now();
        const invite = await trx.selectFrom('invites').selectAll().where('code_hash', '=', hashCode(code)).executeTakeFirst();
        if (!invite) return { ok: false as const, reason: 'unknown' as const };
        if (invite.used_at) return { ok: false as const, reason: 'used' as const };
        if (invite.expires_at < at) return { ok: false as const, reason: 'expired' as const };
        const taken = await trx
          .updateTable('invites')
          .set({ used_at: at, used_by: `${who.channel}:${who.userId}` })
          .where('code_hash', '=', invite.code_hash)
          .where('used_at', 'is', null)
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) !== 1) return { ok: false as const, reason: 'used' as const };
        const row = { role: invite.role, unit_id: invite.unit_id, display_name: who.displayName, chat_id: who.chatId, updated_at: at };
        await trx
          .insertInto('users')
          .values({ channel: who.channel, channel_user_id: who.userId, ...row })
          .onConflict((oc) => oc.columns(['channel', 'channel_user_id']).doUpdateSet(row))
          .execute();
        await audit(`${who.channel}:${who.userId}`, 'invite.redeem', { unitId: invite.unit_id, role: invite.role }, trx);
        return { ok: true as const, unitId: invite.unit_id, role: invite.role };
      });
    },

    /**
     * Stores the confirmed figures of one draft. Idempotent: the same draft confirmed twice stores
     * once (unique confirm key). Each row supersedes the latest earlier figure of its unit,
     * indicator and period; nothing is ever updated or deleted.
     */
    async saveSubmissions(d: {
      draftId: string;
      unitId: string;
      period: string;
      figures: NewFigure[];
      rawMessage: string;
      userChannel: string;
      userId: string;
    }): Promise<{ stored: number }> {
      return db.transaction().execute(async (trx) => {
        let stored = 0;
        for (const f of d.figures) {
          // Corrections of one figure queue behind each other (PostgreSQL: an advisory lock for the
          // transaction; SQLite has one writer), so each gets the next version and supersedes the last.
          if (postgres) await sql`select pg_advisory_xact_lock(hashtext(${`${d.unitId}|${f.indicatorId}|${d.period}`}))`.execute(trx);
          const previous = await trx
            .selectFrom('submissions')
            .select(['id', 'version'])
            .where('unit_id', '=', d.unitId)
            .where('indicator_id', '=', f.indicatorId)
            .where('period', '=', d.period)
            .orderBy('version', 'desc')
            .executeTakeFirst();
          const r = await trx
            .insertInto('submissions')
            .values({
              id: randomBytes(8).toString('base64url'),
              unit_id: d.unitId,
              indicator_id: f.indicatorId,
              period: d.period,
              percent: f.percent ?? null,
              numerator: f.numerator ?? null,
              denominator: f.denominator ?? null,
              approx: f.approx ? 1 : 0,
              qualifier: f.approx ? (f.qualifier ?? null) : null,
              raw_message: d.rawMessage,
              user_channel: d.userChannel,
              user_id: d.userId,
              created_at: now(),
              supersedes: previous?.id ?? null,
              version: Number(previous?.version ?? 0) + 1,
              confirm_key: `${d.draftId}:${f.indicatorId}`,
            })
            .onConflict((oc) => oc.column('confirm_key').doNothing())
            .executeTakeFirst();
          stored += Number(r.numInsertedOrUpdatedRows ?? 0);
        }
        if (stored) await audit(`${d.userChannel}:${d.userId}`, 'submission.confirm', { draftId: d.draftId, unitId: d.unitId, period: d.period, stored }, trx);
        return { stored };
      });
    },

    /** Every stored figure (all versions) of a period, oldest first; optionally one unit's. */
    async submissions(period: string, unitId?: string): Promise<Submission[]> {
      let q = db.selectFrom('submissions').selectAll().where('period', '=', period);
      if (unitId) q = q.where('unit_id', '=', unitId);
      return (await q.orderBy('created_at').orderBy('version').execute()).map(toSubmission);
    },

    /** The latest figure (highest version) per unit and indicator of a period: what counts. */
    async latest(period: string, unitId?: string): Promise<Submission[]> {
      let q = db.selectFrom('submissions').selectAll().where('period', '=', period);
      if (unitId) q = q.where('unit_id', '=', unitId);
      const byKey = new Map<string, SubmissionsTable>();
      for (const r of await q.orderBy('version').execute()) byKey.set(`${r.unit_id}\u0000${r.indicator_id}`, r);
      return [...byKey.values()].map(toSubmission);
    },

    /** The person's most recent confirmed figures (one draft), for /sua. */
    async lastSubmissionBy(channel: string, userId: string): Promise<Submission[]> {
      const last = await db
        .selectFrom('submissions')
        .select(['confirm_key'])
        .where('user_channel', '=', channel)
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      if (!last) return [];
      const draft = last.confirm_key.split(':')[0]!;
      const rows = await db.selectFrom('submissions').selectAll().where('confirm_key', 'like', `${draft}:%`).execute();
      return rows.map(toSubmission);
    },

    /** True when the draft was confirmed and stored already (a second press of "Đồng ý"). */
    async draftStored(draftId: string): Promise<boolean> {
      const r = await db.selectFrom('submissions').select('id').where('confirm_key', 'like', `${draftId}:%`).executeTakeFirst();
      return r !== undefined;
    },

    /** True the first time a reminder for (unit, period) is recorded. */
    async markReminded(unitId: string, period: string): Promise<boolean> {
      const r = await db
        .insertInto('reminders')
        .values({ unit_id: unitId, period, sent_at: now() })
        .onConflict((oc) => oc.columns(['unit_id', 'period']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;
