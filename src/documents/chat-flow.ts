/**
 * Adding a document by chat. A staff member or admin sends a file (Telegram: a document or a
 * photo; Zalo: a photo of a page). The bot says "đang xử lý…" and updates it page by page, then
 * shows the metadata it read and the gate's verdict, and waits: publish, correct a field
 * ("cấp: xã", "số: 45/KH-UBND"), or cancel. Nothing is published before that confirmation. A
 * citizen or an officer who sends a file gets a polite reply; the file is not even downloaded.
 */
import type { Choice, Incoming, Reply } from '../core/message.js';
import { fold } from '../knowledge/ingest/normalize.js';
import { DOC_LEVELS, type DocLevel } from '../knowledge/types.js';
import type { ReportStore } from '../store/reports.js';
import type { Store } from '../store/store.js';
import { DraftShelf } from './drafts.js';
import { judge, labelOf, type Draft, type DraftMeta } from './intake.js';
import type { Documents } from './service.js';
import { chatTexts as t } from './chat-texts.vi.js';

/** Telegram bots may download files up to 20 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** At most one progress edit a second: chats rate-limit edits. */
const PROGRESS_EVERY_MS = 1000;

/** Field names people type when correcting (folded) → the metadata field. */
const FIELDS: Record<string, keyof DraftMeta> = {
  so: 'number', 'so hieu': 'number', cap: 'level', 'cap ban hanh': 'level', ngay: 'date', 'ngay ban hanh': 'date',
  ten: 'title', 'trich yeu': 'title', 'tieu de': 'title', 'co quan': 'issuer', 'co quan ban hanh': 'issuer',
  'nguoi ky': 'signer', loai: 'kind', 'loai van ban': 'kind', 'dia ban': 'place', 'don vi': 'place',
};

export function createDocumentFlow(deps: { documents: Documents; reports: ReportStore; store: Store }) {
  const { documents, reports, store } = deps;
  const shelf = new DraftShelf(documents.library.dir);
  const owner = (msg: Incoming) => `${msg.channel}:${msg.userId}`;

  async function isStaff(msg: Incoming): Promise<boolean> {
    const p = await reports.getPerson(msg.channel, msg.userId);
    return p.role === 'staff' || p.role === 'admin';
  }

  function summary(d: Draft, token: string): Reply {
    const m = d.meta;
    const lines = [
      t.read(d.file, d.extracted.pages, d.text.length, d.extracted.ocrPages > 0),
      `• ${t.fields.number}: ${m.number ?? t.none}`,
      `• ${t.fields.kind}: ${m.kind ?? t.none}`,
      `• ${t.fields.title}: ${m.title}`,
      `• ${t.fields.issuer}: ${m.issuer}`,
      `• ${t.fields.level}: ${m.level ?? t.none}`,
      `• ${t.fields.date}: ${m.date ? viDate(m.date) : t.none}`,
      `• ${t.fields.signer}: ${m.signer ?? t.none}`,
    ];
    const v = d.verdict;
    const choices: Choice[] = [];
    if (v.status === 'duplicate') {
      lines.push('', v.reason);
      if (v.better) choices.push({ label: t.replace, payload: `doc:rep:${token}` });
    } else if (v.status === 'held') {
      lines.push('', v.reason);
      if (m.level) choices.push({ label: t.keepHeld, payload: `doc:ok:${token}` }, { label: t.publishAnyway, payload: `doc:force:${token}` });
    } else {
      lines.push('', t.askPublish);
      choices.push({ label: t.publish, payload: `doc:ok:${token}` });
    }
    if (v.status !== 'duplicate' || v.better) choices.push({ label: t.edit, payload: `doc:edit:${token}` });
    choices.push({ label: t.cancel, payload: `doc:no:${token}` });
    return { text: lines.join('\n'), choices };
  }

  async function setPending(msg: Incoming, token: string | undefined) {
    const state = await store.getState(msg.channel, msg.chatId);
    const { docDraft: _old, ...rest } = state;
    await store.setState(msg.channel, msg.chatId, token ? { ...rest, docDraft: token } : rest);
  }

  /** A throttled progress reporter on top of the channel's (which may be absent). */
  function progressOf(msg: Incoming) {
    let last = 0;
    return (p: { page: number; pages: number; stage: 'text' | 'ocr' }) => {
      const now = Date.now();
      if (!msg.progress || (now - last < PROGRESS_EVERY_MS && p.page < p.pages)) return;
      last = now;
      void msg.progress(t.progress(p.page, p.pages, p.stage === 'ocr')).catch(() => undefined);
    };
  }

  return {
    /** A file arrived. */
    async file(msg: Incoming): Promise<Reply[]> {
      const file = msg.file!;
      if (!(await isStaff(msg))) return [{ text: t.notAllowed }];
      if (file.size !== undefined && file.size > MAX_FILE_BYTES) return [{ text: t.tooBig(Math.round(file.size / 1048576)) }];
      await msg.progress?.(t.working(file.name)).catch(() => undefined);
      let bytes: Uint8Array;
      try {
        bytes = await file.download();
      } catch {
        return [{ text: t.downloadFailed }];
      }
      const draft = await documents.analyse({ bytes, fileName: file.name }, { onProgress: progressOf(msg) });
      if (draft.verdict.status === 'rejected') return [{ text: t.rejected(file.name, draft.verdict.reason) }];
      if (draft.verdict.status === 'duplicate' && !draft.verdict.better) return [{ text: draft.verdict.reason }];
      const token = await shelf.put(draft, owner(msg));
      await setPending(msg, token);
      return [summary(draft, token)];
    },

    /** A button of a pending draft; undefined when the payload is not ours. */
    async payload(msg: Incoming, payload: string): Promise<Reply[] | undefined> {
      const m = /^doc:(ok|force|rep|edit|no):([0-9a-f]{12})$/.exec(payload);
      if (!m) return undefined;
      const [, action, token] = m as unknown as [string, string, string];
      if (!(await isStaff(msg))) return [{ text: t.notAllowed }];
      const draft = await shelf.get(token, owner(msg));
      if (!draft) return [{ text: t.expired }];
      if (action === 'edit') return [{ text: t.howToEdit }];
      if (action === 'no') {
        await shelf.drop(token);
        await setPending(msg, undefined);
        return [{ text: t.cancelled }];
      }
      const v = draft.verdict;
      const by = owner(msg);
      const ready: Draft =
        action === 'force' || action === 'rep' ? { ...draft, verdict: { status: 'published' } } : draft;
      if (!ready.meta.level) return [{ text: t.needLevel }];
      const { entry, rebuilt } = await documents.add(ready, by, action === 'rep' && v.status === 'duplicate' ? v.of : undefined);
      await shelf.drop(token);
      await setPending(msg, undefined);
      if (rebuilt && !rebuilt.ok) return [{ text: t.indexFailed(entry.label, rebuilt.error) }];
      return [{ text: entry.status === 'published' ? t.published(entry.label, entry.id) : t.held(entry.label, entry.id) }];
    },

    /** "cấp: xã" while a draft waits in this chat; undefined when the text is not a correction. */
    async text(msg: Incoming, text: string): Promise<Reply[] | undefined> {
      // The shape first: most messages are questions, and they cost no store read here.
      const m = /^\s*([\p{L} ]{2,20}?)\s*[:=]\s*(.+)$/su.exec(text);
      const field = m ? FIELDS[fold(m[1]!).trim()] : undefined;
      if (!m || !field) return undefined;
      const state = await store.getState(msg.channel, msg.chatId);
      const token = typeof state.docDraft === 'string' ? state.docDraft : undefined;
      if (!token) return undefined;
      const draft = await shelf.get(token, owner(msg));
      if (!draft) return undefined;
      const value = m[2]!.trim();
      const meta = corrected(draft.meta, field, value);
      if (typeof meta === 'string') return [{ text: meta }];
      const again: Draft = { ...draft, meta };
      // Re-judged: a level given now lets a document held for lack of one through.
      const next: Draft = { ...again, verdict: draft.verdict.status === 'duplicate' ? draft.verdict : judge(again, []) };
      await shelf.update(token, owner(msg), next);
      return [summary(next, token)];
    },
  };
}

/** The metadata with one field corrected, or the reason the value is refused. */
function corrected(meta: DraftMeta, field: keyof DraftMeta, value: string): DraftMeta | string {
  const next: DraftMeta = { ...meta };
  if (field === 'level') {
    const level = DOC_LEVELS.find((l) => fold(l) === fold(value));
    if (!level) return t.badLevel;
    next.level = level as DocLevel;
  } else if (field === 'date') {
    const d = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
    const iso = d ? `${d[3]}-${d[2]!.padStart(2, '0')}-${d[1]!.padStart(2, '0')}` : '';
    if (!d || !isCalendarDate(iso)) return t.badDate;
    next.date = iso;
  } else if (field === 'number') next.number = value;
  else (next as Record<string, unknown>)[field] = value;
  next.label = labelOf(next.kind, next.number, next.issuer);
  return next;
}

/** True when yyyy-mm-dd names a real day (no 31/02: `Date.parse` would roll it over). */
function isCalendarDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const viDate = (iso: string) => iso.split('-').reverse().join('/');
