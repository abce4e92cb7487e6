/**
 * One file in, one verdict out: extract the text (PDF, DOCX, scan, photo), read the header's
 * metadata, then the quality gate.
 * - `rejected`: empty, unreadable, password-protected or unsupported, with the reason;
 * - `duplicate`: the same file, or the same text in the same order as a document we have
 *   (LCS of folded tokens, the measure the corpus loader uses), naming it; when the new copy is
 *   better (more diacritics, or a number the other lacks) the verdict says so and offers to
 *   replace it;
 * - `held`: Vietnamese that lost its diacritics (an OCR without the Vietnamese model), or a
 *   header whose level could not be read; it never answers until someone publishes it;
 * - `published` otherwise.
 * `analyse` stores nothing; `commit` writes the draft to the library.
 */
import path from 'node:path';
import type { Extracted } from '../knowledge/ingest/extract/index.js';
import { readHeader } from '../knowledge/ingest/header.js';
import { diacriticDensity, NEAR_DUPLICATE_THRESHOLD, sequenceSimilarity } from '../knowledge/ingest/near-duplicate.js';
import { fold } from '../knowledge/ingest/normalize.js';
import type { DocLevel, DocMeta } from '../knowledge/types.js';
import { sha256, type Library, type LibraryEntry } from './library.js';
import { texts } from './texts.vi.js';

/** Clean Vietnamese text has ~0.3–0.4 of its letters marked; the OCR copy without a Vietnamese model 0.05. */
export const MIN_DIACRITIC_DENSITY = 0.15;
/** Fewer letters than this is no document (a blank scan, a cover page). */
const MIN_CHARS = 80;

export type Verdict =
  | { status: 'published' }
  | { status: 'held'; reason: string }
  | { status: 'duplicate'; reason: string; of: string; better: boolean }
  | { status: 'rejected'; reason: string };

/** Metadata read from the header; `level` may be unknown until someone says it. */
export type DraftMeta = Omit<DocMeta, 'level' | 'file'> & { level: DocLevel | null };

export interface Draft {
  file: string;
  bytes: Uint8Array;
  text: string;
  extracted: Omit<Extracted, 'text'>;
  meta: DraftMeta;
  verdict: Verdict;
}

/** A document we already have, as the gate compares it. */
export interface Known {
  id: string;
  label: string;
  number: string | null;
  text: string;
  sha256?: string;
}

export interface AnalyseOptions {
  known: Known[];
  /** Ids already taken (bundled and added), so a new id never collides. */
  takenIds: Set<string>;
  onProgress?: (p: { page: number; pages: number; stage: 'text' | 'ocr' }) => void;
  /** Fields given by the person adding the file win over what the header says. */
  override?: Partial<DraftMeta>;
}

/** The JSON shape of `cli ingest --json` and of the chat's summary. */
export function describe(d: Pick<Draft, 'file' | 'verdict' | 'meta' | 'extracted' | 'text'>) {
  const v = d.verdict;
  return {
    file: d.file,
    status: v.status,
    ...('reason' in v ? { reason: v.reason } : {}),
    ...(v.status === 'duplicate' ? { duplicateOf: v.of, better: v.better } : {}),
    document: {
      id: d.meta.id,
      number: d.meta.number,
      kind: d.meta.kind ?? null,
      title: d.meta.title,
      issuer: d.meta.issuer,
      level: d.meta.level,
      date: d.meta.date,
      signer: d.meta.signer ?? null,
      place: d.meta.place ?? null,
      pages: d.extracted.pages,
      chars: d.text.length,
      method: d.extracted.method,
    },
  };
}

let extraction: Promise<typeof import('../knowledge/ingest/extract/index.js')> | undefined;
const loadExtraction = () => (extraction ??= import('../knowledge/ingest/extract/index.js'));

/** Ends the OCR worker if a file was ever read (it keeps the process alive); a no-op otherwise. */
export async function closeExtraction(): Promise<void> {
  if (extraction) await (await extraction).closeOcr();
}

/** Reads one file and judges it; nothing is written. */
export async function analyse(input: { bytes: Uint8Array; fileName: string }, opts: AnalyseOptions): Promise<Draft> {
  const file = path.basename(input.fileName);
  // Loaded on the first file, so starting the bot does not load PDF, DOCX and OCR libraries.
  const { extractDocument, ExtractError } = await loadExtraction();
  let extracted: Extracted;
  try {
    extracted = await extractDocument(input, opts.onProgress ? { onProgress: opts.onProgress } : {});
  } catch (err) {
    if (!(err instanceof ExtractError)) throw err;
    const { why, detail } = err as InstanceType<typeof ExtractError>;
    return rejected(file, input.bytes, texts.extract[why](detail));
  }
  const text = extracted.text.trim();
  const { text: _t, ...about } = extracted;
  if (text.replace(/[^\p{L}]/gu, '').length < MIN_CHARS) return { ...rejected(file, input.bytes, texts.gate.empty), extracted: about };

  const meta = metaOf(text, file, opts);
  const draft = { file, bytes: input.bytes, text, extracted: about, meta };
  return { ...draft, verdict: judge(draft, opts.known) };
}

function rejected(file: string, bytes: Uint8Array, reason: string): Draft {
  return {
    file,
    bytes,
    text: '',
    extracted: { pages: 0, method: 'plain', ocrPages: 0 },
    meta: { id: '', title: file, number: null, issuer: '', date: null, level: null, label: file },
    verdict: { status: 'rejected', reason },
  };
}

/** The quality gate over a readable text (see the header). */
export function judge(d: Pick<Draft, 'bytes' | 'text' | 'meta'>, known: Known[]): Verdict {
  const digest = sha256(d.bytes);
  const density = diacriticDensity(d.text);
  for (const k of known) {
    const same = k.sha256 === digest;
    const similarity = same ? 1 : closeEnough(d.text, k.text);
    if (similarity < NEAR_DUPLICATE_THRESHOLD) continue;
    const better = !same && (density > diacriticDensity(k.text) + 0.05 || (Boolean(d.meta.number) && !k.number));
    return { status: 'duplicate', of: k.id, better, reason: better ? texts.gate.betterCopy(k.label, k.id) : texts.gate.duplicate(k.label, k.id, similarity) };
  }
  if (density < MIN_DIACRITIC_DENSITY) return { status: 'held', reason: texts.gate.noDiacritics(density) };
  if (!d.meta.level) return { status: 'held', reason: texts.gate.noLevel };
  return { status: 'published' };
}

/** The in-order similarity, skipped (0) when the lengths alone rule a copy out. */
function closeEnough(a: string, b: string): number {
  const [la, lb] = [a.length, b.length];
  if (Math.min(la, lb) / Math.max(la, lb) < NEAR_DUPLICATE_THRESHOLD * 0.8) return 0;
  return sequenceSimilarity(a, b);
}

/** The header's facts, completed where it is silent, with a fresh id. */
function metaOf(text: string, file: string, opts: AnalyseOptions): DraftMeta {
  const h = readHeader(text);
  const o = opts.override ?? {};
  const number = o.number !== undefined ? o.number : h.number;
  const issuer = o.issuer ?? h.issuer ?? texts.unknownIssuer;
  const kind = o.kind ?? h.kind ?? undefined;
  const place = o.place ?? h.place ?? undefined;
  const signer = o.signer ?? h.signer ?? undefined;
  const title = o.title ?? h.title ?? firstLine(text) ?? file;
  const id = o.id ?? freshId([number, place ?? issuer].filter(Boolean).join(' ') || path.parse(file).name, opts.takenIds);
  return {
    id,
    title,
    number: number ?? null,
    issuer,
    date: o.date !== undefined ? o.date : h.date,
    level: o.level ?? h.level,
    label: o.label ?? labelOf(kind, number ?? null, issuer),
    ...(kind ? { kind } : {}),
    ...(signer ? { signer } : {}),
    ...(place ? { place } : {}),
  };
}

const firstLine = (text: string) => text.split('\n').map((l) => l.trim()).find((l) => l.length > 10)?.slice(0, 160);

/** "Kế hoạch 45/KH-UBND của UBND xã Hòa Bình": what a citation shows. */
export function labelOf(kind: string | undefined, number: string | null, issuer: string): string {
  return `${kind ?? texts.document}${number ? ` ${number}` : ''} ${texts.of} ${texts.shortIssuer(issuer)}`;
}

/** "45/KH-UBND xã Hòa Bình" → "45-kh-ubnd-xa-hoa-binh", made unique among `taken`. */
export function freshId(words: string, taken: Set<string>): string {
  const base = fold(words).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || 'van-ban';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Writes a judged draft (published or held) to the library. */
export function commit(library: Library, draft: Draft, by: string, replaces?: string): Promise<LibraryEntry> {
  const v = draft.verdict;
  if (v.status === 'rejected') throw new Error(v.reason);
  const status = v.status === 'held' ? 'held' : 'published';
  return library.add({
    meta: draft.meta,
    text: draft.text,
    original: draft.bytes,
    sourceName: draft.file,
    status,
    ...(v.status === 'held' ? { heldReason: v.reason } : {}),
    method: draft.extracted.method,
    pages: draft.extracted.pages,
    by,
    ...(replaces ? { replaces } : {}),
  });
}

/** How the gate sees a document already in the library. */
export const knownOf = (e: LibraryEntry, text: string): Known => ({ id: e.id, label: e.label, number: e.number, text, sha256: e.sha256 });
