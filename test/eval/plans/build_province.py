from goldlib import Gold
g = Gold('test/eval/newdocs/province/plan.txt')
T, A, D = g.T, g.A, g.D
# III.1.a Năm 2025
T(2025, 85, '%', '>=', 'cán bộ, công chức, viên chức và người lao động khu vực công hoàn thành ít nhất 01 khóa học trên nền tảng binhdanhocvuso.gov.vn',
  '85% cán bộ, công chức, viên chức và người lao động khu vực công hoàn thành ít nhất 01 khóa học trên nền tảng binhdanhocvuso.gov.vn;')
T(2025, 70, '%', '>=', 'người dân trong độ tuổi trưởng thành có kỹ năng số cơ bản',
  '70% người dân trong độ tuổi trưởng thành có kỹ năng số cơ bản (cài đặt và sử dụng được ứng dụng VNeID, ứng dụng ngân hàng số và Cổng Dịch vụ công quốc gia);')
T(2025, 1200000, 'count', '>=', 'người được xác nhận đạt phổ cập tri thức về chuyển đổi số, kỹ năng số trên nền tảng VNeID',
  'Tối thiểu 1.200.000 người được xác nhận đạt phổ cập tri thức về chuyển đổi số, kỹ năng số trên nền tảng VNeID;')
T(2025, 100, '%', '>=', 'xã, phường, đặc khu kiện toàn Tổ công nghệ số cộng đồng đến từng thôn, buôn, bon, tổ dân phố',
  '100% xã, phường, đặc khu kiện toàn Tổ công nghệ số cộng đồng đến từng thôn, buôn, bon, tổ dân phố.')
# b) Năm 2026
T(2026, 100, '%', '>=', 'cán bộ, công chức, viên chức và người lao động khu vực công hoàn thành chương trình bồi dưỡng kỹ năng số theo vị trí việc làm',
  '100% cán bộ, công chức, viên chức và người lao động khu vực công hoàn thành chương trình bồi dưỡng kỹ năng số theo vị trí việc làm;')
T(2026, 85, '%', '>=', 'người dân trong độ tuổi trưởng thành có kỹ năng số cơ bản',
  '85% người dân trong độ tuổi trưởng thành có kỹ năng số cơ bản;')
T(2026, 100, '%', '>=', 'học sinh từ lớp 6 trở lên được học nội dung kỹ năng số và an toàn trên môi trường số',
  '100% học sinh từ lớp 6 trở lên được học nội dung kỹ năng số và an toàn trên môi trường số trong chương trình giáo dục của nhà trường;')
T(2026, 4, 'count', '>=', 'lớp “Bình dân học vụ số” học trực tiếp mỗi xã, phường, đặc khu tổ chức trong năm',
  'Mỗi xã, phường, đặc khu tổ chức ít nhất 04 lớp “Bình dân học vụ số” học trực tiếp trong năm.',
  note='per commune: each xã, phường, đặc khu')
# c) Năm 2027
T(2027, 90, '%', '>=', 'người dân trong độ tuổi trưởng thành được xác nhận đạt phổ cập trên nền tảng VNeID',
  '90% người dân trong độ tuổi trưởng thành được xác nhận đạt phổ cập trên nền tảng VNeID;')
T(2027, 60, '%', '>=', 'người cao tuổi (từ đủ 60 tuổi trở lên) biết dùng điện thoại thông minh để tự thực hiện dịch vụ công trực tuyến hoặc giao dịch thanh toán điện tử',
  '60% người cao tuổi (từ đủ 60 tuổi trở lên) biết dùng điện thoại thông minh để tự thực hiện ít nhất 01 dịch vụ công trực tuyến hoặc 01 giao dịch thanh toán điện tử;')
T(2027, 70, '%', '>=', 'hộ sản xuất nông nghiệp tham gia hợp tác xã, tổ hợp tác được hướng dẫn bán hàng trên sàn thương mại điện tử',
  '70% hộ sản xuất nông nghiệp tham gia hợp tác xã, tổ hợp tác được hướng dẫn bán hàng trên sàn thương mại điện tử.')
# d) Đến năm 2030
T(2030, 95, '%', '>=', 'người dân trong độ tuổi trưởng thành có kỹ năng số cơ bản và được xác nhận trên nền tảng VNeID',
  '95% người dân trong độ tuổi trưởng thành có kỹ năng số cơ bản và được xác nhận trên nền tảng VNeID;')
T(2030, 100, '%', '>=', 'hộ gia đình có ít nhất 01 thành viên biết sử dụng dịch vụ công trực tuyến',
  '100% hộ gia đình có ít nhất 01 thành viên biết sử dụng dịch vụ công trực tuyến;')
T(2030, 100, '%', '>=', 'người lao động trong doanh nghiệp, hợp tác xã được trang bị kỹ năng số phục vụ sản xuất, kinh doanh',
  '100% người lao động trong doanh nghiệp, hợp tác xã được trang bị kỹ năng số phục vụ sản xuất, kinh doanh.')
# III.2 Phong trào thi đua
S_a = 'a) Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến toàn trình đạt 60% vào năm 2026 và 80% vào năm 2030.'
T(2026, 60, '%', '>=', 'hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến toàn trình', S_a)
T(2030, 80, '%', '>=', 'hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến toàn trình', S_a)
S_b = 'b) Tỷ trọng kinh tế số trong tổng sản phẩm trên địa bàn (GRDP) của tỉnh đạt 12% vào năm 2027 và 20% vào năm 2030.'
T(2027, 12, '%', '>=', 'tỷ trọng kinh tế số trong tổng sản phẩm trên địa bàn (GRDP) của tỉnh', S_b)
T(2030, 20, '%', '>=', 'tỷ trọng kinh tế số trong tổng sản phẩm trên địa bàn (GRDP) của tỉnh', S_b)
S_d = 'đ) Đến năm 2030 có ít nhất 50 doanh nghiệp khởi nghiệp sáng tạo đang hoạt động; 100% sản phẩm OCOP đạt từ 3 sao trở lên có mã truy xuất nguồn gốc điện tử.'
T(2030, 50, 'count', '>=', 'doanh nghiệp khởi nghiệp sáng tạo đang hoạt động', S_d)
T(2030, 100, '%', '>=', 'sản phẩm OCOP đạt từ 3 sao trở lên có mã truy xuất nguồn gốc điện tử', S_d)
T(2025, 100, '%', '>=', 'cơ quan hành chính nhà nước cấp tỉnh và cấp xã sử dụng chữ ký số, xử lý văn bản trên môi trường mạng (trừ văn bản mật)',
  'e) 100% cơ quan hành chính nhà nước cấp tỉnh và cấp xã sử dụng chữ ký số, xử lý văn bản trên môi trường mạng (trừ văn bản mật) ngay trong năm 2025.')

# Phần V awards
A('Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
  'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho tối đa 25 tập thể và 40 cá nhân;',
  aliases=['Bằng khen theo chuyên đề'])
A('Giấy khen',
  'Thủ trưởng các sở, ban, ngành và Chủ tịch Ủy ban nhân dân cấp xã tặng Giấy khen theo thẩm quyền.',
  aliases=['Giấy khen của Thủ trưởng các sở, ban, ngành', 'Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã'])
A('Bằng khen của Thủ tướng Chính phủ',
  'Trình Thủ tướng Chính phủ tặng Bằng khen cho tối đa 02 tập thể và 03 cá nhân tiêu biểu nhất của tỉnh.',
  aliases=['Thủ tướng Chính phủ tặng Bằng khen'])
A('Cờ thi đua của Ủy ban nhân dân tỉnh',
  'Cờ thi đua của Ủy ban nhân dân tỉnh cho tối đa 03 tập thể dẫn đầu phong trào, trong đó 01 tập thể thuộc khối sở, ban, ngành và 02 tập thể thuộc khối xã, phường, đặc khu;')
A('Huân chương Lao động hạng Ba',
  'Đề nghị Chủ tịch nước tặng Huân chương Lao động hạng Ba và đề nghị Thủ tướng Chính phủ tặng Bằng khen cho các tập thể, cá nhân có thành tích đặc biệt xuất sắc.')
A('Giải thưởng “Sáng tạo số Lâm Đồng”',
  'Sở Khoa học và Công nghệ tổ chức Giải thưởng “Sáng tạo số Lâm Đồng” 02 năm một lần, bắt đầu từ năm 2026, để tôn vinh sản phẩm, giải pháp số tiêu biểu của doanh nghiệp, nhà trường và cộng đồng; thể lệ và cơ cấu giải thưởng do Sở Khoa học và Công nghệ ban hành.')

# Deadlines
D('hồ sơ khen thưởng hằng năm gửi Sở Nội vụ', '10/12', True, 'Khen thưởng hằng năm: trước ngày 10/12 hằng năm;')
D('hồ sơ khen thưởng sơ kết Giai đoạn 1 gửi Sở Nội vụ', '15/3/2027', False, 'Sơ kết Giai đoạn 1: trước ngày 15/3/2027;')
D('hồ sơ khen thưởng tổng kết phong trào gửi Sở Nội vụ', '30/9/2030', False, 'Tổng kết phong trào: trước ngày 30/9/2030.')
D('Công an tỉnh cung cấp số liệu người dân đạt phổ cập trên VNeID cho Sở Khoa học và Công nghệ', '25', True,
  'Cung cấp số liệu người dân được xác nhận đạt phổ cập trên nền tảng VNeID cho Sở Khoa học và Công nghệ trước ngày 25 hằng tháng;',
  note='hằng tháng (monthly); day of month only')
D('UBND các xã, phường, đặc khu ban hành kế hoạch triển khai tại địa phương', '15/11/2025', False,
  'Ban hành kế hoạch triển khai tại địa phương trước ngày 15/11/2025;')
D('các sở, ban, ngành ban hành kế hoạch của đơn vị, đăng ký chỉ tiêu thi đua với Sở Nội vụ', '15/11/2025', False,
  'Các sở, ban, ngành ban hành kế hoạch của đơn vị trước ngày 15/11/2025, đăng ký chỉ tiêu thi đua với Sở Nội vụ;')
S_r = 'Báo cáo kết quả 6 tháng trước ngày 15/6 và báo cáo năm trước ngày 25/11 hằng năm, gửi về Sở Nội vụ và Sở Khoa học và Công nghệ để tổng hợp.'
D('báo cáo kết quả 6 tháng gửi Sở Nội vụ và Sở Khoa học và Công nghệ', '15/6', True, S_r)
D('báo cáo năm gửi Sở Nội vụ và Sở Khoa học và Công nghệ', '25/11', True, S_r)
g.write('province')
