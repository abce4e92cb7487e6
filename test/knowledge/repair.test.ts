import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarker, repairText } from '../../src/knowledge/ingest/repair.js';

const corpus = (file: string) => readFileSync(new URL(`../../corpus/${file}`, import.meta.url), 'utf8');

/** Extracted-PDF layout: a blank line after each printed line, a leading space on a new page. */
const extracted = [
  ' KẾ HOẠCH ',
  'Phát động phong trào thi đua“Cả nước thi đua đổi mới sáng tạo  ',
  'và chuyển đổi số” và “Bình dân học vụ số”  ',
  ' ',
  'Căn cứ Kế hoạch số 150/KH-UBND ngày 16/6/2025 của UBND thành phố Hải Phòng về ',
  'việc phát động Phong trào thi đua “Hải Phòng thi đua đột phá” giai đoạn 2025-',
  '2030 và Phong trào “Bình dân học vụ số”. ',
  'I. MỤC ĐÍCH, YÊU CẦU ',
  '1. Mục đích ',
  '- Phát huy sức mạnh của cả hệ thống chính trị trong việc tuyên truyền, nâng ',
  'cao nhận thức, khơi dậy động lực tự thân của mỗi người dân. Qua đó, góp \n phần thực hiện hiệu quả Nghị quyết số 57-NQ/TW, ngày ',
  '22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới ',
  'sáng tạo và chuyển đổi số quốc gia. ',
  '- Hướng dẫn, kiểm tra, tổng hợp, báo cáo kết quả hàng năm gửi về Ban Thi đua ',
  '- Khen thưởng, Sở Nội vụ. ',
  '2. Yêu cầu ',
  '- Công tác khen thưởng đảm bảo dân chủ, công khai, kịp thời, đúng quy định    hiện hành; văn hoá số. ',
].join('\n\n');

describe('repairText', () => {
  it('rebuilds one logical line per title, paragraph, heading and bullet', () => {
    expect(repairText(extracted).split('\n')).toEqual([
      'KẾ HOẠCH',
      'Phát động phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” và “Bình dân học vụ số”',
      'Căn cứ Kế hoạch số 150/KH-UBND ngày 16/6/2025 của UBND thành phố Hải Phòng về việc phát động Phong trào thi đua “Hải Phòng thi đua đột phá” giai đoạn 2025-2030 và Phong trào “Bình dân học vụ số”.',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      '- Phát huy sức mạnh của cả hệ thống chính trị trong việc tuyên truyền, nâng cao nhận thức, khơi dậy động lực tự thân của mỗi người dân. Qua đó, góp phần thực hiện hiệu quả Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.',
      // "- Khen thưởng" continues "Ban Thi đua": the printed line before it was full.
      '- Hướng dẫn, kiểm tra, tổng hợp, báo cáo kết quả hàng năm gửi về Ban Thi đua - Khen thưởng, Sở Nội vụ.',
      '2. Yêu cầu',
      '- Công tác khen thưởng đảm bảo dân chủ, công khai, kịp thời, đúng quy định hiện hành; văn hóa số.',
    ]);
  });

  it('rejoins sentences broken across lines and pages of the Hồng An plan', () => {
    const text = repairText(corpus('001_cef97842b6e97a79.txt'));
    expect(text).toContain('Qua đó, góp phần thực hiện hiệu quả Chương trình hành động số 89-Ctr/TU');
    expect(text).toContain('(qua phòng Văn hóa - Xã hội) trước ngày 05/12 để tổng hợp báo cáo');
    expect(text).toContain('giai đoạn 2025-2030 và Phong trào “Bình dân học vụ số”.');
    expect(text).toContain('phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số”');
    expect(text).toContain('\n2.1. Năm 2025\n- Trên 80% cán bộ, công chức, viên chức');
    expect(text).toContain('\n3.3.3. Cờ thi đua của Chính phủ: Để tặng cho tập thể');
    expect(text).toContain('\nVI. TỔ CHỨC THỰC HIỆN\n');
    expect(text).toContain('\nTrên đây là kế hoạch phát động phong trào thi đua');
  });

  it('joins a number split at its hyphen and keeps header fields on their own lines', () => {
    const text = repairText(corpus('000_0f225e115abc076c.txt'));
    expect(text).toContain('tại Công văn số 4735/BNV-BTĐKTTW ngày 04 tháng 7 năm 2025');
    expect(text).toContain('Hướng dẫn số 3751/HD-3NV ngày 16 tháng 6 năm 2025');
    expect(text).toContain('\nKính gửi: Các sở, ban, ngành, địa phương, đơn vị\nThực hiện hướng dẫn');
    expect(text).toContain('\n5. Các sở, ban, ngành, đoàn thể, doanh nghiệp, đơn vị trên địa bàn thành phố và Ủy ban nhân dân các xã, phường, đặc khu\nCăn cứ chức năng');
    expect(text).toContain('\n- TT TU; (để báo cáo)\n');
    expect(text).toContain('\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Minh Hùng');
  });

  it('reads the letter whose extractor already joined paragraphs', () => {
    const lines = repairText(corpus('002_e3a46710e09f8f4c.txt')).split('\n');
    expect(lines).toContain('- UBND các tỉnh, thành phố trực thuộc Trung ương');
    expect(lines.find((l) => l.startsWith('2. Tuyên truyền'))).toContain('tầm quan trọng của phát triển khoa học');
    expect(lines).toContain('Noi nhận:');
  });

  it('leaves no layout artefacts and one tone-mark convention', () => {
    for (const file of ['000_0f225e115abc076c.txt', '001_cef97842b6e97a79.txt', '002_e3a46710e09f8f4c.txt', '003_7a0c5e66c495ceb7.txt']) {
      const text = repairText(corpus(file));
      expect(text).not.toMatch(/ {2}|^ | $|\n\n|\n | \n/m);
      expect(text).not.toMatch(/hoá|Uỷ|uỷ|thuỷ|\p{L}“|”\p{L}|"/u);
      expect(text).toBe(text.normalize('NFC'));
    }
  });
});

describe('parseMarker', () => {
  it('recognises the heading and bullet markers of administrative documents', () => {
    expect(parseMarker('IV. TỔ CHỨC THỰC HIỆN')).toEqual({ kind: 'roman', text: 'IV.', depth: 1 });
    expect(parseMarker('1. Mục đích')).toEqual({ kind: 'number', text: '1.', depth: 1 });
    expect(parseMarker('3.2.1. Huân chương Lao động hạng Ba: Để tặng')).toEqual({ kind: 'number', text: '3.2.1.', depth: 3 });
    expect(parseMarker('a) Đối với tập thể: Để tặng')).toMatchObject({ kind: 'letter', text: 'a)' });
    expect(parseMarker('a, Phát huy sức mạnh')).toMatchObject({ kind: 'letter', text: 'a,' });
    expect(parseMarker('(1) Thi đua nâng cao nhận thức')).toMatchObject({ kind: 'paren', text: '(1)' });
    expect(parseMarker('- Năm 2025: ban hành Kế hoạch')).toMatchObject({ kind: 'dash' });
    expect(parseMarker('+ Hoàn thành có chất lượng')).toMatchObject({ kind: 'plus' });
  });

  it('does not take a sentence continuation for a heading', () => {
    for (const line of ['2030 và Phong trào “Bình dân học vụ số”.', '22/12/2024 của Bộ Chính trị', 'KT. CHỦ TỊCH', '2025. tổ chức', '1.234 người dân', 'đạo, tổ chức']) {
      expect(parseMarker(line)).toBeNull();
    }
  });
});
