import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Library, NotFound } from '../../src/documents/library.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function library() {
  const d = mkdtempSync(path.join(os.tmpdir(), 'tltd-lib-'));
  dirs.push(d);
  return new Library(d);
}
const meta = (id: string, level: 'xã' | null = 'xã') => ({
  id, title: 'Triển khai phong trào', number: '12/KH-UBND', issuer: 'Ủy ban nhân dân xã Tân Phú', date: '2025-09-03', level, label: 'Kế hoạch 12/KH-UBND của UBND xã Tân Phú', kind: 'Kế hoạch',
});
const add = (lib: Library, id: string, extra: Partial<Parameters<Library['add']>[0]> = {}) =>
  lib.add({ meta: meta(id), text: 'Nội dung kế hoạch.', original: new TextEncoder().encode('%PDF-1.4 …'), sourceName: 'Ke hoach.PDF', status: 'published', method: 'pdf-text', pages: 2, by: 'telegram:7', ...extra });

describe('Library', () => {
  it('keeps the original beside its text, lists published ones for the index, and logs who did what', async () => {
    const lib = library();
    const e = await add(lib, 'kh-12-tan-phu');
    expect(e).toMatchObject({ file: 'kh-12-tan-phu.txt', original: 'kh-12-tan-phu.original.pdf', status: 'published', chars: 18, addedBy: 'telegram:7' });
    expect(readdirSync(lib.dir).sort()).toEqual(['audit.jsonl', 'kh-12-tan-phu.original.pdf', 'kh-12-tan-phu.txt', 'library.json']);
    expect(await lib.text(e)).toBe('Nội dung kế hoạch.');
    await add(lib, 'kh-13', { status: 'held', heldReason: 'mất dấu' });
    const index = await lib.forIndex();
    expect(index.docs.map((d) => d.id)).toEqual(['kh-12-tan-phu']);
    expect(index.docs[0]).not.toHaveProperty('status');
    await lib.publish('kh-13', 'cli:an');
    expect((await lib.get('kh-13'))).not.toHaveProperty('heldReason');
    await lib.remove('kh-12-tan-phu', 'cli:an');
    expect(readdirSync(lib.dir)).not.toContain('kh-12-tan-phu.txt');
    expect((await lib.audit()).map((a) => `${a.action} ${a.id} ${a.by}`)).toEqual([
      'add kh-12-tan-phu telegram:7', 'add kh-13 telegram:7', 'publish kh-13 cli:an', 'remove kh-12-tan-phu cli:an',
    ]);
  });

  it('holds a document without a level, and refuses to publish it until one is set', async () => {
    const lib = library();
    await lib.add({ meta: meta('khong-cap', null), text: 'x', original: new Uint8Array([1]), sourceName: 'a.txt', status: 'published', method: 'plain', pages: 1, by: 'cli' });
    expect((await lib.get('khong-cap'))?.status).toBe('held');
    await expect(lib.publish('khong-cap', 'cli')).rejects.toThrow('chưa có cấp');
    await lib.edit('khong-cap', { level: 'xã' }, 'cli');
    expect((await lib.publish('khong-cap', 'cli')).status).toBe('published');
  });

  it('serialises concurrent changes (none lost), refuses a duplicate id, and names an unknown one in Vietnamese', async () => {
    const lib = library();
    await Promise.all(Array.from({ length: 8 }, (_, i) => add(lib, `kh-${i}`)));
    expect((await lib.list()).map((e) => e.id).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `kh-${i}`).sort());
    await expect(add(lib, 'kh-3')).rejects.toThrow('already exists');
    await expect(lib.remove('khong-co', 'cli')).rejects.toBeInstanceOf(NotFound);
    await expect(lib.remove('khong-co', 'cli')).rejects.toThrow('Không có văn bản nào mang mã khong-co');
  });

  it('reports a corrupted list instead of treating it as empty', async () => {
    const lib = library();
    await add(lib, 'kh-1');
    writeFileSync(path.join(lib.dir, 'library.json'), JSON.stringify([{ id: 'kh-1' }]));
    await expect(lib.list()).rejects.toThrow('library.json is invalid');
  });
});

describe('watching the library', () => {
  it('tells of a change made by another writer (the CLI), not of its own', async () => {
    const mine = library();
    const other = new Library(path.dirname(mine.dir)); // another process, as far as `mine` knows
    let changes = 0;
    const stop = mine.watch(() => changes++, 50);
    const settle = () => new Promise((r) => setTimeout(r, 400));
    try {
      await add(mine, 'kh-a');
      await settle();
      expect(changes).toBe(0);
      await add(other, 'kh-b');
      await settle();
      expect(changes).toBe(1);
    } finally {
      stop();
    }
  });
});
