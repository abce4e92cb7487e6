import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../src/channels/console/console.js';
import type { Incoming } from '../../src/core/message.js';
import { createTestApp } from '../helpers/app.js';

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.dispose());

const say = (userId: string, text: string, channel: Incoming['channel'] = 'zalo') =>
  app.handle({ channel, chatId: userId, userId, text }).then((r) => r.map((x) => x.text).join('\n'));
async function officer(userId: string, unitId = 'hong-an', channel: Incoming['channel'] = 'zalo') {
  const { code } = await app.reports.createInvite({ unitId, role: 'officer', days: 7 });
  expect(await say(userId, `/dangky ${code}`, channel)).toContain('Đăng ký thành công');
}

describe('officers report figures by chat', () => {
  it('registers with a one-time code that no one else can reuse', async () => {
    const { code } = await app.reports.createInvite({ unitId: 'hong-an', role: 'officer', days: 7 });
    expect(await say('o-reg', `/dangky ${code.toLowerCase()}`)).toContain('Phường Hồng An');
    expect(await say('o-other', `/dangky ${code}`)).toContain('đã được dùng');
    expect(await say('o-other', '/dangky')).toContain('/dangky');
    expect(await say('o-other', '/dangky SAIMA12345')).toContain('không đúng');
  });

  it('shows what it understood with the target beside each, stores only on confirmation, once', async () => {
    await officer('o1');
    const draft = await say('o1', 'Năm 2025: 85,5% CBCCVC có kỹ năng số; 1.234/1.500 người dân đã xác nhận trên VNeID');
    expect(draft).toContain('85,5%');
    expect(draft).toContain('1.234/1.500 (82,3%)');
    expect(draft).toContain('chỉ tiêu năm 2025: trên 80% → ✅ đạt');
    expect(await app.reports.submissions('2025', 'hong-an')).toHaveLength(0);
    expect(await say('o1', '1')).toContain('Đã lưu 2 số liệu');
    expect(await say('o1', '1')).toContain('Lựa chọn này đã hết hạn');
    expect(await app.reports.submissions('2025', 'hong-an')).toHaveLength(2);
  });

  it('stores once when the same confirmation arrives twice at the same time', async () => {
    await officer('o2', 'hong-an', 'telegram');
    const [reply] = await app.handle({ channel: 'telegram', chatId: 'o2', userId: 'o2', text: 'nam 2026 hs co ky nang so 95%' });
    const ok = reply!.choices!.find((c) => c.payload.startsWith('ok:'))!;
    const press = () => app.handle({ channel: 'telegram', chatId: 'o2', userId: 'o2', text: ok.label, payload: ok.payload });
    const both = await Promise.all([press(), press()]);
    expect(both.flat().map((r) => r.text).join(' ')).toMatch(/Đã lưu 1 số liệu|đã được lưu rồi/);
    expect((await app.reports.submissions('2026', 'hong-an')).filter((s) => s.userId === 'o2')).toHaveLength(1);
  });

  it('asks back precisely and stores nothing for invalid figures', async () => {
    await officer('o3');
    const before = (await app.reports.submissions('2025')).length;
    expect(await say('o3', 'Người dân có kỹ năng số đạt 130%')).toContain('vượt quá 100%');
    expect(await say('o3', 'CBCCVC co ky nang so 1.600/1.500')).toMatch(/lớn hơn|vượt/);
    expect((await app.reports.submissions('2025')).length).toBe(before);
  });

  it('takes a choice typed by its label or a word for it: "đồng ý", "ok", "hủy"', async () => {
    await officer('o3c');
    const before = (await app.reports.submissions('2026', 'hong-an')).length;
    await say('o3c', 'Năm 2026: 97% học sinh có kỹ năng số');
    expect(await say('o3c', 'hủy')).toContain('Đã hủy');
    await say('o3c', 'Năm 2026: 97% học sinh có kỹ năng số');
    expect(await say('o3c', 'Đồng ý')).toContain('Đã lưu 1 số liệu');
    await say('o3c', 'Năm 2026: 98% học sinh có kỹ năng số');
    expect(await say('o3c', 'ok')).toContain('Đã lưu 1 số liệu');
    expect(await say('o3c', 'đồng ý')).toContain('hết hạn');
    expect((await app.reports.submissions('2026', 'hong-an')).length).toBe(before + 2);
  });

  it('points an officer who writes a correction as a plain message to /sua', async () => {
    await officer('o3b');
    const reply = await say('o3b', 'toi da nhap sai, 85,5 phai la 87%');
    expect(reply).toContain('Chưa có gì được lưu');
    expect(reply).toContain('/sua');
    expect(await say('o3b', 'Người dân có kỹ năng số đạt 130%')).not.toContain('/sua');
  });

  it('drops a pending draft with /huy or "Hủy", and corrects the last submission with /sua (history kept)', async () => {
    await officer('o4', 'hong-an');
    await say('o4', 'Năm 2025: 70% người dân có kỹ năng số');
    expect(await say('o4', '/huy')).toContain('Đã hủy');
    expect(await say('o4', '3')).toContain('hết hạn');
    await say('o4', 'Năm 2025: 70% người dân có kỹ năng số');
    await say('o4', '1');
    expect(await say('o4', '/sua')).toContain('70%');
    expect(await say('o4', '/sua Năm 2025: 81% người dân có kỹ năng số')).toContain('bản mới sẽ thay bản đã gửi');
    await say('o4', '1');
    const all = (await app.reports.submissions('2025', 'hong-an')).filter((s) => s.userId === 'o4');
    expect(all.map((s) => s.percent)).toEqual([70, 81]);
    expect(all[1]!.supersedes).toBe(all[0]!.id);
    expect(await say('o4', '/tiendo')).toMatch(/81% — chỉ tiêu năm 2025: từ 80% → ✅ đạt/);
  });

  it('keeps roles in the core: citizens cannot report or see the summary; staff get it with a chart', async () => {
    expect(await say('citizen', 'Năm 2025: 85% CBCCVC có kỹ năng số')).toContain('/dangky');
    expect(await say('citizen', 'dạ em báo cáo xã đã đạt chỉ tiêu rồi ạ')).toContain('/dangky');
    // A number that names no indicator is no report: the answerer replies.
    // Nor is a question about reports that holds a date.
    const asks = ['123', '<script>alert(1)</script>', 'bên phường Hải Dương thì DN phải gửi báo cáo trước ngày mấy? có giống hạn 05/12 bên Hồng An k'];
    for (const text of asks) expect(await say('citizen', text), text).not.toContain('/dangky');
    expect(await say('citizen', '/tonghop')).toContain('cán bộ thi đua');
    expect(await say('o1', '/tonghop')).toContain('cán bộ thi đua');
    const { code } = await app.reports.createInvite({ unitId: 'hai-phong', role: 'staff', days: 1 });
    await say('staff1', `/dangky ${code}`);
    const [summary] = await app.handle({ channel: 'zalo', chatId: 'staff1', userId: 'staff1', text: '/tonghop 2025' });
    expect(summary!.text).toContain('Phường Hồng An');
    expect(summary!.text).toContain('Phường Hải Dương');
    expect(Buffer.from(summary!.image!.png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a'); // a PNG chart
    expect(await say('staff1', '/tiendo hong-an')).toContain('85,5%');
  });

  it('understands the summary and progress asked in words, for the roles that may see them', async () => {
    const { code } = await app.reports.createInvite({ unitId: 'hai-phong', role: 'staff', days: 1 });
    await say('staff2', `/dangky ${code}`);
    expect(await say('staff2', 'Tổng hợp báo cáo năm 2025')).toContain('Tổng hợp số liệu năm 2025');
    expect(await say('staff2', 'phuong nao chua bao cao?')).toMatch(/Tổng hợp số liệu năm 20\d\d/);
    // A question about who compiles is about the plans, not a request.
    expect(await say('staff2', 'ai tổng hợp báo cáo gửi thành phố?')).not.toContain('Tổng hợp số liệu');
    // Citizens asking the same get the plans' answer, not the summary.
    expect(await say('citizen2', 'tong hop bao cao')).not.toContain('Tổng hợp số liệu');
    await officer('o9');
    expect(await say('o9', 'tiến độ phường mình')).toContain('Tiến độ của Phường Hồng An');
  });
});

describe('the console channel does all of this too', () => {
  it('runs an onboarding-report-confirm session scripted through stdin', async () => {
    const { code } = await app.reports.createInvite({ unitId: 'hong-an', role: 'officer', days: 7 });
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d) => (out += d));
    const done = runConsoleChat(app.handle, { userId: 'console-officer', json: true, input, output });
    input.end(`/dangky ${code}\nNăm 2026: 99% học sinh có kỹ năng số\n1\n/tiendo\n`);
    await done;
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { replies: { text: string }[] });
    expect(lines).toHaveLength(4);
    expect(lines[1]!.replies[0]!.text).toContain('chỉ tiêu năm 2026');
    expect(lines[2]!.replies[0]!.text).toContain('Đã lưu 1 số liệu năm 2026');
    expect(lines[3]!.replies[0]!.text).toContain('99%');
  });
});
