/**
 * The documents use case, shared by the CLI and the chat: judge a file, add it, publish, edit or
 * remove one, list them all. Every change that alters what answers is followed by a live reindex
 * (`Live.rebuild`): questions keep being answered from the old index until the new one is in.
 */
import type { Live } from '../knowledge/live.js';
import type { Knowledge, LoadedCorpus } from '../knowledge/types.js';
import { analyse, commit, knownOf, type AnalyseOptions, type Draft, type Known } from './intake.js';
import { Library, type LibraryEntry } from './library.js';

type Base = Knowledge & { corpus: LoadedCorpus };

/** One row of `docs list`: bundled and added documents alike. */
export interface ListedDocument {
  id: string;
  number: string | null;
  kind: string | null;
  title: string;
  issuer: string;
  level: string | null;
  date: string | null;
  signer: string | null;
  place: string | null;
  label: string;
  status: 'published' | 'held' | 'duplicate';
  source: 'bundled' | 'added';
  reason?: string;
}

export type Documents = ReturnType<typeof createDocuments>;

export function createDocuments(deps: { library: Library; knowledge: Live<Base> }) {
  const { library, knowledge } = deps;

  /** Every document the gate compares a new file with: indexed ones and held ones. */
  async function known(): Promise<Known[]> {
    const added = await library.list();
    const addedIds = new Set(added.map((e) => e.id));
    const byDoc = new Map<string, string[]>();
    for (const c of knowledge.chunks) {
      if (addedIds.has(c.docId) || c.id.endsWith('#info')) continue;
      byDoc.set(c.docId, [...(byDoc.get(c.docId) ?? []), c.text]);
    }
    const bundled = knowledge.docs
      .filter((d) => !addedIds.has(d.id))
      .map((d) => ({ id: d.id, label: d.label, number: d.number, text: (byDoc.get(d.id) ?? []).join('\n') }));
    return [...bundled, ...(await Promise.all(added.map(async (e) => knownOf(e, await library.text(e)))))];
  }

  async function takenIds(): Promise<Set<string>> {
    const added = await library.list();
    return new Set([...knowledge.corpus.docs.map((d) => d.id), ...knowledge.corpus.duplicates.map((d) => d.docId), ...added.map((e) => e.id)]);
  }

  async function rebuildIf(entry: Pick<LibraryEntry, 'status'>) {
    return entry.status === 'published' ? knowledge.rebuild() : undefined;
  }

  return {
    library,
    /** Reads and judges a file; nothing is stored. */
    async analyse(input: { bytes: Uint8Array; fileName: string }, opts: Pick<AnalyseOptions, 'onProgress' | 'override'> = {}): Promise<Draft> {
      return analyse(input, { ...opts, known: await known(), takenIds: await takenIds() });
    },

    /**
     * Stores a judged draft (published or held) and reindexes when it answers. With `replaces`,
     * the new copy takes the place of that document: an added one is removed, a bundled one hidden.
     */
    async add(draft: Draft, by: string, replaces?: string) {
      const old = replaces ? await library.get(replaces) : undefined;
      if (old) await library.remove(old.id, by);
      const bundled = replaces && !old ? replaces : undefined;
      const entry = await commit(library, draft, by, bundled);
      const rebuilt = entry.status === 'published' || old ? await knowledge.rebuild() : undefined;
      return { entry, rebuilt };
    },

    async publish(id: string, by: string) {
      const entry = await library.publish(id, by);
      return { entry, rebuilt: await rebuildIf(entry) };
    },

    async edit(id: string, fields: Parameters<Library['edit']>[1], by: string) {
      const entry = await library.edit(id, fields, by);
      return { entry, rebuilt: await rebuildIf(entry) };
    },

    async remove(id: string, by: string) {
      const entry = await library.remove(id, by);
      return { entry, rebuilt: await rebuildIf(entry) };
    },

    /** Bundled documents (with the copies set aside as duplicates), then the added ones. */
    async list(): Promise<ListedDocument[]> {
      const added = await library.list();
      const addedIds = new Set(added.map((e) => e.id));
      const hidden = new Set(added.flatMap((e) => (e.status === 'published' && e.replaces ? [e.replaces] : [])));
      const row = (d: Omit<ListedDocument, 'status' | 'source' | 'reason' | 'kind' | 'signer' | 'place'> & { kind?: string | undefined; signer?: string | undefined; place?: string | undefined }) => ({
        id: d.id, number: d.number, kind: d.kind ?? null, title: d.title, issuer: d.issuer, level: d.level, date: d.date, signer: d.signer ?? null, place: d.place ?? null, label: d.label,
      });
      const bundled: ListedDocument[] = knowledge.corpus.docs
        .filter((d) => !addedIds.has(d.id))
        .map((d) => ({ ...row(d), status: 'published', source: 'bundled' }));
      const copies: ListedDocument[] = knowledge.corpus.duplicates.map((c) => {
        const of = knowledge.corpus.docs.find((d) => d.id === c.of);
        return { id: c.docId, number: of?.number ?? null, kind: of?.kind ?? null, title: of?.title ?? '', issuer: of?.issuer ?? '', level: of?.level ?? null, date: null, signer: null, place: null, label: of?.label ?? c.of, status: 'duplicate', source: 'bundled', reason: `bản sao của ${c.of}` };
      });
      const own: ListedDocument[] = added.map((e) => ({ ...row(e), status: e.status, source: 'added', ...(e.heldReason ? { reason: e.heldReason } : {}) }));
      return [...bundled.filter((d) => !hidden.has(d.id)), ...copies, ...own];
    },
  };
}
