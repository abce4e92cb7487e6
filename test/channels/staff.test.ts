/**
 * The staff pages over HTTP (`app.request`), on the real offline app: SQLite in a temporary
 * DATA_DIR, the bundled corpus and its seeded plan. A small cookie jar plays the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createWebApp } from '../../src/channels/web/app.js';
import { createStaffApp } from '../../src/channels/web/staff/app.js';
import { fingerprint } from '../../src/channels/web/staff/plans.js';
import { staffTexts } from '../../src/channels/web/staff/texts.vi.js';
import { createSignIn } from '../../src/core/sign-in.js';
import { issueLoginCode, sessionFor } from '../../src/staff/sign-in.js';
import { createTestApp } from '../helpers/app.js';

const ORIGIN = 'http://localhost';

/** A commune's plan in our own words (not in corpus/), with a header the reader can take apart. */
const PLAN = `ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ AN THẠNH TÂY                            Độc lập - Tự do - Hạnh phúc
Số: 58/KH-UBND                       An Thạnh Tây, ngày 20 tháng 9 năm 2025

KẾ HOẠCH
Triển khai phong trào “Bình dân học vụ số” trên địa bàn xã An Thạnh Tây

I. MỤC ĐÍCH, YÊU CẦU
Đưa kỹ năng số cơ bản tới từng tổ dân cư, ưu tiên người cao tuổi, phụ nữ và thanh niên nông thôn.

II. CHỈ TIÊU
1. Năm 2025: 65% người dân từ 15 tuổi trở lên biết dùng dịch vụ công trực tuyến.
2. Năm 2026: 90% hộ gia đình có ít nhất một người dùng thành thạo thanh toán không dùng tiền mặt.

III. TỔ CHỨC THỰC HIỆN
Các tổ dân cư gửi báo cáo kết quả về Ủy ban nhân dân xã trước ngày 10/12 hằng năm.
`;

/** The same kind of text with its diacritics lost (an OCR without the Vietnamese model). */
const NO_DIACRITICS = `TO CONG NGHE SO CONG DONG BINH MY
So: 12/KH-TCNS
KE HOACH
Trien khai phong trao Binh dan hoc vu so tren dia ban xa Binh My nam 2025
I. MUC DICH
Dua ky nang so co ban toi tung ho gia dinh, uu tien nguoi cao tuoi va ho ngheo tren dia ban xa.
II. CHI TIEU
Nam 2025: 70% nguoi dan tu 15 tuoi tro len co ky nang so co ban.
`;

class Jar {
  private cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
  clone(): Jar {
    const j = new Jar();
    for (const [k, v] of this.cookies) j.cookies.set(k, v);
    return j;
  }
}

let app: Awaited<ReturnType<typeof createTestApp>>;
let web: Hono;

/** A browser: GET and POST with its cookies, redirects not followed. */
function client(jar = new Jar()) {
  const send = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.header()) headers.set('cookie', jar.header());
    const res = await web.request(path, { ...init, headers });
    jar.take(res);
    return res;
  };
  return {
    jar,
    get: (path: string, headers: Record<string, string> = {}) => send(path, { headers }),
    post: (path: string, fields: Record<string, string> | FormData, headers: Record<string, string> = { origin: ORIGIN }) =>
      send(path, { method: 'POST', body: fields instanceof FormData ? fields : new URLSearchParams(fields), headers }),
    /** GET, and the page's CSRF token. */
    async page(path: string) {
      const res = await send(path);
      const html = await res.text();
      return { res, html, csrf: /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' };
    },
  };
}
type Client = ReturnType<typeof client>;

async function signedIn(userId = 'web-staff-1'): Promise<Client> {
  await app.reports.setPerson('web', userId, { role: 'staff', unitId: null, displayName: 'Chị Mai' });
  const { code } = await issueLoginCode(app.db, { channel: 'web', userId });
  const c = client();
  const res = await c.post('/quan-tri/dang-nhap', { ma: code });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/quan-tri');
  return c;
}

beforeAll(async () => {
  app = await createTestApp();
  const staff = createStaffApp({ db: app.db, reports: app.reports, documents: app.documents, plans: app.plans });
  web = createWebApp({ handle: app.handle, health: () => ({}), staff });
});
afterAll(() => app?.dispose());

describe('staff pages: who gets in', () => {
  it('sends a visitor without a session to the sign-in page, for pages and forms alike', async () => {
    const c = client();
    for (const path of ['/quan-tri', '/quan-tri/van-ban', '/quan-tri/ke-hoach', '/quan-tri/ke-hoach/hong-an-kh', '/quan-tri/bao-cao?nam=2025', '/quan-tri/bao-cao.csv']) {
      const res = await c.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe('/quan-tri/dang-nhap');
    }
    const res = await c.post('/quan-tri/ke-hoach/hong-an-kh/duyet', { csrf: 'x' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/quan-tri/dang-nhap');
  });

  it('serves the sign-in form in Vietnamese, prefilled from the link, under a strict CSP', async () => {
    const { res, html } = await client().page('/quan-tri/dang-nhap?ma=abcd-2345');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Đăng nhập');
    expect(html).toContain('Nhắn /dangnhap cho bot');
    expect(html).toContain('value="ABCD2345"');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(html).not.toMatch(/(src|href|action)="(https?:)?\/\//);
    expect(html).not.toMatch(/\son[a-z]+="/); // no inline event handlers
  });

  it('escapes what the link carries', async () => {
    const { html } = await client().page('/quan-tri/dang-nhap?ma=%22%3E%3Cscript%3E');
    expect(html).not.toContain('"><script>');
  });

  it('refuses a wrong code with a Vietnamese message, and a GET of the link does not spend the code', async () => {
    const bad = await client().post('/quan-tri/dang-nhap', { ma: 'ABCD2345' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain(staffTexts.signIn.bad);

    await app.reports.setPerson('web', 'preview-1', { role: 'staff', unitId: null, displayName: null });
    const { code } = await issueLoginCode(app.db, { channel: 'web', userId: 'preview-1' });
    const c = client();
    expect((await c.get(`/quan-tri/dang-nhap?ma=${code}`)).status).toBe(200); // a link preview
    const ok = await c.post('/quan-tri/dang-nhap', { ma: code.toLowerCase() });
    expect(ok.status).toBe(303);
    const again = await client().post('/quan-tri/dang-nhap', { ma: code });
    expect(again.status).toBe(400);
  });

  it('sets an HttpOnly, SameSite=Strict cookie on /quan-tri, Secure only over https', async () => {
    await app.reports.setPerson('web', 'cookie-1', { role: 'admin', unitId: null, displayName: null });
    const plain = await client().post('/quan-tri/dang-nhap', { ma: (await issueLoginCode(app.db, { channel: 'web', userId: 'cookie-1' })).code });
    const cookie = plain.headers.getSetCookie().find((l) => l.startsWith('tltd_phien='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/quan-tri(;|$)/);
    expect(cookie).not.toMatch(/Secure/i);
    const code = (await issueLoginCode(app.db, { channel: 'web', userId: 'cookie-1' })).code;
    const tls = await web.request('https://bot.example.vn/quan-tri/dang-nhap', {
      method: 'POST',
      body: new URLSearchParams({ ma: code }),
      headers: { origin: 'https://bot.example.vn' },
    });
    expect(tls.status).toBe(303);
    expect(tls.headers.getSetCookie().find((l) => l.startsWith('tltd_phien='))).toMatch(/; Secure/i);
  });

  it('refuses a code issued to someone who is no longer staff', async () => {
    await app.reports.setPerson('web', 'demoted-1', { role: 'staff', unitId: null, displayName: null });
    const { code } = await issueLoginCode(app.db, { channel: 'web', userId: 'demoted-1' });
    await app.reports.setPerson('web', 'demoted-1', { role: 'citizen', unitId: null, displayName: null });
    const res = await client().post('/quan-tri/dang-nhap', { ma: code });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(staffTexts.signIn.notStaff);
  });

  it('signs in with a code from /dangnhap and renders every page in Vietnamese', async () => {
    await app.reports.setPerson('telegram', '777', { role: 'staff', unitId: null, displayName: 'Anh Tuấn' });
    const [reply] = await createSignIn({ reports: app.reports, db: app.db }).command({ channel: 'telegram', chatId: '777', userId: '777', text: '/dangnhap' });
    const code = /\?ma=([A-Z2-9]{8})/.exec(reply!.text)![1]!;
    const c = client();
    expect((await c.post('/quan-tri/dang-nhap', { ma: code })).status).toBe(303);
    const home = await c.page('/quan-tri');
    expect(home.res.status).toBe(200);
    expect(home.html).toContain('Xin chào, Anh Tuấn!');
    expect(home.html).toContain('Đăng xuất');
    const docs = await c.page('/quan-tri/van-ban');
    expect(docs.html).toContain('Danh sách văn bản');
    expect(docs.html).toContain('Kế hoạch của UBND phường Hồng An');
    expect(docs.html).toContain('Đã công bố');
    const plans = await c.page('/quan-tri/ke-hoach');
    expect(plans.html).toContain('Kế hoạch đã trích xuất');
    expect(plans.html).toContain('href="/quan-tri/ke-hoach/hong-an-kh"');
    const plan = await c.page('/quan-tri/ke-hoach/hong-an-kh');
    expect(plan.html).toContain('Đang xem: bản đã duyệt (đang dùng)');
    expect(plan.html).toContain('Năm 2025: trên 80%');
    expect(plan.html).toContain('Chỉ tiêu');
    expect(plan.res.headers.get('content-security-policy')).toContain("script-src 'sha256-");
  });

  it('sends a person whose role was taken away back to sign-in, and ends the session', async () => {
    const c = await signedIn('revoked-1');
    const token = c.jar.get('tltd_phien')!;
    expect((await c.get('/quan-tri')).status).toBe(200);
    await app.reports.setPerson('web', 'revoked-1', { role: 'officer', unitId: 'hong-an', displayName: null });
    const res = await c.get('/quan-tri/van-ban');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/quan-tri/dang-nhap');
    expect(await sessionFor(app.db, token)).toBeNull();
    const { html } = await c.page('/quan-tri/dang-nhap');
    expect(html).toContain(staffTexts.signIn.notStaff);
  });
});

describe('staff pages: forms', () => {
  let c: Client;
  beforeAll(async () => {
    c = await signedIn('forms-1');
  });

  it('rejects a POST with a wrong or missing CSRF token with 403, changing nothing', async () => {
    await app.plans.extract('hong-an-kh', 'test');
    for (const csrf of [undefined, '', 'not-the-token']) {
      const res = await c.post('/quan-tri/ke-hoach/hong-an-kh/duyet', csrf === undefined ? {} : { csrf });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain(staffTexts.forbidden.csrf);
    }
    expect((await app.plans.get('hong-an-kh'))!.draft).not.toBeNull();
  });

  it('rejects a cross-origin POST with 403 even with the right token', async () => {
    const { csrf } = await c.page('/quan-tri/ke-hoach/hong-an-kh');
    const attempts: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { origin: 'null', 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'cross-site' }];
    for (const headers of attempts) {
      const res = await c.post('/quan-tri/ke-hoach/hong-an-kh/duyet', { csrf }, headers);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain(staffTexts.forbidden.origin);
    }
    // What Chrome sends when a referrer policy hides the origin: its own Sec-Fetch-Site decides.
    const hidden = await c.post('/quan-tri/ke-hoach/hong-an-kh/sua', { csrf, path: 'x', item: 'x' }, { origin: 'null', 'sec-fetch-site': 'same-origin' });
    expect(hidden.status).toBe(303);
    const noOrigin = await c.post('/quan-tri/ke-hoach/hong-an-kh/sua', { csrf, path: 'x', item: 'x' }, {});
    expect(noOrigin.status).toBe(303);
    const signInFromElsewhere = await client().post('/quan-tri/dang-nhap', { ma: 'ABCD2345' }, { origin: 'https://evil.example' });
    expect(signInFromElsewhere.status).toBe(403);
    expect((await app.plans.get('hong-an-kh'))!.draft).not.toBeNull();
  });

  it('edits a target, refuses a stale or bad edit, deletes an item, re-extracts and approves', async () => {
    await app.plans.extract('hong-an-kh', 'test');
    let page = await c.page('/quan-tri/ke-hoach/hong-an-kh');
    expect(page.html).toContain('Đang xem: bản nháp chờ duyệt');
    expect(page.html).toContain('Duyệt kế hoạch');
    expect(page.html).toContain('Trích xuất lại');
    const draft = (await app.plans.get('hong-an-kh'))!.draft!;
    const target = draft.indicators[0]!.targets[0]!;
    // The source section and sentence stand beside the target.
    expect(page.html).toContain(target.source.sentence.replace(/"/g, '&quot;'));
    const edit = (fields: Record<string, string>) => c.post('/quan-tri/ke-hoach/hong-an-kh/sua', { csrf: page.csrf, ...fields });

    const res = await edit({ path: 'indicators.0.targets.0.value', item: fingerprint(target), value: '85,5' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/quan-tri/ke-hoach/hong-an-kh#ct-0-0');
    expect((await app.plans.get('hong-an-kh'))!.draft!.indicators[0]!.targets[0]!.value).toBe(85.5);
    page = await c.page('/quan-tri/ke-hoach/hong-an-kh');
    expect(page.html).toContain(staffTexts.plans.saved);

    // The same form again: the target changed since it was drawn.
    await edit({ path: 'indicators.0.targets.0.value', item: fingerprint(target), value: '90' });
    page = await c.page('/quan-tri/ke-hoach/hong-an-kh');
    expect(page.html).toContain(staffTexts.plans.stale);
    expect((await app.plans.get('hong-an-kh'))!.draft!.indicators[0]!.targets[0]!.value).toBe(85.5);

    const now = (await app.plans.get('hong-an-kh'))!.draft!;
    await edit({ path: 'indicators.0.targets.0.value', item: fingerprint(now.indicators[0]!.targets[0]), value: '120' });
    expect((await c.page('/quan-tri/ke-hoach/hong-an-kh')).html).toContain(staffTexts.plans.badPercent);
    await edit({ path: 'indicators.0.targets.0.value', item: fingerprint(now.indicators[0]!.targets[0]), value: 'tám mươi' });
    expect((await c.page('/quan-tri/ke-hoach/hong-an-kh')).html).toContain(staffTexts.plans.badValue);
    await edit({ path: 'catalog', item: 'x', xoa: '1' });
    expect((await c.page('/quan-tri/ke-hoach/hong-an-kh')).html).toContain(staffTexts.plans.badPath);

    const targets = now.indicators[0]!.targets.length;
    await edit({ path: 'indicators.0.targets.1', item: fingerprint(now.indicators[0]!.targets[1]), xoa: '1' });
    expect((await app.plans.get('hong-an-kh'))!.draft!.indicators[0]!.targets).toHaveLength(targets - 1);
    expect((await c.page('/quan-tri/ke-hoach/hong-an-kh')).html).toContain(staffTexts.plans.deleted);

    // Read again: the edits are replaced by a fresh reading.
    const again = await c.post('/quan-tri/ke-hoach/hong-an-kh/trich-xuat', { csrf: page.csrf });
    expect(again.status).toBe(303);
    expect((await app.plans.get('hong-an-kh'))!.draft!.indicators[0]!.targets).toHaveLength(targets);
    expect((await c.page('/quan-tri/ke-hoach/hong-an-kh')).html).toContain('Đã trích xuất lại');

    const approved = await c.post('/quan-tri/ke-hoach/hong-an-kh/duyet', { csrf: page.csrf });
    expect(approved.status).toBe(303);
    const stored = (await app.plans.get('hong-an-kh'))!;
    expect(stored.draft).toBeNull();
    expect(stored.approvedBy).toBe('web:forms-1');
    page = await c.page('/quan-tri/ke-hoach/hong-an-kh');
    expect(page.html).toContain(staffTexts.plans.approved);
    expect(page.html).not.toContain('>Duyệt kế hoạch<');

    // Nothing to approve now: the plan service's Vietnamese refusal is shown.
    await c.post('/quan-tri/ke-hoach/hong-an-kh/duyet', { csrf: page.csrf });
    expect((await c.page('/quan-tri/ke-hoach/hong-an-kh')).html).toContain('không có bản nháp kế hoạch để duyệt');
  });

  it('shows the plan service refusal for a document that is not indexed', async () => {
    const { csrf } = await c.page('/quan-tri/ke-hoach');
    const res = await c.post('/quan-tri/ke-hoach/trich-xuat', { csrf, doc: 'khong-co-van-ban' });
    expect(res.headers.get('location')).toBe('/quan-tri/ke-hoach');
    expect((await c.page('/quan-tri/ke-hoach')).html).toContain('Không có văn bản khong-co-van-ban trong chỉ mục');
  });

  it('uploads a document, shows what was read, and publishes it only when confirmed', async () => {
    const { csrf } = await c.page('/quan-tri/van-ban');
    const form = new FormData();
    form.set('csrf', csrf);
    form.set('tep', new File([PLAN], 'ke-hoach-an-thanh-tay.txt', { type: 'text/plain' }));
    const res = await c.post('/quan-tri/van-ban/tai-len', form);
    expect(res.status).toBe(303);
    const draftUrl = res.headers.get('location')!;
    expect(draftUrl).toMatch(/^\/quan-tri\/van-ban\/nhap\/[0-9a-f]{12}$/);
    expect((await app.documents.list()).some((d) => d.number === '58/KH-UBND')).toBe(false);
    const review = await c.page(draftUrl);
    expect(review.html).toContain('Kiểm tra trước khi lưu');
    expect(review.html).toContain('58/KH-UBND');
    expect(review.html).toContain('Văn bản đạt yêu cầu');
    const done = await c.post(draftUrl, { csrf, action: 'publish' });
    expect(done.status).toBe(303);
    const added = (await app.documents.list()).find((d) => d.number === '58/KH-UBND')!;
    expect(added).toMatchObject({ status: 'published', source: 'added', level: 'xã' });
    const list = await c.page('/quan-tri/van-ban');
    expect(list.html).toContain('Đã công bố');
    expect(list.html).toContain(`action="/quan-tri/van-ban/${added.id}/go"`);
    // The draft is gone once used.
    expect((await c.get(draftUrl)).headers.get('location')).toBe('/quan-tri/van-ban');

    const removed = await c.post(`/quan-tri/van-ban/${added.id}/go`, { csrf });
    expect(removed.status).toBe(303);
    expect((await app.documents.list()).some((d) => d.id === added.id)).toBe(false);
    expect((await c.page('/quan-tri/van-ban')).html).toContain('Đã gỡ');
  });

  it('shows a duplicate and stores nothing', async () => {
    const { csrf } = await c.page('/quan-tri/van-ban');
    const before = (await app.documents.list()).length;
    const text = app.knowledge.chunks.filter((ch) => ch.docId === 'bnv-4735' && !ch.id.endsWith('#info')).map((ch) => ch.text).join('\n');
    const form = new FormData();
    form.set('csrf', csrf);
    form.set('tep', new File([text], 'cong-van-4735.txt', { type: 'text/plain' }));
    const res = await c.post('/quan-tri/van-ban/tai-len', form);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/quan-tri/van-ban');
    const page = await c.page('/quan-tri/van-ban');
    expect(page.html).toMatch(/Trùng (với văn bản đã có|nội dung với)/);
    expect((await app.documents.list()).length).toBe(before);
  });

  it('shows why a document is held, keeps it held on request, then publishes it', async () => {
    const { csrf } = await c.page('/quan-tri/van-ban');
    const form = new FormData();
    form.set('csrf', csrf);
    form.set('tep', new File([NO_DIACRITICS], 'binh-my.txt', { type: 'text/plain' }));
    const res = await c.post('/quan-tri/van-ban/tai-len', form);
    const draftUrl = res.headers.get('location')!;
    const review = await c.page(draftUrl);
    expect(review.html).toContain('mất hết dấu tiếng Việt');
    expect(review.html).toContain('Lưu, tạm giữ');
    expect(review.html).toContain('Vẫn công bố');
    // Held for its diacritics and, with no level in its header, for that too: staff give it later.
    expect(review.html).toContain('name="level"');
    await c.post(draftUrl, { csrf, action: 'keep' });
    const held = (await app.documents.list()).find((d) => d.number === '12/KH-TCNS')!;
    expect(held).toMatchObject({ status: 'held', level: null });
    let list = await c.page('/quan-tri/van-ban');
    expect(list.html).toContain('Tạm giữ');
    expect(list.html).toContain(`action="/quan-tri/van-ban/${held.id}/cap"`);
    expect(list.html).not.toContain(`action="/quan-tri/van-ban/${held.id}/cong-bo"`);
    await c.post(`/quan-tri/van-ban/${held.id}/cap`, { csrf, level: 'không có' });
    expect((await c.page('/quan-tri/van-ban')).html).toContain(staffTexts.documents.badLevel);
    await c.post(`/quan-tri/van-ban/${held.id}/cap`, { csrf, level: 'xã' });
    list = await c.page('/quan-tri/van-ban');
    expect(list.html).toContain('Đã đặt cấp ban hành “xã”');
    expect(list.html).toContain(`action="/quan-tri/van-ban/${held.id}/cong-bo"`);
    await c.post(`/quan-tri/van-ban/${held.id}/cong-bo`, { csrf });
    expect((await app.documents.list()).find((d) => d.id === held.id)!.status).toBe('published');
    await c.post(`/quan-tri/van-ban/${held.id}/go`, { csrf });
  });

  it('refuses an empty upload and a file over the limit, in Vietnamese', async () => {
    const { csrf } = await c.page('/quan-tri/van-ban');
    const empty = new FormData();
    empty.set('csrf', csrf);
    empty.set('tep', new File([], ''));
    await c.post('/quan-tri/van-ban/tai-len', empty);
    expect((await c.page('/quan-tri/van-ban')).html).toContain(staffTexts.documents.noFile);

    const small = createStaffApp({ db: app.db, reports: app.reports, documents: app.documents, plans: app.plans, maxUploadBytes: 1024 * 1024 });
    const big = new FormData();
    big.set('csrf', csrf);
    big.set('tep', new File([new Uint8Array(2 * 1024 * 1024)], 'lon.pdf'));
    const res = await small.request('/quan-tri/van-ban/tai-len', { method: 'POST', body: big, headers: { origin: ORIGIN, cookie: c.jar.header() } });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain(staffTexts.tooLarge(1));
  });

  it('shows the reports of a year: figures against targets, units not reported, the chart, downloads', async () => {
    await app.reports.saveSubmissions({
      draftId: 'staff-test-1',
      unitId: 'hong-an',
      period: '2025',
      figures: [{ indicatorId: 'nguoi_dan_ky_nang_so', percent: 85 }, { indicatorId: 'can_bo_ky_nang_so', percent: 70 }],
      rawMessage: 'người dân 85%, cán bộ 70%',
      userChannel: 'telegram',
      userId: '900',
    });
    const { res, html } = await c.page('/quan-tri/bao-cao?nam=2025');
    expect(res.status).toBe(200);
    expect(html).toContain('Kết quả báo cáo năm 2025');
    expect(html).toContain('Phường Hồng An');
    expect(html).toContain('Đạt');
    expect(html).toContain('Chưa đạt');
    expect(html).toMatch(/Đơn vị chưa báo cáo \(\d+\)/);
    expect(html).toContain('Phường Hải Dương');
    expect(html).toContain('15/12/2025');
    expect(html).toMatch(/<figure class="chart"><svg role="img"/);
    expect(html).not.toMatch(/<script(?![^>]*>\s*\(function)/); // the page's own script only
    const csv = await c.get('/quan-tri/bao-cao.csv?nam=2025');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('bao-cao-2025.csv');
    const text = await csv.text();
    expect(text).toContain('Phường Hồng An');
    const xlsx = await c.get('/quan-tri/bao-cao.xlsx?nam=2025');
    expect(xlsx.status).toBe(200);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');

    const svg = await c.get('/quan-tri/bao-cao.svg?nam=2025');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(await svg.text()).toMatch(/^<svg[\s\S]*Phường Hồng An[\s\S]*<\/svg>$/);

    const odd = await c.page('/quan-tri/bao-cao?nam=abc');
    expect(odd.html).toContain(staffTexts.reports.badYear);
  });

  it('logs out with its token, and the old cookie opens nothing', async () => {
    const other = await signedIn('logout-1');
    const token = other.jar.get('tltd_phien')!;
    const { csrf } = await other.page('/quan-tri');
    expect((await other.post('/quan-tri/dang-xuat', { csrf: 'wrong' })).status).toBe(403);
    expect(await sessionFor(app.db, token)).not.toBeNull();
    const res = await other.post('/quan-tri/dang-xuat', { csrf });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/quan-tri/dang-nhap');
    expect(other.jar.get('tltd_phien')).toBeUndefined();
    expect(await sessionFor(app.db, token)).toBeNull();
    expect((await other.page('/quan-tri/dang-nhap')).html).toContain(staffTexts.signIn.signedOut);
    const stale = await web.request('/quan-tri', { headers: { cookie: `tltd_phien=${token}` } });
    expect(stale.status).toBe(303);
    expect(stale.headers.get('location')).toBe('/quan-tri/dang-nhap');
  });

  it('keeps the chat page and its API as they were', async () => {
    expect((await web.request('/')).status).toBe(200);
    expect((await web.request('/healthz')).status).toBe(200);
    const unknown = await web.request('/quan-tri/khong-co', { headers: { cookie: c.jar.header() } });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain(staffTexts.notFound);
  });
});
