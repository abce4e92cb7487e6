/**
 * `cli plan extract|show|approve|edit|list --doc ID`: staff review a plan from the command line.
 * Returns what to print (JSON with --json); a request staff can fix throws PlanError.
 */
import type { Plans } from './service.js';
import { PlanError } from './service.js';
import type { Plan } from './schema.js';

const comparatorText = (c: string) => (c === '>' ? 'trên ' : '');
const valueText = (v: number, unit: string) => (unit === '%' ? `${String(v).replace('.', ',')}%` : v.toLocaleString('vi-VN'));

/** The plan for a person to read: each item with where it stands in the document. */
export function planText(plan: Plan): string {
  const lines: string[] = [`Kế hoạch ${plan.doc}`];
  lines.push(`\nChỉ tiêu (${plan.indicators.length}):`);
  plan.indicators.forEach((ind, i) => {
    lines.push(`  [indicators.${i}] ${ind.name} (${ind.id})`);
    ind.targets.forEach((t, j) => lines.push(`     [indicators.${i}.targets.${j}] năm ${t.year}: ${comparatorText(t.comparator)}${valueText(t.value, t.unit)} — ${t.source.section}: “${t.source.sentence}”`));
  });
  lines.push(`\nHạn báo cáo (${plan.deadlines.length}):`);
  plan.deadlines.forEach((d, i) => lines.push(`  [deadlines.${i}] ${d.date}${d.recurring ? ' hằng năm' : ''}: ${d.what} — “${d.source.sentence}”`));
  lines.push(`\nHình thức khen thưởng (${plan.awards.length}):`);
  plan.awards.forEach((a, i) => {
    lines.push(`  [awards.${i}] ${a.name}${a.subjects.length ? ` (${a.subjects.join(', ')})` : ''}`);
    a.criteria.forEach((c, j) => lines.push(`     [awards.${i}.criteria.${j}] ${c.text}`));
  });
  if (plan.milestones.length) {
    lines.push(`\nMốc thời gian (${plan.milestones.length}):`);
    plan.milestones.forEach((m, i) => lines.push(`  [milestones.${i}] ${m.date}: ${m.what}`));
  }
  return lines.join('\n');
}

/** "85" → 85, "true" → true, "null" → null (deletes a list item), other text stays text. */
export function editValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export async function runPlanCommand(plans: Plans, sub: string | undefined, o: { doc?: string; path?: string; value?: string; json?: boolean }, by: string): Promise<string> {
  const out = (human: string, json: unknown) => (o.json ? JSON.stringify(json) : human);
  if (sub === 'list') {
    const list = await plans.list();
    return out(list.map((p) => `${p.doc}\t${p.approvedAt ? `đã duyệt ${p.approvedAt.slice(0, 10)}` : 'chưa duyệt'}${p.hasDraft ? '\tcó bản nháp' : ''}\t${p.extractedBy}`).join('\n') || 'Chưa có kế hoạch nào.', { plans: list });
  }
  const doc = o.doc;
  if (!doc) throw new PlanError('Thiếu --doc (mã văn bản, xem: docs list).');
  switch (sub) {
    case 'extract': {
      const { plan, extractedBy } = await plans.extract(doc, by);
      return out(`${planText(plan)}\n\nĐã lưu bản nháp (${extractedBy === 'llm' ? 'LLM, đã đối chiếu với văn bản' : 'quy tắc'}). Xem lại rồi duyệt: plan approve --doc ${doc}`, { ...plan, extractedBy, status: 'draft' });
    }
    case 'show': {
      const s = await plans.get(doc);
      if (!s) throw new PlanError(`Văn bản ${doc} chưa có kế hoạch (chạy: plan extract --doc ${doc}).`);
      const shown = s.draft ?? s.approved!;
      const status = s.draft ? 'draft' : 'approved';
      return out(`${planText(shown)}\n\n${status === 'draft' ? 'Bản nháp, chưa duyệt.' : `Đã duyệt ${s.approvedAt} bởi ${s.approvedBy}.`}`, { ...shown, status, approvedAt: s.approvedAt, approvedBy: s.approvedBy });
    }
    case 'approve': {
      const plan = await plans.approve(doc, by);
      return out(`Đã duyệt kế hoạch ${doc}: ${plan.indicators.length} chỉ tiêu, ${plan.deadlines.length} hạn, ${plan.awards.length} hình thức khen thưởng.`, { ...plan, status: 'approved' });
    }
    case 'edit': {
      if (!o.path || o.value === undefined) throw new PlanError('Cách dùng: plan edit --doc ID --path indicators.0.targets.1.value --value 85 (--value null xóa mục).');
      const plan = await plans.edit(doc, o.path, editValue(o.value), by);
      return out(`Đã sửa ${o.path} của bản nháp ${doc}. Duyệt lại: plan approve --doc ${doc}`, { ...plan, status: 'draft' });
    }
    default:
      throw new PlanError('Cách dùng: plan extract|show|approve|edit --doc ID [--json] | plan list');
  }
}
