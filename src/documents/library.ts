/**
 * The documents staff add while the bot runs, kept in `DATA_DIR/documents/`: each original file
 * beside its extracted text, one `library.json` listing them (validated by zod on every read),
 * and `audit.jsonl`, one line per change (who, when, what). Writes go to a temporary file that is
 * renamed over the old one, so a crash never leaves half a list. The bundled `corpus/` is never
 * written; a document added to replace a bundled one names it in `replaces`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DOC_LEVELS, type DocLevel, type DocMeta } from '../knowledge/types.js';
import type { AddedDocuments } from '../knowledge/ingest/corpus.js';
import { texts } from './texts.vi.js';

export const DOC_STATUSES = ['published', 'held'] as const;
export type DocStatus = (typeof DOC_STATUSES)[number];

const entrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  title: z.string().min(1),
  number: z.string().nullable(),
  issuer: z.string().min(1),
  date: z.iso.date().nullable(),
  /** Null until someone says it, when the header did not tell; such a document stays held. */
  level: z.enum(DOC_LEVELS).nullable(),
  file: z.string().regex(/^[^/\\]+\.txt$/),
  label: z.string().min(1),
  kind: z.string().optional(),
  signer: z.string().optional(),
  place: z.string().optional(),
  status: z.enum(DOC_STATUSES),
  /** Why the quality gate held it, in Vietnamese. */
  heldReason: z.string().optional(),
  /** The original file's name as uploaded, and where it is kept beside the text. */
  sourceName: z.string(),
  original: z.string(),
  sha256: z.string(),
  method: z.string(),
  pages: z.number().int().min(0),
  chars: z.number().int().min(0),
  addedAt: z.string(),
  addedBy: z.string(),
  replaces: z.string().optional(),
});
export type LibraryEntry = z.infer<typeof entrySchema>;
const listSchema = z.array(entrySchema);

export interface AuditLine {
  at: string;
  by: string;
  action: 'add' | 'publish' | 'remove' | 'replace' | 'edit';
  id: string;
  detail?: string;
}

/** The library's files. One instance per DATA_DIR; changes are serialised in-process. */
export class Library {
  readonly dir: string;
  private queue: Promise<unknown> = Promise.resolve();
  /** The list as this process last wrote it, so that `watch` reports only other writers. */
  private written: string | undefined;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'documents');
  }

  private get listFile(): string {
    return path.join(this.dir, 'library.json');
  }

  /** Every added document, held ones included. A missing list is an empty library. */
  async list(): Promise<LibraryEntry[]> {
    const raw = await readFile(this.listFile, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '[]';
      throw err;
    });
    const parsed = listSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) throw new Error(`${this.listFile} is invalid: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }

  async get(id: string): Promise<LibraryEntry | undefined> {
    return (await this.list()).find((e) => e.id === id);
  }

  /** What the knowledge base loads: published documents, and the bundled ids they replace. */
  async forIndex(): Promise<AddedDocuments> {
    const published = (await this.list()).filter((e): e is LibraryEntry & { level: DocLevel } => e.status === 'published' && e.level !== null);
    return {
      dir: this.dir,
      docs: published.map(toDocMeta),
      hide: published.flatMap((e) => (e.replaces ? [e.replaces] : [])),
    };
  }

  /** Reads the extracted text of an added document. */
  text(entry: LibraryEntry): Promise<string> {
    return readFile(path.join(this.dir, entry.file), 'utf8');
  }

  /** Stores the original and its text, and lists the entry. */
  add(input: { meta: Omit<DocMeta, 'level' | 'file'> & { level: DocLevel | null }; text: string; original: Uint8Array; sourceName: string; status: DocStatus; heldReason?: string; method: string; pages: number; by: string; replaces?: string }): Promise<LibraryEntry> {
    return this.change(async (list) => {
      if (list.some((e) => e.id === input.meta.id)) throw new Error(`document ${input.meta.id} already exists`);
      await mkdir(this.dir, { recursive: true });
      const ext = path.extname(input.sourceName).toLowerCase().replace(/[^.a-z0-9]/g, '') || '.bin';
      const entry: LibraryEntry = entrySchema.parse({
        ...input.meta,
        file: `${input.meta.id}.txt`,
        // A document without a level cannot be cited by level or answer: it waits for one.
        status: input.meta.level ? input.status : 'held',
        ...(input.heldReason || !input.meta.level ? { heldReason: input.heldReason ?? texts.gateNoLevel } : {}),
        sourceName: input.sourceName,
        original: `${input.meta.id}.original${ext}`,
        sha256: sha256(input.original),
        method: input.method,
        pages: input.pages,
        chars: input.text.length,
        addedAt: new Date().toISOString(),
        addedBy: input.by,
        ...(input.replaces ? { replaces: input.replaces } : {}),
      });
      await atomicWrite(path.join(this.dir, entry.original), input.original);
      await atomicWrite(path.join(this.dir, entry.file), input.text);
      return { list: [...list, entry], result: entry, audit: { by: input.by, action: input.replaces ? 'replace' : 'add', id: entry.id, detail: input.replaces ? `thay ${input.replaces}; ${input.status}` : input.status } };
    });
  }

  /** A held document becomes published. */
  publish(id: string, by: string): Promise<LibraryEntry> {
    return this.change(async (list) => {
      const entry = list.find((e) => e.id === id);
      if (!entry) throw new NotFound(id);
      if (!entry.level) throw new Error(texts.needsLevel(id));
      const { heldReason: _held, ...rest } = entry;
      const published: LibraryEntry = { ...rest, status: 'published' };
      return { list: list.map((e) => (e.id === id ? published : e)), result: published, audit: { by, action: 'publish', id } };
    });
  }

  /** Changes metadata fields of an added document (staff correcting what the header reader read). */
  edit(id: string, fields: Partial<Pick<LibraryEntry, 'number' | 'title' | 'issuer' | 'date' | 'level' | 'kind' | 'signer' | 'place' | 'label'>>, by: string): Promise<LibraryEntry> {
    return this.change(async (list) => {
      const entry = list.find((e) => e.id === id);
      if (!entry) throw new NotFound(id);
      const edited = entrySchema.parse({ ...entry, ...fields });
      return { list: list.map((e) => (e.id === id ? edited : e)), result: edited, audit: { by, action: 'edit', id, detail: Object.keys(fields).join(',') } };
    });
  }

  /** Takes an added document out, with its files. */
  remove(id: string, by: string): Promise<LibraryEntry> {
    return this.change(async (list) => {
      const entry = list.find((e) => e.id === id);
      if (!entry) throw new NotFound(id);
      return {
        list: list.filter((e) => e.id !== id),
        result: entry,
        audit: { by, action: 'remove', id },
        after: async () => {
          await rm(path.join(this.dir, entry.file), { force: true });
          await rm(path.join(this.dir, entry.original), { force: true });
        },
      };
    });
  }

  /**
   * Calls `onChange` when another process (the CLI, while the bot runs) changed the list, so the
   * bot reindexes without a restart. Polls the file's mtime every `intervalMs`; returns a stop.
   */
  watch(onChange: () => void, intervalMs = 2000): () => void {
    const file = this.listFile;
    const listener = (now: Stats, before: Stats) => {
      if (now.mtimeMs === before.mtimeMs) return;
      void readFile(file, 'utf8').then(
        (raw) => (raw !== this.written ? onChange() : undefined),
        () => undefined,
      );
    };
    watchFile(file, { interval: intervalMs, persistent: false }, listener);
    return () => unwatchFile(file, listener);
  }

  async audit(): Promise<AuditLine[]> {
    const raw = await readFile(path.join(this.dir, 'audit.jsonl'), 'utf8').catch(() => '');
    return raw.split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditLine);
  }

  /** One change at a time: read the list, change it, write it, log it. */
  private change<T>(fn: (list: LibraryEntry[]) => Promise<{ list: LibraryEntry[]; result: T; audit: Omit<AuditLine, 'at'>; after?: () => Promise<void> }>): Promise<T> {
    const run = this.queue.then(async () => {
      const { list, result, audit, after } = await fn(await this.list());
      await mkdir(this.dir, { recursive: true });
      const json = JSON.stringify(list, null, 2) + '\n';
      this.written = json;
      await atomicWrite(this.listFile, json);
      await appendFile(path.join(this.dir, 'audit.jsonl'), JSON.stringify({ at: new Date().toISOString(), ...audit }) + '\n');
      await after?.();
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

export class NotFound extends Error {
  constructor(readonly id: string) {
    super(texts.notFound(id));
  }
}

export function toDocMeta(e: LibraryEntry & { level: DocLevel }): DocMeta {
  const { id, title, number, issuer, date, level, file, label, kind, signer, place } = e;
  return { id, title, number, issuer, date, level, file, label, ...(kind ? { kind } : {}), ...(signer ? { signer } : {}), ...(place ? { place } : {}) };
}

export const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

async function atomicWrite(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${file}.${randomUUID()}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}
