/**
 * Reading numbers as Vietnamese officers type them. Pure functions over folded text (lower case,
 * no diacritics: see `fold`), so "phần trăm" arrives as "phan tram".
 *
 * Separator rules (Vietnamese convention first, the English habit tolerated where unambiguous):
 * - "1.234", "1.234.567": dot + exactly three digits = thousands. "85.5", "85.55": one or two
 *   digits after a single dot = a decimal typed the English way.
 * - "85,5", "3,1416": comma = decimal. "1,234" is ambiguous (VN 1.234 / EN 1234): both readings
 *   are returned and the context picks (a head count must be whole, a percent at most 100).
 * - "1.234,5" and "1,234.5": mixed separators, the last one is the decimal mark.
 * - Anything else ("1.2345", "1.2.3") cannot be read and is reported, never guessed.
 */

/** How an approximate figure relates to the true one: "hơn 80%" over, "gần 80%" under. */
export const QUALIFIER_KINDS = ['over', 'about', 'under', 'atLeast'] as const;
export type Qualifier = (typeof QUALIFIER_KINDS)[number];

/** A literal read: one value, or several possible readings (none when unreadable). */
export type NumberReading = { value: number } | { readings: number[] };

/** One figure found in text: a percent, a ratio (x/y), both, or a bare count. */
export interface Quantity {
  /** Span in the folded text, covering every number of the figure. */
  start: number;
  end: number;
  percent?: number;
  numerator?: number;
  denominator?: number;
  /** A bare number with neither "%" nor a denominator. */
  count?: number;
  approx: boolean;
  qualifier?: Qualifier;
  /** Introduced by "tổng (số)": a denominator stated apart from its numerator. */
  total?: boolean;
  /** The literal that could not be read, when reading failed. */
  unreadable?: string;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Reads one numeric literal ("1.234", "85,5", "1,234.5"). Returns null when `raw` is not a
 * number literal, `{ readings: [] }` when it is one but cannot be read.
 * @example readNumber('1.234') // { value: 1234 }
 * @example readNumber('1,234') // { readings: [1.234, 1234] }
 */
export function readNumber(raw: string): NumberReading | null {
  if (!/^\d+(?:[.,]\d+)*$/.test(raw)) return null;
  const groups = raw.split(/[.,]/);
  const seps = raw.match(/[.,]/g) ?? [];
  if (seps.length === 0) return { value: Number(raw) };
  const head = groups[0]!;
  const thousandsHead = head.length <= 3 && head !== '0';
  if (seps.length === 1) {
    const frac = groups[1]!;
    const decimal = Number(`${head}.${frac}`);
    const thousands = Number(head + frac);
    if (seps[0] === '.') {
      if (frac.length <= 2 || head === '0') return { value: decimal };
      if (frac.length === 3 && thousandsHead) return { value: thousands };
      return { readings: [] };
    }
    if (frac.length === 3 && thousandsHead) return { readings: [decimal, thousands] };
    return { value: decimal };
  }
  const last = seps[seps.length - 1]!;
  const inner = groups.slice(1, -1);
  if (!thousandsHead || inner.some((g) => g.length !== 3)) return { readings: [] };
  if (seps.every((s) => s === last)) {
    return groups[groups.length - 1]!.length === 3 ? { value: Number(groups.join('')) } : { readings: [] };
  }
  if (seps.slice(0, -1).every((s) => s !== last)) {
    return { value: Number(`${groups.slice(0, -1).join('')}.${groups[groups.length - 1]}`) };
  }
  return { readings: [] };
}

/** The only whole-number reading (a head count), or undefined. */
export function pickCount(r: NumberReading): number | undefined {
  if ('value' in r) return Number.isInteger(r.value) ? r.value : undefined;
  const whole = r.readings.filter(Number.isInteger);
  return whole.length === 1 ? whole[0] : undefined;
}

/** The reading that can be a percent: the value itself, or the only reading ≤ 100. */
export function pickPercent(r: NumberReading): number | undefined {
  if ('value' in r) return r.value;
  const fit = r.readings.filter((v) => v <= 100);
  return fit.length === 1 ? fit[0] : undefined;
}

const MULTIPLIER: Record<string, number> = { nghin: 1e3, ngan: 1e3, k: 1e3, trieu: 1e6, tr: 1e6 };

function scaled(r: NumberReading, mult: string | undefined): NumberReading {
  const m = mult ? MULTIPLIER[mult.replace(/\s+/g, '')] ?? 1 : 1;
  return 'value' in r ? { value: round(r.value * m) } : { readings: r.readings.map((v) => round(v * m)) };
}

// A number, its multiplier ("1,2 nghìn", "1.2k") and percent sign ("85,5%", "80 phần trăm").
const ATOM = /(?<!\d)(?<!\d[.,])(\d+(?:[.,]\d+)*)(?:\s*(nghin|ngan|k|trieu|tr)(?![a-z]))?(\s*%|\s*phan\s*tram(?![a-z]))?/y;
// Between a numerator and its denominator: "/", "trên", "trong số", "trên tổng số", "/tổng số".
const FRACTION = [
  /\s*(?:[a-z]+\s+){0,3}?[,(]?\s*(?:(?:\/|tren|trong)\s*)?tong\s*(?:so|cong)?\s*(?:[a-z]+\s+){0,2}?(?:la\s*|:\s*)?(?=\d)/y,
  /\s*(?:[a-z]+\s*){0,2}?\/\s*(?:[a-z]+\s+)?(?=\d)/y,
  /\s*(?:[a-z]+\s+){0,3}?(?:tren|trong\s*so)\s+(?=\d)/y,
];
const QUALIFIERS: [RegExp, Qualifier][] = [
  [/(?:tren\s*duoi|khoang\s*chung|khoang|xap\s*xi|xx|~|tam|chung|uoc\s*(?:tinh|dat|khoang|chung)?)$/, 'about'],
  [/(?:it\s*nhat|toi\s*thieu)$/, 'atLeast'],
  // "ngoài 80%" is over 80%; "năm ngoái 85%" (last year) folds alike and is not.
  [/(?:hon|tren|(?<!nam\s{0,3})ngoai)$/, 'over'],
  [/(?:gan\s*nhu|gan|ngot|non|duoi)$/, 'under'],
];
// "tổng số 4.000", "tổng số người dân trưởng thành 9.800", "tổng số người lao động tại DN, HTX là 850".
const TOTAL_BEFORE = /(?<![a-z])tong\s*(?:so|cong)?\s*(?:[a-z]+,?\s+){0,8}?(?:la\s*|:\s*)?$/;
const PAIR_GAP = /^[\s(),:=-]*(?:(?:tuc|la|dat|bang|tuong\s*(?:duong|ung)|chiem|ty\s*le|nguoi|ng)[\s(),:=-]*)*$/;

interface Atom {
  start: number;
  end: number;
  raw: string;
  reading: NumberReading;
  percent: boolean;
}

function atomAt(text: string, at: number): Atom | null {
  ATOM.lastIndex = at;
  const m = ATOM.exec(text);
  if (!m) return null;
  const reading = scaled(readNumber(m[1]!)!, m[2]);
  return { start: at, end: at + m[0].length, raw: m[1]!, reading, percent: m[3] !== undefined };
}

function qualifierBefore(text: string, at: number): Qualifier | undefined {
  // Trailing "đạt"/"là" between the qualifier and the number: "ước đạt 85%", "gần đạt 80%".
  const before = text.slice(Math.max(0, at - 30), at).replace(/\s*(?:dat|la|co)?\s*$/, '');
  for (const [re, q] of QUALIFIERS) {
    const m = re.exec(before);
    if (m && (m.index === 0 || !/[a-z]/.test(before[m.index - 1]!))) return q;
  }
  return undefined;
}

/** Reads an atom, and a denominator after it when one follows, into a quantity. */
function quantityAt(text: string, a: Atom): Quantity {
  const q: Quantity = { start: a.start, end: a.end, approx: false };
  if (a.percent) {
    const p = pickPercent(a.reading);
    if (p === undefined) q.unreadable = a.raw;
    else q.percent = p;
  } else {
    for (const re of FRACTION) {
      re.lastIndex = a.end;
      if (!re.exec(text)) continue;
      const b = atomAt(text, re.lastIndex);
      if (!b || b.percent) continue;
      const n = pickCount(a.reading);
      const d = pickCount(b.reading);
      if (n === undefined || d === undefined) q.unreadable = n === undefined ? a.raw : b.raw;
      else Object.assign(q, { numerator: n, denominator: d });
      q.end = b.end;
      break;
    }
    if (q.numerator === undefined && !q.unreadable) {
      const c = pickCount(a.reading) ?? pickPercent(a.reading);
      if (c === undefined) q.unreadable = a.raw;
      else q.count = c;
      if (TOTAL_BEFORE.test(text.slice(Math.max(0, a.start - 60), a.start))) q.total = true;
    }
  }
  const suffix = /(?:\+|\s*tro\s*len(?![a-z]))/y;
  suffix.lastIndex = q.end;
  const qualifier = suffix.exec(text) ? 'atLeast' : qualifierBefore(text, a.start);
  if (suffix.lastIndex > q.end) q.end = suffix.lastIndex;
  if (qualifier) Object.assign(q, { approx: true, qualifier });
  return q;
}

/**
 * Every figure in folded text, left to right. A percent next to a ratio or count of the same
 * figure ("1.234/1.500 người (82,3%)", "85% (1.200 người)") becomes one quantity with both.
 * Mask dates, years and ordinals first: this reads every digit run it is given.
 */
export function scanQuantities(folded: string): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    const a = atomAt(folded, i);
    if (!a) continue;
    const q = quantityAt(folded, a);
    const prev = out[out.length - 1];
    if (prev && canPair(prev, q) && PAIR_GAP.test(folded.slice(prev.end, q.start))) out[out.length - 1] = merge(prev, q);
    else out.push(q);
    i = q.end - 1;
  }
  return out;
}

function canPair(a: Quantity, b: Quantity): boolean {
  const hasP = (q: Quantity) => q.percent !== undefined;
  const hasN = (q: Quantity) => q.numerator !== undefined || (q.count !== undefined && !q.total);
  return !a.unreadable && !b.unreadable && ((hasP(a) && !hasN(a) && hasN(b) && !hasP(b)) || (hasN(a) && !hasP(a) && hasP(b) && !hasN(b)));
}

// "85% (1.200 người)": a count said next to a percent is the number reached.
function merge(a: Quantity, b: Quantity): Quantity {
  const pct = a.percent !== undefined ? a : b;
  const num = pct === a ? b : a;
  const m: Quantity = { start: a.start, end: b.end, percent: pct.percent!, numerator: num.numerator ?? num.count!, approx: a.approx || b.approx };
  if (num.denominator !== undefined) m.denominator = num.denominator;
  const qualifier = pct.qualifier ?? num.qualifier;
  if (qualifier) m.qualifier = qualifier;
  return m;
}
