import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatOpenAI } from '@langchain/openai';
import { createAnswerer } from '../../src/knowledge/answer/answer.js';
import { corpusStats } from '../../src/knowledge/search/coverage.js';
import { Thesaurus, thesaurusEntries } from '../../src/knowledge/search/thesaurus.js';
import type { Chunk, ChunkHit, DocMeta } from '../../src/knowledge/types.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/fake-openai.js';

const doc: DocMeta = {
  id: 'hong-an-kh', title: 'Kế hoạch phát động phong trào thi đua', number: null, issuer: 'UBND phường Hồng An',
  date: null, level: 'phường', file: 'x.txt', label: 'Kế hoạch của UBND phường Hồng An',
};
const chunks: Chunk[] = [
  { id: 'a#1', docId: doc.id, section: 'II. NỘI DUNG › 2. Chỉ tiêu › 2.1. Năm 2025', text: '- 80% người dân trong độ tuổi trưởng thành được xác nhận đạt phổ cập tri thức về chuyển đổi số, kỹ năng số trên nền tảng VNeID.' },
  { id: 'a#2', docId: doc.id, section: 'II. NỘI DUNG › 2. Chỉ tiêu › 2.2. Năm 2026', text: '- 100% học sinh từ cấp tiểu học được trang bị kiến thức, kỹ năng số để phục vụ học tập.' },
  { id: 'a#3', docId: doc.id, section: 'VI. TỔ CHỨC THỰC HIỆN', text: 'Định kỳ hàng năm tất cả các đơn vị gửi báo cáo kết quả thực hiện phong trào thi đua về Ủy ban nhân dân phường trước ngày 05/12 để tổng hợp.' },
  { id: 'a#4', docId: doc.id, section: 'III. KHEN THƯỞNG › 3.1. Tiêu chuẩn', text: 'Đối với doanh nghiệp:\n- Có sản phẩm, dịch vụ số được người dân sử dụng rộng rãi;\n- Hoàn thành nghĩa vụ nộp ngân sách nhà nước.' },
];
const hit = (i: number, score = 1): ChunkHit => ({ chunk: chunks[i]!, doc, score });
const stats = corpusStats(chunks, [doc]);
const base = { stats, docs: [doc], thesaurus: new Thesaurus(thesaurusEntries(), stats), topics: ['chỉ tiêu', 'tổ chức thực hiện'] };

describe('extractive answers (offline)', () => {
  const answerer = createAnswerer(base);

  it('quotes the sentence with the figure and cites document and section', async () => {
    const a = await answerer.ask('chi tieu nam 2025 nguoi dan xac nhan VNeID la bao nhieu', [hit(0), hit(1)]);
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('80%');
    expect(a.answer).toContain('[1]');
    expect(a.citations[0]).toMatchObject({ docId: 'hong-an-kh', section: expect.stringContaining('2.1. Năm 2025') });
  });

  it('declines in one sentence naming what was not found, then shows the nearest passage, cited and marked', async () => {
    const a = await answerer.ask('Giá vé xe buýt ở Hải Phòng năm 2025 là bao nhiêu?', [hit(0), hit(2)]);
    expect(a.answered).toBe(false);
    const [head, mark] = a.answer.split('\n');
    expect(head).toMatch(/^Các văn bản hiện có không thấy nói về .*xe buýt/u);
    expect(mark).toContain('không phải câu trả lời');
    expect(a.citations.length).toBeGreaterThanOrEqual(1);
    expect(a.answer).not.toContain('Văn bản đang tra cứu');
  });

  it('declines when the question names a year the passages do not have', async () => {
    const a = await answerer.ask('chỉ tiêu năm 2031 về học sinh có kỹ năng số', [hit(1)]);
    expect(a.answered).toBe(false);
  });

  it('quotes a lead-in line with the items under it', async () => {
    const a = await answerer.ask('Doanh nghiệp được khen thì cần tiêu chuẩn gì', [hit(3)]);
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('Đối với doanh nghiệp: Có sản phẩm, dịch vụ số');
    expect(a.answer).toContain('nghĩa vụ nộp ngân sách');
  });

  it('explains its decision with the evidence that weighed most', () => {
    const c = answerer.assess('chi tieu nam 2025 nguoi dan xac nhan VNeID la bao nhieu', [hit(0), hit(1)]);
    expect(c.decision.p).toBeGreaterThan(0.5);
    expect(c.decision.reasons[0]![1]).not.toBe(0);
    const no = answerer.assess('chỉ tiêu năm 2031 về học sinh có kỹ năng số', [hit(1)]);
    expect(no.decision.p).toBeLessThan(c.decision.p);
    expect(no.assessment.x.number_miss).toBe(1);
  });
});

describe('LLM answers through @langchain/openai against a fake server', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());
  const make = (timeoutMs = 2000) =>
    createAnswerer({
      ...base,
      llm: new ChatOpenAI({ model: 'fake', apiKey: 'sk-test', maxRetries: 0, configuration: { baseURL: fake.url } }),
      prompt: 'Ngữ cảnh:\n{context}\nCâu hỏi: {question}',
      timeoutMs,
    });

  it('sends every question to the LLM with the top passages, numbered, and keeps only the passages it cites', async () => {
    fake.reply = () => ({ text: 'Các đơn vị gửi báo cáo trước ngày 05/12 hằng năm [2][7].' });
    const a = await make().ask('hạn gửi báo cáo hằng năm là ngày nào', [hit(0), hit(2)]);
    expect(a).toMatchObject({ answered: true, answer: 'Các đơn vị gửi báo cáo trước ngày 05/12 hằng năm [1].' });
    expect(a.citations).toHaveLength(1);
    expect(a.citations[0]!.section).toBe('VI. TỔ CHỨC THỰC HIỆN');
    const prompt = JSON.stringify(fake.requests.at(-1)!.body.messages);
    expect(prompt).toContain('[1] Kế hoạch của UBND phường Hồng An');
    expect(prompt).toContain('[2] Kế hoạch');
    expect(prompt).toContain('hạn gửi báo cáo');
  });

  it('sends a question the offline decision would decline to the LLM too', async () => {
    const before = fake.requests.length;
    fake.reply = () => ({ text: 'KHONG_TIM_THAY' });
    const a = await make().ask('Giá vé xe buýt là bao nhiêu?', [hit(0)]);
    expect(fake.requests.length).toBe(before + 1);
    expect(a.answered).toBe(false);
    expect(a.answer).toContain('không phải câu trả lời');
  });

  it('never shows a figure the LLM invented: the offline answer is shown', async () => {
    fake.reply = () => ({ text: 'Hạn là ngày 20/12 [1].' });
    const a = await make().ask('hạn gửi báo cáo hằng năm là ngày nào', [hit(2)]);
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('05/12');
    expect(a.answer).not.toContain('20/12');
  });

  it('never shows a figure that stands only in a passage the LLM did not cite', async () => {
    fake.reply = () => ({ text: 'Hạn gửi báo cáo là 80% [2].' });
    const a = await make().ask('hạn gửi báo cáo hằng năm là ngày nào', [hit(0), hit(2)]);
    expect(a.answer).not.toContain('80% [');
    expect(a.answer).toContain('05/12');
  });

  it('falls back to the offline answer on a server error and on a timeout', async () => {
    fake.reply = () => ({ status: 500 });
    expect((await make().ask('hạn gửi báo cáo hằng năm là ngày nào', [hit(2)])).answer).toContain('05/12');
    fake.reply = () => ({ delayMs: 1500, text: 'muộn [1]' });
    const t0 = Date.now();
    const a = await make(300).ask('hạn gửi báo cáo hằng năm là ngày nào', [hit(2)]);
    expect(Date.now() - t0).toBeLessThan(1400);
    expect(a.answer).toContain('05/12');
  });

  it('passes on the LLM refusal as a decline with the nearest passages', async () => {
    fake.reply = () => ({ text: 'KHONG_TIM_THAY' });
    const a = await make().ask('chỉ tiêu học sinh năm 2026', [hit(1)]);
    expect(a.answered).toBe(false);
    expect(a.citations[0]!.section).toContain('2.2. Năm 2026');
  });
});
