import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { parseCommand } from '../../src/core/handle-message.js';
import type { Incoming } from '../../src/core/message.js';
import { silentLogger } from '../../src/logger.js';

const root = path.resolve(import.meta.dirname, '../..');
let app: App;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'core-test-'));
  app = await createApp(loadConfig({ DATA_DIR: dataDir }, root), silentLogger);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const msg = (text: string): Incoming => ({ channel: 'console', chatId: 'c1', userId: 'u1', text });

describe('parseCommand', () => {
  it('reads commands with a bot mention and arguments', () => {
    expect(parseCommand('/hoi@TroLyThiDuaBot chỉ tiêu 2026')).toEqual({ command: 'hoi', rest: 'chỉ tiêu 2026' });
    expect(parseCommand('/START')).toEqual({ command: 'start', rest: '' });
    expect(parseCommand('chỉ tiêu 2026')).toBeNull();
  });
});

describe('the conversation core', () => {
  it('welcomes and helps in Vietnamese', async () => {
    expect((await app.handle(msg('/start')))[0]!.text).toContain('Trợ lý Thi đua');
    expect((await app.handle(msg('/help')))[0]!.text).toContain('/hoi');
  });

  it('answers plain text and /hoi alike, with citations', async () => {
    const plain = await app.handle(msg('tieu chuan bang khen thu tuong doi voi doanh nghiep'));
    const hoi = await app.handle(msg('/hoi tieu chuan bang khen thu tuong doi voi doanh nghiep'));
    expect(plain).toEqual(hoi);
    expect(plain[0]!.citations?.[0]?.section).toContain('3.2.2. Bằng khen của Thủ tướng Chính phủ');
  });

  it('asks for a question after an empty /hoi, and refuses an overlong one politely', async () => {
    expect((await app.handle(msg('/hoi')))[0]!.text).toContain('Bạn muốn hỏi gì');
    expect((await app.handle(msg('a'.repeat(2001))))[0]!.text).toContain('quá dài');
  });

  it('names an unknown command', async () => {
    expect((await app.handle(msg('/xyz')))[0]!.text).toContain('/xyz');
  });
});
