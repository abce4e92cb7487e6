from goldlib import Gold
g = Gold('test/eval/plans/docs/tinh-table.txt')
T, A, D = g.T, g.A, g.D
def note(y, extra=None):
    n = 'đến hết năm %d (bảng ghi: số liệu mỗi năm tính đến hết ngày 31 tháng 12 của năm đó)' % y
    return n + ('; ' + extra if extra else '')
rows = [
 ('| 1 | Tỷ lệ cán bộ, công chức, viên chức, người lao động trong cơ quan nhà nước có kiến thức, kỹ năng số đáp ứng yêu cầu công việc | 80% | 100% | 100% |',
  'cán bộ, công chức, viên chức, người lao động trong cơ quan nhà nước có kiến thức, kỹ năng số đáp ứng yêu cầu công việc',
  '%', [(80, '>='), (100, '>='), (100, '>=')], None, None),
 ('| 2 | Tỷ lệ người dân trưởng thành biết sử dụng thiết bị thông minh để tiếp cận dịch vụ số thiết yếu | 70% | 100% | 100% |',
  'người dân trưởng thành biết sử dụng thiết bị thông minh để tiếp cận dịch vụ số thiết yếu',
  '%', [(70, '>='), (100, '>='), (100, '>=')], None, None),
 ('| 3 | Tỷ lệ người dân trưởng thành được xác nhận đạt phổ cập tri thức về chuyển đổi số, kỹ năng số trên nền tảng VNeID | 40% | Tối thiểu 60% | 80% |',
  'người dân trưởng thành được xác nhận đạt phổ cập tri thức về chuyển đổi số, kỹ năng số trên nền tảng VNeID',
  '%', [(40, '>='), (60, '>='), (80, '>=')], None, None),
 ('| 4 | Tỷ lệ học sinh tiểu học được trang bị kỹ năng số cơ bản | 85% | 100% | 100% |',
  'học sinh tiểu học được trang bị kỹ năng số cơ bản',
  '%', [(85, '>='), (100, '>='), (100, '>=')], None, None),
 ('| 5 | Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình | Trên 50% | 65% | 80% |',
  'hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình',
  '%', [(50, '>'), (65, '>='), (80, '>=')], None, None),
 ('| 6 | Số lượt người dân được tổ công nghệ số cộng đồng hướng dẫn trực tiếp (cộng dồn từ tháng 9/2025) | 150.000 lượt | 400.000 lượt | 700.000 lượt |',
  'lượt người dân được tổ công nghệ số cộng đồng hướng dẫn trực tiếp',
  'count', [(150000, '>='), (400000, '>='), (700000, '>=')], 'lượt', 'cộng dồn từ tháng 9/2025 (cumulative)'),
 ('| 7 | Tỷ lệ hộ kinh doanh tại chợ, điểm du lịch áp dụng thanh toán không dùng tiền mặt | 60% | 80% | - |',
  'hộ kinh doanh tại chợ, điểm du lịch áp dụng thanh toán không dùng tiền mặt',
  '%', [(60, '>='), (80, '>='), None], None, None),
 ('| 8 | Số xã, phường có mô hình “Chợ số - Nông thôn số” được công nhận | 12 xã, phường | 30 xã, phường | 48 xã, phường |',
  'xã, phường có mô hình “Chợ số - Nông thôn số” được công nhận',
  'count', [(12, '>='), (30, '>='), (48, '>=')], 'xã, phường', None),
]
for row, pop, unit, cells, word, extra in rows:
    for year, cell in zip((2025, 2026, 2027), cells):
        if cell is None:
            continue  # '-' : no target given for that year
        v, comp = cell
        shown = ('%s %s' % ('{:,}'.format(v).replace(',', '.'), word)) if unit == 'count' else None
        T(year, v, unit, comp, pop, row, note=note(year, extra), numtext=shown)
T(2030, 20, '%', '>=', 'tỷ trọng kinh tế số trong tổng sản phẩm trên địa bàn (GRDP) của tỉnh',
  '2. Đến năm 2030, phấn đấu tỷ trọng kinh tế số trong tổng sản phẩm trên địa bàn (GRDP) của tỉnh đạt tối thiểu 20%; các chỉ tiêu giai đoạn 2028 - 2030 sẽ được Ủy ban nhân dân tỉnh điều chỉnh, giao bổ sung sau khi sơ kết.')

A('Cờ thi đua của Ủy ban nhân dân tỉnh',
  'a) Cờ thi đua của Ủy ban nhân dân tỉnh: xét tặng khi sơ kết (năm 2027) và tổng kết (năm 2030) cho tập thể dẫn đầu phong trào, mỗi đợt không quá 03 tập thể.')
A('Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
  'b) Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: xét tặng hằng năm cho tập thể, cá nhân có thành tích xuất sắc, mỗi năm không quá 20 tập thể và 30 cá nhân.')
A('Giấy khen của Chủ tịch Ủy ban nhân dân xã, phường',
  'c) Giấy khen của Chủ tịch Ủy ban nhân dân xã, phường: do Chủ tịch Ủy ban nhân dân cấp xã xét tặng theo thẩm quyền cho tập thể, cá nhân ở cơ sở.')

D('Ủy ban nhân dân các xã, phường ban hành kế hoạch của địa phương', '15/10/2025', False,
  '4. Ủy ban nhân dân các xã, phường: ban hành kế hoạch của địa phương trước ngày 15/10/2025; giao chỉ tiêu đến từng ấp, khu phố; kiện toàn tổ công nghệ số cộng đồng.')
S_r = '6. Chế độ báo cáo: các sở, ban, ngành và Ủy ban nhân dân các xã, phường gửi báo cáo kết quả thực hiện năm về Sở Nội vụ và Sở Khoa học và Công nghệ trước ngày 20/11 hằng năm; hồ sơ đề nghị khen thưởng hằng năm gửi Sở Nội vụ trước ngày 05/12 hằng năm.'
D('báo cáo kết quả thực hiện năm gửi Sở Nội vụ và Sở Khoa học và Công nghệ', '20/11', True, S_r)
D('hồ sơ đề nghị khen thưởng hằng năm gửi Sở Nội vụ', '05/12', True, S_r)
g.write('tinh-table')
