import { describe, expect, it } from 'vitest';
import {
  parseUpdate,
  renderReplies,
  renderReply,
  splitMessage,
  ZALO_TEXT_LIMIT,
  zaloTexts,
} from '../../src/channels/zalo/index.js';
import { FAKE_ANSWER } from '../helpers/fake-handle.js';

const textUpdate = (over: Record<string, unknown> = {}) => ({
  event_name: 'message.text.received',
  message: {
    message_id: 'm1',
    date: 1766619597466,
    text: 'Xin chào',
    chat: { id: 'u777', chat_type: 'PRIVATE' },
    from: { id: 'u777', display_name: 'An', is_bot: false },
    ...over,
  },
});

describe('Zalo updates → Incoming', () => {
  it('maps a text message, flat or wrapped in { ok, result }', () => {
    const expected = {
      kind: 'text',
      incoming: { channel: 'zalo', chatId: 'u777', userId: 'u777', text: 'Xin chào', deliveryId: 'message.text.received:m1', userName: 'An' },
    };
    expect(parseUpdate(textUpdate())).toEqual(expected);
    expect(parseUpdate({ ok: true, result: textUpdate() })).toEqual(expected);
  });

  it('accepts numeric ids and the documented getUpdates sample without event_name', () => {
    const r = parseUpdate({ message: { message_id: 42, chat: { id: 7 }, from: { id: 8, first_name: 'A' }, text: 'hi' } });
    expect(r).toMatchObject({ kind: 'text', incoming: { chatId: '7', userId: '8', deliveryId: 'message.text.received:42' } });
    expect(r.kind === 'text' && 'userName' in r.incoming).toBe(false);
  });

  it('hands an image over as a file with its caption, marks stickers and others unsupported, ignores bots, rejects junk', () => {
    const sticker = { event_name: 'message.sticker.received', message: { message_id: 's1', chat: { id: 'u1' }, from: { id: 'u1' }, sticker: 'abc', url: 'https://x' } };
    expect(parseUpdate(sticker)).toEqual({ kind: 'unsupported', chatId: 'u1', event: 'message.sticker.received', deliveryId: 'message.sticker.received:s1' });
    const image = { event_name: 'message.image.received', message: { message_id: 'i1', chat: { id: 'u1' }, photo_url: 'https://x', caption: 'xem' } };
    const asFile = parseUpdate(image);
    expect(asFile).toMatchObject({ kind: 'text', incoming: { chatId: 'u1', text: 'xem', file: { kind: 'photo', name: 'anh-i1.jpg' } } });
    const noUrl = { event_name: 'message.image.received', message: { message_id: 'i2', chat: { id: 'u1' } } };
    expect(parseUpdate(noUrl)).toMatchObject({ kind: 'unsupported', event: 'message.image.received' });
    expect(parseUpdate({ event_name: 'message.unsupported.received', message: { message_id: 'x', chat: { id: 'u1' } } })).toMatchObject({ kind: 'unsupported' });
    expect(parseUpdate(textUpdate({ from: { id: 'b', is_bot: true } }))).toMatchObject({ kind: 'ignored' });
    expect(parseUpdate({ event_name: 'bot.something' })).toMatchObject({ kind: 'ignored' });
    for (const junk of [null, 'text', 42, {}, { message: { text: 'no ids' } }, { event_name: 'message.text.received', message: { message_id: '', chat: { id: 'u' } } }]) {
      expect(parseUpdate(junk)).toMatchObject({ kind: 'invalid' });
    }
  });
});

describe('Zalo rendering', () => {
  it('renders text, then citations "[n] title — section", then choices "n. label"', () => {
    const text = renderReply(FAKE_ANSWER);
    expect(text.startsWith('Năm 2025, phấn đấu 80%')).toBe(true);
    expect(text).toContain(`\n\n${zaloTexts.sourcesHeading}\n[1] Kế hoạch UBND phường Hồng An — II. NỘI DUNG › 2. Chỉ tiêu › 2.1. Năm 2025\n[2] `);
    expect(text).toMatch(/\n\n1\. Xem chỉ tiêu năm 2026\n2\. Hạn nộp báo cáo$/);
  });

  it('lists each cited section once with all its numbers: "[1–3, 5]", "[4]"', () => {
    const cite = (section: string, quote: string) => ({ docId: 'hong-an-kh', title: 'Kế hoạch UBND phường Hồng An', section, quote });
    const award = '3.2.1. Huân chương Lao động hạng Ba';
    const text = renderReply({
      text: 'Tiêu chuẩn: …',
      citations: [cite(award, 'a'), cite(award, 'b'), cite(award, 'c'), cite('3.1. Khen thưởng hàng năm', 'd'), cite(award, 'e')],
    });
    expect(text.split(`${zaloTexts.sourcesHeading}\n`)[1]).toBe(
      `[1–3, 5] Kế hoạch UBND phường Hồng An — ${award}\n[4] Kế hoạch UBND phường Hồng An — 3.1. Khen thưởng hàng năm`,
    );
  });

  it('sends an image caption as text (sendPhoto takes only URLs)', () => {
    expect(renderReply({ text: 'Biểu đồ tiến độ', image: { png: new Uint8Array([1]), caption: 'Tiến độ quý III' } })).toBe(
      'Biểu đồ tiến độ\n\nTiến độ quý III',
    );
  });
});

describe('splitMessage', () => {
  const sentence = (i: number) => `Câu số ${i} nói về chỉ tiêu chuyển đổi số của phường Hồng An năm 2025.`;
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

  it('splits a 4,500-character reply into parts within the limit, losing nothing', () => {
    const paragraphs = Array.from({ length: 14 }, (_, p) => Array.from({ length: 5 }, (_, s) => sentence(p * 5 + s)).join(' '));
    const text = paragraphs.join('\n\n').slice(0, 4500);
    expect(text.length).toBe(4500);
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
    expect(squash(parts.join(' '))).toBe(squash(text));
    // Cut on paragraph boundaries when there are any.
    expect(paragraphs.some((para) => parts[0]!.endsWith(para))).toBe(true);
  });

  it('falls back to lines, then sentences, then words', () => {
    const lines = Array.from({ length: 60 }, (_, i) => sentence(i)).join('\n');
    for (const p of splitMessage(lines)) expect(p).toMatch(/năm 2025\.$/);
    const oneParagraph = Array.from({ length: 60 }, (_, i) => sentence(i)).join(' ');
    const bySentence = splitMessage(oneParagraph);
    expect(bySentence.length).toBe(3);
    for (const p of bySentence) expect(p).toMatch(/^Câu số \d+ .*năm 2025\.$/);
    const words = Array.from({ length: 900 }, () => 'chuyển').join(' ');
    for (const p of splitMessage(words)) expect(p).toMatch(/^chuyển( chuyển)*$/);
  });

  it('hard-cuts text without breaks, never inside a surrogate pair', () => {
    expect(splitMessage('a'.repeat(4500)).map((p) => p.length)).toEqual([2000, 2000, 500]);
    const emoji = '😀'.repeat(1500);
    const parts = splitMessage(emoji);
    expect(parts.join('')).toBe(emoji);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(2000);
      expect(p).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/); // no half of a pair at either end
    }
  });

  it('keeps short text whole and renders many replies as many messages', () => {
    expect(splitMessage('  Xin chào  ')).toEqual(['Xin chào']);
    expect(splitMessage('')).toEqual([]);
    const long = { text: sentence(1).repeat(40) };
    expect(renderReplies([{ text: 'Một' }, long]).length).toBeGreaterThan(2);
  });
});
