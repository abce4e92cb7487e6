/**
 * The indicators (chỉ tiêu) of the Hồng An plan, section II.2, as data: what officers report
 * against. Targets carry the exact sentence of the plan they come from, so a confirmation can
 * quote it and a test can check that the document still says so.
 *
 * Recognition patterns are regular-expression sources over folded text (see `fold`: lower case,
 * no diacritics, đ→d). `subjects` name the population (the head noun officers write first);
 * `markers` are qualifiers that pick one indicator among those sharing a subject ("người dân …
 * VNeID" vs "người dân … kỹ năng số"; "người lao động … doanh nghiệp" vs "… khu vực công").
 */
import type { Qualifier } from './vi-numbers.js';

/** Stable ids, used in storage and in tests. */
export type IndicatorId =
  | 'can_bo_ky_nang_so'
  | 'hoc_sinh_ky_nang_so'
  | 'nguoi_dan_ky_nang_so'
  | 'nguoi_dan_xac_nhan_vneid'
  | 'lao_dong_doanh_nghiep_ky_nang_so'
  | 'co_so_giao_duc_day_ky_nang_so';

/** A yearly target: met when the reported percent compares to `percent` by `comparator`. */
export interface Target {
  year: 2025 | 2026;
  comparator: '>' | '>=';
  percent: number;
  /** Who the target covers when the plan narrows it for that year. */
  scope?: string;
  source: { docId: 'hong-an-kh'; section: string; sentence: string };
}

/** One indicator of the plan. */
export interface Indicator {
  id: IndicatorId;
  /** Full Vietnamese name, as an officer reads it in a confirmation. */
  name: string;
  /** Short name for lists and suggestions. */
  shortName: string;
  /** Folded regex sources naming the population (head nouns, abbreviations, common typos). */
  subjects: readonly string[];
  /** Folded regex sources that select this indicator among those sharing a subject. */
  markers: readonly string[];
  targets: readonly Target[];
}

const S2025 = 'II. NỘI DUNG, CHỈ TIÊU VÀ THỜI GIAN THỰC HIỆN › 2. Chỉ tiêu › 2.1. Năm 2025';
const S2026 = 'II. NỘI DUNG, CHỈ TIÊU VÀ THỜI GIAN THỰC HIỆN › 2. Chỉ tiêu › 2.2. Năm 2026';
const src = (year: 2025 | 2026, sentence: string): Target['source'] => ({
  docId: 'hong-an-kh',
  section: year === 2025 ? S2025 : S2026,
  sentence,
});

// Shared subjects: both indicators of a pair list them, markers decide.
const NGUOI_LAO_DONG = ['ng(?:uoi|oui|ui)?\\s*lao\\s*dong', 'nld'];
const NGUOI_DAN = [
  'ng(?:uoi|uoj|oui|u?i)?\\s*dan(?!\\s*toc)',
  'nd',
  'dan\\s*cu',
  'cong\\s*dan',
  'ba\\s*con',
  'nguoi\\s*(?:trong\\s*do\\s*tuoi\\s*)?truong\\s*thanh',
];
const VNEID = ['vn\\s*-?\\s*e?\\s*i\\s*d', 'vneld', 'vnied', 'vneiid', 'dinh\\s*danh'];

/** The six indicators of the plan, in the plan's order. */
export const INDICATORS: readonly Indicator[] = [
  {
    id: 'can_bo_ky_nang_so',
    name: 'Cán bộ, công chức, viên chức và người lao động trong khu vực công có hiểu biết về chuyển đổi số, kiến thức và kỹ năng số',
    shortName: 'CBCCVC và người lao động khu vực công có kỹ năng số',
    subjects: [
      'cb\\s*[,./-]?\\s*(?:cn|cc)\\s*[,./-]?\\s*vc?',
      'cbcc|ccvc|cbvc|cbcnvc?|bccvc|cbcvc',
      'can\\s*bo',
      'cong\\s*chuc',
      'vien\\s*chuc',
      'cb|cc|vc',
      'khu\\s*vuc\\s*cong',
      ...NGUOI_LAO_DONG,
    ],
    markers: ['khu\\s*vuc\\s*cong', 'co\\s*quan', 'nha\\s*nuoc', 'su\\s*nghiep', 'cbccvc|cbcc|can\\s*bo|cong\\s*chuc|vien\\s*chuc'],
    targets: [
      { year: 2025, comparator: '>', percent: 80, source: src(2025, 'Trên 80% cán bộ, công chức, viên chức và người lao động có hiểu biết về chuyển đổi số, kiến thức và kỹ năng số, sử dụng được các nền tảng, trí tuệ nhân tạo, dịch vụ số phục vụ công việc.') },
      { year: 2026, comparator: '>=', percent: 100, source: src(2026, '100% cán bộ, công chức, viên chức và người lao động trong khu vực công có hiểu biết về chuyển đổi số, kiến thức và kỹ năng số, sử dụng tốt các nền tảng, trí tuệ nhân tạo, dịch vụ số phục vụ công việc.') },
    ],
  },
  {
    id: 'hoc_sinh_ky_nang_so',
    name: 'Học sinh được trang bị kiến thức, kỹ năng số',
    shortName: 'Học sinh có kỹ năng số',
    subjects: ['hoc\\s*s(?:inh|nh|ih|in|jnh)', 'hs', 'hsinh'],
    markers: [],
    targets: [
      { year: 2025, comparator: '>=', percent: 100, scope: 'học sinh các trường trung học', source: src(2025, '100% học sinh các trường trung học được trang bị kiến thức, kỹ năng số để phục vụ học tập, nghiên cứu và sáng tạo, có kỹ năng an toàn trong học tập và tương tác xã hội trong môi trường số.') },
      { year: 2026, comparator: '>=', percent: 100, scope: 'học sinh từ cấp tiểu học', source: src(2026, '100% học sinh từ cấp tiểu học được trang bị kiến thức, kỹ năng số để phục vụ học tập, nghiên cứu và sáng tạo, nhận biết được nguy cơ, có kỹ năng bảo đảm an toàn trong môi trường số.') },
    ],
  },
  {
    id: 'nguoi_dan_ky_nang_so',
    name: 'Người dân trong độ tuổi trưởng thành có tri thức cơ bản về chuyển đổi số, có kỹ năng số',
    shortName: 'Người dân có kỹ năng số',
    subjects: NGUOI_DAN,
    // No marker: the default reading of "người dân" when nothing points at VNeID.
    markers: [],
    targets: [
      { year: 2025, comparator: '>=', percent: 80, source: src(2025, '80% người dân trong độ tuổi trưởng thành có tri thức cơ bản về chuyển đổi số, có kỹ năng số, sử dụng được thiết bị thông minh để khai thác thông tin, sử dụng nền tảng, dịch vụ số thiết yếu, biết bảo vệ bản thân trên môi trường số.') },
      { year: 2026, comparator: '>=', percent: 100, source: src(2026, '100% người dân trưởng thành có tri thức cơ bản về chuyển đổi số, có kỹ năng số, sử dụng tốt thiết bị thông minh để khai thác thông tin, sử dụng nền tảng, dịch vụ số thiết yếu, tham gia tương tác, an toàn trên môi trường số.') },
    ],
  },
  {
    id: 'nguoi_dan_xac_nhan_vneid',
    name: 'Người dân trong độ tuổi trưởng thành được xác nhận đạt phổ cập tri thức về chuyển đổi số, kỹ năng số trên nền tảng VNeID',
    shortName: 'Người dân được xác nhận phổ cập kỹ năng số trên VNeID',
    subjects: [...NGUOI_DAN, ...VNEID],
    markers: [...VNEID, 'xac\\s*nhan', 'pho\\s*cap'],
    targets: [
      { year: 2025, comparator: '>=', percent: 80, source: src(2025, '80% người dân trong độ tuổi trưởng thành được xác nhận đạt phổ cập tri thức về chuyển đổi số, kỹ năng số trên nền tảng VNeID.') },
      { year: 2026, comparator: '>=', percent: 100, source: src(2026, '100% người dân trong độ tuổi trưởng thành được xác nhận đạt phổ cập tri thức về chuyển đổi số, kỹ năng số trên nền tảng VNeID.') },
    ],
  },
  {
    id: 'lao_dong_doanh_nghiep_ky_nang_so',
    name: 'Người lao động trong các doanh nghiệp, hợp tác xã, liên hợp tác xã có kiến thức, kỹ năng số',
    shortName: 'Người lao động doanh nghiệp, HTX có kỹ năng số',
    subjects: [
      ...NGUOI_LAO_DONG,
      'lao\\s*dong',
      'cong\\s*nhan',
      'doa?nh?\\s*ngh?i?ep',
      'dn|dnnvv|htx|lhtx',
      '(?:lien\\s*)?hop\\s*tac\\s*xa',
    ],
    markers: ['doa?nh?\\s*ngh?i?ep', 'dn|dnnvv|htx|lhtx', 'hop\\s*tac\\s*xa', 'cong\\s*ty'],
    targets: [
      { year: 2025, comparator: '>=', percent: 80, source: src(2025, '80% người lao động trong các doanh nghiệp, hợp tác xã, liên hợp tác xã có kiến thức cơ bản về công nghệ số, có kỹ năng số, sử dụng được thiết bị thông minh để phục vụ sản xuất, kinh doanh, nâng cao năng suất lao động.') },
      { year: 2026, comparator: '>=', percent: 100, source: src(2026, '100% người lao động trong các doanh nghiệp, hợp tác xã, liên hợp tác xã có kiến thức về công nghệ số, có kỹ năng số, sử dụng tốt thiết bị thông minh để phục vụ sản xuất, kinh doanh, nâng cao năng suất lao động.') },
    ],
  },
  {
    id: 'co_so_giao_duc_day_ky_nang_so',
    name: 'Cơ sở giáo dục phổ thông thường xuyên triển khai chương trình giảng dạy về kỹ năng số cho học sinh',
    shortName: 'Trường phổ thông triển khai dạy kỹ năng số',
    subjects: [
      'co\\s*so\\s*(?:giao\\s*duc|gd)',
      'csgd',
      // "trường" but not môi trường, thị trường, trưởng thành, tổ trưởng, trưởng ban…
      '(?<!(?:moi|thi|hieu|to|lop|xa|pho|cong|thon|khu)\\s)truong(?!\\s*(?:thanh|ban|thon|phong|khu|ap|nhom|hop))',
    ],
    markers: [],
    targets: [
      { year: 2026, comparator: '>=', percent: 80, source: src(2026, '80% trở lên các cơ sở giáo dục phổ thông thường xuyên triển khai các chương trình giảng dạy về kỹ năng số cho học sinh phù hợp với quy định của Bộ Giáo dục và Đào tạo tại Thông tư số 02/2025/TT-BGDĐT, ngày 24/01/2025 về Khung năng lực học số cho người học.') },
    ],
  },
];

const BY_ID = new Map<string, Indicator>(INDICATORS.map((i) => [i.id, i]));

/** The indicator with this id, or undefined. */
export function indicatorById(id: string): Indicator | undefined {
  return BY_ID.get(id);
}

/** The target of an indicator for a year, or undefined (e.g. no 2025 target for schools). */
export function targetFor(id: string, year: number): Target | undefined {
  return BY_ID.get(id)?.targets.find((t) => t.year === year);
}

/**
 * Whether a reported percent meets a target. Exact comparison: "trên 80%" (> 80) is not met by
 * exactly 80. An approximate report ("khoảng 80%") is the caller's call: this takes the number.
 */
export function isMet(target: Target, percent: number): boolean {
  return target.comparator === '>' ? percent > target.percent : percent >= target.percent;
}

/**
 * Whether a figure known only from one side meets a target, or null when it cannot be told:
 * "hơn 80%" (some value above 80) meets "trên 80%"; "gần 100%" (below 100) fails "từ 100%";
 * "hơn 70%" against "trên 80%" may go either way. Without a direction ("khoảng"), the number.
 */
export function isMetQualified(target: Target, percent: number, qualifier: Qualifier | undefined): boolean | null {
  const t = target.percent;
  switch (qualifier) {
    case 'over': // value > percent: above the target whenever percent is not below it
      return percent >= t ? true : null;
    case 'atLeast': // value ≥ percent: met whenever percent itself would be
      return isMet(target, percent) ? true : null;
    case 'under': // value < percent: short of the target whenever percent is not above it
      return percent <= t ? false : null;
    default:
      return isMet(target, percent);
  }
}

/** Compiles a folded pattern source with letter boundaries (digits may touch: "HS90%"). */
export function wordPattern(source: string, flags = 'g'): RegExp {
  return new RegExp(`(?<![a-z])(?:${source})(?![a-z])`, flags);
}
