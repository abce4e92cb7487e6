/**
 * The staff pages in headless Chromium on a phone-sized screen (390×844), behind the real web
 * channel and the real offline app: a code from `/dangnhap` through the core, the documents page,
 * a plan edited and approved, the reports page, and nothing wider than the screen.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebApp } from '../../src/channels/web/app.js';
import { createStaffApp } from '../../src/channels/web/staff/app.js';
import { createTestApp } from '../helpers/app.js';
import { CHROMIUM_MISSING, hasChromium, launchChromium } from '../helpers/chromium.js';

const SHOTS = path.join(os.tmpdir(), 'tro-ly-thi-dua');
const USER = 'w-staff-browser-1';

if (!hasChromium) console.warn(`skipping the staff pages in Chromium: ${CHROMIUM_MISSING}`);

/** Elements whose right edge passes the screen's, and whether the page itself scrolls sideways. */
const OVERFLOW = `(() => {
  const width = document.documentElement.clientWidth;
  const scrolls = document.documentElement.scrollWidth > width || document.body.scrollWidth > width;
  const wide = [];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || el.closest('.sr-only')) continue;
    if (r.right > width + 0.5) wide.push(el.tagName.toLowerCase() + '.' + el.className + ' right=' + Math.round(r.right));
  }
  return { scrolls, wide };
})()`;

const overflow = (page: Page) => page.evaluate<{ scrolls: boolean; wide: string[] }>(OVERFLOW);

describe.skipIf(!hasChromium)('the staff pages in Chromium on a phone', () => {
  let server: ServerType;
  let browser: Browser;
  let page: Page;
  let base: string;
  let app: Awaited<ReturnType<typeof createTestApp>>;
  const cspErrors: string[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    const staff = createStaffApp({ db: app.db, reports: app.reports, documents: app.documents, plans: app.plans });
    const web = createWebApp({ handle: app.handle, health: () => ({}), staff });
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: web.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve(info.port));
    });
    base = `http://127.0.0.1:${port}`;
    await app.reports.saveSubmissions({
      draftId: 'browser-1',
      unitId: 'hong-an',
      period: '2025',
      figures: [{ indicatorId: 'nguoi_dan_ky_nang_so', percent: 86.5 }, { indicatorId: 'can_bo_ky_nang_so', percent: 72 }],
      rawMessage: 'người dân 86,5%, cán bộ 72%',
      userChannel: 'telegram',
      userId: '900',
    });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    page = await context.newPage();
    // A step that cannot happen (a failed sign-in) fails in seconds, not at the test's timeout.
    page.setDefaultTimeout(8000);
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    });
    page.on('dialog', (d) => void d.accept());
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await app?.dispose();
  });

  const fits = async (name: string) => {
    await page.screenshot({ path: path.join(SHOTS, `staff-${name}.png`), fullPage: true });
    const o = await overflow(page);
    expect(o.wide, `${name}: elements wider than the screen`).toEqual([]);
    expect(o.scrolls, `${name}: the page scrolls sideways`).toBe(false);
  };

  it('signs in with the code the bot gives for /dangnhap', async () => {
    await app.reports.setPerson('web', USER, { role: 'staff', unitId: null, displayName: 'Chị Hoa' });
    const replies = await app.handle({ channel: 'web', chatId: USER, userId: USER, text: '/dangnhap' });
    const text = replies.map((r) => r.text).join('\n');
    const code = /\/quan-tri\/dang-nhap\?ma=([A-Z2-9]{8})/.exec(text)?.[1];
    expect(code, `the core's reply to /dangnhap carries no sign-in link (is the command wired into the core?): ${text}`).toBeDefined();
    await page.goto(`${base}/quan-tri/dang-nhap?ma=${code}`);
    await expect.poll(() => page.getByLabel('Mã đăng nhập (8 ký tự)').inputValue()).toBe(code);
    await fits('sign-in');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${base}/quan-tri`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Xin chào, Chị Hoa!');
    await fits('home');
  });

  it('opens the documents page', async () => {
    await page.getByRole('link', { name: 'Văn bản', exact: true }).click();
    await page.waitForURL(`${base}/quan-tri/van-ban`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Văn bản');
    expect(await page.locator('article.card h3').allTextContents()).toContain('Kế hoạch của UBND phường Hồng An');
    expect(await page.getByLabel('Chọn tệp').count()).toBe(1);
    await fits('documents');
  });

  it('edits a target beside its source sentence and approves the plan', async () => {
    await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await page.locator('a[href="/quan-tri/ke-hoach/hong-an-kh"]').click();
    await page.waitForURL(`${base}/quan-tri/ke-hoach/hong-an-kh`);
    await page.getByRole('button', { name: 'Trích xuất lại' }).click();
    await page.getByText('Đã trích xuất lại').waitFor();
    expect(await page.getByText('Đang xem: bản nháp chờ duyệt').count()).toBe(1);
    const target = page.locator('#ct-0-0');
    expect(await target.locator('blockquote.src').textContent()).toContain('Năm 2025');
    await target.getByRole('spinbutton').fill('85');
    await target.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu thay đổi vào bản nháp').waitFor();
    expect((await app.plans.get('hong-an-kh'))!.draft!.indicators[0]!.targets[0]!.value).toBe(85);
    await fits('plan');
    await page.getByRole('button', { name: 'Duyệt kế hoạch' }).first().click();
    await page.getByText('Đã duyệt kế hoạch.').waitFor();
    const stored = (await app.plans.get('hong-an-kh'))!;
    expect(stored.draft).toBeNull();
    expect(stored.approved!.indicators[0]!.targets[0]!.value).toBe(85);
    expect(stored.approvedBy).toBe(`web:${USER}`);
  });

  it('shows the reports with the chart, within the width of a phone', async () => {
    await page.goto(`${base}/quan-tri/bao-cao?nam=2025`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kết quả báo cáo năm 2025');
    const chart = page.locator('figure.chart svg');
    await chart.waitFor();
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.getByText('Phường Hồng An').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Tải CSV' }).getAttribute('href')).toBe('/quan-tri/bao-cao.csv?nam=2025');
    await fits('reports');
  });

  it('ran under the page CSP without a refusal, and signs out', async () => {
    expect(cspErrors).toEqual([]);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(`${base}/quan-tri/dang-nhap`);
    expect(await page.getByText('Đã đăng xuất.').count()).toBe(1);
    await page.goto(`${base}/quan-tri/van-ban`);
    expect(page.url()).toBe(`${base}/quan-tri/dang-nhap`);
  });
});
