/**
 * One uploaded file in, its text out: plain text, DOCX, PDF (text layer, or OCR for scanned
 * pages) and page photos (PNG, JPEG). The file's first bytes decide the format, and the name's
 * extension only when the bytes say nothing, so a PDF named ".doc" is still read and a renamed
 * spreadsheet is not mistaken for text. Every failure the uploader can fix is an `ExtractError`
 * with a Vietnamese message; the output is NFC, one printed line or table row per line.
 */
import path from 'node:path';
import { extractDocx } from './docx.js';
import { ExtractError } from './errors.js';
import { recognizePage } from './ocr.js';
import { extractPdf, type PdfProgress } from './pdf.js';

export { ExtractError, type ExtractErrorCode, type ExtractWhy } from './errors.js';
export { closeOcr } from './ocr.js';

/** A file's text and how it was obtained. */
export interface Extracted {
  text: string;
  /** Pages read; a text file, a DOCX or a photo counts as one (their page count is not known). */
  pages: number;
  method: 'plain' | 'docx' | 'pdf-text' | 'pdf-ocr' | 'image-ocr';
  /** Pages that went through OCR. */
  ocrPages: number;
}

export interface ExtractOptions {
  /** Once per page: after its text was read, or before its OCR starts (the slow part). */
  onProgress?: (p: PdfProgress) => void;
  /** Checked before each page; an OCR already running finishes its page first. */
  signal?: AbortSignal;
}

type Kind = 'pdf' | 'docx' | 'image' | 'plain';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const contains = (b: Uint8Array, s: string) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(s, 0, 'latin1');

/** The format, from magic bytes first and the extension second; throws for anything else. */
function kindOf(bytes: Uint8Array, ext: string): Kind {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === '.docx' || contains(bytes, 'word/document.xml')) return 'docx';
    throw new ExtractError('unsupported', 'unsupported', ext);
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image';
  // Office 97–2003 files (.doc, .xls, .ppt) share one container format.
  const ole = startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]);
  if (ext === '.doc' || (ole && !ext)) throw new ExtractError('unsupported', 'oldWord');
  if (ole) throw new ExtractError('unsupported', 'unsupported', ext);
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  if (ext === '.png' || ext === '.jpg' || ext === '.jpeg') return 'image';
  if (ext === '.txt' || ext === '.md') return 'plain';
  throw new ExtractError('unsupported', 'unsupported', ext);
}

/** UTF-8 (BOM stripped), or UTF-16 when a BOM says so, as Windows Notepad's "Unicode" writes. */
function decodeText(bytes: Uint8Array): string {
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : undefined;
  try {
    const text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes); // drops a BOM
    if (text.includes('\u0000')) throw new Error('binary content');
    return text;
  } catch (err) {
    throw new ExtractError('unreadable', 'notUtf8', '', { cause: err });
  }
}

async function ocrImage(bytes: Uint8Array): Promise<string> {
  try {
    return (await recognizePage({ bytes })).join('\n');
  } catch (err) {
    // tesseract rejects an image it cannot decode with a plain string or Error.
    if (/read image|decode|Error attempting/i.test(String((err as Error)?.message ?? err))) {
      throw new ExtractError('unreadable', 'unreadable', 'image', { cause: err });
    }
    throw err;
  }
}

/** NFC, "\n" line ends, no control characters, no trailing spaces. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .normalize('NFC')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

/**
 * Reads an uploaded file into text.
 * @throws ExtractError: 'empty' (no bytes, or no text found), 'unreadable' (broken file),
 *   'encrypted' (PDF with a password), 'unsupported' (.doc, .xlsx, …). An abort rejects with the
 *   signal's reason.
 * @example const { text, method } = await extractDocument({ bytes, fileName: 'ke-hoach.pdf' })
 */
export async function extractDocument(input: { bytes: Uint8Array; fileName: string }, opts: ExtractOptions = {}): Promise<Extracted> {
  const { bytes } = input;
  if (bytes.length === 0) throw new ExtractError('empty', 'emptyFile');
  opts.signal?.throwIfAborted();
  const kind = kindOf(bytes, path.extname(input.fileName).toLowerCase());
  let out: Extracted;
  if (kind === 'pdf') {
    const r = await extractPdf(bytes, opts);
    out = { ...r, method: r.ocrPages > 0 ? 'pdf-ocr' : 'pdf-text' };
  } else if (kind === 'image') {
    opts.onProgress?.({ page: 1, pages: 1, stage: 'ocr' });
    out = { text: await ocrImage(bytes), pages: 1, method: 'image-ocr', ocrPages: 1 };
  } else {
    const text = kind === 'docx' ? (await extractDocx(bytes)).text : decodeText(bytes);
    opts.onProgress?.({ page: 1, pages: 1, stage: 'text' });
    out = { text, pages: 1, method: kind, ocrPages: 0 };
  }
  out.text = tidy(out.text);
  if (!/[\p{L}\p{N}]/u.test(out.text)) throw new ExtractError('empty', 'noText');
  return out;
}
