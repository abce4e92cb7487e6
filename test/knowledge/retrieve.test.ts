import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRetriever, hashRecords } from '../../src/knowledge/search/retrieve.js';
import { FakeEmbeddings } from './fake-embeddings.js';
import { RECORDS } from './fixtures-vi.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('createRetriever', () => {
  it('ranks the right passage first, in the default (lexical-first + local vectors) setup', async () => {
    const r = await createRetriever(RECORDS);
    expect((await r.search('trach nhiem cua UBND cap xa', 3))[0]?.id).toBe('ubnd');
    expect((await r.search('CBCCVC hoc ky nang so', 3))[0]?.id).toBe('cbccvc');
    expect((await r.search('doanh ngiep sang tao', 3))[0]?.id).toBe('doanhnghiep');
    expect((await r.search('số hoá di sản văn hoá', 3))[0]?.id).toBe('vanhoa');
    expect(await r.search('ubnd', 0)).toEqual([]);
  });

  it('returns k distinct hits with descending scores whatever the fusion', async () => {
    for (const fusion of ['lexical-first', 'weighted', 'rrf', 'lexical'] as const) {
      const hits = await (await createRetriever(RECORDS, { fusion })).search('khen thưởng phong trào thi đua', 4);
      expect(hits[0]?.id).toBe('khenthuong');
      expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
      for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    }
  });

  it('persists vectors under indexDir and rebuilds when the corpus hash changes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'retrieve-'));
    dirs.push(dir);
    const embeddings = new FakeEmbeddings();
    const first = await createRetriever(RECORDS, { embeddings, indexDir: dir, corpusHash: 'v1' });
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ corpusHash: 'v1', count: RECORDS.length, embedderId: 'FakeEmbeddings:fake-trigram:64' });
    const again = await createRetriever(RECORDS, { embeddings, indexDir: dir, corpusHash: 'v1' });
    expect(await again.search('bàn giao thiết bị', 3)).toEqual(await first.search('bàn giao thiết bị', 3));

    const fewer = RECORDS.slice(0, 3);
    await createRetriever(fewer, { embeddings, indexDir: dir, corpusHash: hashRecords(fewer) });
    const rebuilt = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
    expect(rebuilt.count).toBe(3);
  });

  it('persists the local model with its vectors', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'retrieve-local-'));
    dirs.push(dir);
    const a = await createRetriever(RECORDS, { indexDir: dir });
    const b = await createRetriever(RECORDS, { indexDir: dir });
    expect(await b.search('thu vien bao tang', 3)).toEqual(await a.search('thu vien bao tang', 3));
    expect(JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')).embedderId).toMatch(/^local-lsa-v1-/);
  });
});
