import json
def T(y,v,u,c,pop,s): return {"year":y,"value":v,"unit":u,"comparator":c,"population":pop,"sentence":s}
def A(n,s): return {"name":n,"sentence":s}
def D(w,d,r,s): return {"what":w,"date":d,"recurring":r,"sentence":s}
G={}
G["xa_tan_phu_bdhvs"]={
 "targets":[
  T(2025,80,"%",">","cán bộ, công chức và người hoạt động không chuyên trách cấp xã, ấp được bồi dưỡng kỹ năng số cơ bản","trên 80% cán bộ, công chức và người hoạt động không chuyên trách cấp xã, ấp được bồi dưỡng kỹ năng số cơ bản"),
  T(2025,65,"%",">=","người dân trong độ tuổi trưởng thành được phổ biến kiến thức cơ bản về chuyển đổi số","ít nhất 65% người dân trong độ tuổi trưởng thành được phổ biến kiến thức cơ bản về chuyển đổi số trên nền tảng \"Bình dân học vụ số\""),
  T(2025,1200,"count",">=","hộ gia đình được hướng dẫn cài đặt, sử dụng tiện ích VNeID","tối thiểu 1.200 hộ gia đình được hướng dẫn cài đặt, sử dụng các tiện ích trên ứng dụng VNeID"),
  T(2025,72.5,"%",">=","hồ sơ thủ tục hành chính của xã được tiếp nhận, giải quyết trực tuyến","72,5% hồ sơ thủ tục hành chính của xã được tiếp nhận, giải quyết trực tuyến"),
  T(2026,100,"%",">=","cán bộ, công chức xã hoàn thành chương trình bồi dưỡng kỹ năng số","100% cán bộ, công chức xã hoàn thành chương trình bồi dưỡng kỹ năng số và khai thác dữ liệu phục vụ công việc"),
  T(2026,85,"%",">","người dân trong độ tuổi trưởng thành có kỹ năng số cơ bản","hơn 85% người dân trong độ tuổi trưởng thành có kỹ năng số cơ bản để sử dụng dịch vụ công trực tuyến, thanh toán điện tử"),
  T(2026,350,"count",">=","hộ kinh doanh, hộ sản xuất lên sàn thương mại điện tử hoặc thanh toán không dùng tiền mặt","từ 350 hộ kinh doanh, hộ sản xuất trở lên đưa sản phẩm lên sàn thương mại điện tử hoặc sử dụng thanh toán không dùng tiền mặt"),
  T(2026,90,"%",">=","học sinh trung học cơ sở được trang bị kỹ năng an toàn khi sử dụng Internet","90% học sinh trung học cơ sở trên địa bàn được trang bị kỹ năng an toàn khi sử dụng Internet"),
 ],
 "awards":[
  A("Giấy khen của Chủ tịch UBND xã","Kết thúc mỗi năm, UBND xã đánh giá, xét tặng Giấy khen của Chủ tịch UBND xã cho các tập thể, cá nhân có thành tích tiêu biểu trong thực hiện phong trào."),
  A("Bằng khen của Chủ tịch UBND tỉnh","Đối với tập thể, cá nhân có thành tích đặc biệt xuất sắc, UBND xã đề nghị cấp trên xét tặng Bằng khen của Chủ tịch UBND tỉnh."),
 ],
 "deadlines":[
  D("ấp, Tổ công nghệ số cộng đồng báo cáo kết quả năm về UBND xã","25/11",True,"Ban nhân dân các ấp, Tổ công nghệ số cộng đồng báo cáo kết quả thực hiện về UBND xã (qua Văn phòng HĐND và UBND xã) trước ngày 25/11 hằng năm để tổng hợp, báo cáo cấp trên."),
  D("sơ kết một năm thực hiện phong trào","15/12/2025",False,"Phòng Văn hóa - Xã hội chủ trì, phối hợp các đơn vị tổ chức sơ kết một năm thực hiện phong trào, hoàn thành trước ngày 15/12/2025."),
 ]}
r1="Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình % 61,4 75 85 92,5"
r2="Số doanh nghiệp được hỗ trợ đổi mới công nghệ, chuyển đổi số (lũy kế) Doanh nghiệp 38 60 120 200"
r3="Tỷ lệ công chức, viên chức của Sở có chứng nhận kỹ năng số % 47 70 90 100"
r4="Số nhiệm vụ khoa học và công nghệ ứng dụng trí tuệ nhân tạo, dữ liệu lớn Nhiệm vụ 2 4 6 10"
p1="hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình"
p2="doanh nghiệp được hỗ trợ đổi mới công nghệ, chuyển đổi số (lũy kế)"
p3="công chức, viên chức của Sở có chứng nhận kỹ năng số"
p4="nhiệm vụ khoa học và công nghệ ứng dụng trí tuệ nhân tạo, dữ liệu lớn"
tg=[]
for (r,p,u,vals) in [(r1,p1,"%",[75,85,92.5]),(r2,p2,"count",[60,120,200]),(r3,p3,"%",[70,90,100]),(r4,p4,"count",[4,6,10])]:
    for y,v in zip([2025,2026,2027],vals): tg.append(T(y,v,u,">=",p,r))
G["so_khcn_thi_dua_dmst"]={"targets":tg,
 "awards":[
  A("Giấy khen của Giám đốc Sở Khoa học và Công nghệ","Hằng năm, Giám đốc Sở xét tặng Giấy khen của Giám đốc Sở Khoa học và Công nghệ cho tập thể, cá nhân hoàn thành xuất sắc nhiệm vụ thi đua, trong đó cá nhân phải có ít nhất 01 sáng kiến được công nhận hoặc tham gia thực hiện 01 nhiệm vụ chuyển đổi số của Sở."),
  A("Bằng khen của Chủ tịch UBND tỉnh","Kết thúc giai đoạn, Sở lựa chọn tập thể, cá nhân tiêu biểu để đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh."),
  A("Bằng khen của Bộ trưởng Bộ Khoa học và Công nghệ","Tập thể, cá nhân có thành tích đặc biệt xuất sắc, tiêu biểu cho toàn ngành được xem xét đề nghị tặng Bằng khen của Bộ trưởng Bộ Khoa học và Công nghệ."),
 ],
 "deadlines":[
  D("gửi bản đăng ký thi đua về Văn phòng Sở","15/08/2025",False,"Văn phòng Sở là đầu mối tham mưu, hướng dẫn các phòng, đơn vị đăng ký thi đua; bản đăng ký gửi về Văn phòng Sở trước ngày 15/8/2025."),
  D("báo cáo kết quả thực hiện phong trào hằng năm","10/11",True,"Các phòng, đơn vị trực thuộc gửi báo cáo kết quả thực hiện phong trào về Văn phòng Sở trước ngày 10/11 hằng năm để tổng hợp, bình xét thi đua."),
 ]}
G["phuong_hoa_binh_bdhvs"]={
 "targets":[
  T(2025,60,"%",">","người dân từ 15 tuổi trở lên được tiếp cận, học tập trên nền tảng Bình dân học vụ số","Tỷ lệ người dân từ 15 tuổi trở lên được tiếp cận, học tập trên nền tảng \"Bình dân học vụ số\" đạt trên 60% vào cuối năm 2025."),
  T(2025,3000,"count",">","lượt người cao tuổi được hướng dẫn sử dụng điện thoại thông minh và dịch vụ công trực tuyến","Hơn 3.000 lượt người cao tuổi được hướng dẫn sử dụng điện thoại thông minh và dịch vụ công trực tuyến trong năm 2025."),
  T(2025,25000,"count",">=","bản ghi hộ tịch được số hóa, cập nhật vào cơ sở dữ liệu","Hoàn thành số hóa dữ liệu hộ tịch với tối thiểu 25.000 bản ghi được cập nhật vào cơ sở dữ liệu vào cuối năm 2025."),
  T(2026,85,"%",">=","người dân trưởng thành có kỹ năng số cơ bản","Tỷ lệ người dân trưởng thành có kỹ năng số cơ bản đạt 85% vào cuối năm 2026."),
  T(2026,95,"%",">=","hộ kinh doanh tại chợ và tuyến phố thương mại sử dụng thanh toán không dùng tiền mặt","Ít nhất 95% hộ kinh doanh tại chợ và các tuyến phố thương mại sử dụng hình thức thanh toán không dùng tiền mặt vào cuối năm 2026."),
  T(2027,100,"%",">=","tổ dân phố duy trì Tổ công nghệ số cộng đồng hoạt động thường xuyên, hiệu quả","100% tổ dân phố duy trì Tổ công nghệ số cộng đồng hoạt động thường xuyên, hiệu quả trong giai đoạn 2025 - 2027."),
  T(2027,82.5,"%",">=","hồ sơ thủ tục hành chính được nộp trực tuyến","Tỷ lệ hồ sơ thủ tục hành chính được nộp trực tuyến đạt tối thiểu 82,5% vào năm 2027."),
  T(2030,90,"%",">","người dân trưởng thành thường xuyên sử dụng dịch vụ công trực tuyến","Tỷ lệ người dân trưởng thành thường xuyên sử dụng dịch vụ công trực tuyến đạt trên 90% vào năm 2030."),
 ],
 "awards":[
  A("Giấy khen của Chủ tịch UBND phường","Hằng năm, UBND phường xét tặng Giấy khen của Chủ tịch UBND phường cho tổ dân phố có từ 80% hộ gia đình trở lên tham gia học tập trên nền tảng và cá nhân đã trực tiếp hướng dẫn được ít nhất 50 người dân sử dụng dịch vụ số."),
  A("Giấy chứng nhận \"Công dân số tiêu biểu\"","Tổ chức biểu dương, tặng Giấy chứng nhận \"Công dân số tiêu biểu\" cho người dân có nhiều đóng góp trong việc lan tỏa kỹ năng số tại cộng đồng."),
  A("Bằng khen của Chủ tịch UBND thành phố","Khi sơ kết, tổng kết giai đoạn, UBND phường lựa chọn tập thể, cá nhân xuất sắc đề nghị tặng Bằng khen của Chủ tịch UBND thành phố."),
 ],
 "deadlines":[
  D("báo cáo kết quả định kỳ 6 tháng","20/06",True,"Các tổ dân phố, cơ quan, đoàn thể báo cáo kết quả thực hiện định kỳ 6 tháng trước ngày 20/6 và báo cáo năm trước ngày 20/11 hằng năm về UBND phường (qua Phòng Văn hóa - Xã hội)."),
  D("báo cáo kết quả năm","20/11",True,"Các tổ dân phố, cơ quan, đoàn thể báo cáo kết quả thực hiện định kỳ 6 tháng trước ngày 20/6 và báo cáo năm trước ngày 20/11 hằng năm về UBND phường (qua Phòng Văn hóa - Xã hội)."),
  D("sơ kết năm đầu thực hiện phong trào","05/12/2025",False,"Phòng Văn hóa - Xã hội tham mưu UBND phường tổ chức sơ kết năm đầu thực hiện phong trào, hoàn thành trước ngày 05/12/2025./."),
 ]}
for n,g in G.items():
    out={"file":f"test/eval/plans3/docs/{n}.txt",**g}
    json.dump(out,open(f"gold/{n}.json","w"),ensure_ascii=False,indent=1)
