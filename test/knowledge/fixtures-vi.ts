import type { SearchRecord } from '../../src/knowledge/types.js';

/** Small Vietnamese records, written the way official documents are. */
export const RECORDS: SearchRecord[] = [
  { id: 'ubnd', title: 'Trách nhiệm của Ủy ban nhân dân cấp xã', text: 'Ủy ban nhân dân cấp xã tổ chức triển khai phong trào Bình dân học vụ số tại địa phương, phân công cán bộ phụ trách.' },
  { id: 'cbccvc', title: 'Cán bộ, công chức, viên chức gương mẫu', text: 'Cán bộ, công chức, viên chức gương mẫu tham gia học tập kỹ năng số và sử dụng dịch vụ công trực tuyến.' },
  { id: 'vanhoa', title: 'Chuyển đổi số trong lĩnh vực văn hóa', text: 'Số hóa di sản văn hóa, thư viện và bảo tàng; đưa hiện vật lên môi trường số.' },
  { id: 'doanhnghiep', title: 'Doanh nghiệp đổi mới sáng tạo', text: 'Doanh nghiệp có sáng kiến đổi mới sáng tạo được xét khen thưởng hằng năm.' },
  { id: 'ban-hang', title: 'Thương mại điện tử', text: 'Người dân bán hàng trực tuyến trên sàn thương mại điện tử.' },
  { id: 'ban-giao', title: 'Trang thiết bị', text: 'Nhà trường bàn giao thiết bị học tập cho lớp học.' },
  { id: 'khenthuong', title: 'Hình thức khen thưởng', text: 'Tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua được tặng bằng khen.' },
];
