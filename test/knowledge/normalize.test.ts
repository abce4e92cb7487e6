import { describe, expect, it } from 'vitest';
import { fold, lacksDiacritics, normalizeVi, tokenize } from '../../src/knowledge/ingest/normalize.js';

describe('normalizeVi', () => {
  it('puts tone marks in one place, whatever convention was typed', () => {
    expect(normalizeVi('hoá')).toBe('hóa');
    expect(normalizeVi('Uỷ ban')).toBe('Ủy ban');
    expect(normalizeVi('thuỷ lợi, hoà bình, khoẻ')).toBe('thủy lợi, hòa bình, khỏe');
    expect(normalizeVi('UỶ BAN')).toBe('ỦY BAN');
  });

  it('leaves syllables with a final consonant or a marked vowel where they belong', () => {
    for (const w of ['hoàn', 'thuyết', 'người', 'quý', 'giữ', 'gì', 'khuyến', 'thường', 'quốc', 'tiêu', 'chuyển', 'đổi']) {
      expect(normalizeVi(w)).toBe(w);
    }
  });

  it('writes the i-spellings kĩ, kí, lí, tỉ, qui with y, as documents do', () => {
    expect(normalizeVi('kĩ năng số, người kí, lí do, tỉ lệ, qui định')).toBe('kỹ năng số, người ký, lý do, tỷ lệ, quy định');
    expect(normalizeVi('ki nang so')).toBe('ky nang so');
    expect(normalizeVi('kim, tin, lính, Kì')).toBe('kim, tin, lính, Kỳ');
  });

  it('composes decomposed (NFD) input', () => {
    const nfd = 'Bình dân học vụ số'.normalize('NFD');
    expect(normalizeVi(nfd)).toBe('Bình dân học vụ số');
  });

  it('treats both conventions as the same text', () => {
    expect(normalizeVi('văn hoá - xã hội')).toBe(normalizeVi('văn hóa - xã hội'));
  });
});

describe('fold and tokenize', () => {
  it('removes diacritics and đ', () => {
    expect(fold('Đổi mới sáng tạo')).toBe('doi moi sang tao');
  });

  it('keeps numbers whole and drops thousands separators', () => {
    expect(tokenize('1.234/1.500 người dân, 85,5%')).toEqual(['1234', '1500', 'nguoi', 'dan', '85', '5']);
    expect(tokenize('Công văn 4735/BNV-BTĐKTTW')).toEqual(['cong', 'van', '4735', 'bnv', 'btdkttw']);
  });

  it('tells text typed without diacritics', () => {
    expect(lacksDiacritics('binh dan hoc vu so la gi')).toBe(true);
    expect(lacksDiacritics('bình dân học vụ số')).toBe(false);
  });
});
