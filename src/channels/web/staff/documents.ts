/**
 * `/quan-tri/van-ban`: the documents that answer questions. Staff upload a file; it is read and
 * judged (`documents.analyse`), then waits on the draft shelf until they confirm: publish, keep it
 * held, publish a held one anyway, or replace the document it duplicates. A rejected file, or a
 * plain duplicate, is reported and nothing is stored. Added documents can be published or removed.
 */
import type { Context, Hono } from 'hono';
import { DraftShelf } from '../../../documents/drafts.js';
import { judge, type Draft } from '../../../documents/intake.js';
import { NotFound } from '../../../documents/library.js';
import type { Documents, ListedDocument } from '../../../documents/service.js';
import type { RebuildResult } from '../../../knowledge/live.js';
import { DOC_LEVELS, type DocLevel } from '../../../knowledge/types.js';
import { flash, seeOther, type StaffEnv } from './guard.js';
import { csrfField, h, layout, viDate, type Notice, type Raw } from './html.js';
import { staffTexts } from './texts.vi.js';

const t = staffTexts.documents;
const DOC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TOKEN = /^[0-9a-f]{12}$/;
const ACCEPT = '.pdf,.docx,.txt,.md,.png,.jpg,.jpeg';

export const UPLOAD_PATH = '/quan-tri/van-ban/tai-len';

export interface DocumentsPageDeps {
  documents: Documents;
  maxUploadBytes: number;
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

function statusBadge(d: ListedDocument): Raw {
  const cls = d.status === 'published' ? 'ok' : d.status === 'held' ? 'warn' : '';
  return h`<span class="badge ${cls}">${t.status[d.status] ?? d.status}</span>`;
}

function documentCard(d: ListedDocument, csrf: string): Raw {
  const id = encodeURIComponent(d.id);
  const actions: Raw[] = [];
  if (d.source === 'added') {
    if (d.status === 'held' && d.level)
      actions.push(h`<form method="post" action="/quan-tri/van-ban/${id}/cong-bo">${csrfField(csrf)}<button class="btn small" type="submit">${t.publish}</button></form>`);
    if (d.status === 'held' && !d.level)
      actions.push(h`<form class="inline" method="post" action="/quan-tri/van-ban/${id}/cap">${csrfField(csrf)}
<label class="sr-only" for="cap-${d.id}">${t.levelLabel}</label><select id="cap-${d.id}" name="level" required><option value="">${t.levelChoose}</option>${DOC_LEVELS.map((l) => h`<option value="${l}">${l}</option>`)}</select>
<button class="btn small secondary" type="submit">${t.setLevel}</button></form>`);
    actions.push(
      h`<form method="post" action="/quan-tri/van-ban/${id}/go" data-confirm="${t.confirmRemove}">${csrfField(csrf)}<button class="btn small danger" type="submit">${t.remove}</button></form>`,
    );
  }
  return h`<article class="card" id="vb-${d.id}">
<h3>${d.label}</h3>
<p class="muted">${d.title}</p>
<p>${statusBadge(d)} <span class="badge">${t.source[d.source] ?? d.source}</span></p>
<dl class="meta">
<dt>${t.id}</dt><dd>${d.id}</dd>
<dt>${t.number}</dt><dd>${d.number ?? t.none}</dd>
<dt>${t.level}</dt><dd>${d.level ?? t.none}</dd>
<dt>${t.date}</dt><dd>${d.date ? viDate(d.date) : t.none}</dd>
<dt>${t.issuer}</dt><dd>${d.issuer || t.none}</dd>
</dl>
${d.reason ? h`<p class="muted">${d.reason}</p>` : ''}
${actions.length ? h`<div class="row">${actions}</div>` : ''}
</article>`;
}

function rebuiltNotice(label: string, rebuilt: RebuildResult | undefined): Notice | undefined {
  return rebuilt && !rebuilt.ok ? { kind: 'error', text: t.indexFailed(label, rebuilt.error) } : undefined;
}

export function documentRoutes(app: Hono<StaffEnv>, deps: DocumentsPageDeps, notices: (c: Context) => Notice[]): void {
  const { documents } = deps;
  const shelf = new DraftShelf(documents.library.dir);

  app.get('/quan-tri/van-ban', async (c) => {
    const s = c.get('staff');
    const list = await documents.list();
    const body = h`<h1>${t.title}</h1>
<section class="card" aria-labelledby="tai-len">
<h2 id="tai-len">${t.uploadTitle}</h2>
<p class="muted">${t.uploadHint(mb(deps.maxUploadBytes))}</p>
<form method="post" action="${UPLOAD_PATH}" enctype="multipart/form-data" data-busy="${t.reading}">
${csrfField(s.csrf)}
<div class="field"><label for="tep">${t.fileLabel}</label><input id="tep" name="tep" type="file" accept="${ACCEPT}" required></div>
<button class="btn" type="submit">${t.upload}</button>
</form>
</section>
<h2>${t.listTitle(list.length)}</h2>
${list.length ? h`<div class="cards">${list.map((d) => documentCard(d, s.csrf))}</div>` : h`<p>${t.empty}</p>`}`;
    return c.html(layout({ title: t.title, section: 'documents', session: s, notices: notices(c), body }));
  });

  app.post(UPLOAD_PATH, async (c) => {
    const s = c.get('staff');
    const form = await c.req.parseBody();
    const file = form['tep'];
    if (!(file instanceof File) || file.size === 0 || !file.name) {
      flash(c, { kind: 'error', text: t.noFile });
      return seeOther(c, '/quan-tri/van-ban');
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const draft = await documents.analyse({ bytes, fileName: file.name });
    const v = draft.verdict;
    if (v.status === 'rejected') {
      flash(c, { kind: 'error', text: t.rejected(draft.file, v.reason) });
      return seeOther(c, '/quan-tri/van-ban');
    }
    if (v.status === 'duplicate' && !v.better) {
      flash(c, { kind: 'error', text: t.rejected(draft.file, v.reason) });
      return seeOther(c, '/quan-tri/van-ban');
    }
    const token = await shelf.put(draft, s.actor);
    return seeOther(c, `/quan-tri/van-ban/nhap/${token}`);
  });

  app.get('/quan-tri/van-ban/nhap/:token', async (c) => {
    const s = c.get('staff');
    const token = c.req.param('token');
    const draft = TOKEN.test(token) ? await shelf.get(token, s.actor) : undefined;
    if (!draft) {
      flash(c, { kind: 'error', text: t.draftGone });
      return seeOther(c, '/quan-tri/van-ban');
    }
    return c.html(layout({ title: t.draftTitle, section: 'documents', session: s, notices: notices(c), body: draftView(draft, token, s.csrf) }));
  });

  app.post('/quan-tri/van-ban/nhap/:token', async (c) => {
    const s = c.get('staff');
    const token = c.req.param('token');
    const draft = TOKEN.test(token) ? await shelf.get(token, s.actor) : undefined;
    if (!draft) {
      flash(c, { kind: 'error', text: t.draftGone });
      return seeOther(c, '/quan-tri/van-ban');
    }
    const form = await c.req.parseBody();
    const action = String(form['action'] ?? '');
    if (action === 'cancel') {
      await shelf.drop(token);
      flash(c, { kind: 'info', text: t.cancelled });
      return seeOther(c, '/quan-tri/van-ban');
    }
    let ready: Draft = draft;
    const level = typeof form['level'] === 'string' ? form['level'] : '';
    if (level && !draft.meta.level && draft.verdict.status !== 'duplicate') {
      if (!(DOC_LEVELS as readonly string[]).includes(level)) {
        flash(c, { kind: 'error', text: t.badLevel });
        return seeOther(c, `/quan-tri/van-ban/nhap/${token}`);
      }
      const meta = { ...draft.meta, level: level as DocLevel };
      // Re-judged: a level given now lets a document held for lack of one through.
      ready = { ...draft, meta, verdict: judge({ ...draft, meta }, []) };
      await shelf.update(token, s.actor, ready);
    }
    const v = ready.verdict;
    let replaces: string | undefined;
    if (action === 'force' && v.status === 'held') ready = { ...ready, verdict: { status: 'published' } };
    else if (action === 'replace' && v.status === 'duplicate' && v.better) {
      ready = { ...ready, verdict: { status: 'published' } };
      replaces = v.of;
    } else if (!((action === 'publish' && v.status === 'published') || (action === 'keep' && v.status === 'held'))) {
      // A choice the verdict does not offer (a stale page after a level was set): show it again.
      return seeOther(c, `/quan-tri/van-ban/nhap/${token}`);
    }
    if (!ready.meta.level && ready.verdict.status === 'published') {
      flash(c, { kind: 'error', text: t.needLevel });
      return seeOther(c, `/quan-tri/van-ban/nhap/${token}`);
    }
    const { entry, rebuilt } = await documents.add(ready, s.actor, replaces);
    await shelf.drop(token);
    const done: Notice = { kind: 'ok', text: entry.status === 'published' ? t.published(entry.label) : t.held(entry.label) };
    const failed = rebuiltNotice(entry.label, rebuilt);
    flash(c, ...(failed ? [done, failed] : [done]));
    return seeOther(c, `/quan-tri/van-ban#vb-${entry.id}`);
  });

  const change = (what: 'publish' | 'remove') => async (c: Context<StaffEnv>) => {
    const s = c.get('staff');
    const id = c.req.param('id') ?? '';
    if (!DOC_ID.test(id)) return seeOther(c, '/quan-tri/van-ban');
    try {
      const { entry, rebuilt } = what === 'publish' ? await documents.publish(id, s.actor) : await documents.remove(id, s.actor);
      const done: Notice = { kind: 'ok', text: what === 'publish' ? t.published(entry.label) : t.removed(entry.label) };
      const failed = rebuiltNotice(entry.label, rebuilt);
      flash(c, ...(failed ? [done, failed] : [done]));
    } catch (err) {
      // The library's refusals are written for people (unknown id, no level yet); others are bugs.
      if (!(err instanceof NotFound) && !(err instanceof Error && /^Văn bản /u.test(err.message))) throw err;
      flash(c, { kind: 'error', text: err instanceof NotFound && what === 'remove' ? `${err.message} ${t.cannotRemoveBundled}` : err.message });
    }
    return seeOther(c, what === 'publish' ? `/quan-tri/van-ban#vb-${id}` : '/quan-tri/van-ban');
  };
  // A held document the header reader gave no level: staff say it, then may publish.
  app.post('/quan-tri/van-ban/:id/cap', async (c) => {
    const s = c.get('staff');
    const id = c.req.param('id');
    const level = String((await c.req.parseBody())['level'] ?? '');
    if (!DOC_ID.test(id)) return seeOther(c, '/quan-tri/van-ban');
    if (!(DOC_LEVELS as readonly string[]).includes(level)) {
      flash(c, { kind: 'error', text: t.badLevel });
      return seeOther(c, `/quan-tri/van-ban#vb-${id}`);
    }
    try {
      const { entry } = await documents.edit(id, { level: level as DocLevel }, s.actor);
      flash(c, { kind: 'ok', text: t.levelSet(entry.label, level) });
    } catch (err) {
      if (!(err instanceof NotFound)) throw err;
      flash(c, { kind: 'error', text: err.message });
    }
    return seeOther(c, `/quan-tri/van-ban#vb-${id}`);
  });
  app.post('/quan-tri/van-ban/:id/cong-bo', change('publish'));
  app.post('/quan-tri/van-ban/:id/go', change('remove'));
}

/** The draft as read, the gate's verdict, and the choices it allows. */
function draftView(d: Draft, token: string, csrf: string): Raw {
  const m = d.meta;
  const v = d.verdict;
  const notice: Notice =
    v.status === 'published' ? { kind: 'info', text: t.askPublish } : { kind: 'error', text: 'reason' in v ? v.reason : '' };
  const needLevel = !m.level && v.status !== 'duplicate';
  const buttons: Raw[] = [];
  if (v.status === 'published') buttons.push(h`<button class="btn" type="submit" name="action" value="publish">${t.publish}</button>`);
  if (v.status === 'held') {
    buttons.push(h`<button class="btn secondary" type="submit" name="action" value="keep">${t.keepHeld}</button>`);
    buttons.push(h`<button class="btn" type="submit" name="action" value="force">${t.publishAnyway}</button>`);
  }
  if (v.status === 'duplicate' && v.better) buttons.push(h`<button class="btn" type="submit" name="action" value="replace">${t.replace}</button>`);
  buttons.push(h`<button class="btn danger" type="submit" name="action" value="cancel" formnovalidate>${t.cancel}</button>`);
  return h`<h1>${t.draftTitle}</h1>
<section class="card">
<p>${t.read(d.file, d.extracted.pages, d.text.length, d.extracted.ocrPages > 0)}</p>
<dl class="meta">
<dt>${t.number}</dt><dd>${m.number ?? t.none}</dd>
<dt>${t.kind}</dt><dd>${m.kind ?? t.none}</dd>
<dt>${staffTexts.plans.docLabel}</dt><dd>${m.title}</dd>
<dt>${t.issuer}</dt><dd>${m.issuer}</dd>
<dt>${t.level}</dt><dd>${m.level ?? t.none}</dd>
<dt>${t.date}</dt><dd>${m.date ? viDate(m.date) : t.none}</dd>
<dt>${t.signer}</dt><dd>${m.signer ?? t.none}</dd>
</dl>
<div class="notice ${notice.kind}" role="status">${notice.text}</div>
<form method="post" action="/quan-tri/van-ban/nhap/${token}">
${csrfField(csrf)}
${needLevel
  ? h`<div class="field"><label for="cap">${t.levelLabel}</label><select id="cap" name="level"><option value="">${t.levelChoose}</option>${DOC_LEVELS.map((l) => h`<option value="${l}">${l}</option>`)}</select></div>`
  : ''}
<div class="row">${buttons}</div>
</form>
<details><summary>${t.preview}</summary><pre class="preview">${d.text.slice(0, 3000)}</pre></details>
</section>`;
}
