/**
 * Files sent in chat wait here, judged but not published, until the sender confirms, corrects a
 * field or cancels: `DATA_DIR/documents/drafts/<token>.json` beside the original bytes. On disk,
 * not in memory, so a restart between the upload and the confirmation loses nothing. Drafts older
 * than a day are dropped when the next one is written.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Draft } from './intake.js';

const MAX_AGE_MS = 24 * 3600_000;

export class DraftShelf {
  private readonly dir: string;
  constructor(libraryDir: string) {
    this.dir = path.join(libraryDir, 'drafts');
  }

  async put(draft: Draft, owner: string): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    await this.prune();
    const token = randomBytes(6).toString('hex');
    const { bytes, ...rest } = draft;
    await writeFile(path.join(this.dir, `${token}.bin`), bytes);
    await writeFile(path.join(this.dir, `${token}.json`), JSON.stringify({ owner, draft: rest }));
    return token;
  }

  /** The draft, when it exists and belongs to `owner`. */
  async get(token: string, owner: string): Promise<Draft | undefined> {
    if (!/^[0-9a-f]{12}$/.test(token)) return undefined;
    try {
      const saved = JSON.parse(await readFile(path.join(this.dir, `${token}.json`), 'utf8')) as { owner: string; draft: Omit<Draft, 'bytes'> };
      if (saved.owner !== owner) return undefined;
      const bytes = new Uint8Array(await readFile(path.join(this.dir, `${token}.bin`)));
      return { ...saved.draft, bytes };
    } catch {
      return undefined;
    }
  }

  async update(token: string, owner: string, draft: Draft): Promise<void> {
    const { bytes: _b, ...rest } = draft;
    await writeFile(path.join(this.dir, `${token}.json`), JSON.stringify({ owner, draft: rest }));
  }

  async drop(token: string): Promise<void> {
    await rm(path.join(this.dir, `${token}.json`), { force: true });
    await rm(path.join(this.dir, `${token}.bin`), { force: true });
  }

  private async prune(): Promise<void> {
    const now = Date.now();
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      const file = path.join(this.dir, name);
      const s = await stat(file).catch(() => undefined);
      if (s && now - s.mtimeMs > MAX_AGE_MS) await rm(file, { force: true });
    }
  }
}
