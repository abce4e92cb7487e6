import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHUNK_SETTINGS, chunkDocument } from '../../src/knowledge/ingest/chunk.js';
import { parseMarker, repairText } from '../../src/knowledge/ingest/repair.js';
import type { Chunk } from '../../src/knowledge/types.js';

const corpus = (file: string) => readFileSync(new URL(`../../corpus/${file}`, import.meta.url), 'utf8');
const hongAn = chunkDocument('hong-an-kh', repairText(corpus('001_cef97842b6e97a79.txt')));
const haiDuong = chunkDocument('hai-duong-kh', repairText(corpus('003_7a0c5e66c495ceb7.txt')));
const bnv = chunkDocument('bnv-4735', repairText(corpus('002_e3a46710e09f8f4c.txt')));
const hp = chunkDocument('hp-2144', repairText(corpus('000_0f225e115abc076c.txt')));
const all = [...hongAn, ...haiDuong, ...bnv, ...hp];

const containing = (chunks: Chunk[], needle: string) => {
  const found = chunks.filter((c) => c.text.includes(needle));
  expect(found, needle).toHaveLength(1);
  return found[0]!;
};

const TARGETS = 'II. NỘI DUNG, CHỈ TIÊU VÀ THỜI GIAN THỰC HIỆN › 2. Chỉ tiêu';
const AWARDS = 'III. HÌNH THỨC VÀ ĐÓI TƯỢNG ÁP DỤNG KHEN THƯỞNG › 3. Thời gian khen thưởng › 3.2. Tiêu chuẩn và khen thưởng sơ kết vào năm 2027, tổng kết vào năm 2030';

describe('chunkDocument on a small plan', () => {
  const text = [
    'KẾ HOẠCH',
    'Căn cứ Kế hoạch số 150/KH-UBND, Ủy ban nhân dân phường phát động phong trào thi đua.',
    'I. MỤC ĐÍCH',
    '1. Chỉ tiêu',
    '- 80% người dân có kỹ năng số.',
    '2. Khen thưởng',
    '2.1. Bằng khen: Để tặng cho tập thể đạt các tiêu chuẩn sau:',
    '- Đối với doanh nghiệp:',
    '+ Là doanh nghiệp dẫn đầu.',
    'Trên đây là Kế hoạch của Ủy ban nhân dân phường, đề nghị các đơn vị thực hiện./.',
    'Nơi nhận:',
    '- Sở Nội vụ;',
    '- Lưu: VT.',
    'CHỦ TỊCH',
    'Nguyễn Văn A',
  ].join('\n');

  it('gives each unit its heading path and keeps a heading line that carries text whole', () => {
    expect(chunkDocument('kh', text)).toEqual([
      { id: 'kh#0', docId: 'kh', section: '', text: 'KẾ HOẠCH\nCăn cứ Kế hoạch số 150/KH-UBND, Ủy ban nhân dân phường phát động phong trào thi đua.' },
      { id: 'kh#1', docId: 'kh', section: 'I. MỤC ĐÍCH › 1. Chỉ tiêu', text: '- 80% người dân có kỹ năng số.' },
      {
        id: 'kh#2',
        docId: 'kh',
        section: 'I. MỤC ĐÍCH › 2. Khen thưởng › 2.1. Bằng khen',
        text: '2.1. Bằng khen: Để tặng cho tập thể đạt các tiêu chuẩn sau:\n- Đối với doanh nghiệp:\n+ Là doanh nghiệp dẫn đầu.',
      },
      { id: 'kh#3', docId: 'kh', section: 'Phần kết', text: 'Trên đây là Kế hoạch của Ủy ban nhân dân phường, đề nghị các đơn vị thực hiện./.' },
      { id: 'kh#4', docId: 'kh', section: 'Nơi nhận', text: '- Sở Nội vụ;\n- Lưu: VT.' },
      { id: 'kh#5', docId: 'kh', section: 'Người ký', text: 'CHỦ TỊCH\nNguyễn Văn A' },
    ]);
  });
});

describe('chunkDocument on the Hồng An plan', () => {
  it('makes every 2025 and 2026 target findable on its own, under its year', () => {
    const vneid = containing(hongAn, '80% người dân trong độ tuổi trưởng thành được xác nhận đạt phổ cập tri thức về chuyển đổi số, kỹ năng số trên nền tảng VNeID');
    expect(vneid.section).toBe(`${TARGETS} › 2.1. Năm 2025`);
    expect(vneid.text.split('\n')).toHaveLength(1);
    expect(containing(hongAn, 'Trên 80% cán bộ, công chức').section).toBe(`${TARGETS} › 2.1. Năm 2025`);
    expect(containing(hongAn, '100% người dân trong độ tuổi trưởng thành được xác nhận').section).toBe(`${TARGETS} › 2.2. Năm 2026`);
    const targets = hongAn.filter((c) => c.section.startsWith(TARGETS));
    expect(targets).toHaveLength(11);
    expect(targets.every((c) => c.text.startsWith('- ') && !c.text.includes('\n'))).toBe(true);
  });

  it('follows the award criteria down to a) and keeps the document’s own numbering', () => {
    const collective = hongAn.filter((c) => c.section === `${AWARDS} › 3.2.2. Bằng khen của Thủ tướng Chính phủ › a) Đối với tập thể`);
    expect(collective.length).toBeGreaterThan(1);
    expect(collective[0]!.text).toMatch(/^a\) Đối với tập thể: Để tặng cho các tập thể có nội bộ đoàn kết/);
    // The "+" criteria for enterprises keep their "- Đối với doanh nghiệp:" lead-in.
    expect(containing(hongAn, '+ Là một trong số các doanh nghiệp').text).toMatch(/^- Đối với doanh nghiệp:\n\+ /);

    const flag = containing(hongAn, 'dẫn đầu phong trào thi đua của thành phố');
    expect(flag.section).toBe(`${AWARDS} › 3.3.3. Cờ thi đua của Chính phủ`);
    expect(flag.text).toMatch(/^3\.3\.3\. Cờ thi đua của Chính phủ: Để tặng cho tập thể/);
    expect(containing(hongAn, 'Để tặng cho địa phương có nội bộ đoàn kết').section).toBe(`${AWARDS} › 3.2.1. Huân chương Lao động hạng Ba`);
    expect(hongAn.some((c) => c.section.startsWith('VI. TỔ CHỨC THỰC HIỆN › 3. Phòng Văn hóa - Xã hội'))).toBe(true);
  });

  it('keeps the 05/12 deadline sentence whole and the closing parts apart', () => {
    const deadline = containing(hongAn, 'trước ngày 05/12 để tổng hợp báo cáo Ủy ban nhân dân thành phố theo quy định');
    expect(deadline.section).toBe('VI. TỔ CHỨC THỰC HIỆN › 4. Các cơ quan, đơn vị, trường học, doanh nghiệp');
    expect(containing(hongAn, 'Trên đây là kế hoạch').section).toBe('Phần kết');
    expect(containing(hongAn, '- Lưu: VT, VHXH.').section).toBe('Nơi nhận');
    expect(containing(hongAn, 'Nguyễn Hữu Thanh').section).toBe('Người ký');
    expect(hongAn[0]!.section).toBe('');
    expect(hongAn[0]!.text).toMatch(/^KẾ HOẠCH\nPhát động phong trào thi đua “Cả nước/);
  });

  it('prints its sections for review', () => {
    console.log(hongAn.map((c) => `${c.id} (${c.text.length}) ${c.section || '(phần mở đầu)'}`).join('\n'));
  });
});

describe('chunkDocument on the other documents', () => {
  it('reads "a," items and "(1)" items of the Hải Dương plan as units', () => {
    expect(containing(haiDuong, 'a, Phát huy sức mạnh').section).toBe('I. MỤC ĐÍCH, YÊU CẦU › 1. Mục đích › a,');
    expect(containing(haiDuong, '(8) Thi đua đảm bảo an toàn').section).toBe('II. NỘI DUNG THI ĐUA VÀ THỜI GIAN THỰC HIỆN › 1. Nội dung thi đua › (8)');
    expect(containing(haiDuong, 'trước ngày 15/12').section).toBe('III. TỔ CHỨC THỰC HIỆN › 4. Đề nghị ủy ban Mặt trận Tổ quốc Việt Nam');
  });

  it('names numbered paragraphs of a letter by their number', () => {
    expect(bnv.map((c) => c.section)).toEqual(['', '', '1.', '2.', '3.', '4.', '5.', 'Nơi nhận', 'Người ký']);
    expect(containing(bnv, '4735 /BNV-BTDKTTW').section).toBe('');
    expect(bnv.some((c) => c.text.includes('Trân trọng'))).toBe(false);
    expect(containing(hp, 'Năm 2027: tổ chức sơ kết').section).toBe('6. Tổ chức thực hiện');
    expect(hp.some((c) => /ngày tháng năm/.test(c.text))).toBe(false);
  });

  it('never crosses a heading, never leaves a chunk empty or oversized, numbers ids in order', () => {
    for (const chunks of [hongAn, haiDuong, bnv, hp]) {
      chunks.forEach((c, n) => expect(c.id).toBe(`${c.docId}#${n}`));
    }
    for (const c of all) {
      expect(c.text.trim()).not.toBe('');
      expect(c.text.length).toBeLessThanOrEqual(CHUNK_SETTINGS.hardMax);
      expect(c.text).not.toMatch(/\n \n| {2}/);
      const headings = c.text.split('\n').filter((l) => ['roman', 'number', 'letter', 'paren'].includes(parseMarker(l)?.kind ?? ''));
      // Only a numbered paragraph may open its own chunk with its marker.
      expect(headings.length <= 1 && (headings.length === 0 || c.text.startsWith(headings[0]!))).toBe(true);
      if (!['Nơi nhận', 'Người ký'].includes(c.section)) expect(c.text).not.toMatch(/Nơi nhận|Noi nhận|Lưu: VT/);
    }
  });
});
