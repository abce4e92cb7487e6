import { cp, mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/knowledge/ingest/corpus.js';
import {
  NEAR_DUPLICATE_THRESHOLD,
  diacriticDensity,
  findNearDuplicates,
  sequenceSimilarity,
} from '../../src/knowledge/ingest/near-duplicate.js';
import { fold } from '../../src/knowledge/ingest/normalize.js';
import type { DocMeta } from '../../src/knowledge/types.js';

const CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as DocMeta[];
const texts = manifest.map((m) => readFileSync(path.join(CORPUS, m.file), 'utf8'));

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));
async function copyCorpus(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'corpus-'));
  temps.push(dir);
  await cp(CORPUS, dir, { recursive: true });
  return dir;
}

describe('near-duplicate detection', () => {
  it('separates the OCR copy from documents written from the same template (numbers printed)', () => {
    const shingles = (t: string) => {
      const s = fold(t).replace(/[^a-z0-9]+/g, ' ');
      return new Set(Array.from({ length: Math.max(0, s.length - 4) }, (_, i) => s.slice(i, i + 5)));
    };
    const jaccard = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length / new Set([...a, ...b]).size;
    const rows: { pair: string; sequence: number; char5Jaccard: number }[] = [];
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        rows.push({
          pair: `${manifest[i]!.id} ↔ ${manifest[j]!.id}`,
          sequence: +sequenceSimilarity(texts[i]!, texts[j]!).toFixed(3),
          char5Jaccard: +jaccard(shingles(texts[i]!), shingles(texts[j]!)).toFixed(3),
        });
      }
    }
    console.table(rows);
    const copy = rows.find((r) => r.pair === 'hp-2144 ↔ hp-2144-ocr')!;
    const others = rows.filter((r) => r !== copy);
    expect(copy.sequence).toBeGreaterThan(0.75);
    expect(Math.max(...others.map((r) => r.sequence))).toBeLessThan(0.45);
    expect(copy.sequence).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    // A set measure would not do: two different plans share more 5-grams than the copy does.
    expect(Math.max(...others.map((r) => r.char5Jaccard))).toBeGreaterThan(copy.char5Jaccard);
  });

  it('takes the text without diacritics for the copy, whatever the order', () => {
    const clean = 'Đổi mới sáng tạo và chuyển đổi số, phổ cập kỹ năng số cho người dân trên nền tảng VNeID trước ngày 05/12.';
    const ocr = 'D61 moi sang tao va chuyén déi s6, phé cap ky nang so cho ngudi dan trén nén tang VNeID truéc ngay 05/12.';
    const other = 'Hội đồng Thi đua - Khen thưởng thành phố họp định kỳ để xét tặng Cờ thi đua cho tập thể dẫn đầu.';
    expect(diacriticDensity(ocr)).toBeLessThan(0.1);
    expect(diacriticDensity(clean)).toBeGreaterThan(0.25);
    const docs = [
      { id: 'ocr', text: ocr },
      { id: 'clean', text: clean },
      { id: 'other', text: other },
    ];
    expect(findNearDuplicates(docs, 0.5)).toEqual([{ copy: 'ocr', of: 'clean', similarity: expect.any(Number) }]);
    expect(findNearDuplicates(docs.slice(1))).toEqual([]);
  });
});

describe('loadCorpus', () => {
  it('keeps the clean letter, drops its OCR copy and merges the copy’s number and date', async () => {
    const corpus = await loadCorpus(CORPUS);
    expect(corpus.docs.map((d) => d.id)).toEqual(['hp-2144', 'hong-an-kh', 'bnv-4735', 'hai-duong-kh']);
    expect(corpus.duplicates).toEqual([{ docId: 'hp-2144-ocr', of: 'hp-2144', similarity: expect.any(Number) }]);
    expect(corpus.duplicates[0]!.similarity).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    expect(corpus.docs[0]).toMatchObject({ number: '2144/UBND-NVKTGS', date: '2025-08-15', label: 'Công văn 2144/UBND-NVKTGS' });
    expect(corpus.docs.find((d) => d.id === 'bnv-4735')).toMatchObject({ label: 'Công văn 4735/BNV-BTĐKTTW', date: '2025-07-04' });

    const ids = new Set(corpus.docs.map((d) => d.id));
    expect(corpus.chunks.every((c) => ids.has(c.docId))).toBe(true);
    const perDoc = Object.fromEntries(corpus.docs.map((d) => [d.id, corpus.chunks.filter((c) => c.docId === d.id)]));
    const sizes = corpus.chunks.map((c) => c.text.length);
    console.log(
      Object.entries(perDoc).map(([id, cs]) => `${id}: ${cs.length} chunks`).join(', '),
      `| sizes ${Math.min(...sizes)}–${Math.max(...sizes)} chars`,
    );
  });

  it('lets no OCR text into the chunks and keeps the text clean', async () => {
    const { chunks } = await loadCorpus(CORPUS);
    const all = chunks.map((c) => c.text).join('\n');
    for (const garbled of ['d61 moi', 'Ké hoach', 'Binh dan hoc vu', 'Phong trao thi dua', 'chuyén', 'UBND-NVKTGS Hai Phong']) {
      expect(all).not.toContain(garbled);
    }
    expect(all).not.toMatch(/hoá|Uỷ|\n \n| {2}/);
    expect(all).toContain('Qua đó, góp phần thực hiện hiệu quả Chương trình hành động số 89-Ctr/TU');
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
  });

  it('hashes manifest and files: stable, and changed by any edit', async () => {
    const first = await loadCorpus(CORPUS);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await loadCorpus(CORPUS)).hash).toBe(first.hash);
    const dir = await copyCorpus();
    await appendFile(path.join(dir, manifest[2]!.file), '\n');
    expect((await loadCorpus(dir)).hash).not.toBe(first.hash);
  });

  it('names the manifest entry and field at fault', async () => {
    const dir = await copyCorpus();
    const entries = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>[];
    entries[2]!.date = '04/7/2025';
    entries[3]!.level = 'huyện';
    delete entries[1]!.issuer;
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(entries));
    const error = await loadCorpus(dir).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('entry 2 ("bnv-4735"), field "date"');
    expect(message).toContain('entry 3 ("hai-duong-kh"), field "level"');
    expect(message).toContain('entry 1 ("hong-an-kh"), field "issuer"');
  });

  it('reports a duplicate id and a missing file by name', async () => {
    const dir = await copyCorpus();
    const entries = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>[];
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify([...entries, { ...entries[0], file: 'x.txt' }]));
    await expect(loadCorpus(dir)).rejects.toThrow('id "hp-2144" is listed twice');
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify([{ ...entries[0], file: 'missing.txt' }]));
    await expect(loadCorpus(dir)).rejects.toThrow('manifest entry "hp-2144": cannot read file "missing.txt"');
  });
});
