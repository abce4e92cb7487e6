import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { closeOcr, extractDocument, ExtractError, type Extracted } from '../../src/knowledge/ingest/extract/index.js';
import { htmlToLines } from '../../src/knowledge/ingest/extract/docx.js';
import { formatRow, spansToGrid } from '../../src/knowledge/ingest/extract/tables.js';
import { repairText } from '../../src/knowledge/ingest/repair.js';
import { makeDocx, makeEncryptedPdf, makeImagePdf, makeTextPdf, renderTextPng } from '../fixtures/make-documents.js';
import { take, wordAccuracy, wordsOf } from '../fixtures/word-accuracy.js';

const plan = fileURLToPath(new URL('../../corpus/003_7a0c5e66c495ceb7.txt', import.meta.url));
/** The Hải Dương plan as logical paragraphs: real Vietnamese with every kind of diacritic. */
const paragraphs = repairText(readFileSync(plan, 'utf8'))
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);




async function extract(bytes: Uint8Array, fileName: string) {
  const progress: string[] = [];
  const result = await extractDocument({ bytes, fileName }, { onProgress: (p) => progress.push(`${p.page}/${p.pages} ${p.stage}`) });
  return { ...result, progress };
}

async function codeOf(bytes: Uint8Array, fileName: string): Promise<string> {
  const err: unknown = await extractDocument({ bytes, fileName }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExtractError);
  expect((err as ExtractError).message).toMatch(/\p{L}/u);
  return (err as ExtractError).code;
}

const targets = [
  ['Chỉ tiêu', '2025', '2030'],
  ['Hồ sơ trực tuyến toàn trình', '80%', '100%'],
  ['Người dân có kỹ năng số cơ bản', '', '90%'],
];

afterAll(() => closeOcr());

describe('tables as text', () => {
  it('writes a row as "| a | b |" and keeps merged and empty cells as empty cells', () => {
    expect(formatRow(['Chỉ tiêu', '', '2030'])).toBe('| Chỉ tiêu | | 2030 |');
    const cell = (text: string, colspan = 1, rowspan = 1) => ({ text, colspan, rowspan });
    expect(spansToGrid([[cell('Nội dung', 1, 2), cell('Năm', 2)], [cell('2025'), cell('2030')]])).toEqual([
      ['Nội dung', 'Năm', ''],
      ['', '2025', '2030'],
    ]);
  });

  it('reads mammoth HTML: paragraphs, lists, spans and entities', () => {
    const html =
      '<h1>KẾ HOẠCH</h1><p>Mục đích &amp; yêu cầu</p><ol><li>Thi đua</li><li>Khen thưởng</li></ol>' +
      '<table><tr><td rowspan="2"><p>Chỉ tiêu</p></td><td colspan="2"><p>Năm</p></td></tr><tr><td>2025</td><td>2030</td></tr></table>';
    expect(htmlToLines(html)).toEqual(['KẾ HOẠCH', 'Mục đích & yêu cầu', '1. Thi đua', '2. Khen thưởng', '| Chỉ tiêu | Năm | |', '| | 2025 | 2030 |']);
  });
});

describe('extractDocument', () => {
  it('reads a DOCX: paragraphs as lines, table rows as "| … |"', async () => {
    const paras = take(paragraphs, 0, 150);
    const r = await extract(await makeDocx({ paragraphs: paras, table: targets }), 'ke-hoach.docx');
    expect(r).toMatchObject({ method: 'docx', pages: 1, ocrPages: 0 });
    const lines = r.text.split('\n');
    for (const p of paras) expect(lines).toContain(p.normalize('NFC').replace(/\s+/g, ' '));
    expect(lines).toContain('| Chỉ tiêu | 2025 | 2030 |');
    expect(lines).toContain('| Người dân có kỹ năng số cơ bản | | 90% |');
  });

  it('reads a text PDF: every page in order, diacritics intact, tables as rows', async () => {
    const pages = [take(paragraphs, 0, 250), take(paragraphs, 6, 200), take(paragraphs, 14, 250)];
    const pdf = await makeTextPdf(pages, { tables: [undefined, targets] });
    const r = await extract(pdf, 'ke-hoach.pdf');
    expect(r).toMatchObject({ method: 'pdf-text', pages: 3, ocrPages: 0 });
    expect(r.progress).toEqual(['1/3 text', '2/3 text', '3/3 text']);
    const lines = r.text.split('\n');
    expect(lines).toEqual(expect.arrayContaining(['| Chỉ tiêu | 2025 | 2030 |', '| Hồ sơ trực tuyến toàn trình | 80% | 100% |', '| Người dân có kỹ năng số cơ bản | | 90% |']));
    const prose = lines.filter((l) => !l.startsWith('|')).join('\n');
    expect(wordsOf(prose)).toEqual(wordsOf(pages.flat().join('\n')));
  });

  it('OCRs an image-only PDF page by page', { timeout: 60_000 }, async () => {
    const pages = [take(paragraphs, 6, 110), take(paragraphs, 10, 110)];
    const pdf = await makeImagePdf(await Promise.all(pages.map((p) => renderTextPng(p))));
    const r = await extract(pdf, 'ban-scan.pdf');
    expect(r).toMatchObject({ method: 'pdf-ocr', pages: 2, ocrPages: 2 });
    expect(r.progress).toEqual(['1/2 ocr', '2/2 ocr']);
    expect(wordAccuracy(pages.flat().join('\n'), r.text)).toBeGreaterThanOrEqual(0.9);
  });

  it('OCRs only the scanned page of a mixed PDF', { timeout: 60_000 }, async () => {
    const [text, scan] = [take(paragraphs, 0, 80), take(paragraphs, 15, 80)];
    const merged = await PDFDocument.create();
    for (const bytes of [await makeTextPdf([text]), await makeImagePdf([await renderTextPng(scan)])]) {
      const src = await PDFDocument.load(bytes);
      for (const p of await merged.copyPages(src, src.getPageIndices())) merged.addPage(p);
    }
    const r = await extract(await merged.save(), 'hon-hop.pdf');
    expect(r).toMatchObject({ method: 'pdf-ocr', pages: 2, ocrPages: 1 });
    expect(r.progress).toEqual(['1/2 text', '2/2 ocr']);
    expect(wordAccuracy([...text, ...scan].join('\n'), r.text)).toBeGreaterThanOrEqual(0.9);
  });

  it('OCRs a PNG photo of a page, at 200 DPI', { timeout: 60_000 }, async () => {
    const lines = take(paragraphs, 15, 150);
    const r: Extracted = await extractDocument({ bytes: await renderTextPng(lines, { dpi: 200 }), fileName: 'anh-chup.png' });
    expect(r).toMatchObject({ method: 'image-ocr', pages: 1, ocrPages: 1 });
    expect(wordAccuracy(lines.join('\n'), r.text)).toBeGreaterThanOrEqual(0.9);
  });

  it('reads plain text: UTF-8 without its BOM, and UTF-16 with one', async () => {
    const body = paragraphs.slice(0, 3).join('\n');
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]);
    expect(await extractDocument({ bytes: utf8, fileName: 'ghi-chu.txt' })).toEqual({ text: body, pages: 1, method: 'plain', ocrPages: 0 });
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(body, 'utf16le'))]);
    expect((await extractDocument({ bytes: utf16, fileName: 'ghi-chu.md' })).text).toBe(body);
  });

  it('says why a file cannot be read', async () => {
    expect(await codeOf(new Uint8Array(), 'rong.pdf')).toBe('empty');
    expect(await codeOf(new TextEncoder().encode(' \n\t\n'), 'trang.txt')).toBe('empty');
    let seed = 7;
    const garbage = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    expect(await codeOf(garbage, 'hong.pdf')).toBe('unreadable');
    expect(await codeOf(makeEncryptedPdf(), 'mat-khau.pdf')).toBe('encrypted');
    await expect(extractDocument({ bytes: makeEncryptedPdf(), fileName: 'x.pdf' })).rejects.toMatchObject({ code: 'encrypted', why: 'encrypted' });
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('xl/workbook.xml')]);
    expect(await codeOf(xlsx, 'bao-cao.xlsx')).toBe('unsupported');
    expect(await codeOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), 'cong-van.doc')).toBe('unsupported');
  });

  it('stops between pages when aborted', async () => {
    const pdf = await makeTextPdf([take(paragraphs, 0, 50), take(paragraphs, 6, 50)]);
    const ctrl = new AbortController();
    const run = extractDocument({ bytes: pdf, fileName: 'a.pdf' }, { signal: ctrl.signal, onProgress: () => ctrl.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
