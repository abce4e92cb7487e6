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
  internalError: 'Xin lỗi, hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.',
} as const;
