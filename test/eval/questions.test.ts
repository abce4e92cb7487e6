/**
 * Validates the evaluation question set itself (test/eval/questions.jsonl), not the bot:
 * well-formed lines, a realistic mix of questions, and every expected answer grounded in
 * the text of its document.
 *
 * Document text comes from corpus/<file> when corpus/manifest.json lists the docId,
 * otherwise from the seed copies in /work/shared/seeds/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeVi } from '../../src/knowledge/ingest/normalize.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const QUESTIONS = join(HERE, 'questions.jsonl');
const CORPUS = join(ROOT, 'corpus');
const MANIFEST = join(CORPUS, 'manifest.json');
const SEEDS = process.env.SEEDS_DIR ?? '/work/shared/seeds';

const DOC_IDS = ['hp-2144', 'hong-an-kh', 'bnv-4735', 'hai-duong-kh'] as const;
type DocId = (typeof DOC_IDS)[number];
const SEED_FILES: Record<DocId, string> = {
  'hp-2144': '000_0f225e115abc076c.txt',
  'hong-an-kh': '001_cef97842b6e97a79.txt',
  'bnv-4735': '002_e3a46710e09f8f4c.txt',
  'hai-duong-kh': '003_7a0c5e66c495ceb7.txt',
};
const ROLES = new Set(['citizen', 'officer', 'staff']);

interface Question {
  id: string;
  q: string;
  role: 'citizen' | 'officer' | 'staff';
  answerable: boolean;
  docId?: string;
  evidence?: string;
  facts?: string[];
}

/** Manifest entries ({ id, file }), whatever the top-level shape; [] when there is no manifest. */
function manifestEntries(): { id: string; file: string }[] {
  if (!existsSync(MANIFEST)) return [];
  const raw: unknown = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  const list = Array.isArray(raw)
    ? raw
    : ((raw as Record<string, unknown>).docs ?? (raw as Record<string, unknown>).documents ?? []);
  if (!Array.isArray(list)) return [];
  return list
    .filter((d): d is { id: string; file: string } => typeof d?.id === 'string' && typeof d?.file === 'string')
    .map((d) => ({ id: d.id, file: d.file }));
}

const MANIFEST_ENTRIES = manifestEntries();

function docPath(docId: DocId): string {
  const entry = MANIFEST_ENTRIES.find((d) => d.id === docId);
  if (entry) {
    const p = join(CORPUS, entry.file);
    if (existsSync(p)) return p;
  }
  return join(SEEDS, SEED_FILES[docId]);
}

const collapse = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
/** Collapsed, lower-cased, one tone-mark convention (hoá = hóa, Uỷ = Ủy). */
const loose = (s: string) => normalizeVi(collapse(s)).toLowerCase();

const RAW: Record<string, string> = {};
for (const id of DOC_IDS) {
  const p = docPath(id);
  if (existsSync(p)) RAW[id] = readFileSync(p, 'utf8').normalize('NFC');
}

const COLLAPSED: Record<string, string> = {};
const LOOSE: Record<string, string> = {};
const LOOSE_LINES: Record<string, string[]> = {};
for (const [id, text] of Object.entries(RAW)) {
  COLLAPSED[id] = collapse(text);
  LOOSE[id] = loose(text);
  LOOSE_LINES[id] = text.split(/\r?\n/).map(loose);
}

function contains(docId: string, needle: string): boolean {
  if (RAW[docId] === undefined) return false;
  return COLLAPSED[docId]!.includes(collapse(needle)) || LOOSE[docId]!.includes(loose(needle));
}

function containsLoosely(docId: string, needle: string): boolean {
  return LOOSE[docId] !== undefined && LOOSE[docId]!.includes(loose(needle));
}

/** True when the text carries any Vietnamese diacritic (tone or quality mark, or đ). */
function hasDiacritics(s: string): boolean {
  return /[\u0300-\u036f]|[đĐ]/.test(s.normalize('NFD'));
}

const lines = readFileSync(QUESTIONS, 'utf8').split('\n');
const nonEmpty = lines.map((l, i) => ({ l, n: i + 1 })).filter(({ l }) => l.trim() !== '');
const questions: Question[] = [];
const parseErrors: string[] = [];
for (const { l, n } of nonEmpty) {
  try {
    questions.push(JSON.parse(l) as Question);
  } catch (e) {
    parseErrors.push(`line ${n}: ${(e as Error).message}`);
  }
}
const answerable = questions.filter((q) => q.answerable === true);
const unanswerable = questions.filter((q) => q.answerable === false);

describe('test/eval/questions.jsonl', () => {
  it('every non-empty line is one valid JSON object', () => {
    expect(parseErrors).toEqual([]);
    for (const q of questions) expect(typeof q).toBe('object');
  });

  it('has unique ids and at least 60 questions', () => {
    const ids = questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(questions.length).toBeGreaterThanOrEqual(60);
  });

  it('every question has a non-empty q, a known role and a boolean answerable', () => {
    const bad = questions.filter(
      (q) =>
        typeof q.id !== 'string' ||
        typeof q.q !== 'string' ||
        q.q.trim().length < 5 ||
        !ROLES.has(q.role) ||
        typeof q.answerable !== 'boolean',
    );
    expect(bad.map((q) => q.id)).toEqual([]);
  });

  it('mixes roles', () => {
    for (const role of ROLES) {
      expect(questions.filter((q) => q.role === role).length, role).toBeGreaterThanOrEqual(10);
    }
  });

  it('at least a third of the questions are typed without diacritics', () => {
    const plain = questions.filter((q) => !hasDiacritics(q.q));
    expect(plain.length * 3).toBeGreaterThanOrEqual(questions.length);
  });

  it('has 10–14 unanswerable questions, with no docId, evidence or facts', () => {
    expect(unanswerable.length).toBeGreaterThanOrEqual(10);
    expect(unanswerable.length).toBeLessThanOrEqual(14);
    for (const q of unanswerable) {
      expect(q.docId, q.id).toBeUndefined();
      expect(q.evidence, q.id).toBeUndefined();
      expect(q.facts, q.id).toBeUndefined();
    }
  });

  it('every answerable question names a known document, 10–80 characters of evidence and 1–2 facts', () => {
    for (const q of answerable) {
      expect(DOC_IDS as readonly string[], q.id).toContain(q.docId);
      expect(typeof q.evidence, q.id).toBe('string');
      expect(q.evidence!.length, q.id).toBeGreaterThanOrEqual(10);
      expect(q.evidence!.length, q.id).toBeLessThanOrEqual(80);
      expect(Array.isArray(q.facts), q.id).toBe(true);
      expect(q.facts!.length, q.id).toBeGreaterThanOrEqual(1);
      expect(q.facts!.length, q.id).toBeLessThanOrEqual(2);
      for (const f of q.facts!) expect(f.trim().length, q.id).toBeGreaterThan(0);
    }
  });

  it('can read the text of every expected document', () => {
    for (const id of DOC_IDS) expect(RAW[id], `${id} (${docPath(id)})`).toBeTypeOf('string');
  });

  it.runIf(MANIFEST_ENTRIES.length > 0)('corpus/manifest.json lists every expected docId', () => {
    const listed = new Set(MANIFEST_ENTRIES.map((d) => d.id));
    expect(DOC_IDS.filter((id) => !listed.has(id))).toEqual([]);
  });

  it("every answerable question's evidence is a substring of its document", () => {
    const missing = answerable
      .filter((q) => !contains(q.docId!, q.evidence!))
      .map((q) => `${q.id} [${q.docId}] ${q.evidence}`);
    expect(missing).toEqual([]);
  });

  it('evidence does not cross a line break of the document text', () => {
    const crossing = answerable
      .filter((q) => {
        const docLines = LOOSE_LINES[q.docId!];
        if (docLines === undefined) return true;
        const ev = loose(q.evidence!);
        return !docLines.some((line) => line.includes(ev));
      })
      .map((q) => `${q.id} ${q.evidence}`);
    expect(crossing).toEqual([]);
  });

  it('every fact appears in the document text (case- and whitespace-insensitive)', () => {
    const missing: string[] = [];
    for (const q of answerable) {
      for (const f of q.facts!) if (!containsLoosely(q.docId!, f)) missing.push(`${q.id} [${q.docId}] ${f}`);
    }
    expect(missing).toEqual([]);
  });
});

/** Letters and digits only, lower case: how the eval matches evidence across line breaks. */
const squash = (s: string) => s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

describe('the held-out sets (test/eval/holdout*.jsonl, seeds-blind*.jsonl)', () => {
  const files = readdirSync(HERE).filter((f) => /^(?:holdout\d*|seeds-blind\d+)\.jsonl$/.test(f));
  const SQUASHED = Object.fromEntries(Object.entries(RAW).map(([id, t]) => [id, squash(t)]));

  it('are there', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
  });

  it.each(files)('%s: well-formed, unique ids, every answer grounded in its document', (file) => {
    const qs = readFileSync(join(HERE, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Question);
    expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
    const problems: string[] = [];
    for (const q of qs) {
      if (!ROLES.has(q.role) || typeof q.q !== 'string' || typeof q.answerable !== 'boolean') problems.push(`${q.id}: shape`);
      if (!q.answerable) {
        if (q.evidence !== undefined || q.facts !== undefined) problems.push(`${q.id}: unanswerable with evidence`);
        continue;
      }
      const text = SQUASHED[q.docId ?? ''];
      if (text === undefined) problems.push(`${q.id}: unknown document ${q.docId}`);
      else {
        if (!q.evidence || !text.includes(squash(q.evidence))) problems.push(`${q.id}: evidence not in ${q.docId}`);
        for (const f of q.facts ?? []) if (!squash(q.evidence ?? '').includes(squash(f)) && !text.includes(squash(f))) problems.push(`${q.id}: fact ${f}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
