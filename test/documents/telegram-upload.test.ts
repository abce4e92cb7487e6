import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../../src/channels/telegram/index.js';
import type { Channel } from '../../src/channels/types.js';
import { silentLogger } from '../../src/logger.js';
import { createTestApp, repoRoot } from '../helpers/app.js';
import { callbackQuery, privateDocument, privateText, startFakeTelegram, type FakeTelegram } from '../fakes/fake-telegram.js';

const TOKEN = '123456:UPLOAD-token_value';
/** A commune's plan in our own words: not in corpus/, with a header the reader must take apart. */
const PLAN = `ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ TÂN PHÚ ĐÔNG                            Độc lập - Tự do - Hạnh phúc
Số: 77/KH-UBND                       Tân Phú Đông, ngày 12 tháng 9 năm 2025

KẾ HOẠCH
Triển khai phong trào “Bình dân học vụ số” trên địa bàn xã Tân Phú Đông

I. MỤC ĐÍCH, YÊU CẦU
Đưa kỹ năng số cơ bản đến từng hộ gia đình trên địa bàn xã, ưu tiên người cao tuổi và hộ nghèo.

II. CHỈ TIÊU
1. Năm 2025: 70% người dân từ 15 tuổi trở lên có kỹ năng số cơ bản.
2. Năm 2026: 85% hộ gia đình có ít nhất một thành viên sử dụng thành thạo dịch vụ công trực tuyến.

III. TỔ CHỨC THỰC HIỆN
Các ấp gửi báo cáo kết quả về Ủy ban nhân dân xã trước ngày 15/12 hằng năm.

Nơi nhận:                                            TM. ỦY BAN NHÂN DÂN
- UBND tỉnh;                                              CHỦ TỊCH
- Lưu: VT.
                                                       Trần Minh Khôi
`;

/** A draft without a number, whose issuer line names no level: the sender supplies both. */
const DRAFT = `TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG
Số:    /HD-TCNS
HƯỚNG DẪN
Chấm điểm thi đua chuyển đổi số đối với các tổ dân phố năm 2026

1. Mỗi tổ dân phố tự chấm theo bảng điểm gồm 5 nhóm tiêu chí, tổng 100 điểm.
2. Tổ đạt từ 90 điểm trở lên được đề nghị tặng danh hiệu “Tổ dân phố số tiêu biểu”.
3. Hồ sơ chấm điểm nộp về Tổ trước ngày 30/10/2026.
`;

let app: Awaited<ReturnType<typeof createTestApp>>;
let fake: FakeTelegram;
const channels: Channel[] = [];
beforeAll(async () => {
  app = await createTestApp();
  await app.reports.setPerson('telegram', '501', { role: 'staff', unitId: null, displayName: null, chatId: '501' });
});
afterAll(() => app.dispose());
beforeEach(async () => {
  fake = await startFakeTelegram();
  const c = createTelegramChannel({ token: TOKEN, apiRoot: fake.url, webhookSecret: 'secret-upload-0000' }, { handle: app.handle, logger: silentLogger });
  channels.push(c);
  await c.start();
});
afterEach(async () => {
  await Promise.all(channels.splice(0).map((c) => c.stop()));
  await fake.close();
});

const texts = () => fake.callsTo('sendMessage').map((c) => String(c.payload.text));
const buttons = (text: string) =>
  fake.callsTo('sendMessage').filter((c) => String(c.payload.text).includes(text)).flatMap((c) => ((c.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] })?.inline_keyboard ?? []).flat());

describe('a staff member adds a plan on Telegram', () => {
  it('downloads it, shows what it read, publishes on confirmation, and answers from it at once', async () => {
    const bytes = new TextEncoder().encode(PLAN);
    fake.push(privateDocument(501, fake.hostFile(bytes), 'ke-hoach-tan-phu-dong.txt', bytes.length));
    await fake.waitFor(() => texts().some((t) => t.includes('Số hiệu: 77/KH-UBND')));
    expect(texts()[0]).toContain('Đang xử lý “ke-hoach-tan-phu-dong.txt”');
    const summary = texts().find((t) => t.includes('Số hiệu'))!;
    expect(summary).toContain('Cấp: xã');
    expect(summary).toContain('Người ký: Trần Minh Khôi');
    // Nothing is stored before the confirmation.
    expect(await app.documents.library.list()).toEqual([]);

    const publish = buttons('Số hiệu').find((b) => b.text === 'Công bố')!;
    fake.push(callbackQuery(501, publish.callback_data, publish.text));
    await fake.waitFor(() => texts().some((t) => t.startsWith('Đã công bố')));
    const [entry] = await app.documents.library.list();
    expect(entry).toMatchObject({ status: 'published', number: '77/KH-UBND', level: 'xã', addedBy: 'telegram:501' });

    fake.push(privateText(501, 'Các ấp xã Tân Phú Đông gửi báo cáo trước ngày nào?'));
    await fake.waitFor(() => texts().some((t) => t.includes('15/12')));
  }, 60_000);

  it('lets the sender correct a field before publishing, and cancel', async () => {
    const bytes = new TextEncoder().encode(DRAFT);
    fake.push(privateDocument(501, fake.hostFile(bytes), 'du-thao.txt', bytes.length));
    await fake.waitFor(() => texts().some((t) => t.includes('Số hiệu')));
    const first = texts().find((t) => t.includes('Số hiệu'))!;
    expect(first, first).toContain('Cấp: (chưa rõ)');
    // Without a level it cannot be published yet: no "Công bố" button.
    expect(buttons('Số hiệu').map((b) => b.text)).not.toContain('Công bố');
    fake.push(privateText(501, 'cấp: phường'));
    await fake.waitFor(() => texts().some((t) => t.includes('Cấp: phường')));
    fake.push(privateText(501, 'Số: 78/HD-TCNS'));
    await fake.waitFor(() => texts().some((t) => t.includes('Số hiệu: 78/HD-TCNS')));
    expect(buttons('Số hiệu: 78').map((b) => b.text)).toContain('Công bố');
    fake.push(privateText(501, 'ngày: 31/02/2026'));
    await fake.waitFor(() => texts().some((t) => t.includes('ngày/tháng/năm')));
    const cancel = buttons('Số hiệu: 78').find((b) => b.text === 'Hủy')!;
    fake.push(callbackQuery(501, cancel.callback_data, cancel.text));
    await fake.waitFor(() => texts().some((t) => t.includes('Đã hủy')));
    expect((await app.documents.library.list()).map((e) => e.number)).not.toContain('78/KH-UBND');
  }, 60_000);

  it('tells a citizen politely that files are for staff, without downloading it', async () => {
    const bytes = readFileSync(path.join(repoRoot, 'corpus', '001_cef97842b6e97a79.txt'));
    fake.push(privateDocument(777, fake.hostFile(bytes), 'ke-hoach.txt', bytes.length));
    await fake.waitFor(() => texts().some((t) => t.includes('chỉ cán bộ thi đua')));
    expect(fake.callsTo('getFile')).toEqual([]);
  }, 30_000);
});
