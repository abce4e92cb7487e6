import type { Kysely } from 'kysely';
import { parsePlan, type Plan } from '../plans/schema.js';
import type { Database } from './schema.js';
import { createReportStore } from './reports.js';

export type ExtractedBy = 'rules' | 'llm' | 'seed';

/** One plan as stored: the draft under review and the approved copy the flows read. */
export interface StoredPlan {
  doc: string;
  draft: Plan | null;
  approved: Plan | null;
  extractedBy: ExtractedBy;
  updatedAt: string;
  approvedAt: string | null;
  approvedBy: string | null;
}

const now = () => new Date().toISOString();
const readPlan = (json: string | null) => (json === null ? null : parsePlan(JSON.parse(json)));

/**
 * Plans and which units follow them. A draft is replaced by a new extraction or edited one item at
 * a time; approving copies it to `approved` (what reports, awards and reminders read) and clears
 * the draft. Every change goes to the audit log.
 */
export function createPlanStore(db: Kysely<Database>) {
  // One audit log, written the way the report store writes it.
  const { audit: log } = createReportStore(db);
  const audit = (trx: Kysely<Database>, actor: string, action: string, detail: unknown) => log(actor, action, detail, trx);

  return {
    async get(doc: string): Promise<StoredPlan | undefined> {
      const r = await db.selectFrom('plans').selectAll().where('doc_id', '=', doc).executeTakeFirst();
      if (!r) return undefined;
      return {
        doc: r.doc_id,
        draft: readPlan(r.draft),
        approved: readPlan(r.approved),
        extractedBy: r.extracted_by as ExtractedBy,
        updatedAt: r.updated_at,
        approvedAt: r.approved_at,
        approvedBy: r.approved_by,
      };
    },

    async list(): Promise<{ doc: string; hasDraft: boolean; approvedAt: string | null; extractedBy: string }[]> {
      const rows = await db.selectFrom('plans').select(['doc_id', 'draft', 'approved_at', 'extracted_by']).orderBy('doc_id').execute();
      return rows.map((r) => ({ doc: r.doc_id, hasDraft: r.draft !== null, approvedAt: r.approved_at, extractedBy: r.extracted_by }));
    },

    /** Saves a draft (a new extraction or an edit); the approved copy, if any, stays in use. */
    async saveDraft(plan: Plan, extractedBy: ExtractedBy, actor: string): Promise<void> {
      const draft = JSON.stringify(parsePlan(plan));
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('plans')
          .values({ doc_id: plan.doc, draft, approved: null, extracted_by: extractedBy, updated_at: now(), approved_at: null, approved_by: null })
          .onConflict((oc) => oc.column('doc_id').doUpdateSet({ draft, extracted_by: extractedBy, updated_at: now() }))
          .execute();
        await audit(trx, actor, 'plan.draft', { doc: plan.doc, extractedBy });
      });
    },

    /** Approves the draft: it becomes the plan in use. False when there is no draft. */
    async approve(doc: string, actor: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const r = await trx.selectFrom('plans').select(['draft']).where('doc_id', '=', doc).executeTakeFirst();
        if (!r?.draft) return false;
        const at = now();
        await trx.updateTable('plans').set({ approved: r.draft, draft: null, approved_at: at, approved_by: actor, updated_at: at }).where('doc_id', '=', doc).execute();
        await audit(trx, actor, 'plan.approve', { doc });
        return true;
      });
    },

    /** Stores an already reviewed plan as approved (the seed), unless the document has one. */
    async seedApproved(plan: Plan, actor: string): Promise<boolean> {
      const json = JSON.stringify(parsePlan(plan));
      const at = now();
      const r = await db
        .insertInto('plans')
        .values({ doc_id: plan.doc, draft: null, approved: json, extracted_by: 'seed', updated_at: at, approved_at: at, approved_by: actor })
        .onConflict((oc) => oc.column('doc_id').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async bind(unitId: string, doc: string, actor: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('unit_plans').values({ unit_id: unitId, doc_id: doc, created_at: now() }).onConflict((oc) => oc.columns(['unit_id', 'doc_id']).doNothing()).execute();
        await audit(trx, actor, 'unit.plan', { unitId, doc });
      });
    },

    /** The documents a unit follows, oldest binding first. */
    async plansOf(unitId: string): Promise<string[]> {
      const rows = await db.selectFrom('unit_plans').select(['doc_id']).where('unit_id', '=', unitId).orderBy('created_at').orderBy('doc_id').execute();
      return rows.map((r) => r.doc_id);
    },

    async bindings(): Promise<{ unitId: string; doc: string }[]> {
      const rows = await db.selectFrom('unit_plans').select(['unit_id', 'doc_id']).orderBy('unit_id').execute();
      return rows.map((r) => ({ unitId: r.unit_id, doc: r.doc_id }));
    },

    /** A cheap fingerprint of every approval and binding: caches compare it to know they are stale. */
    async stamp(): Promise<string> {
      const a = await db.selectFrom('plans').select((eb) => [eb.fn.max('approved_at').as('a'), eb.fn.count('doc_id').as('n')]).executeTakeFirst();
      const b = await db.selectFrom('unit_plans').select((eb) => [eb.fn.max('created_at').as('b'), eb.fn.count('unit_id').as('m')]).executeTakeFirst();
      return `${a?.a ?? ''}|${a?.n ?? 0}|${b?.b ?? ''}|${b?.m ?? 0}`;
    },
  };
}

export type PlanStore = ReturnType<typeof createPlanStore>;
