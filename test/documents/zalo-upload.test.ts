import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZaloChannel } from '../../src/channels/zalo/index.js';
import type { Channel } from '../../src/channels/types.js';
import { silentLogger } from '../../src/logger.js';
import { createTestApp } from '../helpers/app.js';
import { startFakeZalo, type FakeZalo } from '../fakes/fake-zalo.js';
import { renderTextPng } from '../fixtures/make-documents.js';

/** One page of a commune's plan, in our own words, photographed (rendered) as a PNG. */
const PAGE = [
  'ỦY BAN NHÂN DÂN XÃ ĐỒNG TÂM',
  'Số: 64/KH-UBND',
  'Đồng Tâm, ngày 08 tháng 10 năm 2025',
  'KẾ HOẠCH',
  'Thực hiện phong trào Bình dân học vụ số trên địa bàn xã',
  'I. CHỈ TIÊU',
  'Đến hết năm 2026, 75% người dân trong độ tuổi lao động biết sử dụng ứng dụng VNeID.',
  'II. TỔ CHỨC THỰC HIỆN',
  'Các thôn gửi báo cáo tiến độ về Ủy ban nhân dân xã trước ngày 20 hằng tháng.',
];

let app: Awaited<ReturnType<typeof createTestApp>>;
let fake: FakeZalo;
const channels: Channel[] = [];
let nextMid = 1;
const photo = (chat: string, url: string) => ({
  event_name: 'message.image.received',
  message: { message_id: `p${nextMid++}`, date: Date.now(), photo_url: url, chat: { id: chat, chat_type: 'PRIVATE' }, from: { id: chat, display_name: 'Lan', is_bot: false } },
});
const text = (chat: string, body: string) => ({
  event_name: 'message.text.received',
  message: { message_id: `t${nextMid++}`, date: Date.now(), text: body, chat: { id: chat, chat_type: 'PRIVATE' }, from: { id: chat, display_name: 'Lan', is_bot: false } },
});

beforeAll(async () => {
  app = await createTestApp();
  await app.reports.setPerson('zalo', 'z-staff', { role: 'staff', unitId: null, displayName: null, chatId: 'z-staff' });
  fake = await startFakeZalo({ pollWaitMs: 200 });
  const channel = createZaloChannel(
    { token: fake.token, apiRoot: fake.url, webhookSecret: 'zalo-secret-upload-0000' },
    { handle: app.handle, logger: silentLogger },
    { pollTimeoutSec: 1, minBackoffMs: 10, maxBackoffMs: 50 },
  );
  channels.push(channel);
  await channel.start();
});
afterAll(async () => {
  await Promise.all(channels.splice(0).map((c) => c.stop()));
  await fake.close();
  app.dispose();
});

describe('a staff member photographs a page of a plan on Zalo', () => {
  it('reads it with OCR, shows the header it read, publishes on "Công bố", and answers from it', async () => {
    const png = await renderTextPng(PAGE, { dpi: 200 });
    fake.push(photo('z-staff', fake.hostFile(png)));
    await fake.waitFor(() => fake.texts('z-staff').some((t) => t.includes('Số hiệu')), 60_000);
    const [progress] = fake.texts('z-staff');
    expect(progress).toContain('Đang xử lý');
    const summary = fake.texts('z-staff').find((t) => t.includes('Số hiệu'))!;
    expect(summary).toContain('Số hiệu: 64/KH-UBND');
    expect(summary).toContain('Cấp: xã');
    expect(await app.documents.library.list()).toEqual([]);

    fake.push(text('z-staff', 'Công bố'));
    await fake.waitFor(() => fake.texts('z-staff').some((t) => t.startsWith('Đã công bố')), 30_000);
    const [entry] = await app.documents.library.list();
    expect(entry).toMatchObject({ status: 'published', number: '64/KH-UBND', level: 'xã', addedBy: 'zalo:z-staff' });

    fake.push(text('z-staff', 'xa Dong Tam den nam 2026 bao nhieu phan tram nguoi dan biet dung VNeID'));
    await fake.waitFor(() => fake.texts('z-staff').some((t) => t.includes('75%') && t.includes('64/KH-UBND')), 30_000);
  }, 120_000);

  it('tells a citizen that files are for staff and never fetches the photo', async () => {
    const before = fake.fileFetches;
    fake.push(photo('z-citizen', fake.hostFile(new Uint8Array([137, 80, 78, 71]))));
    await fake.waitFor(() => fake.texts('z-citizen').some((t) => t.includes('chỉ cán bộ thi đua')));
    expect(fake.fileFetches).toBe(before);
  }, 30_000);
});
