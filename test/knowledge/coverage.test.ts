import { describe, expect, it } from 'vitest';
import { corpusStats, withoutTheme } from '../../src/knowledge/search/coverage.js';
import { campaignQuestion, levelNamed, searchedFor, targetQuestion, theAsk, withoutAddress, withoutGuess } from '../../src/knowledge/search/understand.js';
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

describe('a share asked without what sets it', () => {
  it('is searched as a target of the plans, unless an award or a target is named', () => {
    expect(targetQuestion('cbcc phải đạt bao nhiêu % kỹ năng số?')).toBe('cbcc phải đạt bao nhiêu % kỹ năng số (chỉ tiêu)');
    expect(targetQuestion('tỷ lệ người dân có kỹ năng số')).toBe('tỷ lệ người dân có kỹ năng số (chỉ tiêu)');
    expect(targetQuestion('chỉ tiêu tỷ lệ người dân có kỹ năng số')).toBe('chỉ tiêu tỷ lệ người dân có kỹ năng số');
    expect(targetQuestion('Huân chương cần bao nhiêu phần trăm cán bộ có kỹ năng số')).toBe('Huân chương cần bao nhiêu phần trăm cán bộ có kỹ năng số');
    expect(targetQuestion('ai ký công văn 2144')).toBe('ai ký công văn 2144');
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

describe('what is searched for', () => {
  it('leaves out a short first clause about the asker, unless it names a place', () => {
    expect(searchedFor('em la sv nam 2, cho em hoi ai phat dong phong trao ca nuoc thi dua doi moi sang tao', ['hong an'])).toBe('cho em hoi ai phat dong phong trao ca nuoc thi dua doi moi sang tao');
    const placed = 'e la GV truong THCS o Hong An, KH phuong co chi tieu gi ve day ky nang so cho hoc sinh';
    expect(searchedFor(placed, ['hong an'])).toBe(placed);
    const told = 'Nhà em có HTX nhỏ. Vậy HTX có thuộc đối tượng được khen thưởng của phường không ạ?';
    expect(searchedFor(told, ['hong an'])).toBe(told);
  });
});

describe('the asker addressing someone at the end', () => {
  it('is dropped, with or without diacritics', () => {
    expect(withoutAddress('chỉ tiêu năm 2025 là bao nhiêu hả cháu?')).toBe('chỉ tiêu năm 2025 là bao nhiêu?');
    expect(withoutAddress('han nop bao cao la ngay nao vay ad')).toBe('han nop bao cao la ngay nao?');
    expect(withoutAddress('chỉ tiêu cho người cao tuổi là gì')).toBe('chỉ tiêu cho người cao tuổi là gì');
  });
});

describe('a story told before the question', () => {
  const story = 'Nhà em có HTX nhỏ, anh chị em học dùng phần mềm, bán hàng online khá tốt.';
  it('leaves the last sentence as what is asked', () => {
    expect(theAsk(`${story} Vậy HTX có thuộc đối tượng được khen thưởng của phường không ạ?`)).toBe('Vậy HTX có thuộc đối tượng được khen thưởng của phường không ạ?');
  });
  it('keeps the story when the last sentence cannot stand alone, or an earlier one asks too', () => {
    expect(theAsk(`${story} Vậy đã đạt chưa?`)).toBe(`${story} Vậy đã đạt chưa?`);
    const two = 'Hải Dương gửi báo cáo trước ngày mấy? Có giống hạn 05/12 bên phường Hồng An không?';
    expect(theAsk(two)).toBe(two);
    expect(theAsk('chi tieu nam 2025 la bao nhieu')).toBe('chi tieu nam 2025 la bao nhieu');
  });
  it('leaves what follows the comma when the message starts by saying who asks', () => {
    expect(theAsk('em đang soạn tờ trình, cần trích dẫn hướng dẫn khen thưởng của Bộ Nội vụ số mấy')).toBe('cần trích dẫn hướng dẫn khen thưởng của Bộ Nội vụ số mấy');
    const asked = 'em muốn hỏi ai ký, công văn 2144 của thành phố về phong trào thi đua';
    expect(theAsk(asked)).toBe(asked);
  });
});

describe('a document named by who issued it', () => {
  it('gives the level of the documents meant', () => {
    expect(levelNamed('Văn bản của thành phố giao sở nào …')).toBe('thành phố');
    expect(levelNamed('cv cua UBND TP noi gi')).toBe('thành phố');
    expect(levelNamed('ben thanh pho thi so nao lo …')).toBe('thành phố');
    expect(levelNamed('văn bản của bộ nói gì')).toBe('trung ương');
    expect(levelNamed('cái kế hoạch của phường có khuyến khích hộ kinh doanh không')).toBe('phường');
    expect(levelNamed('người dân ở thành phố có phải học kỹ năng số không')).toBeUndefined();
    // A ward named in full decides by itself.
    expect(levelNamed('Kế hoạch phường Hồng An căn cứ vào công văn nào', ['hong an'])).toBeUndefined();
  });
});

