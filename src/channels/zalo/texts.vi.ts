/** The only sentences the Zalo adapter says on its own (answers come from the core). */
export const zaloTexts = {
  /** Reply to an image, sticker or any other non-text message: the core is not called. */
  textOnly: 'Hiện tôi chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ câu hỏi nhé.',
  /** Heading above the numbered citation lines. */
  sourcesHeading: 'Nguồn:',
} as const;
