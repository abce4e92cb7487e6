/**
 * End to end in headless Chromium (Debian's package, see .ci/install-chromium.sh): the real page,
 * served by the real app on 127.0.0.1, talking to a fake core, on a phone-sized screen.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebApp } from '../../src/channels/web/app.js';
import { CHROMIUM_MISSING as MISSING, hasChromium, launchChromium } from '../helpers/chromium.js';
import { createFakeHandle, FAKE_ANSWER } from '../helpers/fake-handle.js';

/** Outside the repo, so a test run leaves the work tree clean. */
const SCREENSHOT = join(tmpdir(), 'tro-ly-thi-dua', 'web-chat.png');
const SCREENSHOT_START = join(tmpdir(), 'tro-ly-thi-dua', 'web-chat-start.png');

describe.runIf(!hasChromium && process.env.CI)('web chat in Chromium (CI)', () => {
  it('has Chromium installed', () => {
    throw new Error(MISSING);
  });
});

describe.skipIf(!hasChromium)(`web chat in Chromium${hasChromium ? '' : ` (skipped: ${MISSING})`}`, () => {
  let server: ServerType;
  let browser: Browser;
  let page: Page;
  let base: string;
  const problems: string[] = [];
  // The first answer waits for this, so the test can see the typing indicator first.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  const fake = createFakeHandle({
    beforeReply: async () => {
      if (first) {
        first = false;
        await held;
      }
    },
  });

  beforeAll(async () => {
    const app = createWebApp({ handle: fake.handle, health: () => ({}) });
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve(info.port));
    });
    base = `http://127.0.0.1:${port}`;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, locale: 'vi-VN' });
    page = await context.newPage();
    // A CSP violation or a script error shows up here; the page must have none.
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
  });

  afterAll(async () => {
    release();
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('asks, shows the typing indicator, answers with citations and choices', async () => {
    await page.goto(base);
    await expect.poll(() => page.title()).toBe('Trợ lý Thi đua');
    expect(await page.getByRole('button', { name: 'Chỉ tiêu năm 2025 là gì?' }).isVisible()).toBe(true);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT_START });

    const input = page.getByLabel('Câu hỏi của bạn');
    await input.fill('Chỉ tiêu năm 2025 là gì?');
    await input.press('Enter');

    const typing = page.locator('#typing');
    await typing.waitFor({ state: 'visible' });
    expect(await typing.textContent()).toBe('Đang trả lời…');
    expect(await page.locator('#send').isDisabled()).toBe(true);
    release();

    const answer = page.locator('.msg.bot .text').first();
    await answer.waitFor();
    expect(await answer.textContent()).toBe(FAKE_ANSWER.text);
    await typing.waitFor({ state: 'hidden' });
    expect(await page.locator('#send').isDisabled()).toBe(false);

    const [c1, c2] = FAKE_ANSWER.citations!;
    const summaries = page.locator('.cites summary');
    expect(await summaries.allTextContents()).toEqual([
      `[1] ${c1!.title} — ${c1!.section}`,
      `[2] ${c2!.title} — ${c2!.section}`,
    ]);
    const quote = page.locator('.cites details').first().locator('blockquote');
    expect(await quote.isVisible()).toBe(false);
    await summaries.first().click();
    await quote.waitFor({ state: 'visible' });
    expect(await quote.textContent()).toBe(c1!.quote);

    expect(fake.calls[0]).toEqual({ channel: 'web', chatId: expect.any(String), userId: fake.calls[0]!.chatId, text: 'Chỉ tiêu năm 2025 là gì?' });
  });

  it('sends a pressed choice as its payload and shows the next reply', async () => {
    await page.getByRole('button', { name: 'Xem chỉ tiêu năm 2026' }).click();
    const next = page.locator('.msg.bot .text').nth(1);
    await next.waitFor();
    expect(await next.textContent()).toContain('Đã chọn: more:targets-2026.');
    expect(fake.calls[1]).toMatchObject({ text: 'Xem chỉ tiêu năm 2026', payload: 'more:targets-2026', userId: fake.calls[0]!.userId });
  });

  it('fits a 360 px screen and keeps the input on screen', async () => {
    // Open the second citation too, so the screenshot shows a long quote wrapping.
    await page.locator('.cites summary').nth(1).click();
    // Expressions as strings: tsconfig has no DOM lib, and these run in the page anyway.
    const width = await page.evaluate<number>('document.scrollingElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(360);
    const log = await page.evaluate<{ scroll: number; client: number }>(
      "({ scroll: document.getElementById('log').scrollWidth, client: document.getElementById('log').clientWidth })",
    );
    expect(log.scroll).toBeLessThanOrEqual(log.client);
    const box = await page.locator('#composer').boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(640 + 0.5);
    expect(box!.y + box!.height).toBeGreaterThan(630);

    // Scroll to the first answer so the screenshot shows the conversation, not just its end.
    await page.locator('.msg.user').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: SCREENSHOT });
  });

  it('keeps one anonymous userId per browser across reloads', async () => {
    const stored = await page.evaluate<string | null>("localStorage.getItem('troLyThiDua.userId')");
    expect(stored).toBe(fake.calls[0]!.userId);
    expect(stored).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('has run without script errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });

  it('shows a server error inline in Vietnamese and gives the question back', async () => {
    await page.route('**/api/chat', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: 'Xin lỗi, hệ thống đang gặp sự cố. Vui lòng thử lại sau.' }) }),
    );
    const input = page.getByLabel('Câu hỏi của bạn');
    await input.fill('Hạn nộp báo cáo?');
    await input.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Xin lỗi, hệ thống đang gặp sự cố. Vui lòng thử lại sau.');
    expect(await input.inputValue()).toBe('Hạn nộp báo cáo?');
    await page.unroute('**/api/chat');
  });

});
