/**
 * OCR of page images with tesseract.js and the Vietnamese model installed with
 * `@tesseract.js-data/vie`, read from node_modules: nothing is fetched and, with
 * `cacheMethod: 'none'`, nothing is written. One worker is created on first use and then reused
 * for every page of every file; `closeOcr()` ends it so a test run or the CLI can exit.
 *
 * Choices, measured with `npx tsx scripts/bench-ingest.ts` on 2 cores (A4 at 300 DPI, ~290
 * words of corpus text, clean and as a blurred, noisy, rotated JPEG "photo"):
 * - Model `4.0.0_best_int`. Both folders read both pages identically (100 % and 99.3 % of words,
 *   diacritics included) in the same time, as they should: the LSTM network in `4.0.0` is the same
 *   integer "best" network (same dictionaries byte for byte) plus 6 MB of legacy-engine data that
 *   LSTM-only OCR never uses. The smaller file starts the worker a little sooner (~60 ms) and
 *   holds ~10 MB less.
 * - Page segmentation 3 (automatic). Modes 3, 4 and 6 read plain text equally well, and 6 is
 *   only ~5 % faster, but 6 reads a seal, a signature or a logo as lines of junk where 3 and 4
 *   leave them out; 3 and 4 tie, and 3 also accepts a page not laid out as one column.
 * - Rendered PDF pages go in as 8-bit grey PGM straight from the canvas pixels, at the render
 *   size: no PNG encode and decode (about half a second per page) and no rescaling. Uploaded
 *   PNG/JPEG files go in as they are, so tesseract still applies their EXIF orientation.
 * Words come back with boxes and go through the same line and cell layout as PDF text, so a
 * scanned table of targets also comes out as "| … |" rows.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type Tesseract from 'tesseract.js';
import { layoutRuns, type Run } from './layout.js';
import { renderCellLines } from './tables.js';

/** Model folders shipped in `@tesseract.js-data/vie`. */
export const OCR_MODELS = ['4.0.0_best_int', '4.0.0'] as const;
export type OcrModel = (typeof OCR_MODELS)[number];

export interface OcrSettings {
  model: OcrModel;
  /** Tesseract page segmentation mode: 3 automatic, 4 one column, 6 one block. */
  psm: '3' | '4' | '6';
}

/** The measured best choice (see the header). */
export const OCR_DEFAULTS: OcrSettings = { model: '4.0.0_best_int', psm: '3' };

/** An encoded PNG/JPEG/PGM image, and its resolution when known (rendered pages). */
export interface OcrImage {
  bytes: Uint8Array;
  dpi?: number;
}

export interface OcrEngine {
  /** Text lines of one page image, tables as "| … |" rows. */
  recognize(image: OcrImage): Promise<string[]>;
  /** Ends the worker; a later `recognize` starts a new one. */
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);

/** Local folder of one model, e.g. node_modules/@tesseract.js-data/vie/4.0.0_best_int. */
export function modelPath(model: OcrModel): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/vie/package.json')), model);
}

/** Runs from tesseract's words: baseline from the line's baseline, height from its row height. */
function runsOf(page: Tesseract.Page): Run[] {
  const runs: Run[] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const { x0, y0, x1, y1 } = line.baseline;
        const size = line.rowAttributes?.rowHeight || line.bbox.y1 - line.bbox.y0;
        for (const w of line.words) {
          const t = x1 > x0 ? (w.bbox.x0 - x0) / (x1 - x0) : 0;
          runs.push({ text: w.text, x: w.bbox.x0, width: w.bbox.x1 - w.bbox.x0, y: y0 + t * (y1 - y0), size });
        }
      }
    }
  }
  return runs;
}

/**
 * An OCR engine with its own lazily started worker; `extractDocument` uses a shared one
 * (`recognizePage`, `closeOcr`). Separate engines exist for the benchmark's comparisons.
 */
export function createOcrEngine(settings: Partial<OcrSettings> = {}): OcrEngine {
  const { model, psm } = { ...OCR_DEFAULTS, ...settings };
  let worker: Promise<Tesseract.Worker> | undefined;
  const start = async () => {
    const { default: T } = await import('tesseract.js');
    // tesseract's own diagnostics ("Estimating resolution as …" for every photo) would go
    // straight to stderr, around the logger; its debug file inside the wasm sandbox takes them.
    const quiet = { debug_file: '/dev/null' } as Partial<Tesseract.InitOptions>;
    return T.createWorker('vie', T.OEM.LSTM_ONLY, { langPath: modelPath(model), gzip: true, cacheMethod: 'none' }, quiet);
  };
  const run = async (image: OcrImage) => {
    worker ??= start();
    let w: Tesseract.Worker;
    try {
      w = await worker;
    } catch (err) {
      worker = undefined; // a failed start is retried on the next page
      throw err;
    }
    await w.setParameters({ tessedit_pageseg_mode: psm as Tesseract.PSM, user_defined_dpi: String(image.dpi ?? 0) });
    const { data } = await w.recognize(Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength), {}, { blocks: true, text: false });
    // OCR word gaps are measured against row height (~1.1 em), so a cell gap is ~2.2 em, as in PDFs.
    return renderCellLines(layoutRuns(runsOf(data), { cellGap: 2 }));
  };
  // One page at a time: two uploads at once must not swap each other's parameters mid-page.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    recognize(image) {
      const page = queue.then(() => run(image));
      queue = page.catch(() => undefined);
      return page;
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await (await w.catch(() => undefined))?.terminate();
    },
  };
}

let shared: OcrEngine | undefined;

/** OCR of one page image with the shared worker (started on first use). */
export function recognizePage(image: OcrImage): Promise<string[]> {
  shared ??= createOcrEngine();
  return shared.recognize(image);
}

/** Terminates the shared OCR worker, if any, so the process can exit. Safe to call twice. */
export async function closeOcr(): Promise<void> {
  const engine = shared;
  shared = undefined;
  await engine?.close();
}

/** An 8-bit grey PGM (P5) from RGBA pixels over white paper, the cheapest image tesseract reads. */
export function rgbaToPgm(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(head.length + width * height);
  out.set(head);
  for (let i = 0, j = head.length; j < out.length; i += 4, j++) {
    const grey = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
    const a = rgba[i + 3]!;
    out[j] = a === 255 ? grey : (grey * a + 255 * (255 - a)) / 255; // transparent reads as paper
  }
  return out;
}
