/**
 * Files in through the documents use case of the real app (as the CLI and the chat use it): a
 * DOCX with a table, a text PDF of several pages, an image-only PDF and a page photo, each built
 * here from text we wrote. Each is read, its header becomes its metadata, and once added a
 * question about it is answered from it with a citation. Then the quality gate: held, duplicate,
 * better copy, rejected.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/message.js';
import { createTestApp, repoRoot } from '../helpers/app.js';
import { makeDocx, makeEncryptedPdf, makeImagePdf, makeTextPdf, renderTextPng } from '../fixtures/make-documents.js';

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.dispose();
});

const ask = async (text: string): Promise<Reply> => {
  const [first] = await app.handle({ channel: 'console', chatId: 'q', userId: 'q', text });
  return first!;
};
const citedDocs = (r: Reply) => (r.citations ?? []).map((c) => c.docId);

async function addAndAsk(bytes: Uint8Array, fileName: string) {
  const progress: string[] = [];
  const draft = await app.documents.analyse({ bytes, fileName }, { onProgress: (p) => progress.push(`${p.page}/${p.pages}`) });
  expect(draft.verdict, JSON.stringify(draft.verdict)).toEqual({ status: 'published' });
  const { entry, rebuilt } = await app.documents.add(draft, 'test');
  expect(rebuilt?.ok).toBe(true);
  return { draft, entry, progress };
}

describe('documents in, read, described and answered from', () => {
  it('a DOCX with a table of targets keeps its rows, and a target from the table is answered', async () => {
    const bytes = await makeDocx({
      paragraphs: [
        'ỦY BAN NHÂN DÂN TỈNH TÂY NGUYÊN MỚI',
        'Số: 318/KH-UBND',
        'Buôn Hồ, ngày 21 tháng 8 năm 2025',
        'KẾ HOẠCH',
        'Triển khai phong trào thi đua đổi mới sáng tạo và chuyển đổi số giai đoạn 2025 - 2030',
        'I. MỤC TIÊU',
        'Phát triển chính quyền số, kinh tế số và xã hội số trên địa bàn tỉnh.',
        'II. CHỈ TIÊU CỤ THỂ',
        'Bảng chỉ tiêu theo từng năm như sau:',
      ],
      table: [
        ['Chỉ tiêu', '2025', '2030'],
        ['Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình', '60%', '90%'],
        ['Tỷ lệ hợp tác xã ứng dụng thương mại điện tử', '25%', '70%'],
      ],
    });
    const { draft, entry } = await addAndAsk(bytes, 'ke-hoach-tinh.docx');
    expect(draft.extracted.method).toBe('docx');
    expect(draft.text).toMatch(/\|\s*Tỷ lệ hợp tác xã ứng dụng thương mại điện tử\s*\|\s*25%\s*\|\s*70%\s*\|/);
    expect(draft.meta).toMatchObject({ number: '318/KH-UBND', kind: 'Kế hoạch', level: 'tỉnh', date: '2025-08-21' });
    const r = await ask('Đến năm 2030 tỉnh Tây Nguyên Mới đặt chỉ tiêu bao nhiêu phần trăm hợp tác xã ứng dụng thương mại điện tử?');
    expect(r.text).toContain('70%');
    expect(citedDocs(r)).toContain(entry.id);
  }, 60_000);

  it('a text PDF of three pages is read page by page, with progress, and answered from its last page', async () => {
    const filler = (n: number) => Array.from({ length: 8 }, (_, i) => `${n}.${i + 1}. Các tổ công nghệ số cộng đồng hướng dẫn người dân thực hiện nội dung số ${i + 1} của kế hoạch.`);
    const bytes = await makeTextPdf([
      ['ỦY BAN NHÂN DÂN PHƯỜNG BÌNH MINH', 'Số: 205/KH-UBND', 'Bình Minh, ngày 02 tháng 10 năm 2025', 'KẾ HOẠCH', 'Phổ cập kỹ năng số cho người dân phường Bình Minh năm 2026', 'I. NHIỆM VỤ', ...filler(1)],
      ['II. GIẢI PHÁP', ...filler(2)],
      ['III. KHEN THƯỞNG', 'Tổ dân phố hoàn thành sớm chỉ tiêu được Chủ tịch Ủy ban nhân dân phường tặng Giấy khen kèm tiền thưởng 2.000.000 đồng.'],
    ]);
    const { draft, entry, progress } = await addAndAsk(bytes, 'ke-hoach-phuong.pdf');
    expect(draft.extracted).toMatchObject({ method: 'pdf-text', pages: 3, ocrPages: 0 });
    expect(progress).toContain('3/3');
    expect(draft.meta).toMatchObject({ number: '205/KH-UBND', level: 'phường', date: '2025-10-02' });
    const r = await ask('to dan pho hoan thanh som chi tieu o phuong Binh Minh duoc thuong bao nhieu tien');
    expect(r.text).toContain('2.000.000');
    expect(citedDocs(r)).toContain(entry.id);
  }, 60_000);

  it('an image-only PDF and a page photo are read with OCR, diacritics kept, and answered from', async () => {
    const scan = await renderTextPng(
      ['ỦY BAN NHÂN DÂN ĐẶC KHU HÒN NGỌC', 'Số: 41/KH-UBND', 'Hòn Ngọc, ngày 15 tháng 9 năm 2025', 'KẾ HOẠCH', 'Triển khai phong trào Bình dân học vụ số tại đặc khu', 'I. CHỈ TIÊU', 'Năm 2026, 90% ngư dân được hướng dẫn cài đặt và sử dụng ứng dụng VNeID.'],
      { dpi: 200 },
    );
    const pdf = await addAndAsk(await makeImagePdf([scan]), 'ban-chup.pdf');
    expect(pdf.draft.extracted).toMatchObject({ method: 'pdf-ocr', pages: 1, ocrPages: 1 });
    expect(pdf.draft.text).toContain('ngư dân được hướng dẫn cài đặt');
    expect(pdf.draft.meta).toMatchObject({ number: '41/KH-UBND', level: 'đặc khu' });
    const r = await ask('nam 2026 bao nhieu phan tram ngu dan o dac khu Hon Ngoc duoc huong dan cai VNeID');
    expect(r.text).toContain('90%');
    expect(citedDocs(r)).toContain(pdf.entry.id);

    const photo = await renderTextPng(
      ['ỦY BAN NHÂN DÂN XÃ SƠN THỦY', 'Số: 12/TB-UBND', 'Sơn Thủy, ngày 03 tháng 11 năm 2025', 'THÔNG BÁO', 'Lịch hướng dẫn kỹ năng số tại nhà văn hóa thôn', 'Các buổi hướng dẫn diễn ra vào sáng thứ Bảy hằng tuần, bắt đầu từ ngày 06/12/2025.'],
      { dpi: 200 },
    );
    const png = await addAndAsk(photo, 'anh-trang.png');
    expect(png.draft.extracted.method).toBe('image-ocr');
    expect(png.draft.meta).toMatchObject({ number: '12/TB-UBND', level: 'xã', date: '2025-11-03' });
    const r2 = await ask('Xã Sơn Thủy hướng dẫn kỹ năng số bắt đầu từ ngày nào?');
    expect(r2.text, `${png.draft.text}\n---\n${r2.text}`).toContain('06/12/2025');
    expect(citedDocs(r2)).toContain(png.entry.id);
  }, 120_000);
});

describe('the quality gate', () => {
  const corpusText = (file: string) => readFileSync(path.join(repoRoot, 'corpus', file));
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'corpus', 'manifest.json'), 'utf8')) as { file: string; id: string }[];

  it('holds text without diacritics, which then never answers until published', async () => {
    const unaccented = [
      'UY BAN NHAN DAN XA KIM SON',
      'So: 57/KH-UBND',
      'KE HOACH',
      'Trien khai phong trao Binh dan hoc vu so tren dia ban xa Kim Son',
      'I. CHI TIEU',
      'Toan bo can bo, cong chuc xa duoc tap huan ky nang so truoc ngay 30/06/2026.',
      'II. TO CHUC THUC HIEN',
      'Van phong HDND va UBND xa tong hop ket qua, bao cao Chu tich UBND xa hang quy.',
    ].join('\n');
    const held = await app.documents.analyse({ bytes: new TextEncoder().encode(unaccented), fileName: 'ocr-khong-dau.txt' }, { override: { level: 'xã' } });
    expect(held.verdict).toMatchObject({ status: 'held', reason: expect.stringMatching(/dấu/) });
    const { entry, rebuilt } = await app.documents.add(held, 'test');
    expect(entry.status).toBe('held');
    expect(rebuilt).toBeUndefined();
    const question = 'cong chuc xa Kim Son phai tap huan ky nang so truoc ngay nao';
    expect(citedDocs(await ask(question))).not.toContain(entry.id);
    await app.documents.publish(entry.id, 'test');
    const r = await ask(question);
    expect(citedDocs(r)).toContain(entry.id);
    expect(r.text).toContain('30/06/2026');
  }, 60_000);

  it('reports a bundled document sent again as a duplicate naming it, and does not index it twice', async () => {
    const { file, id } = manifest[1]!;
    const draft = await app.documents.analyse({ bytes: corpusText(file), fileName: 'gui-lai.txt' });
    expect(draft.verdict).toMatchObject({ status: 'duplicate', of: id, better: false });
    const docsBefore = app.knowledge.docs.length;
    const listed = await app.documents.list();
    expect(listed.filter((d) => d.id === id)).toHaveLength(1);
    expect(app.knowledge.docs.length).toBe(docsBefore);
  });

  it('offers to replace a copy that lacks the number with one that has it', async () => {
    const body = 'KẾ HOẠCH\nTriển khai tổ công nghệ số cộng đồng tại xã Vạn Phúc năm 2026\nI. NHIỆM VỤ\nMỗi thôn thành lập một tổ công nghệ số cộng đồng, gồm trưởng thôn, đoàn viên thanh niên và hội viên phụ nữ.\nII. THỜI HẠN\nCác tổ báo cáo kết quả về Ủy ban nhân dân xã trước ngày 25/11/2026.';
    const first = await app.documents.analyse({ bytes: new TextEncoder().encode(`ỦY BAN NHÂN DÂN XÃ VẠN PHÚC\n${body}`), fileName: 'ban-dau.txt' });
    expect(first.meta.number).toBeNull();
    const { entry: old } = await app.documents.add(first, 'test');
    const better = await app.documents.analyse({ bytes: new TextEncoder().encode(`ỦY BAN NHÂN DÂN XÃ VẠN PHÚC\nSố: 88/KH-UBND\n${body}`), fileName: 'ban-chinh-thuc.txt' });
    expect(better.verdict).toMatchObject({ status: 'duplicate', of: old.id, better: true });
    const { entry } = await app.documents.add(better, 'test', old.id);
    const ids = (await app.documents.list()).map((d) => d.id);
    expect(ids).toContain(entry.id);
    expect(ids).not.toContain(old.id);
    const audit = await app.documents.library.audit();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['add', 'remove']));
  });

  it('rejects an empty file, an encrypted PDF and an unknown format, each with a Vietnamese reason', async () => {
    const empty = await app.documents.analyse({ bytes: new TextEncoder().encode('  \n\n '), fileName: 'trong.txt' });
    const locked = await app.documents.analyse({ bytes: makeEncryptedPdf(), fileName: 'mat-khau.pdf' });
    const zip = await app.documents.analyse({ bytes: new Uint8Array([80, 75, 3, 4, 0, 0]), fileName: 'nen.zip' });
    for (const d of [empty, locked, zip]) {
      expect(d.verdict.status).toBe('rejected');
      expect('reason' in d.verdict && d.verdict.reason).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳý]/u);
    }
    expect(locked.verdict).toMatchObject({ reason: expect.stringMatching(/mật khẩu/) });
  });
});
