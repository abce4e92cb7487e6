import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readHeader, type HeaderMeta } from '../../src/knowledge/ingest/header.js';
import { fold } from '../../src/knowledge/ingest/normalize.js';
import type { DocMeta } from '../../src/knowledge/types.js';

const CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as DocMeta[];
const entry = (id: string) => {
  const m = manifest.find((d) => d.id === id);
  if (!m) throw new Error(`corpus/manifest.json has no entry ${id}`);
  return { m, h: readHeader(readFileSync(path.join(CORPUS, m.file), 'utf8')) };
};

describe('readHeader on the bundled corpus', () => {
  it('hp-2144 (000): a letter whose copy starts at the date line, so it shows no issuer column or number', () => {
    const { m, h } = entry('hp-2144');
    expect(h.kind).toBe(m.kind);
    expect(h.title).toBe(m.title);
    expect(h.signer).toBe(m.signer);
    expect(h.number).toBe(m.number); // null: the copy has none
    expect(h.date).toBe(m.date); // null: "ngày … tháng … năm 2025" left blank
    // The copy lacks the issuer column ("ỦY BAN NHÂN DÂN / THÀNH PHỐ HẢI PHÒNG"): nothing to read.
    expect([h.issuer, h.level, h.place]).toEqual([null, null, null]);
  });

  it('hong-an-kh (001): a plan whose copy starts at its type heading, each line followed by an empty one', () => {
    const { m, h } = entry('hong-an-kh');
    expect(h.kind).toBe(m.kind);
    expect(h.title).toBe(m.title);
    expect(h.signer).toBe(m.signer);
    expect([h.number, h.date]).toEqual([m.number, m.date]);
    // The copy lacks the header lines above "KẾ HOẠCH", so issuer, level and place stay unknown.
    expect([h.issuer, h.level, h.place]).toEqual([null, null, null]);
  });

  it('bnv-4735 (002): the ministry letter, columns on separate lines and a signer without a title block', () => {
    const { m, h } = entry('bnv-4735');
    // The copy prints the number with D where the original has Đ: read as printed, equal when folded.
    expect(h.number).toBe('4735/BNV-BTDKTTW');
    expect(fold(h.number!)).toBe(fold(m.number!));
    expect(h.kind).toBe(m.kind);
    expect(h.title).toBe(m.title);
    expect(h.issuer).toBe(m.issuer);
    expect(h.level).toBe(m.level);
    expect(h.place).toBeNull();
    expect(h.date).toBe(m.date);
    expect(h.signer).toBe(m.signer);
  });

  it('hai-duong-kh (003): a five-line plan title, header lines above it lost', () => {
    const { m, h } = entry('hai-duong-kh');
    expect(h.kind).toBe(m.kind);
    expect(h.title).toBe(m.title);
    expect(h.signer).toBe(m.signer);
    expect([h.number, h.date]).toEqual([m.number, m.date]);
    // No header column in the copy: the phường is only named inside the title, not as the issuer.
    expect([h.issuer, h.level, h.place]).toEqual([null, null, null]);
  });

  it('hp-2144-ocr (004): OCR without diacritics, both columns joined by single spaces', () => {
    const { m, h } = entry('hp-2144-ocr');
    expect(h.number).toBe(m.number);
    expect(h.date).toBe(m.date);
    expect(h.kind).toBe(m.kind);
    expect(h.level).toBe(m.level);
    // Vocabulary words get their diacritics back; the place name stays as the OCR read it.
    expect(h.issuer).toBe('Ủy ban nhân dân thành phố Hai Phong');
    expect(fold(h.issuer!)).toBe(fold(m.issuer));
    expect(h.place).toBe('thành phố Hai Phong');
    expect(fold(h.signer!)).toBe(fold(m.signer!));
    // The OCR garbles words later in the title ("d61 moi"); its opening is intact.
    expect(fold(h.title!)).toMatch(/^trien khai thuc hien phong trao thi dua “ca nudc thi dua/);
  });
});

/** Headers written for these tests, shaped like those of other units; names and numbers are invented. */
const cases: { name: string; text: string; want: HeaderMeta }[] = [
  {
    name: 'a commune plan with both columns on each line',
    text: `ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ PHÚ BÌNH                           Độc lập - Tự do - Hạnh phúc
    ---------                               ---------------
Số: 45/KH-UBND                     Phú Bình, ngày 03 tháng 9 năm 2025

                                KẾ HOẠCH
          Tổ chức phong trào thi đua “Bình dân học vụ số”
             trên địa bàn xã Phú Bình năm 2025 - 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Giúp người dân trong xã dùng được dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.

Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN
- UBND tỉnh (b/c);                                 CHỦ TỊCH
- Đảng ủy, HĐND xã;
- Lưu: VT, VHXH.

                                               Lê Văn Sáu
`,
    want: {
      number: '45/KH-UBND',
      kind: 'Kế hoạch',
      title: 'Tổ chức phong trào thi đua “Bình dân học vụ số” trên địa bàn xã Phú Bình năm 2025 - 2026',
      issuer: 'Ủy ban nhân dân xã Phú Bình',
      level: 'xã',
      place: 'xã Phú Bình',
      date: '2025-09-03',
      signer: 'Lê Văn Sáu',
    },
  },
  {
    name: 'a ward plan extracted column after column, with a spaced number and date',
    text: `ỦY BAN NHÂN DÂN
PHƯỜNG TÂN ĐỊNH
Số: 112 /KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Thành phố Hồ Chí Minh, ngày  15  tháng  08  năm 2025
KẾ HOẠCH
Triển khai Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo
và chuyển đổi số” năm 2025
Căn cứ Kế hoạch số 230/KH-UBND ngày 01/8/2025 của Ủy ban nhân dân Thành phố;
Ủy ban nhân dân phường ban hành kế hoạch với các nội dung sau đây.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
(đã ký)
Trương Thị Mỹ Hạnh
`,
    want: {
      number: '112/KH-UBND',
      kind: 'Kế hoạch',
      title: 'Triển khai Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” năm 2025',
      issuer: 'Ủy ban nhân dân phường Tân Định',
      level: 'phường',
      place: 'phường Tân Định',
      date: '2025-08-15',
      signer: 'Trương Thị Mỹ Hạnh',
    },
  },
  {
    name: 'a special-zone decision, its authority line under the title',
    text: `ỦY BAN NHÂN DÂN             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
ĐẶC KHU CÔN ĐẢO                  Độc lập - Tự do - Hạnh phúc

Số: 87/QĐ-UBND                 Côn Đảo, ngày 22 tháng 9 năm 2025

QUYẾT ĐỊNH
Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích
trong phong trào thi đua chuyển đổi số năm 2025
CHỦ TỊCH ỦY BAN NHÂN DÂN ĐẶC KHU CÔN ĐẢO

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.
QUYẾT ĐỊNH:
Điều 1. Tặng Giấy khen cho 4 tập thể và 9 cá nhân có danh sách kèm theo.
                                          KT. CHỦ TỊCH
                                          PHÓ CHỦ TỊCH


                                          Huỳnh Thị Kim Ngân
`,
    want: {
      number: '87/QĐ-UBND',
      kind: 'Quyết định',
      title: 'Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích trong phong trào thi đua chuyển đổi số năm 2025',
      issuer: 'Ủy ban nhân dân đặc khu Côn Đảo',
      level: 'đặc khu',
      place: 'đặc khu Côn Đảo',
      date: '2025-09-22',
      signer: 'Huỳnh Thị Kim Ngân',
    },
  },
  {
    name: 'a province plan with the short "UBND TỈNH" line and a title opening with "Thực hiện"',
    text: `UBND TỈNH GIA LAI        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                              Độc lập - Tự do - Hạnh phúc
Số: 1520/KH-UBND            Gia Lai, ngày 4 tháng 7 năm 2025

                    KẾ HOẠCH
Thực hiện Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số”
              trên địa bàn tỉnh giai đoạn 2025 - 2030

Thực hiện Công văn số 4735/BNV-BTĐKTTW ngày 04/7/2025 của Bộ Nội vụ, tỉnh xây dựng kế hoạch như sau.
Nơi nhận:                          TM. ỦY BAN NHÂN DÂN
- Bộ Nội vụ;                          KT. CHỦ TỊCH
- TT Tỉnh ủy, TT HĐND tỉnh;            PHÓ CHỦ TỊCH
- Lưu: VT, KGVX.
                                       Đỗ Minh Khoa
`,
    want: {
      number: '1520/KH-UBND',
      kind: 'Kế hoạch',
      title: 'Thực hiện Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” trên địa bàn tỉnh giai đoạn 2025 - 2030',
      issuer: 'Ủy ban nhân dân tỉnh Gia Lai',
      level: 'tỉnh',
      place: 'tỉnh Gia Lai',
      date: '2025-07-04',
      signer: 'Đỗ Minh Khoa',
    },
  },
  {
    name: 'a provincial department guideline under its province line',
    text: `UBND TỈNH LÂM ĐỒNG               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ KHOA HỌC VÀ CÔNG NGHỆ              Độc lập - Tự do - Hạnh phúc
Số: 58/HD-SKHCN                 Lâm Đồng, ngày 11 tháng 8 năm 2025
HƯỚNG DẪN
Chấm điểm, xét khen thưởng phong trào thi đua
đổi mới sáng tạo và chuyển đổi số năm 2025
I. ĐỐI TƯỢNG ÁP DỤNG
Các phòng, đơn vị thuộc Sở và các tổ chức khoa học trên địa bàn.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Võ Thành Đạt
`,
    want: {
      number: '58/HD-SKHCN',
      kind: 'Hướng dẫn',
      title: 'Chấm điểm, xét khen thưởng phong trào thi đua đổi mới sáng tạo và chuyển đổi số năm 2025',
      issuer: 'Sở Khoa học và Công nghệ tỉnh Lâm Đồng',
      level: 'tỉnh',
      place: 'tỉnh Lâm Đồng',
      date: '2025-08-11',
      signer: 'Võ Thành Đạt',
    },
  },
  {
    name: 'a provincial Youth Union plan with a party-style number',
    text: `TỈNH ĐOÀN NGHỆ AN               ĐOÀN TNCS HỒ CHÍ MINH
        ***
Số: 215-KH/TĐTN-PT            Nghệ An, ngày 20 tháng 8 năm 2025

KẾ HOẠCH
Tổ chức cuộc thi “Thanh niên với chuyển đổi số” năm 2025
-----
Căn cứ chương trình công tác năm 2025 của Ban Thường vụ Tỉnh đoàn.
TM. BAN THƯỜNG VỤ TỈNH ĐOÀN
PHÓ BÍ THƯ

Hồ Thị Minh Thu
`,
    want: {
      number: '215-KH/TĐTN-PT',
      kind: 'Kế hoạch',
      title: 'Tổ chức cuộc thi “Thanh niên với chuyển đổi số” năm 2025',
      issuer: 'Tỉnh đoàn Nghệ An',
      level: 'tỉnh',
      place: 'tỉnh Nghệ An',
      date: '2025-08-20',
      signer: 'Hồ Thị Minh Thu',
    },
  },
  {
    name: 'a ministry letter whose "V/v" runs over two lines beside the date',
    text: `BỘ GIÁO DỤC VÀ ĐÀO TẠO         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                   Độc lập - Tự do - Hạnh phúc
Số: 3021/BGDĐT-TĐKT
V/v hướng dẫn đăng ký thi đua            Hà Nội, ngày 28 tháng 8 năm 2025
năm học 2025-2026

Kính gửi: Các sở giáo dục và đào tạo
Bộ đề nghị các sở gửi bản đăng ký thi đua trước ngày 30 tháng 9.
Nơi nhận:                       KT. BỘ TRƯỞNG
- Như trên;                      THỨ TRƯỞNG
- Lưu: VT, Vụ TĐKT.

                                 Trần Quang Lâm
`,
    want: {
      number: '3021/BGDĐT-TĐKT',
      kind: 'Công văn',
      title: 'Hướng dẫn đăng ký thi đua năm học 2025-2026',
      issuer: 'Bộ Giáo dục và Đào tạo',
      level: 'trung ương',
      place: null,
      date: '2025-08-28',
      signer: 'Trần Quang Lâm',
    },
  },
  {
    name: 'a central emulation council decision, its name over two lines',
    text: `HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TRUNG ƯƠNG                       Độc lập - Tự do - Hạnh phúc

Số: 14/QĐ-HĐTĐKT                  Hà Nội, ngày 10 tháng 10 năm 2025

QUYẾT ĐỊNH
Ban hành Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng Trung ương
nhiệm kỳ 2025 - 2030

HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TRUNG ƯƠNG

Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
Điều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động của Hội đồng.
TM. HỘI ĐỒNG
CHỦ TỊCH

Vũ Đức Hải
`,
    want: {
      number: '14/QĐ-HĐTĐKT',
      kind: 'Quyết định',
      title: 'Ban hành Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng Trung ương nhiệm kỳ 2025 - 2030',
      issuer: 'Hội đồng Thi đua - Khen thưởng Trung ương',
      level: 'trung ương',
      place: null,
      date: '2025-10-10',
      signer: 'Vũ Đức Hải',
    },
  },
  {
    name: 'an ALL-CAPS OCR notice without diacritics, columns joined by single spaces',
    text: `UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM
XA DAK MAR DOC LAP - TU DO - HANH PHUC
SO: 76/TB-UBND DAK MAR, NGAY 10 THANG 9 NAM 2025
THONG BAO
KET QUA CHAM DIEM THI DUA CHUYEN DOI SO
QUY III NAM 2025
CAN CU KE HOACH SO 45/KH-UBND NGAY 03/9/2025 CUA UBND XA;
UBND XA THONG BAO KET QUA CHAM DIEM NHU SAU.
KT. CHU TICH
PHO CHU TICH
TRAN VAN BINH
`,
    want: {
      number: '76/TB-UBND',
      kind: 'Thông báo',
      title: 'Ket qua cham diem thi dua chuyen doi so quy iii nam 2025',
      issuer: 'Ủy ban nhân dân xã Dak Mar',
      level: 'xã',
      place: 'xã Dak Mar',
      date: '2025-09-10',
      signer: 'Tran Van Binh',
    },
  },
  {
    name: 'a ward report dated "15/8/2025" on the number line',
    text: `ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG NINH KIỀU                           Độc lập - Tự do - Hạnh phúc
Số: 95/BC-UBND                                   Ninh Kiều, 15/8/2025

BÁO CÁO
Kết quả tháng đầu triển khai Phong trào “Bình dân học vụ số”

1. Công tác tuyên truyền
Phường đã mở 12 lớp hướng dẫn kỹ năng số cho người cao tuổi.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Phan Thị Thu Trang
`,
    want: {
      number: '95/BC-UBND',
      kind: 'Báo cáo',
      title: 'Kết quả tháng đầu triển khai Phong trào “Bình dân học vụ số”',
      issuer: 'Ủy ban nhân dân phường Ninh Kiều',
      level: 'phường',
      place: 'phường Ninh Kiều',
      date: '2025-08-15',
      signer: 'Phan Thị Thu Trang',
    },
  },
  {
    name: 'an unsigned draft with a blank number and a blank day, old tone spelling "UỶ"',
    text: `UỶ BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ CAM LÂM                   Độc lập - Tự do - Hạnh phúc
Số:      /TTr-UBND          Cam Lâm, ngày     tháng 9 năm 2025
                      DỰ THẢO
TỜ TRÌNH
Đề nghị tặng danh hiệu “Tập thể lao động tiên tiến” năm 2025
Kính gửi: Ủy ban nhân dân tỉnh Khánh Hòa
Ủy ban nhân dân xã kính trình Ủy ban nhân dân tỉnh xem xét, quyết định./.
CHỦ TỊCH
(chưa ký)
`,
    want: {
      number: null,
      kind: 'Tờ trình',
      title: 'Đề nghị tặng danh hiệu “Tập thể lao động tiên tiến” năm 2025',
      issuer: 'Ủy ban nhân dân xã Cam Lâm',
      level: 'xã',
      place: 'xã Cam Lâm',
      date: null,
      signer: null,
    },
  },
  {
    name: 'a city directive whose heading the OCR misread, with an impossible date',
    text: `ỦY BAN NHÂN DÂN           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ HUẾ                    Độc lập - Tự do - Hạnh phúc
Số: 09/CT-UBND              Huế, ngày 31 tháng 02 năm 2025
CH1 THI
Về đẩy mạnh phong trào thi đua chuyển đổi số trong cơ quan nhà nước
Thời gian qua, các cơ quan của thành phố đã tích cực số hóa hồ sơ.
CHỦ TỊCH
Tôn Nữ Thu Hà
`,
    want: {
      number: '09/CT-UBND',
      kind: 'Chỉ thị', // from the number's type code: the heading is unreadable
      title: null, // no heading and no "V/v": the title has nothing to hang on
      issuer: 'Ủy ban nhân dân thành phố Huế',
      level: 'thành phố',
      place: 'thành phố Huế',
      date: null, // 31 February
      signer: 'Tôn Nữ Thu Hà',
    },
  },
];

describe('readHeader on headers of other units', () => {
  it.each(cases)('$name', ({ text, want }) => {
    expect(readHeader(text)).toEqual(want);
  });

  it('returns only nulls for text without a header', () => {
    expect(readHeader('Người dân được hướng dẫn cài đặt ứng dụng trên điện thoại.')).toEqual({
      number: null,
      kind: null,
      title: null,
      issuer: null,
      level: null,
      place: null,
      date: null,
      signer: null,
    });
  });
});

describe('the signer', () => {
  it('is never a numbered heading, even in capitals without diacritics', () => {
    const text = ['UY BAN NHAN DAN XA KIM SON', 'So: 57/KH-UBND', 'KE HOACH', 'Trien khai phong trao', 'I. CHI TIEU', 'Noi dung.', 'II. TO CHUC THUC HIEN', 'Cac thon bao cao hang quy.'].join('\n');
    expect(readHeader(text).signer).toBeNull();
  });
});
