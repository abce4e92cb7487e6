/** Every user-facing Vietnamese sentence of the core, in one place. */
export const texts = {
  welcome: (name?: string) =>
    [
      `Xin chào${name ? ` ${name}` : ''}! Tôi là Trợ lý Thi đua.`,
      'Tôi trả lời các câu hỏi về phong trào “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” và “Bình dân học vụ số” dựa trên văn bản chính thức, có trích dẫn số hiệu và mục.',
      'Bạn có thể gõ có dấu hoặc không dấu, ví dụ:',
      '• Chỉ tiêu năm 2025 về kỹ năng số của người dân là bao nhiêu?',
      '• han nop bao cao hang nam cua phuong Hong An',
      '• Tiêu chuẩn Bằng khen của Thủ tướng Chính phủ đối với doanh nghiệp?',
    ].join('\n'),
  help: [
    'Cách dùng:',
    '• Gõ câu hỏi bất kỳ (có dấu hoặc không dấu) để tra cứu văn bản.',
    '• /hoi <câu hỏi>: hỏi về phong trào.',
    '• /start: lời chào; /help: hướng dẫn này.',
    '• Cán bộ phường/xã: /dangky <mã mời> để đăng ký, rồi gửi số liệu bằng tin nhắn; /tiendo, /sua, /huy.',
    '• /khenthuong: hình thức khen thưởng và tiêu chuẩn (kèm kiểm tra điều kiện); /moc: các mốc thời gian và hạn báo cáo; /nhiemvu <cơ quan>: nhiệm vụ của từng cơ quan.',
    '• Cán bộ thi đua - khen thưởng: /tonghop [2025|2026] tổng hợp các đơn vị, kèm biểu đồ.',
    'Mỗi câu trả lời kèm trích dẫn [1], [2] ghi rõ văn bản và mục. Khi văn bản không nói đến, tôi sẽ nói rõ là không có.',
  ].join('\n'),
  emptyQuestion: 'Bạn muốn hỏi gì? Ví dụ: /hoi chỉ tiêu năm 2026 về học sinh có kỹ năng số',
  tooLong: (max: number) => `Câu hỏi quá dài (tối đa ${max.toLocaleString('vi-VN')} ký tự). Bạn vui lòng hỏi ngắn gọn hơn.`,
  unknownCommand: (cmd: string) => `Tôi chưa hiểu lệnh ${cmd}. Gõ /help để xem các lệnh.`,
  unknownChoice: 'Lựa chọn này đã hết hạn hoặc không hợp lệ. Bạn hãy gõ lại câu hỏi.',
  showQuotes: '📄 Xem trích dẫn',
  helpful: '👍 Hữu ích',
  notHelpful: '👎 Chưa đúng',
  quotesFor: (question: string) => `Trích dẫn cho câu hỏi “${question.length > 120 ? `${question.slice(0, 117)}…` : question}”:`,
  thanksUp: 'Cảm ơn bạn đã góp ý!',
  thanksDown: 'Cảm ơn bạn! Góp ý đã được ghi lại để cán bộ xem và hoàn thiện câu trả lời.',
  // Officers and staff
  confirm: 'Đồng ý',
  edit: 'Sửa',
  cancel: 'Hủy',
  understood: (unit: string, period: string) => `Tôi hiểu số liệu của ${unit}, năm ${period} như sau:`,
  correctionUnderstood: (unit: string, period: string) =>
    `Số liệu sửa của ${unit}, năm ${period} (bản mới sẽ thay bản đã gửi, bản cũ vẫn được lưu lại):`,
  periodAssumed: (period: string) => `(Tin nhắn không ghi năm nên tôi tính cho năm ${period}; nếu khác, hãy gửi lại kèm “Năm 2025” hoặc “Năm 2026”.)`,
  confirmQuestion: 'Bạn xác nhận lưu? Chọn 1. Đồng ý / 2. Sửa / 3. Hủy.',
  reportUnclear:
    'Tôi chưa đọc được số liệu nào. Ví dụ cách gửi: “Năm 2025: 85,5% CBCCVC có kỹ năng số; 1.234/1.500 người dân đã xác nhận trên VNeID”.',
  nothingSaved: 'Chưa có gì được lưu.',
  saved: (n: number, period: string) => `Đã lưu ${n} số liệu năm ${period}. Cảm ơn bạn! Gõ /tiendo để xem tiến độ so với chỉ tiêu.`,
  alreadySaved: 'Số liệu này đã được lưu rồi (không lưu trùng).',
  draftExpired: 'Số liệu này không còn chờ xác nhận (đã hủy hoặc đã có bản mới). Bạn hãy gửi lại nếu cần.',
  cancelled: 'Đã hủy. Không có số liệu nào được lưu.',
  sendCorrected: 'Bạn hãy gửi lại tin nhắn với số liệu đã sửa. Chưa có gì được lưu.',
  nothingPending: 'Không có số liệu nào đang chờ xác nhận.',
  officersOnly: 'Chỉ cán bộ phường/xã đã đăng ký mới gửi và xem được số liệu. Nếu bạn là cán bộ, hãy gửi /dangky <mã mời> (mã do quản trị viên cấp).',
  staffOnly: 'Lệnh này dành cho cán bộ thi đua - khen thưởng đã đăng ký.',
  registerUsage: 'Gửi /dangky kèm mã mời, ví dụ: /dangky 7K2M9QXA3B',
  inviteProblem: {
    unknown: 'Mã mời không đúng. Bạn kiểm tra lại (không phân biệt chữ hoa, chữ thường) hoặc xin mã mới.',
    used: 'Mã mời này đã được dùng. Mỗi mã chỉ dùng một lần; bạn hãy xin mã mới.',
    expired: 'Mã mời đã hết hạn. Bạn hãy xin quản trị viên cấp mã mới.',
  } as const,
  registered: (role: string, unit: string) =>
    role === 'officer'
      ? `Đăng ký thành công: bạn là cán bộ báo cáo của ${unit}. Gửi số liệu bằng tin nhắn, ví dụ: “Năm 2025: 85,5% CBCCVC có kỹ năng số”. /tiendo xem tiến độ, /sua sửa lần gửi gần nhất, /huy bỏ số liệu đang chờ.`
      : `Đăng ký thành công: bạn là cán bộ thi đua - khen thưởng (${unit}). /tonghop xem tổng hợp các đơn vị, /tiendo <mã đơn vị> xem từng đơn vị.`,
  nothingToCorrect: 'Bạn chưa gửi số liệu nào để sửa.',
  lastSubmission: 'Lần gửi gần nhất của bạn:',
  correctionUsage: 'Để sửa, gửi /sua kèm số liệu đúng, ví dụ: /sua Năm 2025: 86% CBCCVC có kỹ năng số',
  progressTitle: (unit: string) => `Tiến độ của ${unit} so với chỉ tiêu (Kế hoạch phường Hồng An, mục II.2):`,
  progressUsage: (ids: string[]) => `Gửi /tiendo kèm mã đơn vị: ${ids.join(', ')}.`,
  notReported: 'chưa báo cáo',
  summaryTitle: (period: string) => `Tổng hợp số liệu năm ${period} (số liệu mới nhất của từng đơn vị):`,
  chartTitle: (period: string) => `Tiến độ năm ${period} so với chỉ tiêu`,
  lateNote: (deadline: string, days: number) =>
    days >= 0 ? `chưa báo cáo, hạn ${deadline} (còn ${days} ngày)` : `chưa báo cáo, đã quá hạn ${deadline} (${-days} ngày)`,
  internalError: 'Xin lỗi, hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.',
} as const;
