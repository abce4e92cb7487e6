import { deflateSync } from 'node:zlib';

/**
 * A small RGB raster for the progress chart: opaque rectangles, anti-aliased polygons (text
 * outlines, non-zero winding) and a PNG encoder. Written for the chart instead of drawing through
 * pureimage's context, whose text path is too slow for a chart of a few dozen labels and fills
 * each glyph contour on its own. Everything is integer or float arithmetic on a byte array, so the
 * output is the same bytes on every machine.
 */

export type Rgb = readonly [number, number, number];

/** "#2e7d32" → [46, 125, 50]. */
export function hexRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A point of a flattened outline. */
export interface Pt {
  x: number;
  y: number;
}

interface Edge {
  y0: number;
  y1: number;
  x0: number;
  dxdy: number;
  dir: number;
}

/** Vertical samples per pixel row when filling polygons (horizontal coverage is exact). */
const SUBSAMPLES = 5;

export class Raster {
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    this.data = new Uint8Array(width * height * 3);
    if (background[0] === background[1] && background[1] === background[2]) this.data.fill(background[0]);
    else
      for (let i = 0; i < this.data.length; i += 3) {
      this.data[i] = background[0];
      this.data[i + 1] = background[1];
      this.data[i + 2] = background[2];
    }
  }

  /** The colour at a pixel (for tests). */
  pixel(x: number, y: number): Rgb {
    const i = (y * this.width + x) * 3;
    return [this.data[i]!, this.data[i + 1]!, this.data[i + 2]!];
  }

  /** Blends `c` into one pixel with coverage `a` (0–1). */
  private blend(x: number, y: number, c: Rgb, a: number): void {
    if (a <= 0 || x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 3;
    const d = this.data;
    if (a >= 1) {
      d[i] = c[0];
      d[i + 1] = c[1];
      d[i + 2] = c[2];
      return;
    }
    d[i] = Math.round(d[i]! + (c[0] - d[i]!) * a);
    d[i + 1] = Math.round(d[i + 1]! + (c[1] - d[i + 1]!) * a);
    d[i + 2] = Math.round(d[i + 2]! + (c[2] - d[i + 2]!) * a);
  }

  /** Fills a rectangle; edges are snapped to whole pixels (charts want crisp bars). */
  fillRect(x: number, y: number, w: number, h: number, c: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    const d = this.data;
    for (let yy = y0; yy < y1; yy++) {
      let i = (yy * this.width + x0) * 3;
      for (let xx = x0; xx < x1; xx++, i += 3) {
        d[i] = c[0];
        d[i + 1] = c[1];
        d[i + 2] = c[2];
      }
    }
  }

  /** Draws the inside border of a rectangle, `lw` pixels thick. */
  strokeRect(x: number, y: number, w: number, h: number, c: Rgb, lw = 1): void {
    this.fillRect(x, y, w, lw, c);
    this.fillRect(x, y + h - lw, w, lw, c);
    this.fillRect(x, y, lw, h, c);
    this.fillRect(x + w - lw, y, lw, h, c);
  }

  /** Fills closed polygons (non-zero winding), anti-aliased. */
  fillPolygons(contours: readonly (readonly Pt[])[], c: Rgb): void {
    const m = coverage(contours);
    if (m) this.blendMask(m, 0, 0, c);
  }

  /** Blends colour `c` through a coverage mask placed at (dx + mask.x, dy + mask.y). */
  blendMask(m: Mask, dx: number, dy: number, c: Rgb): void {
    for (let j = 0; j < m.h; j++) {
      const y = m.y + dy + j;
      if (y < 0 || y >= this.height) continue;
      for (let i = 0; i < m.w; i++) {
        const a = m.alpha[j * m.w + i]!;
        if (a > 0) this.blend(m.x + dx + i, y, c, a / 255);
      }
    }
  }

  /** The raster as a PNG (8-bit RGB, no interlace, filter "none"). */
  toPng(): Uint8Array {
    const stride = this.width * 3;
    const raw = new Uint8Array((stride + 1) * this.height);
    for (let y = 0; y < this.height; y++) {
      raw[y * (stride + 1)] = 0;
      raw.set(this.data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
    }
    const ihdr = new Uint8Array(13);
    const view = new DataView(ihdr.buffer);
    view.setUint32(0, this.width);
    view.setUint32(4, this.height);
    ihdr.set([8, 2, 0, 0, 0], 8);
    const idat = deflateSync(raw, { level: 6 });
    const parts = [PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let off = 0;
    for (const p of parts) {
      out.set(p, off);
      off += p.length;
    }
    return out;
  }
}

/** Coverage (0–255) of a pixel-aligned box: pixel (x + i, y + j) is alpha[j * w + i]. */
export interface Mask {
  x: number;
  y: number;
  w: number;
  h: number;
  alpha: Uint8Array;
}

/**
 * Coverage of closed polygons under the non-zero winding rule, after mapping each point p to
 * (dx + p.x * scale, dy + p.y * scale): exact horizontal coverage on SUBSAMPLES scanlines per
 * pixel row. Null when nothing is covered.
 */
export function coverage(contours: readonly (readonly Pt[])[], scale = 1, dx = 0, dy = 0): Mask | null {
  const edges: Edge[] = [];
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const pts of contours) {
    const n = pts.length;
    for (let k = 0; k < n; k++) {
      const a = pts[k]!;
      const b = pts[(k + 1) % n]!;
      const ax = dx + a.x * scale;
      const ay = dy + a.y * scale;
      const bx = dx + b.x * scale;
      const by = dy + b.y * scale;
      if (ax < minX) minX = ax;
      if (ax > maxX) maxX = ax;
      if (ay < minY) minY = ay;
      if (ay > maxY) maxY = ay;
      if (ay === by) continue;
      if (ay < by) edges.push({ y0: ay, y1: by, x0: ax, dxdy: (bx - ax) / (by - ay), dir: 1 });
      else edges.push({ y0: by, y1: ay, x0: bx, dxdy: (ax - bx) / (ay - by), dir: -1 });
    }
  }
  if (edges.length === 0) return null;
  const rowStart = Math.floor(minY);
  const rowEnd = Math.ceil(maxY);
  const colStart = Math.floor(minX);
  const colEnd = Math.ceil(maxX) + 1;
  const w = colEnd - colStart;
  const h = rowEnd - rowStart;
  if (w <= 0 || h <= 0) return null;
  edges.sort((e, f) => e.y0 - f.y0);
  const alpha = new Uint8Array(w * h);
  const cov = new Float32Array(w + 2);
  const xs = new Float64Array(edges.length);
  const dirs = new Int8Array(edges.length);
  const active: Edge[] = [];
  let next = 0;
  const step = 1 / SUBSAMPLES;
  for (let py = rowStart; py < rowEnd; py++) {
    while (next < edges.length && edges[next]!.y0 < py + 1) active.push(edges[next++]!);
    let kept = 0;
    for (const e of active) if (e.y1 > py) active[kept++] = e;
    active.length = kept;
    if (kept === 0) continue;
    cov.fill(0);
    for (let s = 0; s < SUBSAMPLES; s++) {
      const sy = py + (s + 0.5) * step;
      // Crossings of this scanline, insertion-sorted by x (there are few).
      let n = 0;
      for (const e of active) {
        if (sy < e.y0 || sy >= e.y1) continue;
        const x = e.x0 + (sy - e.y0) * e.dxdy;
        let j = n++;
        while (j > 0 && xs[j - 1]! > x) {
          xs[j] = xs[j - 1]!;
          dirs[j] = dirs[j - 1]!;
          j--;
        }
        xs[j] = x;
        dirs[j] = e.dir;
      }
      let winding = 0;
      let xa = 0;
      for (let k = 0; k < n; k++) {
        const before = winding;
        winding += dirs[k]!;
        if (before === 0 && winding !== 0) xa = xs[k]!;
        else if (before !== 0 && winding === 0) {
          const xb = xs[k]!;
          if (xb <= xa) continue;
          const ia = Math.floor(xa);
          const ib = Math.floor(xb);
          if (ia === ib) cov[ia - colStart]! += (xb - xa) * step;
          else {
            cov[ia - colStart]! += (ia + 1 - xa) * step;
            for (let i = ia + 1; i < ib; i++) cov[i - colStart]! += step;
            cov[ib - colStart]! += (xb - ib) * step;
          }
        }
      }
    }
    const row = (py - rowStart) * w;
    for (let k = 0; k < w; k++) {
      const a = cov[k]!;
      if (a > 0.002) alpha[row + k] = a >= 1 ? 255 : Math.round(a * 255);
    }
  }
  return { x: colStart, y: rowStart, w, h, alpha };
}

export const PNG_SIGNATURE = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}
