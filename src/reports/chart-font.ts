import { createRequire } from 'node:module';
import path from 'node:path';
import { registerFont } from 'pureimage';
import { coverage, type Mask, type Pt, type Raster, type Rgb } from './chart-raster.js';

/**
 * DejaVu Sans (regular and bold, with every Vietnamese precomposed letter) for the chart: loaded
 * once from the dejavu-fonts-ttf package, parsed by opentype.js through pureimage, measured and
 * turned into outlines here. Text is NFC-normalised first, so "ệ" typed as e + two combining marks
 * uses the font's precomposed glyph rather than unpositioned marks.
 */

/** The part of an opentype.js font and glyph the chart uses. */
interface OtCommand {
  type: 'M' | 'L' | 'Q' | 'C' | 'Z';
  x?: number;
  y?: number;
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
}
interface OtGlyph {
  index: number;
  advanceWidth: number;
  getPath(x: number, y: number, size: number): { commands: OtCommand[] };
}
interface OtFont {
  unitsPerEm: number;
  ascender: number;
  descender: number;
  stringToGlyphs(s: string): OtGlyph[];
}

export type FontWeight = 'regular' | 'bold';

interface LoadedFont {
  ot: OtFont;
  /** Flattened outlines per glyph index, in em units (y down, origin on the baseline). */
  outlines: Map<number, Pt[][]>;
  /** Rasterised glyphs by "index/size/phase" (phase: quarter-pixel x offset). */
  masks: Map<string, Mask | null>;
}

let fonts: Record<FontWeight, LoadedFont> | undefined;

/** The directory of the DejaVu TTF files, resolved from the installed package. */
export function dejavuDir(): string {
  const pkg = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
  return path.join(path.dirname(pkg), 'ttf');
}

function load(file: string, family: string): LoadedFont {
  const font = registerFont(path.join(dejavuDir(), file), family).loadSync().font as unknown as OtFont;
  return { ot: font, outlines: new Map(), masks: new Map() };
}

function font(weight: FontWeight): LoadedFont {
  fonts ??= {
    regular: load('DejaVuSans.ttf', 'TroLyThiDua DejaVu Sans'),
    bold: load('DejaVuSans-Bold.ttf', 'TroLyThiDua DejaVu Sans Bold'),
  };
  return fonts[weight];
}

/** Loads both fonts now (they are otherwise loaded on first use). */
export function preloadFonts(): void {
  font('regular');
}

/** Width in pixels of `text` at `size` px. */
export function measureText(text: string, size: number, weight: FontWeight = 'regular'): number {
  const f = font(weight);
  let adv = 0;
  for (const g of f.ot.stringToGlyphs(text.normalize('NFC'))) adv += g.advanceWidth;
  return (adv / f.ot.unitsPerEm) * size;
}

/** Ascent and descent (positive, in px) of the font at `size`. */
export function fontExtents(size: number, weight: FontWeight = 'regular'): { ascent: number; descent: number } {
  const f = font(weight).ot;
  return { ascent: (f.ascender / f.unitsPerEm) * size, descent: (-f.descender / f.unitsPerEm) * size };
}

function outline(f: LoadedFont, g: OtGlyph): Pt[][] {
  const cached = f.outlines.get(g.index);
  if (cached) return cached;
  const em = f.ot.unitsPerEm;
  const contours: Pt[][] = [];
  let cur: Pt[] = [];
  let last: Pt = { x: 0, y: 0 };
  const push = (x: number, y: number) => {
    last = { x: x / em, y: y / em };
    cur.push(last);
  };
  for (const c of g.getPath(0, 0, em).commands) {
    switch (c.type) {
      case 'M':
        if (cur.length > 2) contours.push(cur);
        cur = [];
        push(c.x!, c.y!);
        break;
      case 'L':
        push(c.x!, c.y!);
        break;
      case 'Q': {
        const p0 = { x: last.x * em, y: last.y * em };
        for (let i = 1; i <= 6; i++) {
          const t = i / 6;
          const u = 1 - t;
          push(u * u * p0.x + 2 * u * t * c.x1! + t * t * c.x!, u * u * p0.y + 2 * u * t * c.y1! + t * t * c.y!);
        }
        break;
      }
      case 'C': {
        const p0 = { x: last.x * em, y: last.y * em };
        for (let i = 1; i <= 8; i++) {
          const t = i / 8;
          const u = 1 - t;
          const a = u * u * u;
          const b = 3 * u * u * t;
          const d = 3 * u * t * t;
          const e = t * t * t;
          push(a * p0.x + b * c.x1! + d * c.x2! + e * c.x!, a * p0.y + b * c.y1! + d * c.y2! + e * c.y!);
        }
        break;
      }
      case 'Z':
        if (cur.length > 2) contours.push(cur);
        cur = [];
        break;
    }
  }
  if (cur.length > 2) contours.push(cur);
  f.outlines.set(g.index, contours);
  return contours;
}

/** Horizontal positions per pixel a glyph is rasterised at (its mask is then reused). */
const PHASES = 4;

function glyphMask(f: LoadedFont, g: OtGlyph, size: number, phase: number): Mask | null {
  const key = `${g.index}/${size}/${phase}`;
  let m = f.masks.get(key);
  if (m === undefined) {
    m = coverage(outline(f, g), size, phase / PHASES, 0);
    f.masks.set(key, m);
  }
  return m;
}

/**
 * Draws `text` with its left end at `x` and its baseline at `y` (rounded to a pixel row). Glyphs
 * are placed to a quarter pixel and their masks cached, so repeated labels cost little.
 */
export function drawText(r: Raster, text: string, x: number, y: number, size: number, color: Rgb, weight: FontWeight = 'regular'): void {
  const f = font(weight);
  const scale = size / f.ot.unitsPerEm;
  const baseline = Math.round(y);
  let pen = x;
  for (const g of f.ot.stringToGlyphs(text.normalize('NFC'))) {
    let ix = Math.floor(pen);
    let phase = Math.round((pen - ix) * PHASES);
    if (phase === PHASES) {
      ix += 1;
      phase = 0;
    }
    const m = glyphMask(f, g, size, phase);
    if (m) r.blendMask(m, ix, baseline, color);
    pen += g.advanceWidth * scale;
  }
}
