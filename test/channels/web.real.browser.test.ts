/**
 * The whole offline bot in Chromium: the real app (corpus, index, core) behind the real web
 * channel, on a phone-sized screen. The fake-core test next to it covers the page's mechanics.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebApp } from '../../src/channels/web/app.js';
import { createTestApp } from '../helpers/app.js';
import { hasChromium, launchChromium } from '../helpers/chromium.js';

const SCREENSHOT = path.join(os.tmpdir(), 'tro-ly-thi-dua', 'web-chat-real.png');

describe.skipIf(!hasChromium)('the offline bot in the web chat (Chromium)', () => {
  let server: ServerType;
  let browser: Browser;
  let page: Page;
  let app: Awaited<ReturnType<typeof createTestApp>>;

  beforeAll(async () => {
    app = await createTestApp();
    const web = createWebApp({ handle: app.handle, health: () => ({}) });
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: web.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve(info.port));
    });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2 })).newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await app?.dispose();
  });

  const ask = async (question: string) => {
    const n = await page.locator('.msg.bot .text').count();
    const input = page.getByLabel('Câu hỏi của bạn');
    await input.fill(question);
    await input.press('Enter');
    const reply = page.locator('.msg.bot .text').nth(n);
    await reply.waitFor();
    return reply;
  };

  it('answers a question typed without diacritics with the figure and an expandable quote', async () => {
    const reply = await ask('nam 2026 chi tieu hoc sinh duoc trang bi ky nang so la bao nhieu');
    expect(await reply.textContent()).toContain('100% học sinh từ cấp tiểu học');
    const cite = page.locator('.cites details').first();
    expect(await cite.locator('summary').textContent()).toContain('2.2. Năm 2026');
    await cite.locator('summary').click();
    expect(await cite.locator('blockquote').textContent()).toContain('học sinh');
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  it('says plainly when the documents do not cover the question', async () => {
    const reply = await ask('Giá vé xe buýt ở Hải Phòng là bao nhiêu?');
    expect(await reply.textContent()).toContain('không thấy nói về');
  });
});
