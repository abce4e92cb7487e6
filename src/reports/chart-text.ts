import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The chart's font, DejaVu Sans (regular and bold: every precomposed Vietnamese letter), from the
 * dejavu-fonts-ttf package, and text measured in it. resvg draws the SVG with these two files; the
 * same files are measured here through Skia (@napi-rs/canvas) so that what vega lays out (label
 * widths, legend spacing) and what this module wraps or shortens with "…" match what is drawn.
 * Text is NFC-normalised first, so "ệ" typed as e + two combining marks is one precomposed glyph.
 */

export type FontWeight = 'regular' | 'bold';

export const FONT_FAMILY = 'DejaVu Sans';

const require = createRequire(import.meta.url);

/** The two TTF files resvg loads (no system fonts, nothing fetched). */
export function chartFontFiles(): string[] {
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return [path.join(dir, 'DejaVuSans.ttf'), path.join(dir, 'DejaVuSans-Bold.ttf')];
}

/** The family name the fonts are registered under in Skia: private, so nothing else in the process picks it up by accident. */
const MEASURE_FAMILY = 'TroLyThiDua Chart Sans';

interface Ctx2d {
  font: string;
  measureText(text: string): { width: number };
}

let ctx: Ctx2d | null | undefined;

/** A canvas context with the chart fonts; null when the native canvas cannot load (then widths are estimated). */
function context(): Ctx2d | null {
  if (ctx !== undefined) return ctx;
  try {
    const { createCanvas, GlobalFonts } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
    for (const file of chartFontFiles()) GlobalFonts.registerFromPath(file, MEASURE_FAMILY);
    ctx = createCanvas(1, 1).getContext('2d') as unknown as Ctx2d;
  } catch {
    ctx = null;
  }
  return ctx;
}

/** Loads the fonts for measuring now (about 0.1 s the first time). */
export function loadMeasureFonts(): void {
  context();
}

const cache = new Map<string, number>();
const CACHE_MAX = 20_000;

/** Width in px of `text` at `size` px. */
export function measureText(text: string, size: number, weight: FontWeight = 'regular'): number {
  const t = text.normalize('NFC');
  if (!t || size <= 0) return 0;
  const key = `${weight} ${size} ${t}`;
  let w = cache.get(key);
  if (w !== undefined) return w;
  const c = context();
  if (c) {
    c.font = `${weight === 'bold' ? 'bold ' : ''}${size}px "${MEASURE_FAMILY}"`;
    w = c.measureText(t).width;
  } else {
    // DejaVu Sans averages a little under 0.6 em a character in Vietnamese text (bold ~10% more).
    w = t.length * size * (weight === 'bold' ? 0.64 : 0.58);
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, w);
  return w;
}

/** Splits `text` into lines no wider than `max` px (a word longer than a line stays whole). */
export function wrap(text: string, size: number, weight: FontWeight, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measureText(candidate, size, weight) > max) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Like `wrap`, but with lines of even length (no single orphan word on the last line). */
export function wrapBalanced(text: string, size: number, weight: FontWeight, max: number): string[] {
  let best = wrap(text, size, weight, max);
  if (best.length < 2) return best;
  for (let trial = max - 8; trial > max / 2; trial -= 8) {
    const lines = wrap(text, size, weight, trial);
    if (lines.length !== best.length || lines.some((l) => measureText(l, size, weight) > trial)) break;
    best = lines;
  }
  return best;
}

/** `text`, shortened with "…" to fit `max` px. */
export function ellipsize(text: string, size: number, weight: FontWeight, max: number): string {
  if (measureText(text, size, weight) <= max) return text;
  let s = text;
  while (s.length > 1 && measureText(`${s}…`, size, weight) > max) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

/** At most `maxLines` lines of at most `max` px; the last one ends with "…" when words were left out. */
export function wrapLines(text: string, size: number, weight: FontWeight, max: number, maxLines: number): string[] {
  const balanced = wrapBalanced(text, size, weight, max);
  if (balanced.length <= maxLines) return balanced.map((l) => ellipsize(l, size, weight, max));
  const head = wrap(text, size, weight, max).slice(0, maxLines - 1);
  const words = text.split(/\s+/).filter(Boolean);
  const rest = words.slice(head.join(' ').split(/\s+/).filter(Boolean).length);
  let last = '';
  for (const word of rest) {
    const candidate = last ? `${last} ${word}` : word;
    if (measureText(`${candidate}…`, size, weight) > max) break;
    last = candidate;
  }
  return [...head, last ? `${last}…` : ellipsize(rest.join(' '), size, weight, max)];
}

/**
 * Vega's text measure, for `vega.textMetrics.width`: without a canvas package vega guesses
 * 0.8 em a character, too wide for DejaVu, which spreads the legend and shifts labels.
 * Does not apply `item.limit` (the chart shortens its own labels; vega's truncation calls this).
 */
export function vegaTextWidth(item: { fontSize?: number; fontWeight?: string | number }, text: unknown): number {
  const s = text == null ? '' : String(text).trim();
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const w = item.fontWeight;
  const bold = w === 'bold' || w === 'bolder' || (typeof w === 'number' && w >= 600) || (typeof w === 'string' && Number(w) >= 600);
  return measureText(s, size, bold ? 'bold' : 'regular');
}
