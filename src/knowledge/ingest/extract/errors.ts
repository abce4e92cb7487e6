/**
 * Why a file could not become text, with a Vietnamese message that is safe to show to the staff
 * member who uploaded it and says what to do instead.
 */

export type ExtractErrorCode = 'empty' | 'unreadable' | 'encrypted' | 'unsupported';

/** A file that yields no usable text; `message` is Vietnamese and tells the user how to fix it. */
export class ExtractError extends Error {
  override readonly name = 'ExtractError';

  constructor(
    readonly code: ExtractErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The messages, one place to review the wording. */
export const EXTRACT_MESSAGES = {
  emptyFile: 'Tệp rỗng (0 byte), không có gì để đọc. Hãy gửi lại tệp.',
  noText: 'Không tìm thấy chữ nào trong tệp. Nếu đây là bản chụp hoặc bản quét, hãy gửi bản rõ nét hơn.',
  encrypted: 'Tệp PDF có mật khẩu, không đọc được. Hãy gửi bản không đặt mật khẩu.',
  unreadable: (kind: string) =>
    `Tệp ${kind} bị hỏng hoặc không đúng định dạng, không đọc được. Hãy mở thử trên máy, lưu lại rồi gửi lại.`,
  notUtf8: 'Tệp văn bản không ở mã UTF-8 nên không đọc đúng được chữ có dấu. Hãy lưu lại với mã UTF-8 rồi gửi lại.',
  oldWord: 'Tệp .doc (Word 97–2003) chưa đọc được. Hãy mở bằng Word, chọn "Lưu thành" .docx rồi gửi lại.',
  unsupported: (ext: string) =>
    `Chưa đọc được loại tệp ${ext || 'này'}. Hãy gửi tệp PDF, DOCX, TXT, MD, PNG hoặc JPG.`,
} as const;
