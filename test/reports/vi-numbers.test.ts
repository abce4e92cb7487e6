import { describe, expect, it } from 'vitest';
import { pickCount, pickPercent, readNumber, scanQuantities, type Quantity } from '../../src/reports/vi-numbers.js';

/** The figure part of a quantity, without positions. */
const fig = (q: Quantity | undefined) => {
  if (!q) return undefined;
  const { start: _s, end: _e, ...rest } = q;
  return rest;
};
const one = (text: string) => {
  const qs = scanQuantities(text);
  expect(qs, text).toHaveLength(1);
  return fig(qs[0]);
};

describe('readNumber', () => {
  it.each([
    ['1234', 1234],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['85,5', 85.5],
    ['3,1416', 3.1416],
    ['85.5', 85.5],
    ['85.55', 85.55],
    ['0.125', 0.125],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
  ])('%s = %d', (raw, value) => {
    expect(readNumber(raw)).toEqual({ value });
  });

  it('keeps both readings of "1,234" (VN decimal, EN thousands)', () => {
    expect(readNumber('1,234')).toEqual({ readings: [1.234, 1234] });
  });

  it.each(['1.2345', '1.2.3', '1.23.456', '12.345,6.7'])('cannot read %s', (raw) => {
    expect(readNumber(raw)).toEqual({ readings: [] });
  });

  it('is not fooled by non-numbers', () => {
    expect(readNumber('abc')).toBeNull();
    expect(readNumber('1..2')).toBeNull();
  });

  it('picks the reading the context allows', () => {
    expect(pickCount({ readings: [1.234, 1234] })).toBe(1234);
    expect(pickPercent({ readings: [12.345, 12345] })).toBe(12.345);
    expect(pickCount({ value: 85.5 })).toBeUndefined();
    expect(pickCount({ readings: [] })).toBeUndefined();
  });
});

describe('scanQuantities', () => {
  it('reads percents however they are typed', () => {
    expect(one('dat 85,5%')).toEqual({ percent: 85.5, approx: false });
    expect(one('85.5%')).toEqual({ percent: 85.5, approx: false });
    expect(one('85 %')).toEqual({ percent: 85, approx: false });
    expect(one('80 phan tram')).toEqual({ percent: 80, approx: false });
    expect(one('85,5%cbccvc')).toEqual({ percent: 85.5, approx: false });
    expect(one('hs90%')).toEqual({ percent: 90, approx: false });
  });

  it('treats "1.500" as thousands and "1.5" as a decimal', () => {
    expect(one('1.500 nguoi')).toEqual({ count: 1500, approx: false });
    expect(one('1.5%')).toEqual({ percent: 1.5, approx: false });
    expect(one('1.500%')).toEqual({ percent: 1500, approx: false });
  });

  it('reads multipliers', () => {
    expect(one('1,2 nghin nguoi')).toEqual({ count: 1200, approx: false });
    expect(one('1,2 ngan')).toEqual({ count: 1200, approx: false });
    expect(one('1.2k')).toEqual({ count: 1200, approx: false });
    expect(one('2 trieu')).toEqual({ count: 2_000_000, approx: false });
  });

  it('reads ratios: x/y, x trên y, x trên tổng số y, x trong số y', () => {
    const r = { numerator: 1234, denominator: 1500, approx: false };
    expect(one('1.234/1.500')).toEqual(r);
    expect(one('1.234 / 1.500 nguoi')).toEqual(r);
    expect(one('1.234 nguoi/1.500 nguoi')).toEqual(r);
    expect(one('1.234 tren 1.500')).toEqual(r);
    expect(one('1.234 nguoi dan tren tong so 1.500')).toEqual(r);
    expect(one('1.234 trong so 1.500')).toEqual(r);
    expect(one('1.234/tong so 1.500')).toEqual(r);
    expect(one('1,2 nghin/1,5 nghin')).toEqual({ numerator: 1200, denominator: 1500, approx: false });
  });

  it('reads "1,234/1,500" as head counts, since counts are whole', () => {
    expect(one('1,234/1,500')).toEqual({ numerator: 1234, denominator: 1500, approx: false });
  });

  it('flags approximations, and "trên" only before a lone number', () => {
    expect(one('hon 80%')).toEqual({ percent: 80, approx: true, qualifier: 'over' });
    expect(one('tren 80%')).toEqual({ percent: 80, approx: true, qualifier: 'over' });
    expect(one('khoang 80%')).toEqual({ percent: 80, approx: true, qualifier: 'about' });
    expect(one('xap xi 80%')).toEqual({ percent: 80, approx: true, qualifier: 'about' });
    expect(one('~80%')).toEqual({ percent: 80, approx: true, qualifier: 'about' });
    expect(one('gan 80%')).toEqual({ percent: 80, approx: true, qualifier: 'under' });
    expect(one('uoc dat 80%')).toEqual({ percent: 80, approx: true, qualifier: 'about' });
    expect(one('80% tro len')).toEqual({ percent: 80, approx: true, qualifier: 'atLeast' });
    expect(one('dat 80%')).toEqual({ percent: 80, approx: false });
    expect(one('1.200 tren 1.500')).toEqual({ numerator: 1200, denominator: 1500, approx: false });
  });

  it('joins a ratio and its percent written side by side', () => {
    expect(one('1.234/1.500 nguoi (82,3%)')).toEqual({ percent: 82.3, numerator: 1234, denominator: 1500, approx: false });
    expect(one('85% (340/400)')).toEqual({ percent: 85, numerator: 340, denominator: 400, approx: false });
  });

  it('marks a total said on its own and an unreadable literal', () => {
    expect(one('tong so cbccvc la 120')).toEqual({ count: 120, total: true, approx: false });
    expect(one('1.2345/1.500')).toMatchObject({ unreadable: '1.2345' });
  });

  it('finds several figures in order', () => {
    const qs = scanQuantities('cbccvc 85%, hs 90%; nd 1.234/1.500');
    expect(qs.map(fig)).toEqual([
      { percent: 85, approx: false },
      { percent: 90, approx: false },
      { numerator: 1234, denominator: 1500, approx: false },
    ]);
  });
});
