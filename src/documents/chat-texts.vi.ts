/** What the bot says in chat while a document is added. */
export const chatTexts = {
  notAllowed:
    'Cảm ơn bạn đã gửi tệp. Hiện chỉ cán bộ thi đua - khen thưởng và quản trị viên mới thêm được văn bản vào kho tra cứu, nên tệp này không được lưu. Bạn vẫn có thể hỏi về các văn bản đang có.',
  tooBig: (mb: number) => `Tệp nặng ${mb} MB, quá giới hạn 20 MB. Hãy gửi bản nhẹ hơn (ví dụ tách thành nhiều phần).`,
  working: (name: string) => `Đang xử lý “${name}”…`,
  progress: (page: number, pages: number, ocr: boolean) => `Đang xử lý… trang ${page}/${pages}${ocr ? ' (đang nhận dạng chữ trên ảnh)' : ''}`,
  downloadFailed: 'Không tải được tệp từ máy chủ tin nhắn. Bạn gửi lại giúp nhé.',
  rejected: (name: string, reason: string) => `Không thêm được “${name}”: ${reason}`,
  read: (name: string, pages: number, chars: number, ocr: boolean) =>
    `Đã đọc “${name}”: ${pages} trang, ${chars.toLocaleString('vi-VN')} ký tự${ocr ? ', có nhận dạng chữ trên ảnh' : ''}. Thông tin đọc được:`,
  none: '(chưa rõ)',
  fields: { number: 'Số hiệu', kind: 'Loại', title: 'Trích yếu', issuer: 'Cơ quan ban hành', level: 'Cấp', date: 'Ngày ban hành', signer: 'Người ký' },
  askPublish: 'Công bố văn bản này để mọi người tra cứu?',
  publish: 'Công bố',
  keepHeld: 'Lưu, tạm giữ',
  publishAnyway: 'Vẫn công bố',
  replace: 'Thay bản cũ',
  edit: 'Sửa thông tin',
  cancel: 'Hủy',
  howToEdit:
    'Gửi trường cần sửa theo dạng «trường: giá trị», mỗi tin một trường. Ví dụ: «số: 45/KH-UBND», «cấp: xã», «ngày: 03/09/2025», «trích yếu: …», «cơ quan: Ủy ban nhân dân xã …», «người ký: …».',
  badLevel: 'Cấp phải là một trong: trung ương, tỉnh, thành phố, xã, phường, đặc khu.',
  badDate: 'Ngày ghi theo dạng ngày/tháng/năm, ví dụ 03/09/2025.',
  needLevel: 'Văn bản chưa có cấp ban hành. Gửi «cấp: xã» (hoặc tỉnh, thành phố, phường, đặc khu, trung ương) rồi bấm Công bố.',
  expired: 'Bản nháp này không còn (đã xử lý hoặc quá 24 giờ). Hãy gửi lại tệp.',
  cancelled: 'Đã hủy, tệp không được lưu.',
  published: (label: string, id: string) => `Đã công bố ${label} (mã ${id}). Từ giờ các câu hỏi được trả lời cả từ văn bản này.`,
  held: (label: string, id: string) => `Đã lưu ${label} (mã ${id}) ở trạng thái tạm giữ; văn bản chưa dùng để trả lời cho tới khi được công bố.`,
  indexFailed: (label: string, why: string) => `Đã lưu ${label}, nhưng dựng lại chỉ mục không thành công (${why}). Chỉ mục cũ vẫn phục vụ; hãy báo quản trị viên.`,
};
