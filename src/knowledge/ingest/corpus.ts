/**
 * Reads corpus/: the hand-written manifest and the extracted documents, repaired and chunked.
 * A near-duplicate (the OCR copy of a letter) is left out of answers, but the header facts only
 * it carries (number, date) are merged into the clean document it copies.
 */
import { cooperative, runCooperatively } from './cooperate.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { chunkDocument, SECTIONS } from './chunk.js';
import { nearDuplicateSteps } from './near-duplicate.js';
import { normalizeVi } from './normalize.js';
import { repairText } from './repair.js';
import { DOC_LEVELS, type Chunk, type DocMeta, type LoadedCorpus } from '../types.js';
import { placeOfDocument } from './place.js';

const text = z.string().trim().min(1, 'must not be empty');
const docMetaSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and "-", e.g. "bnv-4735"'),
  title: text,
  number: text.nullable(),
  issuer: text,
  date: z.iso.date('use YYYY-MM-DD, or null when the copy has no date').nullable(),
  level: z.enum(DOC_LEVELS),
  file: z.string().regex(/^[^/\\]+\.txt$/, 'a .txt file name inside corpus/, without folders'),
  label: text,
  kind: text.optional(),
  signer: text.optional(),
  place: text.optional(),
});
const manifestSchema = z.array(docMetaSchema).min(1, 'list at least one document');

function fail(dir: string, problems: string[]): never {
  throw new Error(`${path.join(dir, 'manifest.json')} is invalid:\n- ${problems.join('\n- ')}`);
}

/** Validates the manifest; every problem is reported at once, naming the entry and field. */
function parseManifest(dir: string, raw: string): DocMeta[] {
  let json: unknown;
  try {
    // One normaliser for everything: "Uỷ ban" typed in the manifest matches "Ủy ban" in the text.
    json = JSON.parse(normalizeVi(raw));
  } catch (err) {
    fail(dir, [`not valid JSON (${(err as Error).message})`]);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const entries = Array.isArray(json) ? json : [];
    fail(
      dir,
      parsed.error.issues.map((issue) => {
        const [index, field] = issue.path;
        if (typeof index !== 'number') return issue.message;
        const id = (entries[index] as { id?: unknown } | undefined)?.id;
        const entry = `entry ${index}${typeof id === 'string' ? ` ("${id}")` : ''}`;
        return field === undefined ? `${entry}: ${issue.message}` : `${entry}, field "${String(field)}": ${issue.message}`;
      }),
    );
  }
  const problems: string[] = [];
  for (const key of ['id', 'file'] as const) {
    const seen = new Set<string>();
    for (const doc of parsed.data) {
      if (seen.has(doc[key])) problems.push(`${key} "${doc[key]}" is listed twice`);
      seen.add(doc[key]);
    }
  }
  if (problems.length) fail(dir, problems);
  return parsed.data;
}

/** The clean document, completed with the header facts only its copy carries. */
function mergeHeader(doc: DocMeta, copy: DocMeta): DocMeta {
  const merged: DocMeta = {
    ...doc,
    number: doc.number ?? copy.number,
    date: doc.date ?? copy.date,
    ...(doc.signer ?? copy.signer ? { signer: doc.signer ?? copy.signer } : {}),
  };
  if (merged.number && !doc.label.includes(merged.number)) {
    merged.label = doc.kind ? `${doc.kind} ${merged.number}` : `${doc.label} số ${merged.number}`;
  }
  return merged;
}

/** "2025-08-15" → "15/8/2025", the way Vietnamese documents write dates. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

/** Matches the note `docInfoChunk` adds when a copy has no date ("… không ghi số hiệu và ngày ban hành."). */
export const NO_DATE_NOTE = /không ghi (?:số hiệu và )?ngày ban hành/u;

/**
 * One retrievable passage of header facts (kind, number, issuer, date, subject, signer), all from
 * the hand-written manifest, so "who signed", "which number", "what date" find an answer even
 * where the extracted text lost its header, and a plain "no number / no date" where the copy has none.
 */
export function docInfoChunk(doc: DocMeta): Chunk {
  const parts = [
    `${doc.kind ?? 'Văn bản'}${doc.number ? ` số ${doc.number}` : ''} của ${doc.issuer}${doc.date ? `, ban hành ngày ${viDate(doc.date)}` : ''}.`,
    `Trích yếu: ${doc.title}.`,
    ...(doc.signer ? [`Người ký: ${doc.signer}.`] : []),
    // Said outright, so "ban hành ngày nào?" gets "the copy carries no date" rather than a guess.
    ...(!doc.number || !doc.date ? [`Bản trong kho không ghi ${[doc.number ? '' : 'số hiệu', doc.date ? '' : 'ngày ban hành'].filter(Boolean).join(' và ')}.`] : []),
  ];
  return { id: `${doc.id}#info`, docId: doc.id, section: SECTIONS.info, text: parts.join('\n') };
}

/**
 * Documents added while the bot runs (they live in DATA_DIR, validated by their own store): their
 * folder, their entries, and the bundled ids they replace.
 */
export interface AddedDocuments {
  dir: string;
  docs: DocMeta[];
  hide?: string[];
}

/**
 * Loads `corpusDir`, and the `added` documents after it: validates manifest.json (zod), reads every listed file, repairs and chunks
 * the documents, and sets near-duplicates aside. Promises: `docs` and `chunks` never contain a
 * near-duplicate copy; the kept original carries the copy's number and date where it had none
 * (its label then names the number); `hash` is a sha256 over the manifest and every file, so it
 * changes exactly when the corpus does.
 * @throws Error naming the manifest entry and field at fault, or the file that cannot be read.
 * @example const { docs, chunks } = await loadCorpus('corpus');
 */
/**
 * Repairing and chunking is a pure function of the text, and the slowest part of reading a
 * corpus: a reindex after one upload reuses what it made for the documents that did not change.
 */
const chunked = new Map<string, ReturnType<typeof chunkDocument>>();
const CHUNKED_LIMIT = 500;

function chunksOf(docId: string, raw: string): ReturnType<typeof chunkDocument> {
  const key = `${docId}\0${createHash('sha256').update(raw).digest('hex')}`;
  let chunks = chunked.get(key);
  if (!chunks) {
    chunks = chunkDocument(docId, repairText(raw));
    if (chunked.size >= CHUNKED_LIMIT) chunked.clear();
    chunked.set(key, chunks);
  }
  return chunks;
}

export async function loadCorpus(corpusDir: string, added?: AddedDocuments): Promise<LoadedCorpus> {
  const manifestPath = path.join(corpusDir, 'manifest.json');
  const manifestRaw = await readFile(manifestPath).catch((err: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${manifestPath} (${err.code ?? err.message}): the corpus needs a manifest`, { cause: err });
  });
  const hidden = new Set(added?.hide ?? []);
  const bundled = parseManifest(corpusDir, manifestRaw.toString('utf8')).filter((m) => !hidden.has(m.id));
  const metas = [...bundled, ...(added?.docs ?? [])];
  const dirOf = (i: number) => (i < bundled.length ? corpusDir : added!.dir);
  const files = await Promise.all(
    metas.map((meta, i) =>
      readFile(path.join(dirOf(i), meta.file)).catch((err: NodeJS.ErrnoException) => {
        throw new Error(
          `manifest entry "${meta.id}": cannot read file "${meta.file}" in ${dirOf(i)} (${err.code ?? err.message})`,
          { cause: err },
        );
      }),
    ),
  );

  const hash = createHash('sha256').update(manifestRaw);
  if (added) hash.update(JSON.stringify({ docs: added.docs, hide: [...hidden] }));
  metas.forEach((meta, i) => hash.update(`\0${meta.file}\0`).update(files[i]!));

  // Tokens ignore layout, so duplicates are found on the raw texts and the copy is never repaired.
  const raws = files.map((buf) => buf.toString('utf8'));
  const found = await runCooperatively(nearDuplicateSteps(metas.map((m, i) => ({ id: m.id, text: raws[i]! }))));
  const copyOf = new Map(found.map((d) => [d.of, metas.find((m) => m.id === d.copy)!]));
  const copies = new Set(found.map((d) => d.copy));

  const docs: DocMeta[] = [];
  const chunks: LoadedCorpus['chunks'] = [];
  // One document at a time, sharing the event loop: a reindex runs while questions are answered.
  const turn = cooperative();
  for (const [i, meta] of metas.entries()) {
    if (copies.has(meta.id)) continue;
    const copy = copyOf.get(meta.id);
    const merged = copy ? mergeHeader(meta, copy) : meta;
    const place = merged.place ?? placeOfDocument(merged.issuer, raws[i]!);
    const doc = place ? { ...merged, place } : merged;
    docs.push(doc);
    chunks.push(docInfoChunk(doc), ...chunksOf(meta.id, raws[i]!));
    await turn();
  }
  return {
    docs,
    chunks,
    hash: hash.digest('hex'),
    duplicates: found.map((d) => ({ docId: d.copy, of: d.of, similarity: d.similarity })),
  };
}
