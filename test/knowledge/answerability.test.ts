import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givesTasks, placesNamed, requiredFacts, taskBody, withoutCitedDates } from '../../src/knowledge/answer/answerability.js';
import { createKnowledge, type Knowledge } from '../../src/knowledge/index.js';

/** The offline answerer on the real corpus: what it answers, and what it declines, and why. */
const root = path.resolve(import.meta.dirname, '../..');
let knowledge: Knowledge;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'answerability-'));
  knowledge = await createKnowledge({ corpusDir: path.join(root, 'corpus'), dataDir });
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const ask = (q: string) => knowledge.ask(q);

describe('declines what the documents do not say', () => {
  it.each([
    ['a word the corpus never uses', 'so dien thoai phong van hoa xa hoi phuong hong an la gi'],
    ['an amount of money', 'Được Bằng khen của Chủ tịch UBND thành phố thì được thưởng bao nhiêu tiền?'],
    ['a year the plans do not cover', 'chi tieu nam 2031 ve vneid la bao nhieu'],
    ['a deadline the documents do not set', 'Hạn chót nộp hồ sơ đề nghị Cờ thi đua của Chính phủ khi sơ kết năm 2027 là ngày nào?'],
    ['a deadline, where only cited documents carry dates', 'hạn nộp hồ sơ khen thưởng là ngày nào'],
    ['a count of what has been achieved', 'Phường Hồng An đã tập huấn kỹ năng số cho được bao nhiêu người dân rồi?'],
    ['a count the documents never give', 'Giấy khen của UBND phường Hồng An xét mấy đợt một năm?'],
    ['a thing the corpus never names', 'Kinh phí thực hiện kế hoạch phát động phong trào thi đua của phường Hồng An là bao nhiêu?'],
    ['where a thing the corpus never names comes from', 'kinh phí thực hiện phong trào lấy từ đâu'],
    ['which source a thing the corpus never names comes from', 'kinh phi thuc hien ke hoach lay tu nguon nao'],
    ['a count typed "bn"', 'moi nam phuong dc de nghi toi da bn suat bang khen cua chu tich UBND TP'],
    // The award criteria stand under "3.2. … khen thưởng sơ kết vào năm 2027"; targets are set for 2025 and 2026.
    ['a target for a year the plans set none for', 'chi tieu nam 2027 ve ty le CBCCVC co ky nang so o phuong Hong An la bn %'],
    ['the tasks of a body the corpus never names', 'Sở Tư pháp có nhiệm vụ gì'],
    // A ward's report deadline shares the words; it does not name the Sở.
    ['a deadline of a department no passage gives it', 'so khoa hoc va cong nghe phai trinh chu tich ubnd thanh pho ke hoach chi tiet truoc ngay nao'],
    ['a ward the corpus does not cover', 'chi tieu chuyen doi so nam 2025 cua phuong Le Chan la gi'],
    // "cơ sở giáo dục" is in the plans; "Sở Giáo dục và Đào tạo" is not.
    ['a department written in full that the corpus never names', 'Theo CV của UBND TP Hải Phòng thì Sở Giáo dục và Đào tạo có nhiệm vụ cụ thể gì trong phong trào Bình dân học vụ số?'],
    // The Ministry's letter sets no deadline; its own facts say when it was issued.
    // The plans name the council among those commended; none lists its members.
    // "quản lý lực lượng công an, quân sự" names the police; no passage gives it a task.
    ['the tasks of a body the documents name but give none', 'công an phường có nhiệm vụ gì trong phong trào'],
    ['a sanction ("bị xử lý")', 'don vi nao nop bao cao tre han 05/12 thi bi xu ly the nao'],
    // Passages share "lớp", "dân", "phố"…; none gives a time.
    ['a time no passage gives ("khi nào")', 'lớp dạy dùng đt thông minh cho ng già ở tổ dân phố khi nào mở vậy'],
    ['an award form the plans do not describe, "hạng nhì" folded like "nhỉ"', 'huan chuong lao dong hang nhi can tieu chuan gi'],
    // "Năm 2027: tổ chức sơ kết" has no date; "tháng 8 năm 2025" is another year's deadline.
    ['a deadline for a year no dated passage names, the document named by number', 'Theo CV 2144, các sở, ngành phải gửi báo cáo sơ kết phong trào thi đua năm 2027 về UBND thành phố trước ngày nào?'],
    // The 2026 target cites "Thông tư số 02/2025/TT-BGDĐT, ngày 24/01/2025".
    ['a target for a year only a cited document’s date names', 'Năm 2025 phường Hồng An đặt chỉ tiêu bao nhiêu % cơ sở giáo dục phổ thông thường xuyên triển khai chương trình giảng dạy kỹ năng số cho học sinh?'],
    ['what a plan only cites sets', 'Kế hoạch 478-KH/TU của Thành ủy Hải Phòng đặt chỉ tiêu cụ thể gì cho năm 2025?'],
    // "Nơi nhận: … Thứ trưởng Cao Huy;" names him; nothing gives him a task.
    ['the tasks of a person the recipients’ list names', 'Trong CV 4735 của Bộ Nội vụ, Thứ trưởng Cao Huy được giao theo dõi, chỉ đạo nội dung gì?'],
    ['what a list holds, in words the corpus never pairs ("giấy tờ")', 'Theo Hướng dẫn số 01/HD-BTĐKT ngày 23/6/2025, hồ sơ đề nghị khen thưởng phong trào “Hải Phòng thi đua đột phá” gồm những giấy tờ gì?'],
    // "Công văn số 4735/BNV-BTĐKTTW ngày 04 tháng 7 năm 2025" is when it was issued, not a deadline.
    ['a deadline, where only the date of the document the question names stands', 'Theo công văn 4735 của Bộ Nội vụ thì hạn chót các tỉnh phải gửi kế hoạch triển khai phong trào về Bộ là ngày nào?'],
    ['a fee no passage names', 'dang ky hoc lop binh dan hoc vu so o phuong Hong An thi den dau, co mat phi khong a?'],
    ['the members of a body no passage lists', 'Hội đồng nhân dân phường Hồng An gồm những ai?'],
    ['a deadline, where only the document’s own issue date stands', 'cv 4735 cua Bo Noi vu yeu cau cac tinh bao cao ket qua ve Bo truoc ngay nao'],
  ])('%s', async (_why, q) => {
    const a = await ask(q);
    expect(a.answered).toBe(false);
    expect(a.citations).toEqual([]);
  });
});

it('lists what the documents cover in the corpus’ usual spelling, not a heading’s typo', async () => {
  // Section III of the Hồng An plan is headed "HÌNH THỨC VÀ ĐÓI TƯỢNG…"; the corpus writes "đối tượng".
  const a = await ask('giá vé xe buýt ở Hải Phòng là bao nhiêu');
  expect(a.answered).toBe(false);
  expect(a.answer).toContain('hình thức và đối tượng áp dụng khen thưởng');
  expect(a.answer).not.toContain('đói tượng');
});

describe('answers how people really type', () => {
  it.each([
    ['no diacritics', 'nam 2026 chi tieu can bo cong chuc vien chuc co ky nang so la bao nhieu phan tram', '100%'],
    ['abbreviations', 'chi tieu 2025 CBCCVC co hieu biet ve CDS', '80%'],
    ['the other i-spelling', 'CV 4735 của BNV ai kí v', 'Phạm Thị Thanh Trà'],
    ['phone shorthand', 'chi tieu 2026 lao dong trong DN, HTX ve ky nang so la bn', '100%'],
    ['"nộp" for the documents’ "gửi"', 'cho e hoi han nop bao cao hang nam o phuong Hong An la ngay nao a', '05/12'],
    ['a school grade in the question', 'hoc sinh cap 2 cap 3 nam 2025 phai dc trang bi ky nang so bao nhieu phan tram', '100%'],
    ['"chịu trách nhiệm" for the documents’ "trách nhiệm"', 'ai chịu trách nhiệm tổng hợp báo cáo kết quả phong trào ở phường Hồng An', 'Văn hóa - Xã hội'],
    ['which document number', 'Ban TĐKT TP có đề nghị bằng văn bản số mấy trước khi UBND TP ra CV 2144?', '51/BTĐKT-NV'],
    ['the page addressed as "ad"', 'han nop bao cao phuong hong an la ngay nao vay ad', '05/12'],
    ['a misspelt question word', 'chỉ tiêu 2025 của Hồng An về CBCCVC có hiểu biết về CĐS là bao nhiu', 'Trên 80%'],
    ['a deadline set as a month', 'Theo công văn của UBND thành phố, UBND cấp xã phải ban hành kế hoạch phát động phong trào xong trong thời hạn nào?', 'tháng 8 năm 2025'],
    ['HP for Hải Phòng', 'Theo kế hoạch phường Hải Dương thì đến năm 2045 HP phấn đấu trở thành tp như thế nào?', 'hàng đầu Châu Á'],
    ['"top mấy" for a rank', 'tieu chuan huan chuong lao dong hang ba: diem DTI trung binh 5 nam phai xep trong top may', '01 đến 05'],
    // "rất", "bọn", "cái": small words of speech; "phường khen" is no ward named "khen".
    ['"rất tốt", "phường khen"', 'to dan pho nha em lam phong trao rat tot, co thanh tich tieu bieu xuat sac thi phuong khen bang hinh thuc gi a', 'Giấy khen'],
    ['"bọn em"', 'Nhà em là hộ kinh doanh nhỏ, kế hoạc phường Hồng An có khuyến khích bọn em đầu tư chuyển đổi số ko hay chỉ DN lớn thôi?', 'hộ kinh doanh'],
    ['a ward by its initials', 'phòng VHXH phường HD chủ trì phối hợp với hội đồng nào để tham mưu chủ tịch triển khai KH vậy', 'Hội đồng thi đua'],
    ['"lo" for "phụ trách"', 'so nao o hai phong lo dinh huong bao chi truyen thong tuyen truyen phong trao thi dua vay ad', 'Sở Văn hóa, Thể thao và Du lịch'],
    ['"chậm nhất ngày nào"', 'Các đơn vị trên địa bàn phường Hồng An nộp báo cáo kết quả phong trào hằng năm cho phòng Văn hoá - Xã hội chậm nhất ngày nào?', '05/12'],
    ['"cơ quan nào có trách nhiệm"', 'Ở cấp thành phố, cơ quan nào có trách nhiệm thẩm định hồ sơ và tổng hợp trình khen thưởng trong Phong trào thi đua?', 'Sở Nội vụ'],
    // The deadline stands under the Front's section, below the Phòng's tasks that share the words.
    ['"đề nghị cho biết" before a formal question', 'Đề nghị cho biết theo Kế hoạch của UBND phường Hồng An, đến năm 2026 tỷ lệ người dân trưởng thành có tri thức cơ bản về chuyển đổi số, có kỹ năng số phải đạt bao nhiêu phần trăm?', '100%'],
    ['a deadline found deeper in the search', 'o phuong hai duong thi han chot nop bao cao thi dua hang nam cho phong van hoa xa hoi la ngay nao vay', '15/12'],
    // "phần mềm", "online": the asker's story; the documents need not know its words.
    ['a story, then the question', 'Nhà em có HTX nhỏ làm dịch vụ ở Hồng An, anh chị em trong HTX học dùng phần mềm quản lý, bán hàng online khá tốt. Vậy HTX có thuộc đối tượng được khen thưởng trong phong trào thi đua chuyển đổi số của phường không ạ?', 'hợp tác xã'],
    ['"GV", and who asks told before a comma', 'e la GV truong THCS o Hong An, KH phuong co chi tieu gi ve viec cac truong pho thong day ky nang so cho hoc sinh ko a, bao nhieu phan tram?', '80% trở lên'],
    ['"soạn tờ trình": the asker’s task, not the topic', 'em dang soan to trinh khen thuong CDS, can trich dan huong dan khen thuong cua BNV cho 2 phong trao, la HD so may ngay nao vay a', '3751'],
    ['"cuối năm"', 'Kết quả tham gia phong trào thi đua CĐS của cá nhân có được tính vào bình xét khen thưởng cuối năm ko ạ? (KH phường Hồng An)', 'bình xét khen thưởng'],
    ['"xử lý … thế nào" asks how', 'Theo CV 4735/BNV, nếu thành tích xuất sắc có phạm vi ảnh hưởng toàn quốc thì địa phương xử lý việc khen thưởng thế nào?', 'đề nghị cấp trên khen thưởng'],
    // "Kế hoạch số 150/KH-UBND" stands in the passage before, under the same "2.".
    ['a document its section names once', 'theo cv 2144 so nao chu tri phoi hop voi So Noi vu ra soat trien khai cac noi dung phong trao thi dua theo KH 150/KH-UBND?', 'Sở Khoa học và Công nghệ'],
    ['"HCLĐ" for Huân chương Lao động', 'HCLĐ hang ba thi dia phuong can chi so DTI top may a', '01 đến 05'],
    ['"người lớn" for the plans’ "người trưởng thành"', 'nam 2025 bao nhieu % nguoi lon o hong an phai dat pho cap ky nang so tren vneid vay', '80%'],
    ['"xài" for "sử dụng"', 'den 2026 thi bn % dan o Hồng An phai xai tot thiet bi thong minh', '100% người dân trưởng thành'],
    ['"kq", and "nhỉ" (not "hạng Nhì")', 'bc kq thi dua hang nam ben hong an nop cho phong vhxh han chot 5/12 hay 15/12 nhi', '05/12'],
    ['"… z" for "vậy"', 'MTTQ vs đoàn thể ở Hồng An làm gì cho BDHVS z', 'đội hình “Bình dân học vụ số”'],
    ['"khi nào", answered by a year', 'khi nao so ket phong trao thi dua vay ad', 'Năm 2027'],
    // "tiệm tạp hóa": the asker's own shop; the plan names "hộ kinh doanh".
    ['the asker’s circumstances in words the documents lack', 'nha minh co tiem tap hoa (ho kinh doanh) o p. Hải Dương thì có đc khuyến khích CĐS ko', 'hộ kinh doanh'],
    ['"liệt kê đầy đủ giúp mình": how to answer, not what about', 'kh phuong hong an co nhung hinh thuc, danh hieu khen thuong nao? liet ke day du giup minh', 'Huân chương Lao động; Cờ thi đua của Chính phủ'],
    ['"Kể hết ra."', 'Nội dung thi đua thứ (8) trong KH phường Hải Dương có nêu các lĩnh vực công nghệ chiến lược nào cần đẩy mạnh hợp tác? Kể hết ra.', 'trí tuệ nhân tạo'],
    ['"BK", and "ngoài việc …"', 'Công ty mình là DN trên địa bàn phường Hồng An, muốn được đề nghị BK Thủ tướng khi tổng kết phong trào. Ngoài việc làm CĐS hiệu quả thì có yêu cầu gì về xếp hạng chỉ số chuyển đổi số không?', 'Bằng khen của Thủ tướng Chính phủ'],
    ['"LĐ" for lao động', 'xet Huan chuong LD hang Ba theo KH cua phuong Hong An thi dia phuong phai dung thu hang may ve chi so DTI binh quan 5 nam?', '01 đến 05'],
    // "phường hạn chót" is no ward named "Hạn Chót".
    ['"phường hạn chót"', 'Thành phố cho cấp xã, phường hạn chót tới lúc nào phải ra xong kế hoạch phát động thi đua năm 2025?', 'tháng 8 năm 2025'],
    ['"… hả cháu?" addressing the bot', 'Bác về hưu rồi, không rành cái điện thoại thông minh lắm. Năm nay phường Hồng An muốn bao nhiêu phần trăm người lớn có hiểu biết cơ bản về chuyển đổi số hả cháu?', '80% người dân trong độ tuổi trưởng thành'],
    ['"bắt tay với" for the plans’ "phối hợp với"', 'phong VH-XH phuong Hai Duong bat tay voi don vi nao de tuyen truyen guong tap the, ca nhan dien hinh ve CDS?', 'Trung tâm Văn hóa, Thể thao và Truyền thông'],
    ['"ai là người phát động" as "ai phát động"', 'ai la nguoi phat dong phong trao ca nuoc thi dua doi moi sang tao va chuyen doi so vay', 'Thủ tướng Chính phủ'],
    ['"PT thi đua" for phong trào thi đua', 'Sở nào định hướng cơ quan truyền thông tuyên truyền PT thi đua HP', 'Sở Văn hóa, Thể thao và Du lịch'],
    ['what the asker is doing, told after the question', 'cv 2144/UBND-NVKTGS cua UBND thanh pho ban hanh ngay nao vay, minh dang soan phan can cu cho ke hoach', '15/8/2025'],
    ['an initialism the bot does not expand ("TT")', 'TT Van hoa The thao va Truyen thong phuong Hai Duong duoc giao mo chuyen trang, chuyen muc o dau z', 'Đài phát thanh'],
    // "công ty" in the story is no thing the question asks about.
    ['a story first, then "… phải làm gì"', 'Tôi có công ty nhỏ đóng trên địa bàn phường Hải Dương. Trong năm 2025 doanh nghiệp như tôi phải làm gì theo kế hoạch thi đua này?', 'Năm 2025'],
    // "phóng viên" folds like "phòng …", a body; the asker is one.
    ['who asks ("mình làm phóng viên") is not the body asked about', 'Mình làm phóng viên, muốn hỏi trong công văn 2144 của thành phố thì sở nào được giao chủ trì định hướng các cơ quan truyền thông tuyên truyền phong trào?', 'Sở Văn hóa, Thể thao và Du lịch'],
    ['"đọc kế hoạch … thấy nói đến"', 'doc ke hoach cua phuong Hai Duong thay noi den nam 2045 Hai Phong se tro thanh thanh pho nhu the nao vay ad', 'hàng đầu Châu Á'],
    ['"vs" for "với"', 'KH của phường Hồng An đề nghị Ban Xây dựng Đảng Đảng ủy phối hợp xây dựng mô hình gì gắn vs nội dung phát triển khoa học công nghệ?', 'Dân vận khéo'],
    // "ký kế" never stands together in the corpus; "ký" is what the person does, not a thing.
    ['"ai là người ký"', 'Ai là người ký Kế hoạch phát động phong trào thi đua đột phá phát triển KHCN, ĐMST và CĐS trên địa bàn phường Hải Dương?', 'Phạm Thị Thanh Vân'],
  ])('%s', async (_how, q, fact) => {
    const a = await ask(q);
    expect(a.answered).toBe(true);
    expect(a.answer + a.citations.map((c) => c.quote).join(' ')).toContain(fact);
  });
});

it('answers "ai ký" with the signer in the quoted answer itself, not only in the cited passage', async () => {
  const a = await ask('ai ky cong van 2144');
  expect(a.answer).toContain('Người ký: Nguyễn Minh Hùng');
  // Named by what the document is about rather than its number, it is still the signer first.
  const plan = await ask('ai ky ke hoach phat dong phong trao cua UBND phuong Hong An vay');
  expect(plan.answer.split('\n')[0]).toContain('Người ký: Nguyễn Hữu Thanh');
  // Asked "do ai ký" with fewer words, the signature block answers (its lines are one quote).
  const short = await ask('KH phat dong phong trao cua UBND phuong Hong An do ai ky');
  expect(short.answer.split('\n')[0]).toContain('Nguyễn Hữu Thanh');
});

// The first quoted line, for questions where a tempting wrong sentence exists.
it.each([
  // "người dân" asked; "80% … cơ sở giáo dục … người học" has "người" and every other topic word.
  ['the two-syllable word asked about, not its syllables apart', 'chi tieu nam 2026 ve ky nang so cua nguoi dan', '100% người dân'],
  // "Mở các chuyên trang, chuyên mục trên Đài phát thanh" stands under "3. Trung Tâm Văn hóa, Thể
  // thao và Truyền thông" and names no body; the Phòng's section names the Trung tâm in a sentence.
  ['a sentence read with its heading (a body’s own section)', 'trung tam van hoa the thao truyen thong hai duong mo chuyen muc o dau', 'Đài phát thanh'],
  ['a sentence read with its heading (the Front’s section)', 'mttq va cac doan the phuong hong an phai lam gi', 'đội hình “Bình dân học vụ số”'],
  // "phường Hồng An" would favour the closing paragraph ("… của Ủy ban nhân dân phường Hồng An").
  ['not what the ward named chooses: it chose the passages already', 'cac don vi o hong an gui bao cao ve dau', 'Định kỳ hàng năm tất cả các đơn vị gửi báo cáo'],
  ['the item named by its number "(8)"', 'Nội dung thi đua thứ (8) trong kế hoạch của phường Hải Dương là gì?', '(mục 1. Nội dung thi đua › (8))'],
  ['the item named "điểm b mục 3.2.2"', 'tieu chuan diem b muc 3.2.2', 'b) Đối với cá nhân'],
  // The recipients' list names "Thứ trưởng Cao Huy"; the guess is answered by the signer.
  ['the signer, not the guess after the question', 'cv 4735 cua bo noi vu ai ky vay, co phai thu truong cao huy ko', 'Người ký: Phạm Thị Thanh Trà'],
  // "Người đứng đầu … sơ kết và tổng kết đúng quy định" has the words; "Năm 2027: …" the date.
  ['a date for "bao giờ"', 'phuong hai duong bao gio thi so ket phong trao thi dua nay', 'Năm 2027'],
  // Named by who issued it: the wards' plans also tell their own Phòng to guide the press.
  ['the city’s document, named loosely', 'Văn bản của thành phố giao sở nào lo việc định hướng báo chí tuyên truyền, mở chuyên mục về phong trào?', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['"bên thành phố"', 'ben thanh pho thi so nao lo dinh huong bao chi tuyen truyen ve phong trao doi moi sang tao a', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['the ministry’s document, named loosely', 'văn bản của bộ nói đưa đất nước vào kỷ nguyên giàu mạnh và gì?', 'kỷ nguyên giàu mạnh và hùng cường'],
  ['a department named without diacritics', 'so noi vu thanh pho co nhiem vu gi trong phong trao', 'Sở Nội vụ'],
  // The facts of the Ministry's Công văn (its own date) are not those of the Hướng dẫn it cites.
  ['a cited document, not the citing one’s facts', 'Hướng dẫn khen thưởng của Bộ Nội vụ cho 2 phong trào là văn bản nào, ngày nào?', 'Hướng dẫn số 3751'],
  // "100% cán bộ, công chức … kỹ năng số" is also a criterion of the Huân chương.
  ['the plan’s target for a share asked without "chỉ tiêu"', 'cbcc phai dat bao nhieu % ky nang so', '(mục 2. Chỉ tiêu › 2.1. Năm 2025)'],
  ['the short sentence that answers, not a long one holding more of the words', 'UBND TP Hải Phòng giao sở nào chủ trì triển khai Phong trào thi đua đổi mới sáng tạo và CĐS?', 'Giao Sở Khoa học và Công nghệ chủ trì'],
  // Every preamble repeats "phát động"; the Ministry's letter says who launched it, deep in a long sentence.
  ['who does it, cut to the clause that names them', 'ai phat dong phong trao binh dan hoc vu so', '“… Thủ tướng Chính phủ đã phát động'],
  // The ward's plan says "Ủy ban nhân dân phường Hồng An phát động …" too: it launched it locally.
  // "sinh viên" in the asker's first clause would steer the search to passages about schools.
  ['who started it, the asker’s own first clause left out of the search', 'em la sv nam 2, cho em hoi ai la nguoi dung ra phat dong phong trao ca nuoc thi dua sang tao va chuyen doi so a?', 'phát động phong trào thi đua'],
  ['who started it, with no place named: the highest level that says so', 'phong trao ca nuoc thi dua doi moi sang tao va chuyen doi so la ai phat dong vay', 'Thủ tướng Chính phủ'],
  // The document's facts also match "công văn 4735"; "Kính gửi" and its list say to whom.
  ['the addressees, with their whole list, for "gửi cho những ai"', 'cong van 4735 gui cho nhung ai', 'Kính gửi: - Các bộ, ban, ngành, đoàn thể Trung ương; - UBND các tỉnh'],
])('quotes first %s', async (_why, question, first) => {
  expect((await ask(question)).answer.split('\n')[0]).toContain(first);
});

it('does not quote a bare document number because its codes expand to the question’s words', async () => {
  // "Số:4735 /BNV-BTĐKTTW": BNV, BTĐKTTW read as "bộ nội vụ", "ban thi đua khen thưởng trung ương".
  const a = await ask('Bộ Nội vụ đề nghị chú trọng khen thưởng ai');
  expect(a.answered).toBe(true);
  expect(a.answer).not.toMatch(/“Số:\s*4735/);
  // The preamble ("Bộ Nội vụ đã có Hướng dẫn số 3751 … về khen thưởng") cites; item 5 asks.
  expect(a.answer.split('\n')[0]).toContain('(mục 5.)');
  // A question about the document itself still gets its preamble.
  const basis = await ask('Kế hoạch phường Hồng An căn cứ vào công văn số mấy của UBND thành phố, ban hành ngày nào?');
  expect(basis.answer.split('\n')[0]).toContain('Căn cứ');
});

it('does not let the campaign name choose the quote: every preamble and title repeats it', async () => {
  const a = await ask('binh dan hoc vu so co muc dich gi');
  expect(a.answer.split('\n')[0]).toContain('(mục I. MỤC ĐÍCH, YÊU CẦU › 1. Mục đích)');
  expect(a.answer).not.toMatch(/V\/v|Căn cứ|Thực hiện/);
});

it('answers who launched the campaign from the text, not with its purpose', async () => {
  const a = await ask('ai phat dong phong trao binh dan hoc vu so');
  expect(a.answered).toBe(true);
  expect(a.answer).not.toContain('1. Mục đích)');
});

it('answers a question that is only the campaign’s name with the plans’ purpose', async () => {
  const questions = [
    'binh dan hoc vu so la gi',
    'Phong trào "Cả nước thi đua đổi mới sáng tạo và chuyển đổi số" là gì?',
    'phong trao thi dua',
    // "what for" and "why" too: few passages of the purpose repeat the name.
    'binh dan hoc vu so de lam gi',
    'tai sao phai thi dua chuyen doi so',
  ];
  for (const q of questions) {
    const a = await ask(q);
    expect(a.answered, q).toBe(true);
    expect(a.answer.split('\n')[0], q).toContain('1. Mục đích)');
    expect(a.answer, q).not.toMatch(/Thực hiện hướng dẫn|Thông tin văn bản/);
  }
});

it('answers from the issuer’s own document when the issuer is the subject ("Bộ Nội vụ yêu cầu …")', async () => {
  // The wards' plans have a heading "Yêu cầu"; the Ministry's letter is what the Ministry asks.
  const a = await ask('bộ nội vụ yêu cầu cac tỉnh ban hành kế hoach gì');
  expect(a.answered).toBe(true);
  expect(a.citations.map((c) => c.docId)).toEqual(['bnv-4735']);
});

it('answers a comparison of two wards with a quote for each, in the order asked', async () => {
  const a = await ask('bên phường Hải Dương thì cơ quan, DN phải gửi báo cáo kết quả thi đua trước ngày mấy? có giống hạn 05/12 bên Hồng An k');
  const [first, second] = a.answer.split('\n');
  expect(first).toContain('phường Hải Dương');
  expect(first).toContain('15/12');
  expect(second).toContain('phường Hồng An');
  expect(second).toContain('05/12');
});

it('answers a question about two years with a quote for each, also as a comparison', async () => {
  for (const q of ['chỉ tiêu người dân xác nhận VNeID năm 2025 và 2026', 'so sánh chỉ tiêu về học sinh năm 2025 với 2026', 'chỉ tiêu học sinh năm 2025 và 2026 khác nhau thế nào']) {
    const a = await ask(q);
    expect(a.answered, q).toBe(true);
    const [first, second] = a.answer.split('\n');
    expect(first, q).toContain('2.1. Năm 2025');
    expect(second, q).toContain('2.2. Năm 2026');
  }
});

it('quotes a whole list when the question asks for one ("có những … nào")', async () => {
  const a = await ask('KH Hồng An có những hình thức khen thưởg nào v');
  const first = a.answer.split('\n')[0]!;
  for (const form of ['Huân chương Lao động', 'Cờ thi đua của Chính phủ', 'Bằng khen của Thủ tướng Chính phủ', 'Giấy khen']) expect(first).toContain(form);
});

describe('a deadline is not the date a document was issued', () => {
  const deadline = requiredFacts('hạn nộp báo cáo là ngày nào')[0]!;

  it('drops the issue dates of cited documents and of the header', () => {
    const text = 'Thực hiện Công văn số 4735/BNV-BTĐKTTW ngày 04 tháng 7 năm 2025 và Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị';
    expect(withoutCitedDates(text)).not.toMatch(/\d{4}/);
    expect(withoutCitedDates('Hà Nội, ngày 04 tháng 7 năm 2025\nKính gửi')).toBe(' \nKính gửi');
    expect(deadline(text)).toBe(false);
  });

  it('keeps a date the text sets', () => {
    expect(deadline('gửi báo cáo về phòng Văn hóa - Xã hội trước ngày 15/12 để tổng hợp')).toBe(true);
    expect(deadline('Theo Công văn số 51/BTĐKT-NV ngày 1/8/2025, gửi hồ sơ trước ngày 05/12')).toBe(true);
  });

  it('does not take a cited document’s date for the date of the plan asked about: it says the copy has none', async () => {
    const plan = await ask('kế hoạch phường hồng an ban hành ngày nào');
    expect(plan.answer).toContain('không ghi số hiệu và ngày ban hành');
    expect(plan.answer).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}|năm 20\d\d/);
    const cited = await ask('Kế hoạch phường Hồng An căn cứ vào công văn số mấy của UBND thành phố, ban hành ngày nào?');
    expect(cited.answered).toBe(true);
  });

  it('still accepts any date when the question asks on which day a document was issued', () => {
    const issued = requiredFacts('công văn 4735 ban hành ngày nào')[0]!;
    expect(issued('Công văn số 4735/BNV-BTĐKTTW ngày 04 tháng 7 năm 2025')).toBe(true);
  });

  it('does not read "hạn chế" (to limit) as a deadline', () => {
    expect(requiredFacts('hạn chế sử dụng giấy tờ như thế nào')).toEqual([]);
  });
});

describe('the places a question names', () => {
  it('reads "hai phong trào" as two campaigns, not Hải Phòng', () => {
    const places = ['hai phong', 'hong an', 'hai duong'];
    expect(placesNamed('Văn bản BNV hướng dẫn khen thưởng cho hai phong trào là số mấy?', places)).toEqual([]);
    expect(placesNamed('Hải Phòng phấn đấu đến năm 2045 thế nào, còn phường Hồng An?', places)).toEqual(['hai phong', 'hong an']);
  });
});

describe('the tasks of a body', () => {
  it('reads which body the question asks about', () => {
    expect(taskBody('Sở Văn hoá, Thể thao và Du lịch được giao nhiệm vụ gì')).toBe('so van');
    expect(taskBody('cong an phuong hai duong co nhiem vu gi')).toBe('cong an');
    expect(taskBody('nam 2025 cac co quan phai lam gi')).toBeUndefined();
  });
  it('finds them under the body’s heading or where the body acts, not where it is only named', () => {
    expect(givesTasks('VI. TỔ CHỨC THỰC HIỆN › 3. Trung tâm Văn hóa', 'Mở chuyên mục.', 'trung tam')).toBe(true);
    expect(givesTasks('4.', 'Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp …', 'so van')).toBe(true);
    expect(givesTasks('2.', 'Giao Sở Khoa học và Công nghệ chủ trì …', 'so khoa')).toBe(true);
    expect(givesTasks('1. Nội dung', 'quản lý lực lượng công an, quân sự; chú trọng xây dựng …', 'cong an')).toBe(false);
  });
});

describe('a share is answered by a percentage', () => {
  it('asks a percentage of the quoted sentence for "tỷ lệ" and "bao nhiêu phần trăm"', () => {
    const [share] = requiredFacts('tỷ lệ dịch vụ công trực tuyến toàn trình');
    expect(share!('Trên 80% cán bộ, công chức, viên chức có hiểu biết về chuyển đổi số.')).toBe(true);
    expect(share!('Ứng dụng mạnh mẽ các nền tảng học tập trực tuyến.')).toBe(false);
    expect(requiredFacts('nam 2025 bao nhieu phan tram nguoi dan co ky nang so')).toHaveLength(1);
  });

  it('declines a share the documents never give, and finds one under a heading that names its year', async () => {
    expect((await ask('tỷ lệ dịch vụ công trực tuyến toàn trình')).answered).toBe(false);
    const both = await ask('ty le ND truong thanh dat pho cap tri thuc so tren VNeID nam 2025 va 2026 la bao nhieu');
    expect(both.answered).toBe(true);
    expect(both.answer).toContain('80%');
  });
});

describe('a place whose documents do not say', () => {
  it('declines for that ward and quotes what another ward’s plan says, cited', async () => {
    const a = await ask('Phường Hải Dương đặt chỉ tiêu bao nhiêu phần trăm người dân có kỹ năng số năm 2025?');
    expect(a.answered).toBe(false);
    expect(a.answer.split('\n')[0]).toBe('Các văn bản của phường Hải Dương không nói về điều này. Văn bản khác có nói:');
    expect(a.answer).toContain('80% người dân');
    expect(new Set(a.citations.map((c) => c.docId))).toEqual(new Set(['hong-an-kh']));
    const vneid = await ask('phuong Hai Duong giao chi tieu bao nhieu % nguoi dan dat pho cap tri thuc so tren VNeID nam 2025');
    expect(vneid.answered).toBe(false);
    expect(vneid.answer).toContain('VNeID');
    // Few topic words: the ward's name alone must not hide the other plan.
    for (const q of ['chỉ tiêu năm 2025 của phường hải dương', 'phuong hai duong co chi tieu gi']) {
      const short = await ask(q);
      expect(short.answered, q).toBe(false);
      expect(short.answer, q).toContain('Các văn bản của phường Hải Dương không nói về điều này. Văn bản khác có nói:');
      expect(short.citations.length, q).toBeGreaterThan(0);
    }
  });

  it('still answers from the ward’s own plan when it says', async () => {
    const a = await ask('phường Hải Dương hạn gửi báo cáo kết quả');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('15/12');
  });
});
