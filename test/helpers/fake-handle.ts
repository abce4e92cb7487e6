/**
 * A deterministic stand-in for the core, for channel tests: a question gets an answer with two
 * citations and two choices; a pressed choice gets a short follow-up. It records every message.
 */
import type { Incoming, Reply } from '../../src/core/message.js';

/** The answer to any typed question. */
export const FAKE_ANSWER: Reply = {
  text:
    'Năm 2025, phấn đấu 80% người dân trưởng thành có kỹ năng số cơ bản.\n' +
    'Mỗi cơ quan, đơn vị có ít nhất một mô hình chuyển đổi số tiêu biểu.',
  citations: [
    {
      docId: 'kh-ubnd-hong-an-2025',
      title: 'Kế hoạch UBND phường Hồng An',
      section: 'II. NỘI DUNG › 2. Chỉ tiêu › 2.1. Năm 2025',
      quote: 'Phấn đấu đến hết năm 2025, 80% người dân trong độ tuổi trưởng thành có kỹ năng số cơ bản.',
    },
    {
      docId: 'kh-bdhvs-2025',
      title: 'Kế hoạch triển khai phong trào "Bình dân học vụ số"',
      section: 'III. NHIỆM VỤ › 1. Phổ cập kỹ năng số',
      quote: 'Mỗi cơ quan, đơn vị xây dựng ít nhất 01 mô hình chuyển đổi số tiêu biểu trong năm 2025.',
    },
  ],
  choices: [
    { label: 'Xem chỉ tiêu năm 2026', payload: 'more:targets-2026' },
    { label: 'Hạn nộp báo cáo', payload: 'more:report-deadline' },
  ],
};

/** The reply to a pressed choice, echoing its payload so tests can tell which was pressed. */
export function fakeFollowUp(payload: string): Reply {
  return { text: `Đã chọn: ${payload}. Năm 2026, 90% hồ sơ thủ tục hành chính được xử lý trực tuyến.` };
}

export interface FakeHandle {
  handle: (msg: Incoming) => Promise<Reply[]>;
  /** Every message handled so far, in order. */
  calls: Incoming[];
}

/**
 * @param options.beforeReply awaited before answering, so a test can hold the reply back
 *   (for example to see a typing indicator) and release it when it has looked.
 */
export function createFakeHandle(options: { beforeReply?: (msg: Incoming) => Promise<void> } = {}): FakeHandle {
  const calls: Incoming[] = [];
  return {
    calls,
    handle: async (msg) => {
      calls.push(msg);
      await options.beforeReply?.(msg);
      return msg.payload ? [fakeFollowUp(msg.payload)] : [FAKE_ANSWER];
    },
  };
}
