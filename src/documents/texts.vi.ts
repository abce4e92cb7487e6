/** Every Vietnamese sentence the documents side says: the gate's reasons, the CLI and chat replies. */

import type { ExtractWhy } from '../knowledge/ingest/extract/errors.js';

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
  /** Why a file gave no text (`ExtractError.why`), and what to do instead. */
  extract: {
    emptyFile: () => 'Tệp rỗng (0 byte), không có gì để đọc. Hãy gửi lại tệp.',
    noText: () => 'Không tìm thấy chữ nào trong tệp. Nếu đây là bản chụp hoặc bản quét, hãy gửi bản rõ nét hơn.',
    encrypted: () => 'Tệp PDF có mật khẩu, không đọc được. Hãy gửi bản không đặt mật khẩu.',
    unreadable: (format: string) =>
      `Tệp ${format === 'image' ? 'ảnh' : format} bị hỏng hoặc không đúng định dạng, không đọc được. Hãy mở thử trên máy, lưu lại rồi gửi lại.`,
    notUtf8: () => 'Tệp văn bản không ở mã UTF-8 nên không đọc đúng được chữ có dấu. Hãy lưu lại với mã UTF-8 rồi gửi lại.',
    oldWord: () => 'Tệp .doc (Word 97–2003) chưa đọc được. Hãy mở bằng Word, chọn "Lưu thành" .docx rồi gửi lại.',
    unsupported: (ext: string) => `Chưa đọc được loại tệp ${ext || 'này'}. Hãy gửi tệp PDF, DOCX, TXT, MD, PNG hoặc JPG.`,
  } satisfies Record<ExtractWhy, (detail: string) => string>,
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
