// Bundles src/main.ts and src/cli.ts into dist/ with esbuild when any source is newer than the
// bundle: a start then loads one file instead of a few hundred modules (≈0.7 s instead of ≈2.5 s
// to healthy). Native and lazily loaded packages stay external. Prints nothing unless it fails.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const entries = { main: 'src/main.ts', cli: 'src/cli.ts' };

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = Math.max(newest(path.join(root, 'src')), statSync(path.join(root, 'package-lock.json')).mtimeMs);
const stale = Object.keys(entries).filter((name) => {
  const out = path.join(root, 'dist', `${name}.mjs`);
  return !existsSync(out) || statSync(out).mtimeMs < sources;
});
if (stale.length) {
  await build({
    entryPoints: Object.fromEntries(stale.map((n) => [n, path.join(root, entries[n])])),
    outdir: path.join(root, 'dist'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Native addons, packages loaded only on demand (PostgreSQL, Excel export, font parsing, PDF, DOCX, OCR), and
    // grammY, whose node-fetch shim does not survive bundling.
    external: ['better-sqlite3', 'hnswlib-node', 'pg', 'exceljs', 'grammy', '@grammyjs/auto-retry', 'pdfjs-dist', 'mammoth', 'tesseract.js', '@tesseract.js-data/vie', '@napi-rs/canvas', '@resvg/resvg-js'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'error',
  });
}
