import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { parseCommand } from '../../src/core/handle-message.js';
import type { Incoming } from '../../src/core/message.js';
import { silentLogger } from '../../src/logger.js';
import { createTestApp, repoRoot } from '../helpers/app.js';

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.dispose());
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
    const plain = await app.handle(msg('chi tieu nam 2026 ve hoc sinh co ky nang so'));
    const hoi = await app.handle(msg('/hoi chi tieu nam 2026 ve hoc sinh co ky nang so'));
    expect(plain[0]!.text).toBe(hoi[0]!.text);
    expect(plain[0]!.citations).toEqual(hoi[0]!.citations);
    expect(plain[0]!.citations?.[0]?.section).toContain('2.2. Năm 2026');
  });

  it('asks for a question after an empty /hoi, and refuses an overlong one politely', async () => {
    expect((await app.handle(msg('/hoi')))[0]!.text).toContain('Bạn muốn hỏi gì');
    expect((await app.handle(msg('a'.repeat(2001))))[0]!.text).toContain('quá dài');
  });

  it('answers greetings, thanks, "bạn là ai" and emoji as conversation, not as questions', async () => {
    const one = async (text: string) => (await app.handle({ ...msg(text), chatId: 'talk', userId: 'talk' }))[0]!;
    for (const hello of ['chào bạn', 'Xin chào!', 'hello bot', 'ban la ai']) expect((await one(hello)).text).toContain('Tôi là Trợ lý Thi đua');
    for (const thanks of ['cảm ơn bạn nhiều', 'ok', 'Cam on nhe', 'thôi', 'không cần']) expect((await one(thanks)).text).toBe('Rất vui được giúp bạn! Bạn cứ hỏi tiếp khi cần.');
    expect((await one('😀👍')).text).toContain('chỉ đọc được tin nhắn bằng chữ');
    expect((await one('hủy')).text).toBe('Không có số liệu nào đang chờ xác nhận.');
    // Courtesy around a question does not hide it.
    const asked = await one('cảm ơn, cho hỏi hạn gửi báo cáo của phường Hồng An');
    expect(asked.text).toContain('05/12');
    expect(asked.citations?.length).toBeGreaterThan(0);
  });

  it('offers the criteria of an award named in a question it cannot answer', async () => {
    const q = 'E là công chức phường, có sáng kiến đơn giản hoá thủ tục hàng chính giúp đẩy nhanh CĐS thì theo cái kế hoạch của phường Hồng An có thể đc đề nghị Bằng khen gì?';
    const [reply] = await app.handle({ ...msg(q), chatId: 'case', userId: 'case' });
    expect(reply!.text).toContain('không thấy nói về');
    expect(reply!.choices!.map((c) => c.payload)).toEqual(expect.arrayContaining(['kt:bang-khen-thu-tuong', 'kt:bang-khen-chu-tich-ubnd-thanh-pho']));
    // An answered question gets no such buttons.
    const [answered] = await app.handle({ ...msg('tiêu chuẩn bằng khen thủ tướng đối với cá nhân'), chatId: 'case', userId: 'case' });
    expect(answered!.choices?.some((c) => c.label.startsWith('🏅 Tiêu chuẩn'))).toBeFalsy();
  });

  it('names an unknown command', async () => {
    expect((await app.handle(msg('/xyz')))[0]!.text).toContain('/xyz');
  });
});

describe('deliveries, choices and feedback, kept in the store', () => {
  it('answers a repeated delivery once', async () => {
    const m = { ...msg('chi tieu 2026 hoc sinh'), deliveryId: 'upd-1' };
    expect(await app.handle(m)).toHaveLength(1);
    expect(await app.handle(m)).toEqual([]);
  });

  it('offers the quote and feedback as choices, and reads a bare number typed back', async () => {
    const chat = { channel: 'zalo' as const, chatId: 'z1', userId: 'z1' };
    const [answer] = await app.handle({ ...chat, text: 'han gui bao cao hang nam phuong hong an' });
    expect(answer!.choices!.map((c) => c.label)).toEqual(['📄 Xem trích dẫn', '👍 Hữu ích', '👎 Chưa đúng']);
    const [quotes] = await app.handle({ ...chat, text: '1' });
    expect(quotes!.text).toContain('05/12');
    expect(quotes!.text).toContain('Trích dẫn cho câu hỏi');
    const [thanks] = await app.handle({ ...chat, text: '2' });
    expect(thanks!.text).toContain('Cảm ơn');
  });

  it('stores one rating per person and answer, whatever how often it is pressed', async () => {
    const [answer] = await app.handle(msg('chi tieu 2025 can bo cong chuc'));
    const up = answer!.choices!.find((c) => c.payload.endsWith(':up'))!;
    const down = answer!.choices!.find((c) => c.payload.endsWith(':down'))!;
    await app.handle({ ...msg(up.label), payload: up.payload });
    await app.handle({ ...msg(up.label), payload: up.payload });
    await app.handle({ ...msg(down.label), payload: down.payload });
    const id = up.payload.split(':')[1]!;
    expect(await app.store.feedbackFor(id)).toEqual([{ userId: 'u1', rating: 'down' }]);
    expect((await app.store.getAnswer(id))!.question).toBe('chi tieu 2025 can bo cong chuc');
  });

  it('keeps pending choices across a restart (state lives in the store, not in memory)', async () => {
    const chat = { channel: 'console' as const, chatId: 'restart', userId: 'restart' };
    await app.handle({ ...chat, text: 'chi tieu 2026 nguoi dan VNeID' });
    const again = await createApp(loadConfig({ DATA_DIR: app.dataDir }, repoRoot), silentLogger);
    try {
      const [quotes] = await again.handle({ ...chat, text: '1' });
      expect(quotes!.text).toContain('VNeID');
    } finally {
      await again.close();
    }
  });

  it('says a stale or forged choice has expired', async () => {
    expect((await app.handle({ ...msg('x'), payload: 'cite:nope' }))[0]!.text).toContain('hết hạn');
    expect((await app.handle({ ...msg('x'), payload: 'rm -rf' }))[0]!.text).toContain('hết hạn');
  });
});
