/** Every user-facing Vietnamese sentence of the awards, milestones and tasks lookups. */
import type { Subject } from './catalog.js';

export const subjectLabel: Record<Subject, string> = {
  'tap-the': 'Tập thể',
  'ca-nhan': 'Cá nhân',
  'doanh-nghiep': 'Doanh nghiệp',
  'dia-phuong': 'Địa phương',
  'doi-tuong-khac': 'Đối tượng khác',
};

/** "— đối với doanh nghiệp" after an award's name on a card. */
export const subjectPhrase: Record<Subject, string> = {
  'tap-the': 'đối với tập thể',
  'ca-nhan': 'đối với cá nhân',
  'doanh-nghiep': 'đối với doanh nghiệp',
  'dia-phuong': 'đối với địa phương',
  'doi-tuong-khac': 'đối tượng khác',
};

export const awardTexts = {
  // /khenthuong
  listTitle: 'Các hình thức khen thưởng của phong trào (Kế hoạch của UBND phường Hồng An, mục III). Chọn một hình thức để xem tiêu chuẩn:',
  chooseSubject: (award: string) => `${award}: tiêu chuẩn khác nhau theo đối tượng. Bạn chọn đối tượng:`,
  chooseAward: 'Bạn muốn hỏi hình thức khen thưởng nào?',
  openAward: (name: string) => `🏅 Tiêu chuẩn ${name}`,
  recipients: (list: string) => `Đối tượng được xét tặng: ${list}.`,
  general: 'Điều kiện chung:',
  criteria: 'Tiêu chuẩn:',
  occasions: 'Thời điểm xét khen thưởng:',
  checkEligibility: '✅ Kiểm tra điều kiện',
  otherSubjects: '👥 Đối tượng khác',
  otherAwards: '🏅 Hình thức khen thưởng khác',
  showCard: '📋 Xem lại tiêu chuẩn',
  checkAgain: '🔁 Kiểm tra lại',
  unknownAward: 'Không tìm thấy hình thức khen thưởng này. Gõ /khenthuong để xem danh sách.',

  // Eligibility walk
  yes: 'Có',
  no: 'Không',
  unsure: 'Chưa rõ',
  checkTitle: (award: string) => `Kiểm tra điều kiện: ${award}`,
  question: (n: number, total: number) => `Câu ${n}/${total}:`,
  askGeneral: 'Đơn vị (hoặc bạn) có đáp ứng điều kiện chung này không?',
  askCriterion: 'Đơn vị (hoặc bạn) đã đạt tiêu chí này chưa?',
  preAnswered: (n: number, unit: string, period: string, figure: string, reportedOn: string, met: boolean, min: number) =>
    `ℹ️ Câu ${n} đã trả lời theo số liệu đã báo cáo của ${unit}: năm ${period} đạt ${figure} (báo cáo ngày ${reportedOn}) → ${met ? 'đáp ứng' : 'chưa đáp ứng'} (cần từ ${min}%).`,
  fromFigure: (period: string, figure: string, reportedOn: string) => ` (số liệu năm ${period}: ${figure}, báo cáo ngày ${reportedOn})`,
  resultTitle: (award: string) => `Kết quả tự kiểm tra: ${award}`,
  met: '✅ Đáp ứng:',
  notMet: '❌ Chưa đáp ứng:',
  needEvidence: '📎 Chưa rõ, cần bổ sung minh chứng:',
  none: '• (không có)',
  resultNote:
    'Các tiêu chí trả lời “Có” cũng cần kèm minh chứng trong hồ sơ đề nghị khen thưởng. Đây chỉ là tự đánh giá để chuẩn bị hồ sơ; việc xét khen thưởng do cấp có thẩm quyền quyết định. Không có câu trả lời nào được lưu.',
  walkExpired: 'Lượt kiểm tra này không còn hợp lệ. Bạn chọn “Kiểm tra điều kiện” trên thẻ tiêu chuẩn để làm lại.',

  // /moc
  milestonesTitle: 'Các mốc thời gian của phong trào thi đua:',
  year: (y: number) => `Năm ${y}`,
  deadlineTitle: 'Hạn gửi báo cáo kết quả thực hiện phong trào hằng năm:',
  deadline: (unit: string, date: string, days: number) =>
    days === 0 ? `• ${unit}: trước ngày ${date}, hạn là hôm nay.` : `• ${unit}: trước ngày ${date}, còn ${days} ngày.`,
  deadlineHint: 'Cán bộ phường/xã đã đăng ký (/dangky) sẽ thấy hạn của đơn vị mình.',
  noMilestones: 'Chưa tìm thấy mốc thời gian nào trong các văn bản.',

  // /nhiemvu
  bodiesTitle: 'Bạn muốn xem nhiệm vụ của cơ quan nào?',
  bodyNotFound: (query: string) => `Chưa tìm thấy cơ quan “${query}” trong các văn bản. Bạn chọn một trong các cơ quan sau:`,
  tasksTitle: (body: string) => `Nhiệm vụ của ${body} theo các văn bản:`,
  fromDoc: (label: string) => `Theo ${label}:`,
} as const;
