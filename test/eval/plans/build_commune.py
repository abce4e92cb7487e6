from goldlib import Gold
g = Gold('test/eval/newdocs/commune/plan.txt')
T, A, D = g.T, g.A, g.D
NOTE25 = 'đến hết năm 2025 (bảng ghi: số liệu năm 2025 tính đến hết ngày 31/12/2025)'
rows = [
 ('| 1 | Tỷ lệ người từ 14 tuổi trở lên có tài khoản định danh điện tử mức 2 | 78,5% | 88% | 98% |',
  'người từ 14 tuổi trở lên có tài khoản định danh điện tử mức 2', '%', [78.5, 88, 98], None),
 ('| 2 | Tỷ lệ hồ sơ thủ tục hành chính của xã được nộp trực tuyến toàn trình | 55% | 70% | 90% |',
  'hồ sơ thủ tục hành chính của xã được nộp trực tuyến toàn trình', '%', [55, 70, 90], None),
 ('| 3 | Tỷ lệ người dân trưởng thành hoàn thành khóa học kỹ năng số cơ bản trên nền tảng Bình dân học vụ số | 40% | 72,5% | 95% |',
  'người dân trưởng thành hoàn thành khóa học kỹ năng số cơ bản trên nền tảng Bình dân học vụ số', '%', [40, 72.5, 95], None),
 ('| 4 | Số tổ công nghệ số cộng đồng (cấp xã và cấp thôn) hoạt động thường xuyên | 19 tổ | 19 tổ | 19 tổ |',
  'tổ công nghệ số cộng đồng (cấp xã và cấp thôn) hoạt động thường xuyên', 'count', [19, 19, 19], 'tổ'),
 ('| 5 | Số hộ gia đình được tổ công nghệ số cộng đồng đến tận nhà hướng dẫn | 1.200 hộ | 3.500 hộ | 6.400 hộ |',
  'hộ gia đình được tổ công nghệ số cộng đồng đến tận nhà hướng dẫn', 'count', [1200, 3500, 6400], 'hộ'),
 ('| 6 | Số hộ kinh doanh, cơ sở lưu trú, điểm bán hàng áp dụng thanh toán không dùng tiền mặt | 350 hộ | 520 hộ | 900 hộ |',
  'hộ kinh doanh, cơ sở lưu trú, điểm bán hàng áp dụng thanh toán không dùng tiền mặt', 'count', [350, 520, 900], 'hộ'),
 ('| 7 | Tỷ lệ người hưởng lương hưu, trợ cấp xã hội nhận tiền qua tài khoản | 62,5% | 80% | 95% |',
  'người hưởng lương hưu, trợ cấp xã hội nhận tiền qua tài khoản', '%', [62.5, 80, 95], None),
 ('| 8 | Tỷ lệ học sinh trung học cơ sở được học kỹ năng số và an toàn trên mạng | 80% | 95% | 100% |',
  'học sinh trung học cơ sở được học kỹ năng số và an toàn trên mạng', '%', [80, 95, 100], None),
 ('| 9 | Số sản phẩm OCOP, nông sản, thủy sản của xã được đưa lên sàn thương mại điện tử | 8 sản phẩm | 15 sản phẩm | 30 sản phẩm |',
  'sản phẩm OCOP, nông sản, thủy sản của xã được đưa lên sàn thương mại điện tử', 'count', [8, 15, 30], 'sản phẩm'),
 ('| 10 | Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang | 82% | 88% | 97% |',
  'hộ gia đình có kết nối Internet băng rộng cáp quang', '%', [82, 88, 97], None),
 ('| 11 | Tỷ lệ tàu cá có chiều dài từ 15 m trở lên khai báo xuất, nhập bến bằng phần mềm điện tử | 90% | 100% | 100% |',
  'tàu cá có chiều dài từ 15 m trở lên khai báo xuất, nhập bến bằng phần mềm điện tử', '%', [90, 100, 100], None),
 ('| 12 | Số thôn có điểm hỗ trợ dịch vụ công trực tuyến và Internet dùng chung | 6 thôn | 12 thôn | 18 thôn |',
  'thôn có điểm hỗ trợ dịch vụ công trực tuyến và Internet dùng chung', 'count', [6, 12, 18], 'thôn'),
 ('| 13 | Số sáng kiến, giải pháp đổi mới sáng tạo được Hội đồng sáng kiến xã công nhận | 5 sáng kiến | 8 sáng kiến | 40 sáng kiến (lũy kế) |',
  'sáng kiến, giải pháp đổi mới sáng tạo được Hội đồng sáng kiến xã công nhận', 'count', [5, 8, 40], 'sáng kiến'),
]
for row, pop, unit, vals, word in rows:
    for year, v in zip((2025, 2026, 2030), vals):
        notes = []
        if year == 2025:
            notes.append(NOTE25)
        if word == 'sáng kiến' and year == 2030:
            notes.append('lũy kế (cumulative 2025-2030)')
        if unit == 'count':
            shown = '%s %s' % ('{:,}'.format(v).replace(',', '.'), word)
        else:
            shown = None
        T(year, v, unit, '>=', pop, row, note='; '.join(notes) or None, numtext=shown)
# prose target
T(2026, 100, '%', '>=', 'kết quả giải quyết thủ tục hành chính còn hiệu lực của xã được số hoá',
  'Số hoá 100% kết quả giải quyết thủ tục hành chính còn hiệu lực của xã trong năm 2026.')

A('Giấy khen của Chủ tịch Ủy ban nhân dân xã',
  'a) Hằng năm: Chủ tịch Ủy ban nhân dân xã tặng Giấy khen cho các tập thể, cá nhân tiêu biểu, mỗi năm không quá 06 tập thể và 12 cá nhân.',
  aliases=['Chủ tịch Ủy ban nhân dân xã tặng Giấy khen'])
A('Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
  'b) Sơ kết giai đoạn 1 (năm 2026): Chủ tịch Ủy ban nhân dân xã tặng Giấy khen cho không quá 08 tập thể và 15 cá nhân; đồng thời lựa chọn những trường hợp xuất sắc nhất đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen (không quá 02 tập thể và 03 cá nhân).',
  aliases=['Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen'])

D('đăng ký thi đua nộp về Văn phòng HĐND và UBND xã', '31/10/2025', False,
  'Các thôn, cơ quan, đơn vị, trường học và các tổ chức đoàn thể xã đăng ký thi đua theo mẫu gửi kèm, nộp về Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã trước ngày 31/10/2025.')
S_h = 'Hồ sơ khen thưởng hằng năm nộp trước ngày 05 tháng 12; hồ sơ sơ kết giai đoạn 1 đề nghị cấp tỉnh khen thưởng nộp trước ngày 20/11/2026.'
D('hồ sơ khen thưởng hằng năm', '05/12', True, S_h, note='written "ngày 05 tháng 12"')
D('hồ sơ sơ kết giai đoạn 1 đề nghị cấp tỉnh khen thưởng', '20/11/2026', False, S_h)
D('thôn báo cáo kết quả về Văn phòng HĐND và UBND xã', '20', True,
  'báo cáo kết quả về Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã trước ngày 20 hằng tháng.',
  note='hằng tháng (monthly); day of month only')
D('báo cáo kết quả thực hiện năm 2025 của các cơ quan, đơn vị, thôn', '25/11/2025', False,
  'Các cơ quan, đơn vị, thôn báo cáo kết quả thực hiện năm 2025 trước ngày 25/11/2025.')
S_r = 'Từ năm 2026, báo cáo 6 tháng gửi trước ngày 10/6 và báo cáo năm gửi trước ngày 10/11 hằng năm.'
D('báo cáo 6 tháng (từ năm 2026)', '10/6', True, S_r)
D('báo cáo năm (từ năm 2026)', '10/11', True, S_r)
g.write('commune')
