import { describe, expect, it } from 'vitest';
import { expandAbbreviations } from '../../src/knowledge/search/abbreviations.js';
import { analyzeQuery } from '../../src/knowledge/search/analyze.js';
import { headingsOf, LexicalIndex } from '../../src/knowledge/search/lexical.js';
import { RECORDS } from './fixtures-vi.js';

const lex = LexicalIndex.build(RECORDS);
const first = (q: string) => lex.search(q, 3)[0]?.id;

describe('LexicalIndex', () => {
  it('finds the passage for a question typed without diacritics', () => {
    expect(first('uy ban nhan dan cap xa co trach nhiem gi')).toBe('ubnd');
  });

  it('expands abbreviations in the query: CBCCVC, UBND', () => {
    expect(first('CBCCVC phải làm gì')).toBe('cbccvc');
    expect(first('trach nhiem cua ubnd')).toBe('ubnd');
  });

  it('matches a syllable with a one-letter typo', () => {
    expect(first('doanh ngiep doi moi')).toBe('doanhnghiep');
  });

  it('treats the other tone convention ("hoá") as the same word', () => {
    expect(first('số hoá văn hoá')).toBe('vanhoa');
  });

  it('uses exact diacritics to separate folded twins (bán / bàn)', () => {
    expect(first('bán')).toBe('ban-hang');
    expect(first('bàn')).toBe('ban-giao');
  });

  it('scores a word with one spelling in the corpus as its folded form plus the accent weight', () => {
    // Every syllable below has a single spelling, so its accented postings are its folded ones:
    // typed with diacritics, each term (and so each record's score) weighs 1 + accentWeight.
    const records = [
      { id: 'a', title: 'Người dân', text: 'Người dân xác thực điện tử trên ứng dụng.' },
      { id: 'b', title: 'Doanh nghiệp', text: 'Doanh nghiệp và người lao động học kỹ năng số.' },
      { id: 'c', title: 'Hộ kinh doanh', text: 'Hộ kinh doanh dùng thanh toán điện tử.' },
    ];
    const index = LexicalIndex.build(records, { headingWeight: 0 });
    const plain = [...index.scoreAll('nguoi dan xac thuc dien tu')];
    const typed = [...index.scoreAll('người dân xác thực điện tử')];
    const ratio = 1 + index.options.accentWeight;
    expect(plain.filter((s) => s > 0)).toHaveLength(3);
    typed.forEach((s, i) => expect(s).toBeCloseTo(plain[i]! * ratio, 5));
  });

  it('returns scores in descending order and nothing for unknown words', () => {
    const hits = lex.search('khen thưởng thi đua', 5);
    expect(hits[0]?.id).toBe('khenthuong');
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    expect(lex.search('xyzzyq', 5)).toEqual([]);
  });
});

describe('abbreviations and question boilerplate', () => {
  it('expands abbreviations, whatever the case, and leaves syllables alone', () => {
    expect(expandAbbreviations('CBCCVC thuộc UBND, HĐND')).toBe('cán bộ công chức viên chức thuộc ủy ban nhân dân, hội đồng nhân dân');
    expect(expandAbbreviations('Nghị định 15/2020/NĐ-CP')).toBe('Nghị định 15/2020/nghị định chính phủ');
    expect(expandAbbreviations('ca sĩ tu học')).toBe('ca sĩ tu học');
  });

  it('reads "liên hiệp hợp tác xã" / "lien hiep HTX" as the plans\' "liên hợp tác xã", and only that "liên hiệp"', () => {
    const plans = analyzeQuery('liên hợp tác xã').folded;
    expect(analyzeQuery('Liên hiệp hợp tác xã').folded).toEqual(plans);
    expect(analyzeQuery('lien hiep HTX').folded).toEqual(plans);
    expect(analyzeQuery('Liên hiệp phụ nữ').folded).toEqual(['lien', 'hiep', 'phu', 'nu']);
  });

  it('drops "đúng hay sai", "theo quy định" and option letters from queries', () => {
    expect(analyzeQuery('Theo quy định, người dân phải đăng ký, đúng hay sai? A. Có B. Không').folded).toEqual([
      'nguoi', 'dan', 'phai', 'dang', 'ky', 'co', 'khong',
    ]);
  });
});

describe('headings named by the question', () => {
  it('reads section headings as phrases, numbering dropped', () => {
    expect(headingsOf(['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích']).map((h) => h.key)).toEqual(['muc dich yeu cau', 'muc dich']);
    expect(headingsOf(['III. HÌNH THỨC', '3.2.2. Bằng khen của Thủ tướng Chính phủ', 'a) Đối với tập thể']).map((h) => h.key)).toEqual([
      'hinh thuc',
      'bang khen cua thu tuong chinh phu',
      'doi voi tap the',
    ]);
  });

  it('ranks the record whose heading the question names above one that only repeats its other words', () => {
    const records = [
      { id: 'preamble', title: 'Kế hoạch', text: 'Phát động phong trào Bình dân học vụ số trên địa bàn phường.' },
      { id: 'purpose', title: 'Kế hoạch. I. MỤC ĐÍCH › 1. Mục đích', headings: ['I. MỤC ĐÍCH', '1. Mục đích'], text: 'Phát hiện, biểu dương các tập thể tiêu biểu trong phong trào.' },
      ...['Chỉ tiêu', 'Thời gian', 'Khen thưởng', 'Tổ chức thực hiện', 'Kinh phí', 'Báo cáo'].map((h, i) => ({
        id: `other${i}`,
        title: `Kế hoạch. ${h}`,
        headings: [h],
        text: i < 2 ? `${h} của phong trào Bình dân học vụ số.` : `${h} của các đơn vị.`,
      })),
    ];
    const query = 'mục đích của phong trào bình dân học vụ số';
    expect(LexicalIndex.build(records, { headingWeight: 0 }).search(query, 2)[0]?.id).not.toBe('purpose');
    expect(LexicalIndex.build(records).search(query, 2)[0]?.id).toBe('purpose');
    // Without declared headings (a benchmark's {id,title,text}), the title alone decides.
    expect(LexicalIndex.build(records.map(({ headings: _, ...r }) => r)).search(query, 2)[0]?.id).not.toBe('purpose');
  });
});
