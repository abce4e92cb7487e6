/**
 * Vietnamese administrative abbreviations, expanded the same way in queries and in indexed text,
 * so "CBCCVC", "cbccvc" and "cán bộ, công chức, viên chức" all reach the same passages.
 *
 * Keys are folded (lower case, no diacritics, đ→d). A key is listed in `SAFE` only when its folded
 * form is not a Vietnamese syllable ("dn", "nd", "kh", "cv", "ubnd"…), so it can be matched whatever
 * the case or accents people typed. Keys that collide with a real syllable or with another
 * abbreviation ("ca", "ct", "đt", "nđ") are left out or need the exact written form (`EXACT`).
 */

/** Folded abbreviation → expansion with diacritics. Case-insensitive, accent-insensitive. */
const SAFE: Record<string, string> = {
  // People and bodies
  cbccvc: 'cán bộ công chức viên chức',
  cbcc: 'cán bộ công chức',
  ccvc: 'công chức viên chức',
  cb: 'cán bộ',
  cc: 'công chức',
  vc: 'viên chức',
  nld: 'người lao động',
  ld: 'lao động',
  ubnd: 'ủy ban nhân dân',
  ub: 'ủy ban',
  hdnd: 'hội đồng nhân dân',
  mttq: 'mặt trận tổ quốc',
  ubmttq: 'ủy ban mặt trận tổ quốc',
  htx: 'hợp tác xã',
  dn: 'doanh nghiệp',
  dnnn: 'doanh nghiệp nhà nước',
  nd: 'người dân',
  hs: 'học sinh',
  sv: 'sinh viên',
  gv: 'giáo viên',
  hcld: 'huân chương lao động',
  bk: 'bằng khen',
  bnv: 'bộ nội vụ',
  ttg: 'thủ tướng',
  cp: 'chính phủ',
  tw: 'trung ương',
  bcd: 'ban chỉ đạo',
  bch: 'ban chấp hành',
  ldld: 'liên đoàn lao động',
  btdkt: 'ban thi đua khen thưởng',
  btdkttw: 'ban thi đua khen thưởng trung ương',
  // Fields and programmes
  cds: 'chuyển đổi số',
  dmst: 'đổi mới sáng tạo',
  khcn: 'khoa học công nghệ',
  bdhvs: 'bình dân học vụ số',
  tdkt: 'thi đua khen thưởng',
  vhxh: 'văn hóa xã hội',
  ktxh: 'kinh tế xã hội',
  kt: 'kinh tế',
  xh: 'xã hội',
  cntt: 'công nghệ thông tin',
  attt: 'an toàn thông tin',
  csdl: 'cơ sở dữ liệu',
  tthc: 'thủ tục hành chính',
  dvc: 'dịch vụ công',
  dvctt: 'dịch vụ công trực tuyến',
  nsnn: 'ngân sách nhà nước',
  sxkd: 'sản xuất kinh doanh',
  thcs: 'trung học cơ sở',
  thpt: 'trung học phổ thông',
  gddt: 'giáo dục đào tạo',
  gd: 'giáo dục',
  // Document types
  kh: 'kế hoạch',
  cv: 'công văn',
  qd: 'quyết định',
  nq: 'nghị quyết',
  tb: 'thông báo',
  bc: 'báo cáo',
  // Legal codes people cite by initials
  blds: 'bộ luật dân sự',
  blhs: 'bộ luật hình sự',
  bltths: 'bộ luật tố tụng hình sự',
  blttds: 'bộ luật tố tụng dân sự',
  blld: 'bộ luật lao động',
  tp: 'thành phố',
  // The city the plans belong to ("Thành ủy HP", "TP HP")
  hp: 'hải phòng',
  // Phone shorthand (none of these is a Vietnamese syllable)
  bn: 'bao nhiêu',
  bct: 'bộ chính trị',
  vhttdl: 'văn hóa thể thao và du lịch',
  vhtttt: 'văn hóa thể thao và truyền thông',
  ntn: 'như thế nào',
  sdt: 'số điện thoại',
  ng: 'người',
  dc: 'được',
  trc: 'trước',
  vs: 'với',
  kq: 'kết quả',
  dk: 'điều kiện',
  online: 'trực tuyến',
  hcm: 'hồ chí minh',
};

/**
 * Written forms (NFC, exact case) that need the diacritic or the case to be unambiguous:
 * "NĐ" is nghị định while "ND" is người dân. "TT" and "CT" are left out: each has two
 * common readings (thông tư / trung tâm, chỉ thị / chủ tịch), and "tu" is a syllable.
 */
const EXACT: Record<string, string> = {
  'NĐ': 'nghị định',
  'QĐ': 'quyết định',
  // Upper case only: "ai" is "who".
  'AI': 'trí tuệ nhân tạo',
};

/** Words and numbers, as `tokenize` sees them, but before folding. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

function foldKey(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** The expansion of one word, or undefined when it is not a known abbreviation. */
export function expandWord(word: string): string | undefined {
  const nfc = word.normalize('NFC');
  const exact = EXACT[nfc];
  if (exact !== undefined) return exact;
  const key = foldKey(nfc);
  return Object.hasOwn(SAFE, key) ? SAFE[key] : undefined;
}

/**
 * Replaces every known abbreviation in the text by its expansion (diacritics kept); other text
 * is returned unchanged. "NĐ-CP"/"ND-CP" (document numbers) are read as nghị định chính phủ even
 * without the đ, because a Chính phủ document is never "người dân".
 * @example expandAbbreviations('CBCCVC thuộc UBND') === 'cán bộ công chức viên chức thuộc ủy ban nhân dân'
 */
export function expandAbbreviations(text: string): string {
  const fixed = text.replace(/\bN[ĐD]-CP\b/giu, 'nghị định chính phủ');
  return fixed.replace(WORD, (w) => expandWord(w) ?? w);
}

/** Every case-insensitive abbreviation with its expansion folded: [abbreviation, folded expansion]. */
export function abbreviationEntries(): [string, string][] {
  return Object.entries(SAFE).map(([k, v]) => [k, foldKey(v)]);
}
