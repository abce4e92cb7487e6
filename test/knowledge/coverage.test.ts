import { describe, expect, it } from 'vitest';
import { corpusStats, withoutTheme } from '../../src/knowledge/search/coverage.js';
import { campaignQuestion, withoutGuess } from '../../src/knowledge/search/understand.js';
import { levelNamed, placesIn, placesNamed, placesOf } from '../../src/knowledge/search/places.js';
import { PARTICLES } from '../../src/knowledge/search/coverage.js';
import { placeOfDocument } from '../../src/knowledge/ingest/place.js';
import type { DocMeta } from '../../src/knowledge/types.js';

const doc = (id: string, title: string): DocMeta => ({
  id, title, number: null, issuer: 'UBND phường Hồng An', date: null, level: 'phường', file: `${id}.txt`, label: id,
});
const docs = [
  doc('a', 'Triển khai Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” và “Bình dân học vụ số”'),
  doc('b', 'Phát động phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” và “Bình dân học vụ số”'),
  doc('c', 'Triển khai Phong trào thi đua'),
];
const stats = corpusStats([{ id: 'a#1', docId: 'a', section: '', text: 'Giao Sở Khoa học và Công nghệ chủ trì.' }], docs);

describe('the corpus theme', () => {
  it('knows the departments the corpus names, by their first two words', () => {
    expect(stats.departments).toEqual(['so khoa hoc']);
  });

  it('is the syllable pairs found in at least half of the titles', () => {
    for (const pair of ['phong trao', 'thi dua', 'doi moi', 'chuyen doi', 'binh dan', 'hoc vu']) expect(stats.theme.has(pair), pair).toBe(true);
    expect(stats.theme.has('khoa hoc')).toBe(false);
  });

  it('is left out of a search when other words remain, with their diacritics and expansions', () => {
    expect(withoutTheme('Sở nào được giao chủ trì phong trào thi đua đổi mới sáng tạo và CĐS?', stats)).toBe('sở nào được giao chủ trì');
    // "người dân" keeps "dân": only pairs of the theme go.
    expect(withoutTheme('người dân học kỹ năng số', stats)).toBe('người dân học kỹ năng số');
    // The name alone is the question: unchanged.
    expect(withoutTheme('Bình dân học vụ số', stats)).toBe('Bình dân học vụ số');
  });

  it('alone, asks for the campaign’s purpose; with a topic, it is the question as typed', () => {
    expect(campaignQuestion('Bình dân học vụ số là gì?', stats)).toBe('Bình dân học vụ số là gì: mục đích');
    expect(campaignQuestion('phong trao thi dua doi moi sang tao', stats)).toBe('phong trao thi dua doi moi sang tao: mục đích');
    expect(campaignQuestion('chỉ tiêu bình dân học vụ số năm 2025', stats)).toBe('chỉ tiêu bình dân học vụ số năm 2025');
    expect(campaignQuestion('người dân học kỹ năng số', stats)).toBe('người dân học kỹ năng số');
  });
});

describe('a guess after the question', () => {
  it('is dropped when a question precedes it, kept when it is the question', () => {
    expect(withoutGuess('cv 4735 ai ký vậy, có phải Thứ trưởng Cao Huy không')).toBe('cv 4735 ai ký vậy');
    expect(withoutGuess('han nop bao cao la ngay nao, co phai 15/12 ko')).toBe('han nop bao cao la ngay nao');
    expect(withoutGuess('Hải Dương có phải gửi báo cáo trước 15/12 không')).toBe('Hải Dương có phải gửi báo cáo trước 15/12 không');
    expect(withoutGuess('báo cáo gửi phòng Văn hóa, có phải không')).toBe('báo cáo gửi phòng Văn hóa, có phải không');
  });
});

describe('a document named by who issued it', () => {
  const levels: DocMeta[] = [
    { ...doc('t', 'x'), level: 'thành phố', issuer: 'Ủy ban nhân dân thành phố Hải Phòng' },
    { ...doc('b', 'x'), level: 'trung ương', issuer: 'Bộ Nội vụ' },
    { ...doc('p', 'x'), level: 'phường' },
    { ...doc('x', 'x'), level: 'xã', issuer: 'Ủy ban nhân dân xã Cửa Tùng' },
  ];
  it('gives the level of the documents meant, when the corpus has such documents', () => {
    expect(levelNamed('Văn bản của thành phố giao sở nào …', levels)).toBe('thành phố');
    expect(levelNamed('cv cua UBND TP noi gi', levels)).toBe('thành phố');
    expect(levelNamed('ben thanh pho thi so nao lo …', levels)).toBe('thành phố');
    expect(levelNamed('văn bản của bộ nói gì', levels)).toBe('trung ương');
    expect(levelNamed('cái kế hoạch của phường có khuyến khích hộ kinh doanh không', levels)).toBe('phường');
    expect(levelNamed('kế hoạch của xã giao ai', levels)).toBe('xã');
    expect(levelNamed('kế hoạch của tỉnh giao ai', levels)).toBeUndefined();
    expect(levelNamed('người dân ở thành phố có phải học kỹ năng số không', levels)).toBeUndefined();
    // A ward named in full decides by itself.
    expect(levelNamed('Kế hoạch phường Hồng An căn cứ vào công văn nào', levels, ['hong an'])).toBeUndefined();
  });
});

describe('places', () => {
  it('are read from the issuer, or from the header the document prints, never from a list in the code', () => {
    expect(placeOfDocument('Ủy ban nhân dân phường Hồng An', '')).toBe('phường Hồng An');
    expect(placeOfDocument('Ban Thường vụ Tỉnh đoàn Nghệ An', '')).toBeUndefined();
    expect(placeOfDocument('Văn phòng', 'ỦY BAN NHÂN DÂN\nĐẶC KHU PHÚ QUỐC\n')).toBe('đặc khu Phú Quốc');
    expect(placeOfDocument('Văn phòng', '   ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG   \nSố: 1/KH-UBND')).toBe('tỉnh Lâm Đồng');
  });
  it('are named in the order the question names them, among thousands, and "hai phong trào" is two campaigns', () => {
    const many = [...Array.from({ length: 3000 }, (_, i) => `xa so ${i}`), 'hai duong', 'hong an', 'hai phong'];
    expect(placesNamed('Hải Dương có giống hạn bên Hồng An không', many)).toEqual(['hai duong', 'hong an']);
    expect(placesNamed('phường HỒNG AN, hải dương', many)).toEqual(['hong an', 'hai duong']);
    const pair = (a: string, b: string) => `${a} ${b}` === 'phong trao';
    expect(placesNamed('hai phong trào thi đua', many, pair)).toEqual([]);
    expect(placesNamed('Hai Phong trao thuong', many, pair)).toEqual(['hai phong']);
    expect(placesNamed('thanh pho hai phong co ke hoach', many, pair)).toEqual(['hai phong']);
  });
  it('tell a unit the corpus is not about from an ordinary phrase', () => {
    const known = corpusStats([{ id: 'a#1', docId: 'a', section: '', text: 'Các xã hội nghề nghiệp; phường có kế hoạch.' }], docs);
    const places = placesOf([{ ...doc('a', 'x'), place: 'phường Hồng An' }]);
    expect(places).toEqual(['hong an']);
    expect(placesIn('phường Ngô Quyền có kế hoạch không', places, known, PARTICLES).unknown).toBe(true);
    expect(placesIn('phường Hồng An có kế hoạch không', places, known, PARTICLES)).toEqual({ unknown: false, named: ['hong an'] });
    expect(placesIn('các xã hội nghề nghiệp làm gì', places, known, PARTICLES).unknown).toBe(false);
    // Typed with diacritics, a lower-case word after the unit word is no name.
    expect(placesIn('năm 2026 phường đặt chỉ tiêu bao nhiêu', places, known, PARTICLES).unknown).toBe(false);
    expect(placesIn('phuong ngo quyen co ke hoach khong', places, known, PARTICLES).unknown).toBe(true);
  });
});
