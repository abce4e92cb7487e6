from goldlib import Gold
g = Gold('corpus/001_cef97842b6e97a79.txt')
T, A, D = g.T, g.A, g.D
# 2.1 Năm 2025
T(2025, 80, '%', '>', 'cán bộ, công chức, viên chức và người lao động có hiểu biết về chuyển đổi số, kiến thức và kỹ năng số',
  'Trên 80% cán bộ, công chức, viên chức và người lao động có hiểu biết về chuyển đổi số, kiến thức và kỹ năng số, sử dụng được các nền tảng, trí tuệ nhân tạo, dịch vụ số phục vụ công việc.')
T(2025, 100, '%', '>=', 'học sinh các trường trung học được trang bị kiến thức, kỹ năng số',
  '100% học sinh các trường trung học được trang bị kiến thức, kỹ năng số để phục vụ học tập, nghiên cứu và sáng tạo, có kỹ năng an toàn trong học tập và tương tác xã hội trong môi trường số.')
T(2025, 80, '%', '>=', 'người dân trong độ tuổi trưởng thành có tri thức cơ bản về chuyển đổi số, có kỹ năng số',
  '80% người dân trong độ tuổi trưởng thành có tri thức cơ bản về chuyển đổi số, có kỹ năng số, sử dụng được thiết bị thông minh để khai thác thông tin, sử dụng nền tảng, dịch vụ số thiết yếu, biết bảo vệ bản thân trên môi trường số.')
T(2025, 80, '%', '>=', 'người dân trong độ tuổi trưởng thành được xác nhận đạt phổ cập tri thức về chuyển đổi số, kỹ năng số trên nền tảng VNeID',
  '80% người dân trong độ tuổi trưởng thành được xác nhận đạt phổ cập tri thức về chuyển đổi số, kỹ năng số trên nền tảng VNeID.')
T(2025, 80, '%', '>=', 'người lao động trong các doanh nghiệp, hợp tác xã, liên hợp tác xã có kiến thức cơ bản về công nghệ số, có kỹ năng số',
  '80% người lao động trong các doanh nghiệp, hợp tác xã, liên hợp tác xã có kiến thức cơ bản về công nghệ số, có kỹ năng số, sử dụng được thiết bị thông minh để phục vụ sản xuất, kinh doanh, nâng cao năng suất lao động.')
# 2.2 Năm 2026
T(2026, 100, '%', '>=', 'cán bộ, công chức, viên chức và người lao động trong khu vực công có hiểu biết về chuyển đổi số, kiến thức và kỹ năng số',
  '100% cán bộ, công chức, viên chức và người lao động trong khu vực công có hiểu biết về chuyển đổi số, kiến thức và kỹ năng số, sử dụng tốt các nền tảng, trí tuệ nhân tạo, dịch vụ số phục vụ công việc.')
T(2026, 100, '%', '>=', 'học sinh từ cấp tiểu học được trang bị kiến thức, kỹ năng số',
  '100% học sinh từ cấp tiểu học được trang bị kiến thức, kỹ năng số để phục vụ học tập, nghiên cứu và sáng tạo, nhận biết được nguy cơ, có kỹ năng bảo đảm an toàn trong môi trường số.')
T(2026, 100, '%', '>=', 'người dân trưởng thành có tri thức cơ bản về chuyển đổi số, có kỹ năng số',
  '100% người dân trưởng thành có tri thức cơ bản về chuyển đổi số, có kỹ năng số, sử dụng tốt thiết bị thông minh để khai thác thông tin, sử dụng nền tảng, dịch vụ số thiết yếu, tham gia tương tác, an toàn trên môi trường số.')
T(2026, 100, '%', '>=', 'người dân trong độ tuổi trưởng thành được xác nhận đạt phổ cập tri thức về chuyển đổi số, kỹ năng số trên nền tảng VNeID',
  '100% người dân trong độ tuổi trưởng thành được xác nhận đạt phổ cập tri thức về chuyển đổi số, kỹ năng số trên nền tảng VNeID.')
T(2026, 100, '%', '>=', 'người lao động trong các doanh nghiệp, hợp tác xã, liên hợp tác xã có kiến thức về công nghệ số, có kỹ năng số',
  '100% người lao động trong các doanh nghiệp, hợp tác xã, liên hợp tác xã có kiến thức về công nghệ số, có kỹ năng số, sử dụng tốt thiết bị thông minh để phục vụ sản xuất, kinh doanh, nâng cao năng suất lao động.')
T(2026, 80, '%', '>=', 'các cơ sở giáo dục phổ thông thường xuyên triển khai các chương trình giảng dạy về kỹ năng số cho học sinh',
  '80% trở lên các cơ sở giáo dục phổ thông thường xuyên triển khai các chương trình giảng dạy về kỹ năng số cho học sinh phù hợp với quy định của Bộ Giáo dục và Đào tạo tại Thông tư số 02/2025/TT-BGDĐT, ngày 24/01/2025 về Khung năng lực học số cho người học.')

# III.1 Hình thức và danh hiệu khen thưởng
A('Huân chương Lao động', 'Huân chương Lao động;', aliases=['Huân chương Lao động hạng Ba'])
A('Cờ thi đua của Chính phủ', 'Cờ thi đua của Chính phủ;')
A('Bằng khen của Thủ tướng Chính phủ', 'Bằng khen của Thủ tướng Chính phủ;')
A('Cờ thi đua của Uỷ ban nhân thành phố', 'Cờ thi đua của Uỷ ban nhân thành phố;', aliases=['Cờ thi đua của Uỷ ban nhân dân thành phố'])
A('Bằng khen của Chủ tịch Uỷ ban nhân dân thành phố', 'Bằng khen của Chủ tịch Uỷ ban nhân dân thành phố;', aliases=['Bằng khen của của Uỷ ban nhân dân thành phố'])
A('Giấy khen của Ủy ban nhân dân phường',
  '3.3.5. Bằng khen của của Uỷ ban nhân dân thành phố, Giấy khen của Ủy ban nhân dân phường: tặng cho các tập thể, cá nhân có thành tích tiêu biểu xuất sắc trong thực hiện các phong trào thi đua.',
  aliases=['Giấy khen'])

D('báo cáo kết quả thực hiện phong trào thi đua hằng năm của các đơn vị gửi UBND phường (qua phòng Văn hoá - Xã hội)', '05/12', True,
  'Định kỳ hàng năm tất cả các đơn vị gửi báo cáo kết quả thực hiện phong trào thi đua về Ủy ban nhân dân phường (qua phòng Văn hoá - Xã hội) trước ngày 05/12 để tổng hợp báo cáo Ủy ban nhân dân thành phố theo quy định.')
g.write('ward')
