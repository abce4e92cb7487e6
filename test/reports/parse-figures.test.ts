import { seedPlan } from '../fixtures/seed-plan.js';
import { describe, expect, it } from 'vitest';
import { looksLikeReport, parseFigures } from '../../src/reports/parse-figures.js';

const fullName = (id: string) => seedPlan.byId(id)!.name;

describe('parseFigures: the required samples', () => {
  it('reads a percent with its period', () => {
    expect(parseFigures('Năm 2025 phường có 92% học sinh trung học được trang bị kỹ năng số', seedPlan)).toStrictEqual({
      figures: [{ indicator: 'hoc_sinh_ky_nang_so', percent: 92 }],
      period: '2025',
      needsClarification: false,
    });
  });

  it('keeps "DN, HTX" as one mention and reads x/y counts', () => {
    expect(parseFigures('lao dong DN, HTX co ky nang so: 3.456/4.000 nguoi', seedPlan)).toStrictEqual({
      figures: [{ indicator: 'lao_dong_doanh_nghiep_ky_nang_so', numerator: 3456, denominator: 4000 }],
      period: null,
      needsClarification: false,
    });
  });

  it('asks back on a percent above 100', () => {
    const r = parseFigures('Người dân có kỹ năng số đạt 130%', seedPlan);
    expect(r).toMatchObject({ figures: [], needsClarification: true });
    expect(r.question).toContain('130%');
    expect(r.question).toContain(fullName('nguoi_dan_ky_nang_so'));
  });

  it('reads two figures and tells VNeID from plain skills', () => {
    expect(parseFigures('Năm 2025: 85,5% CBCCVC có kỹ năng số; 1.234/1.500 người dân đã xác nhận trên VNeID', seedPlan)).toStrictEqual({
      figures: [
        { indicator: 'can_bo_ky_nang_so', percent: 85.5 },
        { indicator: 'nguoi_dan_xac_nhan_vneid', numerator: 1234, denominator: 1500 },
      ],
      period: '2025',
      needsClarification: false,
    });
  });

  it.each([
    ['hơn 80% người dân có kỹ năng số', 'over'],
    ['khoảng 80% người dân có kỹ năng số', 'about'],
    ['tren 80% nguoi dan co ky nang so', 'over'],
    ['gần 80% người dân có kỹ năng số', 'under'],
    ['80% trở lên người dân có kỹ năng số', 'atLeast'],
  ])('flags %s as approximate, leaning %s', (m, qualifier) => {
    expect(parseFigures(m, seedPlan).figures).toStrictEqual([{ indicator: 'nguoi_dan_ky_nang_so', percent: 80, approx: true, qualifier }]);
  });
});

describe('parseFigures: reports as officers paste them', () => {
  it('reads spreadsheet rows: label | achieved | total | percent', () => {
    expect(parseFigures('Năm 2026 | CBCCVC | 120 | 125 | 96% ; HS | 3.010 | 3.200 | 94,1%', seedPlan)).toStrictEqual({
      figures: [
        { indicator: 'can_bo_ky_nang_so', percent: 96, numerator: 120, denominator: 125 },
        { indicator: 'hoc_sinh_ky_nang_so', percent: 94.1, numerator: 3010, denominator: 3200 },
      ],
      period: '2026',
      needsClarification: false,
    });
    expect(parseFigures('CBCCVC | 45 | 50 | 90% / NLĐ DN | 320 | 400 | 80%', seedPlan).figures).toHaveLength(2);
  });

  it('does not read "(1)", "(2)" list markers as counts', () => {
    const r = parseFigures('UBND xã báo cáo năm 2025: (1) CBCCVC có kỹ năng số: 134/140 người, đạt 95,7%; (2) người lao động trong doanh nghiệp, HTX có kỹ năng số: khoảng 60%.', seedPlan);
    expect(r.needsClarification).toBe(false);
    expect(r.figures.map((f) => f.indicator)).toEqual(['can_bo_ky_nang_so', 'lao_dong_doanh_nghiep_ky_nang_so']);
  });

  it('gives one total to every count said after it, and to a count that carries its percent', () => {
    expect(parseFigures('tổng số người dân trưởng thành 6.100, trong đó 5.230 người có kỹ năng số cơ bản, 3.660 người đã được xác nhận trên VNeID', seedPlan).figures).toStrictEqual([
      { indicator: 'nguoi_dan_ky_nang_so', numerator: 5230, denominator: 6100 },
      { indicator: 'nguoi_dan_xac_nhan_vneid', numerator: 3660, denominator: 6100 },
    ]);
    expect(parseFigures('tong so nguoi dan truong thanh 9.800, da xac nhan VNeID 6.860 (70%)', seedPlan).figures).toStrictEqual([
      { indicator: 'nguoi_dan_xac_nhan_vneid', percent: 70, numerator: 6860, denominator: 9800 },
    ]);
  });
});

describe('parseFigures: what the plan does not track', () => {
  it.each([
    ['Phường Linh Xuân báo cáo: tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử đạt 97%', 'hóa đơn điện tử'],
    ['Tỷ lệ người dân có tài khoản VNeID mức 2 đạt 78%', 'tài khoản VNeID mức 2'],
  ])('asks back on another measure of a known population: %s', (m, phrase) => {
    const r = parseFigures(m, seedPlan);
    expect(r).toMatchObject({ figures: [], needsClarification: true });
    expect(r.question).toContain(phrase);
  });

  it('asks for the figures of a result claimed with no indicator and no number', () => {
    const r = parseFigures('dạ em báo cáo xã đã đạt chỉ tiêu rồi ạ', seedPlan);
    expect(r).toMatchObject({ figures: [], needsClarification: true });
    expect(r.question).toContain('chưa thấy số liệu');
  });

  it('reads "doanh nghep" (a typo) as doanh nghiệp', () => {
    expect(parseFigures('nguoi lao dong trong doanh nghep co ky nang so dat 1.800/2.500', seedPlan).figures).toStrictEqual([
      { indicator: 'lao_dong_doanh_nghiep_ky_nang_so', numerator: 1800, denominator: 2500 },
    ]);
  });
});

describe('parseFigures: reading', () => {
  it.each([
    ['NĂM 2025: CBCCVC 90%', '2025'],
    ['nam 2026 CBCCVC 90%', '2026'],
    ['so lieu 2026: CBCCVC 90%', '2026'],
    ['Tháng 9/2025 CBCCVC 90%', '2025'],
    ['CBCCVC 90%', null],
  ])('period of %s', (m, period) => {
    expect(parseFigures(m, seedPlan).period).toBe(period);
  });

  it('dates "năm nay" and "năm ngoái" from the day the message is read, within the plan years', () => {
    const in2026 = new Date('2026-11-22T03:00:00Z');
    expect(parseFigures('năm ngoái 85% CBCCVC có kỹ năng số', seedPlan, in2026)).toStrictEqual({
      figures: [{ indicator: 'can_bo_ky_nang_so', percent: 85 }], // "ngoái" is no "ngoài 85%" (over)
      period: '2025',
      needsClarification: false,
    });
    expect(parseFigures('nam nay HS co ky nang so 90%', seedPlan, in2026).period).toBe('2026');
    expect(parseFigures('năm trước 70% người dân có kỹ năng số', seedPlan, in2026).period).toBe('2025');
    expect(parseFigures('năm nay 90% học sinh có kỹ năng số', seedPlan, new Date('2027-03-01T00:00:00Z')).period).toBeNull();
    // Vietnam time: 31/12/2025 18:00 UTC is already 2026 there.
    expect(parseFigures('năm nay 90% học sinh có kỹ năng số', seedPlan, new Date('2025-12-31T18:00:00Z')).period).toBe('2026');
    expect(parseFigures('ngoài 80% người dân có kỹ năng số', seedPlan).figures[0]).toMatchObject({ qualifier: 'over' });
  });

  it('does not take dates, ages, ordinals or years for figures', () => {
    const r = parseFigures('Tính đến ngày 30/9/2025, khu phố 3: người dân trên 18 tuổi có kỹ năng số đạt 66%', seedPlan);
    expect(r.figures).toStrictEqual([{ indicator: 'nguoi_dan_ky_nang_so', percent: 66 }]);
  });

  it('attaches figures whichever order officers write', () => {
    const want = [
      { indicator: 'can_bo_ky_nang_so', percent: 85 },
      { indicator: 'hoc_sinh_ky_nang_so', percent: 90 },
    ];
    for (const m of ['CBCCVC 85%, HS 90%', '85% CBCCVC, 90% HS', 'cán bộ, công chức đạt 85%, học sinh 90%', 'CBCCVC: 85%\nHS: 90%', '85% CBCCVC và 90% HS']) {
      expect(parseFigures(m, seedPlan).figures, m).toStrictEqual(want);
    }
  });

  it('keeps both a ratio and its percent', () => {
    expect(parseFigures('DN, HTX: 1.234/2.000 lao động có kỹ năng số (61,7%)', seedPlan).figures).toStrictEqual([
      { indicator: 'lao_dong_doanh_nghiep_ky_nang_so', percent: 61.7, numerator: 1234, denominator: 2000 },
    ]);
  });

  it('pairs a total stated apart', () => {
    expect(parseFigures('Tổng số CBCCVC là 120 người, đã có 100 người có kỹ năng số', seedPlan).figures).toStrictEqual([
      { indicator: 'can_bo_ky_nang_so', numerator: 100, denominator: 120 },
    ]);
  });

  it('reads sub-items under a header', () => {
    expect(parseFigures('Người dân:\n+ có kỹ năng số: 75%\n+ đã xác nhận trên VNeID: 60%', seedPlan).figures).toStrictEqual([
      { indicator: 'nguoi_dan_ky_nang_so', percent: 75 },
      { indicator: 'nguoi_dan_xac_nhan_vneid', percent: 60 },
    ]);
  });

  it('tells schools from pupils by the head noun', () => {
    expect(parseFigures('100% học sinh các trường trung học có kỹ năng số', seedPlan).figures[0]?.indicator).toBe('hoc_sinh_ky_nang_so');
    expect(parseFigures('100% các trường dạy kỹ năng số cho học sinh', seedPlan).figures[0]?.indicator).toBe('co_so_giao_duc_day_ky_nang_so');
  });
});

describe('parseFigures: asking back', () => {
  const ask = (m: string) => {
    const r = parseFigures(m, seedPlan);
    expect(r.needsClarification, m).toBe(true);
    expect(r.figures, m).toEqual([]);
    return r.question ?? '';
  };

  it('numerator above denominator, zero denominator', () => {
    expect(ask('cbccvc co ky nang so 1.600/1.500')).toMatch(/1\.600.*lớn hơn tổng số.*1\.500/);
    expect(ask('HS: 0/0')).toContain('tổng số bằng 0');
  });

  it('unknown indicator, with the closest ones suggested', () => {
    const q = ask('tỷ lệ giáo viên có kỹ năng số 90%');
    expect(q).toContain('“giáo viên có kỹ năng số”');
    expect(q).toContain(fullName('can_bo_ky_nang_so'));
  });

  it('a number without indicator, an indicator without number', () => {
    expect(ask('đạt 85% rồi ạ')).toContain('85% chưa gắn với chỉ tiêu nào');
    expect(ask('em báo cáo: học sinh chưa có số liệu, CBCCVC đạt 90%')).toContain(`${fullName('hoc_sinh_ky_nang_so')}” chưa có số liệu`);
  });

  it('two values for one indicator, ratio and percent that disagree', () => {
    expect(ask('CBCCVC đạt 85%; cán bộ công chức có kỹ năng số 88%')).toContain('85% và 88%');
    expect(ask('CBCCVC: 85%, tức 300/400')).toContain('không khớp');
  });

  it('a population two indicators share, an unreadable number, a count without total', () => {
    expect(ask('NLĐ có kỹ năng số đạt 85%')).toContain(fullName('lao_dong_doanh_nghiep_ky_nang_so'));
    expect(ask('nguoi dan co ky nang so 1.2345/1.500')).toContain('chưa đọc được số “1.2345/1.500”');
    expect(ask('1.200 người dân có kỹ năng số')).toContain('1.200');
  });

  it('lists every problem of a message', () => {
    const q = ask('CBCCVC 120%, HS 1.600/1.500');
    expect(q.split('\n')).toHaveLength(3);
  });
});

describe('a value whose clause only says "đạt" continues the previous figure', () => {
  it('merges a matching percent into the ratio, keeping its indicator (VNeID)', () => {
    expect(parseFigures('Cả phường năm 2026 có 2.315/2.800 ND xác nhận phổ cập trên VNeID, đạt 82,7%', seedPlan)).toStrictEqual({
      figures: [{ indicator: 'nguoi_dan_xac_nhan_vneid', numerator: 2315, denominator: 2800, percent: 82.7 }],
      period: '2026',
      needsClarification: false,
    });
    expect(parseFigures('14/16 trường, đạt 87,5%', seedPlan).figures).toStrictEqual([
      { indicator: 'co_so_giao_duc_day_ky_nang_so', numerator: 14, denominator: 16, percent: 87.5 },
    ]);
  });

  it('asks back when the percent does not match the ratio', () => {
    const r = parseFigures('2.000/2.500 người dân xác nhận VNeID, đạt 90%', seedPlan);
    expect(r).toMatchObject({ figures: [], needsClarification: true });
    expect(r.question).toContain('không khớp');
    expect(r.question).toContain(fullName('nguoi_dan_xac_nhan_vneid'));
  });
});

describe('a result claimed without a number', () => {
  it('is a report that asks for the number', () => {
    const r = parseFigures('cbccvc co ky nang so da dat chi tieu roi a', seedPlan);
    expect(looksLikeReport('cbccvc co ky nang so da dat chi tieu roi a', seedPlan)).toBe(true);
    expect(r).toMatchObject({ figures: [], needsClarification: true });
    expect(r.question).toContain(`${fullName('can_bo_ky_nang_so')}” chưa có số liệu`);
  });

  it.each([
    ['CBCCVC đã đạt chỉ tiêu chưa?', null],
    ['chỉ tiêu CBCCVC năm 2025 là bao nhiêu?', '2025'],
  ])('but asking about it is not: %s', (m, period) => {
    expect(looksLikeReport(m, seedPlan)).toBe(false);
    expect(parseFigures(m, seedPlan)).toStrictEqual({ figures: [], period, needsClarification: false });
  });
});

describe('questions are not reports', () => {
  it.each([
    ['chỉ tiêu năm 2025 là bao nhiêu?', '2025'],
    ['80% người dân có kỹ năng số là đạt chỉ tiêu chưa?', null],
    ['vneid la gi', null],
  ])('%s', (m, period) => {
    expect(looksLikeReport(m, seedPlan)).toBe(false);
    expect(parseFigures(m, seedPlan)).toStrictEqual({ figures: [], period, needsClarification: false });
  });

  it('a report that also asks is still a report', () => {
    expect(looksLikeReport('Em báo cáo CBCCVC đạt 85%, vậy đã đạt chỉ tiêu chưa ạ?', seedPlan)).toBe(true);
    expect(looksLikeReport('e bao cao so lieu cbccvc co ky nang so', seedPlan)).toBe(true);
    expect(looksLikeReport('cảm ơn bạn', seedPlan)).toBe(false);
  });
});


