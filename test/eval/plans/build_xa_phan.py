from goldlib import Gold
g = Gold('test/eval/plans/docs/xa-phan.txt')
T, A, D = g.T, g.A, g.D
S1a = 'a) Năm 2025, 100% cán bộ, công chức xã và người hoạt động không chuyên trách ở thôn hoàn thành các chuyên đề bắt buộc trên nền tảng Bình dân học vụ số; ít nhất 60% người dân trong độ tuổi trưởng thành được xác nhận đạt phổ cập tri thức về chuyển đổi số, kỹ năng số trên nền tảng VNeID.'
T(2025, 100, '%', '>=', 'cán bộ, công chức xã và người hoạt động không chuyên trách ở thôn hoàn thành các chuyên đề bắt buộc trên nền tảng Bình dân học vụ số', S1a)
T(2025, 60, '%', '>=', 'người dân trong độ tuổi trưởng thành được xác nhận đạt phổ cập tri thức về chuyển đổi số, kỹ năng số trên nền tảng VNeID', S1a)
S1b = 'b) Phấn đấu đến hết năm 2026 có trên 85% hộ gia đình có ít nhất một thành viên sử dụng thành thạo ứng dụng VNeID và dịch vụ công trực tuyến; 100% học sinh tiểu học và trung học cơ sở được học kỹ năng số và an toàn trên mạng.'
T(2026, 85, '%', '>', 'hộ gia đình có ít nhất một thành viên sử dụng thành thạo ứng dụng VNeID và dịch vụ công trực tuyến', S1b, note='đến hết năm 2026')
T(2026, 100, '%', '>=', 'học sinh tiểu học và trung học cơ sở được học kỹ năng số và an toàn trên mạng', S1b, note='đến hết năm 2026')
T(2030, 95, '%', '>=', 'người dân trong độ tuổi trưởng thành có kỹ năng số cơ bản',
  'c) Đến năm 2030, 95% người dân trong độ tuổi trưởng thành có kỹ năng số cơ bản.')
S2a = 'a) Tỷ lệ hồ sơ thủ tục hành chính của xã được nộp trực tuyến đạt 70% trong năm 2025 và trên 80% trong năm 2026.'
T(2025, 70, '%', '>=', 'hồ sơ thủ tục hành chính của xã được nộp trực tuyến', S2a)
T(2026, 80, '%', '>', 'hồ sơ thủ tục hành chính của xã được nộp trực tuyến', S2a)
S2b = 'b) Trong năm 2026, xây dựng ít nhất 03 mô hình “Chợ không dùng tiền mặt” tại các chợ trên địa bàn xã và ít nhất 05 mô hình “Thôn thông minh”.'
T(2026, 3, 'count', '>=', 'mô hình “Chợ không dùng tiền mặt” tại các chợ trên địa bàn xã', S2b, numtext='03 mô hình')
T(2026, 5, 'count', '>=', 'mô hình “Thôn thông minh”', S2b, numtext='05 mô hình')
S2c = 'c) Đến năm 2030, 100% thôn có điểm truy cập Internet miễn phí tại nhà văn hóa thôn; tối thiểu 20 sản phẩm OCOP, nông sản chủ lực của xã được bán trên sàn thương mại điện tử.'
T(2030, 100, '%', '>=', 'thôn có điểm truy cập Internet miễn phí tại nhà văn hóa thôn', S2c)
T(2030, 20, 'count', '>=', 'sản phẩm OCOP, nông sản chủ lực của xã được bán trên sàn thương mại điện tử', S2c, numtext='20 sản phẩm')

A('Giấy khen của Chủ tịch UBND xã',
  'a) Hằng năm, Chủ tịch UBND xã tặng Giấy khen của Chủ tịch UBND xã cho các tập thể, cá nhân có thành tích tiêu biểu trong thực hiện hai phong trào, mỗi năm không quá 05 tập thể và 10 cá nhân.')
A('Bằng khen của Chủ tịch UBND tỉnh',
  'b) Khi sơ kết (năm 2027) và tổng kết (năm 2030), Ủy ban nhân dân xã lựa chọn tập thể, cá nhân xuất sắc nhất để đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh.')

D('đăng ký thi đua với UBND xã (qua Văn phòng HĐND và UBND xã)', '20/11/2025', False,
  'Các thôn, cơ quan, đơn vị, trường học đăng ký thi đua với Ủy ban nhân dân xã (qua Văn phòng HĐND và UBND xã) trước ngày 20/11/2025.')
D('hồ sơ đề nghị khen thưởng gửi Văn phòng HĐND và UBND xã', '15/12', True,
  'Hồ sơ đề nghị khen thưởng gồm tờ trình, biên bản họp xét và báo cáo thành tích; gửi về Văn phòng HĐND và UBND xã trước ngày 15/12 hằng năm.')
D('thôn cập nhật số liệu vào biểu mẫu trực tuyến của xã', '25', True,
  'Trưởng thôn chịu trách nhiệm về kết quả ở thôn; cập nhật số liệu vào biểu mẫu trực tuyến của xã trước ngày 25 hằng tháng.',
  note='hằng tháng (monthly); day of month only')
S_r = 'các cơ quan, đơn vị, thôn gửi báo cáo kết quả 6 tháng trước ngày 10/6 và báo cáo năm trước ngày 30/11 hằng năm về Văn phòng HĐND và UBND xã để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.'
D('báo cáo kết quả 6 tháng', '10/6', True, S_r)
D('báo cáo năm', '30/11', True, S_r)
g.write('xa-phan')
