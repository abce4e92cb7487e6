import { describe, expect, it } from 'vitest';
import { escapeHtml, renderReply, splitText, toIncoming } from '../../src/channels/telegram/index.js';
import { FAKE_BOT_INFO, callbackQuery, groupText, privateText } from '../fakes/fake-telegram.js';

/** Every "&…" in the HTML is a complete entity and every tag is one we emit, closed. */
function wellFormed(html: string): boolean {
  const entitiesOk = [...html.matchAll(/&/g)].every((m) => /^&(amp|lt|gt|quot|#39);/.test(html.slice(m.index)));
  const tags = [...html.matchAll(/<\/?([a-z]+)>/g)].map((m) => m[0]);
  const stray = html.replace(/<\/?(b|i)>/g, '').includes('<');
  const balanced = ['b', 'i'].every((t) => tags.filter((x) => x === `<${t}>`).length === tags.filter((x) => x === `</${t}>`).length);
  return entitiesOk && !stray && balanced;
}

const paragraph = (n: number) => `Đoạn ${n}: chỉ tiêu <b>&</b> "kỹ năng số" đạt 80% & hơn. `.repeat(6).trim();

describe('splitText', () => {
  it('cuts a 4,500-character text on a paragraph boundary into two parts under the limit once escaped', () => {
    const paragraphs: string[] = [];
    for (let i = 1; paragraphs.join('\n\n').length < 4500; i++) paragraphs.push(paragraph(i));
    const text = paragraphs.join('\n\n');
    expect(text.length).toBeGreaterThanOrEqual(4500);
    const parts = splitText(text, { format: escapeHtml, limit: 4096 });
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const part of parts) {
      expect(escapeHtml(part).length).toBeLessThan(4096);
      expect(part.startsWith('Đoạn')).toBe(true); // starts at a paragraph
      expect(wellFormed(escapeHtml(part))).toBe(true);
    }
    expect(parts.join('\n\n')).toBe(text);
  });

  it('falls back to lines, sentences, then a hard cut that keeps surrogate pairs whole', () => {
    expect(splitText('một dòng\nhai dòng', { limit: 10 })).toEqual(['một dòng', 'hai dòng']);
    expect(splitText('Câu một. Câu hai.', { limit: 10 })).toEqual(['Câu một.', 'Câu hai.']);
    const emoji = '🙂'.repeat(5); // 10 UTF-16 units
    const parts = splitText(emoji, { limit: 4 });
    expect(parts).toEqual(['🙂🙂', '🙂🙂', '🙂']);
    expect(splitText('a&b&c&d', { limit: 10, format: escapeHtml }).every((p) => escapeHtml(p).length <= 10)).toBe(true);
    expect(splitText('   ')).toEqual([]);
  });
});

describe('renderReply', () => {
  it('escapes everything the person sees and formats citations as bold number, title, italic section', () => {
    const { messages } = renderReply({
      text: 'Dùng <b>& không phải thẻ',
      citations: [{ docId: 'd', title: 'Kế hoạch <số 1> & "Bình dân học vụ số"', section: 'II. › 2.1. Năm 2025', quote: 'q' }],
    });
    expect(messages).toHaveLength(1);
    const html = messages[0]!.kind === 'text' ? messages[0]!.html : '';
    expect(html).toContain('Dùng &lt;b&gt;&amp; không phải thẻ');
    expect(html).toContain('<b>[1]</b> Kế hoạch &lt;số 1&gt; &amp; &quot;Bình dân học vụ số&quot; — <i>II. › 2.1. Năm 2025</i>');
    expect(wellFormed(html)).toBe(true);
  });

  it('lists each cited section on one line with all its numbers, "[1, 3]"', () => {
    const c = { docId: 'd', title: 'Kế hoạch', section: '3.2.1. Huân chương', quote: 'q' };
    const { messages } = renderReply({ text: 'Tiêu chuẩn', citations: [c, { ...c, section: '3.1.' }, { ...c, quote: 'r' }] });
    const html = messages[0]!.kind === 'text' ? messages[0]!.html : '';
    expect(html.split('\n\n')[1]).toBe('<b>[1, 3]</b> Kế hoạch — <i>3.2.1. Huân chương</i>\n<b>[2]</b> Kế hoạch — <i>3.1.</i>');
  });

  it('puts buttons on the last part, skips a payload over 64 bytes, and sends the image as a photo', () => {
    const long = Array.from({ length: 3 }, (_, i) => paragraph(i).repeat(8)).join('\n\n');
    const { messages, skippedChoices } = renderReply({
      text: long,
      choices: [
        { label: 'Có', payload: 'yes' },
        { label: 'Quá dài', payload: 'ư'.repeat(40) }, // 80 bytes
      ],
      image: { png: new Uint8Array([137, 80, 78, 71]), caption: 'Biểu đồ <tỷ lệ>' },
    });
    expect(messages.length).toBeGreaterThan(2);
    expect(messages.slice(0, -1).every((m) => !m.keyboard)).toBe(true);
    const last = messages.at(-1)!;
    expect(last).toMatchObject({ kind: 'photo', caption: 'Biểu đồ &lt;tỷ lệ&gt;', keyboard: [[{ text: 'Có', callback_data: 'yes' }]] });
    expect(skippedChoices).toEqual([{ label: 'Quá dài', payload: 'ư'.repeat(40) }]);
  });

  it('moves citations that no longer fit to a following message', () => {
    const text = 'x'.repeat(4090);
    const { messages } = renderReply({ text, citations: [{ docId: 'd', title: 'T', section: 'S', quote: 'q' }] });
    expect(messages.map((m) => (m.kind === 'text' ? m.html : ''))).toEqual([text, '<b>[1]</b> T — <i>S</i>']);
  });
});

describe('toIncoming', () => {
  const me = FAKE_BOT_INFO;

  it('maps a private text message with the update id as delivery id', () => {
    expect(toIncoming(privateText(777, 'xin chào', 5001) as never, me)).toEqual({
      channel: 'telegram',
      chatId: '777',
      userId: '777',
      text: 'xin chào',
      deliveryId: '5001',
      userName: 'An Nguyễn',
    });
  });

  it('in groups, passes only commands for this bot, mentions (removed) and replies to the bot', () => {
    const text = (t: string, extra = {}) => toIncoming(groupText(-100, t, extra) as never, me)?.text ?? null;
    expect(text('chi tieu nam 2025')).toBeNull();
    expect(text('@TroLyThiDua_bot  chi tieu nam 2025')).toBe('chi tieu nam 2025');
    expect(text('hỏi @trolythidua_bot: chỉ tiêu?')).toBe('hỏi : chỉ tiêu?');
    expect(text('email a@trolythidua_bot.vn')).toBeNull();
    expect(text('/hoi chỉ tiêu')).toBe('/hoi chỉ tiêu');
    expect(text('/hoi@trolythidua_bot chỉ tiêu')).toBe('/hoi@trolythidua_bot chỉ tiêu');
    expect(text('/start@other_bot')).toBeNull();
    expect(text('còn năm 2026?', { reply_to_message: { message_id: 1, date: 0, chat: { id: -100, type: 'supergroup' }, from: me } })).toBe(
      'còn năm 2026?',
    );
  });

  it('maps a callback query to its payload and the pressed button label', () => {
    expect(toIncoming(callbackQuery(778, 'more:2026', 'Xem năm 2026') as never, me)).toMatchObject({
      chatId: '778',
      userId: '778',
      payload: 'more:2026',
      text: 'Xem năm 2026',
    });
  });
});
