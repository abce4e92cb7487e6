from goldlib import Gold
g = Gold('test/eval/newdocs/organisation/plan.txt')
T, A, D = g.T, g.A, g.D
G1 = 'giai đoạn 2025 - 2027: year = ending year of the giai đoạn'
G2 = 'giai đoạn 2028 - 2030: year = ending year of the giai đoạn'
# III.1 Giai đoạn 2025 - 2027
T(2027, 100, '%', '>=', 'Đoàn xã, phường (130 đơn vị) thành lập ít nhất 01 đội hình thanh niên tình nguyện “Bình dân học vụ số”',
  '100% Đoàn xã, phường (130 đơn vị) thành lập ít nhất 01 đội hình thanh niên tình nguyện “Bình dân học vụ số”, mỗi đội hình có từ 10 đến 20 thành viên.', note=G1)
T(2027, 100, '%', '>=', 'Đoàn trường trung học phổ thông, cao đẳng, đại học thành lập ít nhất 01 câu lạc bộ hoặc đội hình hỗ trợ kỹ năng số',
  '100% Đoàn trường trung học phổ thông, cao đẳng, đại học trên địa bàn tỉnh thành lập ít nhất 01 câu lạc bộ hoặc đội hình hỗ trợ kỹ năng số.', note=G1)
S_l = 'Từ tháng 8 đến tháng 12/2025, hỗ trợ ít nhất 50.000 lượt người dân cài đặt, kích hoạt tài khoản định danh điện tử VNeID và sử dụng dịch vụ công trực tuyến; từ năm 2026, mỗi năm hỗ trợ ít nhất 80.000 lượt người dân.'
T(2025, 50000, 'count', '>=', 'lượt người dân được hỗ trợ cài đặt, kích hoạt tài khoản định danh điện tử VNeID và sử dụng dịch vụ công trực tuyến', S_l,
  note='từ tháng 8 đến tháng 12/2025')
T(2026, 80000, 'count', '>=', 'lượt người dân được hỗ trợ cài đặt, kích hoạt tài khoản định danh điện tử VNeID và sử dụng dịch vụ công trực tuyến', S_l,
  note='từ năm 2026, mỗi năm (applies to every year from 2026)')
T(2027, 400, 'count', '>=', 'lớp “Bình dân học vụ số” toàn tỉnh tổ chức mỗi năm',
  'Mỗi năm toàn tỉnh tổ chức ít nhất 400 lớp “Bình dân học vụ số” theo hình thức trực tiếp hoặc trực tuyến.', note=G1 + '; mỗi năm')
S_dv = 'Năm 2026: 80% đoàn viên học xong ít nhất 01 khóa kỹ năng số cơ bản trên nền tảng “Bình dân học vụ số”; năm 2027: 95%.'
T(2026, 80, '%', '>=', 'đoàn viên học xong ít nhất 01 khóa kỹ năng số cơ bản trên nền tảng “Bình dân học vụ số”', S_dv)
T(2027, 95, '%', '>=', 'đoàn viên học xong ít nhất 01 khóa kỹ năng số cơ bản trên nền tảng “Bình dân học vụ số”', S_dv)
T(2027, 1, 'count', '>=', 'buổi tuyên truyền phòng, chống lừa đảo trực tuyến mỗi cơ sở Đoàn tổ chức trong mỗi quý',
  'Mỗi cơ sở Đoàn tổ chức ít nhất 01 buổi tuyên truyền phòng, chống lừa đảo trực tuyến trong mỗi quý.', note=G1 + '; per cơ sở Đoàn per quarter')
T(2027, 30, 'count', '>=', 'sáng kiến, giải pháp chuyển đổi số của đoàn viên, thanh niên được Tỉnh đoàn công nhận mỗi năm',
  'Mỗi năm có ít nhất 30 sáng kiến, giải pháp chuyển đổi số của đoàn viên, thanh niên được Tỉnh đoàn công nhận.', note=G1 + '; mỗi năm')
# III.2 Giai đoạn 2028 - 2030
T(2030, 100, '%', '>=', 'đoàn viên có kỹ năng số cơ bản và nhận diện được các thủ đoạn lừa đảo trực tuyến phổ biến',
  '100% đoàn viên có kỹ năng số cơ bản và nhận diện được các thủ đoạn lừa đảo trực tuyến phổ biến.', note=G2)
T(2030, 100, '%', '>=', 'cơ sở Đoàn quản lý đoàn viên, tổ chức sinh hoạt và báo cáo trên nền tảng số',
  '100% cơ sở Đoàn quản lý đoàn viên, tổ chức sinh hoạt và báo cáo trên nền tảng số.', note=G2)
T(2030, 1, 'count', '>=', '“đại sứ số” là đoàn viên, thanh niên ở mỗi thôn, bản, khối, xóm',
  'Mỗi thôn, bản, khối, xóm có ít nhất 01 “đại sứ số” là đoàn viên, thanh niên thường xuyên hỗ trợ bà con.', note=G2 + '; per thôn, bản, khối, xóm')

A('Bằng khen của Ban Chấp hành Tỉnh đoàn',
  'Bằng khen của Ban Chấp hành Tỉnh đoàn: hằng năm tặng cho không quá 20 tập thể và 40 cá nhân tiêu biểu.')
A('Giấy khen của Ban Chấp hành Đoàn xã, phường, Đoàn trường',
  'Giấy khen của Ban Chấp hành Đoàn xã, phường, Đoàn trường: tặng cho chi đoàn, cá nhân đạt tiêu chí ở cơ sở.')
A('Danh hiệu “Đại sứ số tiêu biểu tỉnh Nghệ An”',
  'Danh hiệu “Đại sứ số tiêu biểu tỉnh Nghệ An”: vinh danh 50 gương mặt vào dịp kỷ niệm ngày thành lập Đoàn 26/3 hằng năm.')
A('Bằng khen của Trung ương Đoàn',
  'Những tập thể, cá nhân xuất sắc nhất được Tỉnh đoàn đề nghị Trung ương Đoàn tặng Bằng khen; khi sơ kết, tổng kết đề nghị Ủy ban nhân dân tỉnh khen thưởng theo quy định.',
  aliases=['Trung ương Đoàn tặng Bằng khen'])

D('Đoàn xã, phường, Đoàn trường gửi danh sách đội hình về Tỉnh đoàn (qua Ban Phong trào)', '05/9/2025', False,
  'Các Đoàn xã, phường, Đoàn trường gửi danh sách đội hình về Tỉnh đoàn (qua Ban Phong trào) trước ngày 05/9/2025.')
S_r = 'các đơn vị cập nhật số liệu qua biểu mẫu trực tuyến của Tỉnh đoàn trước ngày 25 hằng tháng; gửi báo cáo 6 tháng trước ngày 15/6 và báo cáo năm trước ngày 30/11 hằng năm; hồ sơ đề nghị khen thưởng gửi về Văn phòng Tỉnh đoàn trước ngày 05/12 hằng năm.'
D('cập nhật số liệu qua biểu mẫu trực tuyến của Tỉnh đoàn', '25', True, S_r, note='hằng tháng (monthly); day of month only')
D('báo cáo 6 tháng', '15/6', True, S_r)
D('báo cáo năm', '30/11', True, S_r)
D('hồ sơ đề nghị khen thưởng gửi Văn phòng Tỉnh đoàn', '05/12', True, S_r)
g.write('organisation')
