/**
 * PDF to text with pdfjs-dist (legacy build, the one meant for Node). Each page's text items are
 * rebuilt into printed lines and table rows (layout.ts, tables.ts). A page with (almost) no text
 * layer but with an image is a scan: it is rendered at 300 DPI onto @napi-rs/canvas and OCRed.
 * pdfjs runs in this thread with its own worker code loaded from node_modules, evaluates no
 * generated code, and reads fonts, CMaps and image decoders from node_modules: nothing is
 * fetched. The pdfjs modules load on first use, so importing this file costs nothing.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ExtractError } from './errors.js';
import { layoutRuns, type Run } from './layout.js';
import { recognizePage, rgbaToPgm, type OcrImage } from './ocr.js';
import { renderCellLines } from './tables.js';

/** Where a multi-page read is: page n of N, and whether that page is read or OCRed. */
export interface PdfProgress {
  page: number;
  pages: number;
  stage: 'text' | 'ocr';
}

export interface PdfOptions {
  /** Called once per page when its stage is known: after reading its text, or before its OCR. */
  onProgress?: (p: PdfProgress) => void;
  /** Checked between pages; a page already being OCRed finishes first. */
  signal?: AbortSignal;
  /** OCR of one rendered page; the shared worker by default. */
  ocr?: (image: OcrImage) => Promise<string[]>;
}

/** A PDF's text with its page count and how many pages needed OCR. */
export interface PdfText {
  text: string;
  pages: number;
  ocrPages: number;
}

/** Fewer visible characters than this on a page that shows an image means a scanned page. */
const MIN_TEXT_CHARS = 16;
/** Rendering resolution for OCR, and a cap on pixels so a poster-sized page cannot exhaust memory. */
const OCR_DPI = 300;
const MAX_PIXELS = 40e6;

const require = createRequire(import.meta.url);
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json'));
const dirUrl = (sub: string) => path.join(pdfjsDir, sub) + path.sep;

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<Pdfjs> | undefined;

function loadPdfjs(): Promise<Pdfjs> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((pdfjs) => {
    // In Node pdfjs runs its worker code in this thread; point it at the installed file so that a
    // bundled build still finds it.
    pdfjs.GlobalWorkerOptions.workerSrc ||= pathToFileURL(path.join(pdfjsDir, 'legacy/build/pdf.worker.mjs')).href;
    return pdfjs;
  });
  return loaded;
}

/** Runs of one page in top-down coordinates (rotation and crop box applied by the viewport). */
async function pageRuns(page: PDFPageProxy): Promise<Run[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs: Run[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str) continue;
    const [, , c, d, e, f] = item.transform as number[];
    const [x, y] = viewport.convertToViewportPoint(e!, f!) as [number, number];
    runs.push({ text: item.str, x, y, width: item.width, size: Math.hypot(c!, d!) || item.height });
  }
  return runs;
}

async function hasImage(pdfjs: Pdfjs, page: PDFPageProxy): Promise<boolean> {
  const { OPS } = pdfjs;
  const paints = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintImageMaskXObjectRepeat,
  ]);
  const ops = await page.getOperatorList();
  return ops.fnArray.some((fn) => paints.has(fn));
}

/** The page as a grey PGM at ~300 DPI, for OCR. */
async function renderPage(page: PDFPageProxy): Promise<OcrImage> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(OCR_DPI / 72, Math.sqrt(MAX_PIXELS / (base.width * base.height)));
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  await page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport, background: 'rgb(255,255,255)' }).promise;
  const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return { bytes: rgbaToPgm(data, width, height), dpi: Math.round(scale * 72) };
}

/** One page and its text runs, and whether it is a scan; a pdfjs failure means a broken file. */
async function readPage(pdfjs: Pdfjs, doc: PDFDocumentProxy, n: number): Promise<{ page: PDFPageProxy; runs: Run[]; scanned: boolean }> {
  try {
    const page = await doc.getPage(n);
    const runs = await pageRuns(page);
    const chars = runs.reduce((sum, r) => sum + r.text.replace(/\s/g, '').length, 0);
    return { page, runs, scanned: chars < MIN_TEXT_CHARS && (await hasImage(pdfjs, page)) };
  } catch (err) {
    throw new ExtractError('unreadable', 'unreadable', 'PDF', { cause: err });
  }
}

/**
 * Text of every page in order, tables as "| … |" rows; scanned pages are OCRed.
 * @throws ExtractError 'encrypted' for a password-protected file, 'unreadable' for a broken one.
 */
export async function extractPdf(bytes: Uint8Array, opts: PdfOptions = {}): Promise<PdfText> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // a copy: pdfjs detaches the buffer it is given, and refuses a Buffer
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    standardFontDataUrl: dirUrl('standard_fonts'),
    cMapUrl: dirUrl('cmaps'),
    cMapPacked: true,
    wasmUrl: dirUrl('wasm'),
    iccUrl: dirUrl('iccs'),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      if ((err as Error)?.name === 'PasswordException') throw new ExtractError('encrypted', 'encrypted', '', { cause: err });
      throw new ExtractError('unreadable', 'unreadable', 'PDF', { cause: err });
    }
    const pages = doc.numPages;
    const ocr = opts.ocr ?? recognizePage;
    const lines: string[] = [];
    let ocrPages = 0;
    for (let n = 1; n <= pages; n++) {
      opts.signal?.throwIfAborted();
      const { page, runs, scanned } = await readPage(pdfjs, doc, n);
      if (scanned) {
        // pdfjs draws what it can of a damaged image, so a failure here is the canvas, not the file.
        const image = await renderPage(page);
        opts.onProgress?.({ page: n, pages, stage: 'ocr' });
        lines.push(...(await ocr(image)));
        ocrPages++;
      } else {
        lines.push(...renderCellLines(layoutRuns(runs)));
        opts.onProgress?.({ page: n, pages, stage: 'text' });
      }
      page.cleanup();
    }
    return { text: lines.join('\n'), pages, ocrPages };
  } finally {
    await task.destroy();
  }
}
