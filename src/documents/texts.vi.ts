/** Every Vietnamese sentence the documents side says: the gate's reasons, the CLI and chat replies. */

const pct = (x: number) => `${Math.round(x * 100)}%`;
const noLevel = 'Không đọc được cấp ban hành (trung ương, tỉnh, thành phố, xã, phường, đặc khu) từ phần đầu văn bản; hãy cho biết cấp rồi công bố.';

export const texts = {
  document: 'Văn bản',
  of: 'của',
  unknownIssuer: 'Chưa rõ cơ quan ban hành',
  /** "Ủy ban nhân dân xã Hòa Bình" → "UBND xã Hòa Bình", the way citations name issuers. */
  shortIssuer: (issuer: string) => issuer.replace(/^(?:Ủy|Uỷ) ban nhân dân/iu, 'UBND'),
  notFound: (id: string) => `Không có văn bản nào mang mã ${id} trong các văn bản đã thêm.`,
  needsLevel: (id: string) => `Văn bản ${id} chưa có cấp ban hành; sửa cấp trước khi công bố.`,
  gateNoLevel: noLevel,
  gate: {
    empty: 'Tệp không có nội dung đọc được (trang trắng hoặc quá ít chữ).',
    noLevel,
    noDiacritics: (density: number) =>
      `Văn bản gần như mất hết dấu tiếng Việt (chỉ ${pct(density)} chữ cái có dấu), có lẽ do nhận dạng chữ không dùng mô hình tiếng Việt. Tạm giữ, chưa dùng để trả lời cho tới khi được xác nhận.`,
    duplicate: (label: string, id: string, similarity: number) =>
      `Trùng với văn bản đã có: ${label} (mã ${id}, giống ${pct(similarity)}). Không thêm lần nữa.`,
    betterCopy: (label: string, id: string) =>
      `Trùng nội dung với ${label} (mã ${id}), nhưng bản mới tốt hơn (đủ dấu hoặc có số hiệu). Có thể thay bản cũ bằng bản này.`,
  },
  cli: {
    page: (n: number, total: number, ocr: boolean) => `trang ${n}/${total}${ocr ? ' (nhận dạng chữ)' : ''}`,
    status: { published: 'đã công bố', held: 'tạm giữ', duplicate: 'trùng', rejected: 'từ chối' } as Record<string, string>,
    replaceHint: (file: string, id: string) => `Để thay: npm run --silent cli -- ingest "${file}" --replace ${id}`,
    removed: (id: string) => `Đã gỡ văn bản ${id}.`,
    published: (id: string) => `Đã công bố văn bản ${id}.`,
    bundledFixed: (id: string) => `${id} là văn bản có sẵn trong corpus/; chỉ gỡ được văn bản đã thêm.`,
    rebuildFailed: (why: string) => `Dựng lại chỉ mục không thành công, chỉ mục cũ vẫn phục vụ: ${why}`,
  },
};
