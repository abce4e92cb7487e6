/**
 * `/quan-tri/ke-hoach`: reviewing the plans read from documents. Each target, deadline, award and
 * milestone is shown beside the section and the sentence it came from; a target's value is edited
 * in place, any item can be deleted, the document read again, and the draft approved. Every edit
 * names the item it was made on (a fingerprint of its JSON), so a resubmitted form or a page left
 * open while someone else edited never changes or deletes the wrong item.
 */
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { Documents } from '../../../documents/service.js';
import { PlanError, type Plans } from '../../../plans/service.js';
import type { Plan, PlanSource, PlanTarget } from '../../../plans/schema.js';
import { viNumber } from '../../../reports/vi-format.js';
import { flash, seeOther, type StaffEnv } from './guard.js';
import { csrfField, h, layout, viDateTime, type Notice, type Raw } from './html.js';
import { staffTexts } from './texts.vi.js';

const t = staffTexts.plans;
const DOC = /^[\w.-]{1,120}$/;
/** What a form may change: a target's value. */
const VALUE_PATH = /^indicators\.\d{1,3}\.targets\.\d{1,3}\.value$/;
/** What a form may delete: an indicator, a target, a deadline, an award, a criterion, a milestone. */
const ITEM_PATH = /^(?:indicators\.\d{1,3}(?:\.targets\.\d{1,3})?|deadlines\.\d{1,3}|awards\.\d{1,3}(?:\.criteria\.\d{1,3})?|milestones\.\d{1,3})$/;

export interface PlansPageDeps {
  plans: Plans;
  documents: Documents;
}

/** A short digest of an item, carried by the forms that change it. */
export const fingerprint = (item: unknown): string =>
  createHash('sha256').update(JSON.stringify(item ?? null), 'utf8').digest('base64url').slice(0, 16);

function itemAt(plan: Plan, dotted: string): unknown {
  let at: unknown = plan;
  for (const k of dotted.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[k];
  }
  return at;
}

const planUrl = (doc: string) => `/quan-tri/ke-hoach/${encodeURIComponent(doc)}`;

function source(s: PlanSource | undefined): Raw {
  if (!s) return h``;
  return h`<blockquote class="src"><span class="sec">${t.source}: ${s.section || '—'}</span>${s.sentence}</blockquote>`;
}

function deleteForm(doc: string, csrf: string, path: string, item: unknown, label: string = t.remove): Raw {
  return h`<form class="inline" method="post" action="${planUrl(doc)}/sua" data-confirm="${t.confirmRemove}">
${csrfField(csrf)}<input type="hidden" name="path" value="${path}"><input type="hidden" name="item" value="${fingerprint(item)}"><input type="hidden" name="xoa" value="1">
<button class="btn small danger" type="submit">${label}</button></form>`;
}

function targetView(doc: string, csrf: string, i: number, j: number, target: PlanTarget): Raw {
  const unit = target.unit === '%' ? '%' : '';
  const id = `ct-${i}-${j}`;
  return h`<div class="item" id="${id}">
<div class="target"><strong>${t.year} ${target.year}: ${t.targetLine(target.comparator, viNumber(target.value), unit)}</strong>
${target.unit === 'count' ? h`<span class="muted">(${t.count})</span>` : ''}
${target.scope ? h`<span class="muted">${t.scope}: ${target.scope}</span>` : ''}</div>
${source(target.source)}
<div class="row">
<form class="inline" method="post" action="${planUrl(doc)}/sua">
${csrfField(csrf)}<input type="hidden" name="path" value="indicators.${i}.targets.${j}.value"><input type="hidden" name="item" value="${fingerprint(target)}">
<label for="${id}-v">${t.value}</label>
<input class="num" id="${id}-v" name="value" type="number" inputmode="decimal" step="any" min="0"${target.unit === '%' ? h` max="100"` : ''} value="${String(target.value)}" required aria-label="${t.valueLabel(target.year)}">
${unit ? h`<span>${unit}</span>` : ''}
<button class="btn small" type="submit">${t.save}</button>
</form>
${deleteForm(doc, csrf, `indicators.${i}.targets.${j}`, target)}
</div>
</div>`;
}

function planView(plan: Plan, doc: string, csrf: string): Raw {
  const indicators = plan.indicators.map(
    (ind, i) => h`<article class="card" id="ct-${i}">
<h3>${ind.name}</h3>
<p class="muted">${t.population}: ${ind.population}</p>
${ind.targets.length ? ind.targets.map((tg, j) => targetView(doc, csrf, i, j, tg)) : h`<p class="muted">${t.noItems}</p>`}
<div class="row">${deleteForm(doc, csrf, `indicators.${i}`, ind, t.removeIndicator)}</div>
</article>`,
  );
  const deadlines = plan.deadlines.map(
    (d, k) => h`<div class="item" id="han-${k}"><p><strong>${d.date}</strong> (${d.recurring ? t.recurring : t.once}): ${d.what}</p>
${source(d.source)}<div class="row">${deleteForm(doc, csrf, `deadlines.${k}`, d)}</div></div>`,
  );
  const awards = plan.awards.map(
    (a, k) => h`<article class="card" id="kt-${k}">
<h3>${a.name}</h3>
${a.subjects.length ? h`<p class="muted">${t.subjects}: ${a.subjects.join(', ')}</p>` : ''}
${source(a.source)}
${a.criteria.length
  ? h`<h4 class="sr-only">${t.criteria}</h4>${a.criteria.map(
      (cr, m) => h`<div class="item"><p>${cr.text}</p>${source(cr.source)}<div class="row">${deleteForm(doc, csrf, `awards.${k}.criteria.${m}`, cr)}</div></div>`,
    )}`
  : ''}
<div class="row">${deleteForm(doc, csrf, `awards.${k}`, a)}</div>
</article>`,
  );
  const milestones = plan.milestones.map(
    (m, k) => h`<div class="item" id="moc-${k}"><p><strong>${m.date}</strong>: ${m.what}</p>${source(m.source)}<div class="row">${deleteForm(doc, csrf, `milestones.${k}`, m)}</div></div>`,
  );
  const none = h`<p class="muted">${t.noItems}</p>`;
  return h`<h2>${t.indicators} (${plan.indicators.length})</h2>${indicators.length ? indicators : none}
<h2>${t.deadlines} (${plan.deadlines.length})</h2><div class="card">${deadlines.length ? deadlines : none}</div>
<h2>${t.awards} (${plan.awards.length})</h2>${awards.length ? awards : none}
<h2>${t.milestones} (${plan.milestones.length})</h2><div class="card">${milestones.length ? milestones : none}</div>`;
}

export function planRoutes(app: Hono<StaffEnv>, deps: PlansPageDeps, notices: (c: Context) => Notice[]): void {
  const { plans, documents } = deps;
  const labels = async () => new Map((await documents.list()).map((d) => [d.id, d] as const));

  app.get('/quan-tri/ke-hoach', async (c) => {
    const s = c.get('staff');
    const [list, docs] = await Promise.all([plans.list(), documents.list()]);
    const byId = new Map(docs.map((d) => [d.id, d] as const));
    const items = list.map((p) => {
      const d = byId.get(p.doc);
      return h`<article class="card"><h3><a href="${planUrl(p.doc)}">${d?.label ?? p.doc}</a></h3>
<p class="muted">${d?.title ?? ''}</p>
<p>${p.approvedAt ? h`<span class="badge ok">${t.approvedAt(viDateTime(p.approvedAt))}</span>` : h`<span class="badge">${t.notApproved}</span>`}
${p.hasDraft ? h` <span class="badge warn">${t.hasDraft}</span>` : ''}</p></article>`;
    });
    const extractable = docs.filter((d) => d.status === 'published');
    const body = h`<h1>${t.title}</h1>
<h2>${t.listTitle}</h2>
${items.length ? h`<div class="cards">${items}</div>` : h`<p>${t.empty}</p>`}
<section class="card" aria-labelledby="trich-xuat">
<h2 id="trich-xuat">${t.extractTitle}</h2>
<form method="post" action="/quan-tri/ke-hoach/trich-xuat" data-busy="${t.extract}…">
${csrfField(s.csrf)}
<div class="field"><label for="vb">${t.docLabel}</label><select id="vb" name="doc" required>${extractable.map(
      (d) => h`<option value="${d.id}">${d.label} (${d.id})</option>`,
    )}</select></div>
<button class="btn" type="submit">${t.extract}</button>
</form>
</section>`;
    return c.html(layout({ title: t.title, section: 'plans', session: s, notices: notices(c), body }));
  });

  const extract = async (c: Context<StaffEnv>, doc: string) => {
    const s = c.get('staff');
    try {
      const r = await plans.extract(doc, s.actor);
      flash(c, { kind: 'ok', text: t.extracted(t.extractedBy[r.extractedBy] ?? r.extractedBy, r.plan.indicators.length) });
    } catch (err) {
      if (!(err instanceof PlanError)) throw err;
      flash(c, { kind: 'error', text: err.message });
      return seeOther(c, '/quan-tri/ke-hoach');
    }
    return seeOther(c, planUrl(doc));
  };

  app.post('/quan-tri/ke-hoach/trich-xuat', async (c) => {
    const doc = String((await c.req.parseBody())['doc'] ?? '');
    if (!DOC.test(doc)) return seeOther(c, '/quan-tri/ke-hoach');
    return extract(c, doc);
  });

  app.get('/quan-tri/ke-hoach/:doc', async (c) => {
    const s = c.get('staff');
    const doc = c.req.param('doc');
    if (!DOC.test(doc)) return seeOther(c, '/quan-tri/ke-hoach');
    const [stored, byId] = await Promise.all([plans.get(doc), labels()]);
    const d = byId.get(doc);
    const plan = stored?.draft ?? stored?.approved ?? null;
    const head = h`<p><a href="/quan-tri/ke-hoach">${t.back}</a></p>
<h1>${d?.label ?? doc}</h1>
${d ? h`<p class="muted">${d.title}</p>` : ''}`;
    const reextract = h`<form method="post" action="${planUrl(doc)}/trich-xuat" data-busy="${t.extract}…"${stored?.draft ? h` data-confirm="${t.confirmReextract}"` : ''}>
${csrfField(s.csrf)}<button class="btn secondary" type="submit">${stored ? t.reextract : t.extract}</button></form>`;
    if (!stored || !plan) {
      const body = h`${head}<p>${t.none}</p><div class="actions">${reextract}</div>`;
      return c.html(layout({ title: t.title, section: 'plans', session: s, notices: notices(c), body }));
    }
    const approve = stored.draft
      ? h`<form method="post" action="${planUrl(doc)}/duyet" data-confirm="${t.confirmApprove}">${csrfField(s.csrf)}<button class="btn" type="submit">${t.approve}</button></form>`
      : '';
    const body = h`${head}
<div class="card">
<p><strong>${stored.draft ? t.showing.draft : t.showing.approved}</strong></p>
<p class="muted">${t.meta(t.extractedBy[stored.extractedBy] ?? stored.extractedBy, viDateTime(stored.updatedAt))}
${stored.approvedAt ? h` ${t.approvedAt(viDateTime(stored.approvedAt))}.` : ''}</p>
${stored.draft && stored.approved ? h`<p class="muted">${t.approvedInUse}</p>` : ''}
<div class="actions">${approve}${reextract}</div>
</div>
${planView(plan, doc, s.csrf)}
${approve ? h`<div class="actions">${approve}</div>` : ''}`;
    return c.html(layout({ title: `${t.title}: ${d?.label ?? doc}`, section: 'plans', session: s, notices: notices(c), body }));
  });

  app.post('/quan-tri/ke-hoach/:doc/trich-xuat', async (c) => {
    const doc = c.req.param('doc');
    if (!DOC.test(doc)) return seeOther(c, '/quan-tri/ke-hoach');
    return extract(c, doc);
  });

  app.post('/quan-tri/ke-hoach/:doc/duyet', async (c) => {
    const s = c.get('staff');
    const doc = c.req.param('doc');
    if (!DOC.test(doc)) return seeOther(c, '/quan-tri/ke-hoach');
    try {
      await plans.approve(doc, s.actor);
      flash(c, { kind: 'ok', text: t.approved });
    } catch (err) {
      if (!(err instanceof PlanError)) throw err;
      flash(c, { kind: 'error', text: err.message });
    }
    return seeOther(c, planUrl(doc));
  });

  app.post('/quan-tri/ke-hoach/:doc/sua', async (c) => {
    const s = c.get('staff');
    const doc = c.req.param('doc');
    if (!DOC.test(doc)) return seeOther(c, '/quan-tri/ke-hoach');
    const form = await c.req.parseBody();
    const path = String(form['path'] ?? '');
    const remove = form['xoa'] === '1';
    const back = (anchor: string) => seeOther(c, `${planUrl(doc)}#${anchor}`);
    const fail = (text: string, anchor = '') => {
      flash(c, { kind: 'error', text });
      return anchor ? back(anchor) : seeOther(c, planUrl(doc));
    };
    if (!(remove ? ITEM_PATH : VALUE_PATH).test(path)) return fail(t.badPath);
    const [i, , j] = path.split('.').slice(1).map(Number);
    const anchor = path.startsWith('indicators.') ? (remove ? `ct-${i}` : `ct-${i}-${j}`) : '';
    const stored = await plans.get(doc);
    const base = stored?.draft ?? stored?.approved;
    const itemPath = remove ? path : path.replace(/\.value$/, '');
    const item = base ? itemAt(base, itemPath) : undefined;
    // The item the form was drawn for must still be there, unchanged.
    if (base && (item === undefined || fingerprint(item) !== form['item'])) return fail(t.stale, anchor);
    let value: number | null = null;
    if (!remove) {
      const typed = String(form['value'] ?? '').trim().replace(/\s/g, '').replace(',', '.');
      if (!/^\d+(?:\.\d+)?$/.test(typed)) return fail(t.badValue, anchor);
      value = Number(typed);
      if ((item as PlanTarget | undefined)?.unit === '%' && value > 100) return fail(t.badPercent, anchor);
    }
    try {
      await plans.edit(doc, path, value, s.actor);
    } catch (err) {
      if (!(err instanceof PlanError)) throw err;
      return fail(err.message, anchor);
    }
    flash(c, { kind: 'ok', text: remove ? t.deleted : t.saved });
    return anchor ? back(anchor) : seeOther(c, planUrl(doc));
  });
}
