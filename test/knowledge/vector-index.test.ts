import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalEmbeddings } from '../../src/knowledge/search/local-embedder.js';
import { VectorIndex, VectorIndexMismatchError, embedderIdOf } from '../../src/knowledge/search/vector-index.js';
import { FakeEmbeddings } from './fake-embeddings.js';
import { RECORDS } from './fixtures-vi.js';

const dirs: string[] = [];
const tempDir = async () => {
  const d = await mkdtemp(path.join(tmpdir(), 'vi-index-'));
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const ids = RECORDS.map((r) => r.id);
const texts = RECORDS.map((r) => `${r.title}\n${r.text}`);

describe('VectorIndex', () => {
  it('finds the nearest record and survives a save/load round trip', async () => {
    const emb = new FakeEmbeddings();
    const meta = { embedderId: embedderIdOf(emb), corpusHash: 'h1' };
    const index = await VectorIndex.build(ids, texts, emb, meta);
    const q = await emb.embedQuery('uy ban nhan dan cap xa');
    expect(index.search(q, 1)[0]?.id).toBe('ubnd');

    const dir = await tempDir();
    await index.save(dir);
    const loaded = await VectorIndex.load(dir, meta);
    expect(loaded.manifest).toEqual({ ...meta, dims: 64, count: RECORDS.length });
    expect(loaded.search(q, 3)).toEqual(index.search(q, 3));
  });

  it('refuses an index built for another corpus or embedder', async () => {
    const emb = new FakeEmbeddings();
    const dir = await tempDir();
    await (await VectorIndex.build(ids, texts, emb, { embedderId: embedderIdOf(emb), corpusHash: 'h1' })).save(dir);
    await expect(VectorIndex.load(dir, { embedderId: embedderIdOf(emb), corpusHash: 'h2' })).rejects.toThrow(VectorIndexMismatchError);
    await expect(VectorIndex.load(dir, { embedderId: 'other-model', corpusHash: 'h1' })).rejects.toThrow(/rebuild/);
  });

  it('names remote embedders by class and model', () => {
    expect(embedderIdOf(new FakeEmbeddings(32))).toBe('FakeEmbeddings:fake-trigram:32');
  });
});

describe('LocalEmbeddings', () => {
  it('is deterministic, keeps Vietnamese letters and persists', async () => {
    const a = LocalEmbeddings.fit(texts, { dims: 4 });
    const b = LocalEmbeddings.fit(texts, { dims: 4 });
    expect(a.id).toBe(b.id);
    expect(await a.embedQuery('văn hoá')).toEqual(await b.embedQuery('văn hóa'));
    const dir = await tempDir();
    await a.save(dir);
    const c = await LocalEmbeddings.load(dir);
    expect(c.id).toBe(a.id);
    expect(await c.embedDocuments(texts)).toEqual(await a.embedDocuments(texts));
  });
});
