/**
 * Plans as the units' data: extract a draft from an indexed document (rules offline, the LLM when
 * configured), review it (show, edit one item, approve), bind units to approved plans, and give
 * the flows the plan of a unit, compiled and cached, so a message pays a map lookup, not a query.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Chunk, DocMeta } from '../knowledge/types.js';
import type { Logger } from '../logger.js';
import type { ReportStore, Unit } from '../store/reports.js';
import { createPlanStore, type PlanStore, type StoredPlan } from '../store/plans.js';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { extractPlan } from './extract.js';
import { compilePlan, mergeModels, type PlanModel } from './model.js';
import { parsePlan, type Plan } from './schema.js';
import type { LlmPlanReader } from './llm-extract.js';

export interface PlansDeps {
  plans: PlanStore;
  reports: ReportStore;
  /** The live index: the chunks of the document to read. */
  knowledge: { readonly chunks: Chunk[]; readonly docs: DocMeta[] };
  llm?: LlmPlanReader;
  logger?: Pick<Logger, 'warn' | 'info'>;
  /** How long a compiled unit plan is trusted before the store is asked again (another process may approve). */
  cacheMs?: number;
}

/** Thrown for a request staff can fix (unknown document, no draft, bad edit); the message is Vietnamese. */
export class PlanError extends Error {}

/** Sets `value` at a dotted path ("indicators.0.targets.1.value") of a copy of `plan`. */
function setAt(plan: Plan, dotted: string, value: unknown): unknown {
  const copy = structuredClone(plan) as unknown as Record<string, unknown>;
  const keys = dotted.split('.').filter(Boolean);
  if (keys.length === 0) throw new PlanError('Thiếu đường dẫn mục cần sửa, ví dụ: indicators.0.targets.1.value');
  let at: unknown = copy;
  for (const k of keys.slice(0, -1)) {
    if (at === null || typeof at !== 'object' || !(k in (at as object))) throw new PlanError(`Không có mục "${dotted}" trong kế hoạch.`);
    at = (at as Record<string, unknown>)[k];
  }
  const last = keys[keys.length - 1]!;
  if (at === null || typeof at !== 'object') throw new PlanError(`Không có mục "${dotted}" trong kế hoạch.`);
  if (Array.isArray(at) && value === null) at.splice(Number(last), 1);
  else (at as Record<string, unknown>)[last] = value;
  return copy;
}

/** A reviewed plan file (`{ units, plan }`, as in corpus/plans/) compiled, for tools and tests that need no store. */
export async function readPlanFile(file: string): Promise<PlanModel> {
  const raw = JSON.parse(await readFile(file, 'utf8')) as { plan: unknown };
  return compilePlan(parsePlan(raw.plan));
}

/** The plans service over a database, seeded from the corpus's reviewed plans (for the CLI's store-only commands). */
export async function openPlans(db: Kysely<Database>, reports: ReportStore, corpusDir: string, knowledge: PlansDeps['knowledge'] = { chunks: [], docs: [] }) {
  const plans = createPlans({ plans: createPlanStore(db), reports, knowledge });
  await plans.seed(path.join(corpusDir, 'plans'));
  return plans;
}

export function createPlans(deps: PlansDeps) {
  const { plans, reports } = deps;
  const cacheMs = deps.cacheMs ?? 5000;
  const compiled = new Map<string, PlanModel>();
  let units: { at: number; stamp: string; byUnit: Map<string, PlanModel | null>; list: Unit[] } | undefined;

  function chunksOf(doc: string): { chunks: Chunk[]; meta: DocMeta } {
    const meta = deps.knowledge.docs.find((d) => d.id === doc);
    if (!meta) throw new PlanError(`Không có văn bản ${doc} trong chỉ mục (xem: docs list).`);
    return { meta, chunks: deps.knowledge.chunks.filter((c) => c.docId === doc) };
  }

  async function modelOf(doc: string, stored?: StoredPlan): Promise<PlanModel | undefined> {
    const s = stored ?? (await plans.get(doc));
    if (!s?.approved) return undefined;
    const key = `${doc}@${s.approvedAt}`;
    let m = compiled.get(key);
    if (!m) compiled.set(key, (m = compilePlan(s.approved)));
    return m;
  }

  /** Unit → its approved plans merged (its own, else its nearest ancestor's); rebuilt when the store changed. */
  async function unitModels(): Promise<NonNullable<typeof units>> {
    if (units && Date.now() - units.at < cacheMs) return units;
    const stamp = await plans.stamp();
    if (units && units.stamp === stamp) return ((units.at = Date.now()), units);
    const list = await reports.listUnits();
    const bindings = await plans.bindings();
    const own = new Map<string, PlanModel[]>();
    for (const b of bindings) {
      const m = await modelOf(b.doc);
      if (m) own.set(b.unitId, [...(own.get(b.unitId) ?? []), m]);
    }
    const byId = new Map(list.map((u) => [u.id, u]));
    const byUnit = new Map<string, PlanModel | null>();
    for (const u of list) {
      let at: Unit | undefined = u;
      const seen = new Set<string>();
      while (at && !own.has(at.id) && at.parentId && !seen.has(at.id)) {
        seen.add(at.id);
        at = byId.get(at.parentId);
      }
      const models = at ? own.get(at.id) : undefined;
      byUnit.set(u.id, models ? mergeModels(models) : null);
    }
    units = { at: Date.now(), stamp, byUnit, list };
    return units;
  }

  const invalidate = () => (units = undefined);

  return {
    /** Reads the document and saves the draft. With an LLM, its reading is kept where the source bears it out. */
    async extract(doc: string, by: string): Promise<{ plan: Plan; extractedBy: 'rules' | 'llm' }> {
      const { chunks, meta } = chunksOf(doc);
      const rules = extractPlan({ doc: { id: doc, title: meta.title }, chunks });
      let plan = rules;
      let extractedBy: 'rules' | 'llm' = 'rules';
      if (deps.llm) {
        try {
          const read = await deps.llm.read({ doc, chunks, rules });
          if (read) [plan, extractedBy] = [read, 'llm'];
        } catch (err) {
          deps.logger?.warn({ err, doc }, 'LLM plan extraction failed; keeping the rules');
        }
      }
      await plans.saveDraft(plan, extractedBy, by);
      return { plan, extractedBy };
    },

    async get(doc: string): Promise<StoredPlan | undefined> {
      return plans.get(doc);
    },

    list: () => plans.list(),

    /** Edits one item of the draft (the approved copy is the starting point when there is no draft). */
    async edit(doc: string, dotted: string, value: unknown, by: string): Promise<Plan> {
      const s = await plans.get(doc);
      const base = s?.draft ?? s?.approved;
      if (!base) throw new PlanError(`Văn bản ${doc} chưa có kế hoạch trích xuất (chạy: plan extract --doc ${doc}).`);
      let next: Plan;
      try {
        next = parsePlan(setAt(base, dotted, value));
      } catch (err) {
        if (err instanceof PlanError) throw err;
        throw new PlanError(`Giá trị không hợp lệ cho ${dotted}: ${(err as Error).message.split('\n').slice(1).join('; ')}`);
      }
      await plans.saveDraft(next, s!.extractedBy, by);
      return next;
    },

    async approve(doc: string, by: string): Promise<Plan> {
      if (!(await plans.approve(doc, by))) throw new PlanError(`Văn bản ${doc} không có bản nháp kế hoạch để duyệt (chạy: plan extract --doc ${doc}).`);
      invalidate();
      return (await plans.get(doc))!.approved!;
    },

    /** Binds a unit to a plan (approved or not yet: only an approved one is used). */
    async bind(unitId: string, doc: string, by: string): Promise<void> {
      await plans.bind(unitId, doc, by);
      invalidate();
    },

    /** The compiled plan a unit follows, or null when neither it nor an ancestor has an approved one. */
    async forUnit(unitId: string): Promise<PlanModel | null> {
      return (await unitModels()).byUnit.get(unitId) ?? null;
    },

    /** The plan used when no unit is known (the CLI's parse): the oldest bound approved plan. */
    async fallback(): Promise<PlanModel | null> {
      const u = await unitModels();
      for (const b of await plans.bindings()) {
        const m = u.byUnit.get(b.unitId);
        if (m) return m;
      }
      return null;
    },

    /** Loads reviewed plans (DIR/*.plan.json, each with the units it serves) as approved, once. */
    async seed(dir: string): Promise<string[]> {
      const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.plan.json')).sort();
      const loaded: string[] = [];
      for (const f of files) {
        const raw = JSON.parse(await readFile(path.join(dir, f), 'utf8')) as { units?: string[]; plan: unknown };
        const plan = parsePlan(raw.plan);
        if (await plans.seedApproved(plan, 'seed')) {
          for (const unitId of raw.units ?? []) if (await reports.getUnit(unitId)) await plans.bind(unitId, plan.doc, 'seed');
          loaded.push(plan.doc);
        }
      }
      if (loaded.length) invalidate();
      return loaded;
    },

    invalidate,
  };
}

export type Plans = ReturnType<typeof createPlans>;
