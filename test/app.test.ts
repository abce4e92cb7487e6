import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { silentLogger } from '../src/logger.js';
import { startFakeOpenAI, type FakeOpenAI } from './fakes/fake-openai.js';

const root = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'app-test-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const configFor = (env: Record<string, string>) => loadConfig({ DATA_DIR: tmp(), ...env }, root);

describe('the app offline (embedded defaults)', () => {
  it('answers a citizen with a cited figure and declines what the documents do not say', async () => {
    const { knowledge } = await createApp(configFor({}), silentLogger);
    const a = await knowledge.ask('chi tieu nam 2025 ve nguoi dan duoc xac nhan tren VNeID la bao nhieu');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('80%');
    expect(a.citations[0]).toMatchObject({ docId: 'hong-an-kh', section: expect.stringContaining('2.1. Năm 2025') });
    const no = await knowledge.ask('Giá vé xe buýt ở Hải Phòng năm 2025 là bao nhiêu?');
    // Declined in one sentence naming what is not found, then the nearest passages, marked as such.
    expect(no.answered).toBe(false);
    expect(no.answer.split('\n')[0]).toMatch(/không thấy nói về .*xe buýt/u);
    expect(no.answer).toContain('không phải câu trả lời');
    expect(no.answer).not.toContain('Văn bản đang tra cứu:');
  });

  it('builds the index under DATA_DIR once and reuses it while the corpus is unchanged', async () => {
    const config = configFor({});
    await createApp(config, silentLogger);
    const file = path.join(config.dataDir, 'index', 'manifest.json');
    const first = statSync(file).mtimeMs;
    await createApp(config, silentLogger);
    expect(statSync(file).mtimeMs).toBe(first);
  });

  it('never answers from the garbled OCR copy', async () => {
    const { knowledge } = await createApp(configFor({}), silentLogger);
    expect(knowledge.docs.map((d) => d.id)).not.toContain('hp-2144-ocr');
    const hits = await knowledge.search('Cong van 2144 cua UBND thanh pho Hai Phong', 10);
    expect(hits.every((h) => h.doc.id !== 'hp-2144-ocr')).toBe(true);
    expect(knowledge.docs.find((d) => d.id === 'hp-2144')).toMatchObject({ number: '2144/UBND-NVKTGS', date: '2025-08-15' });
  });
});

describe('the app with an OpenAI-compatible server that is down', () => {
  it('still starts and answers, from the local embedder and the extractive answer', async () => {
    const app = await createApp(configFor({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', LLM_TIMEOUT_MS: '1000' }), silentLogger);
    const a = await app.knowledge.ask('chi tieu nam 2025 ve nguoi dan duoc xac nhan tren VNeID la bao nhieu');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('80%');
    await app.close();
  });
});

describe('the app with an OpenAI-compatible server configured', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());

  it('embeds through the server and answers with the LLM, grounded in the cited passage', async () => {
    fake.reply = (body) => {
      const prompt = JSON.stringify(body.messages);
      return { text: prompt.includes('05/12') ? 'Hạn gửi báo cáo hằng năm là trước ngày 05/12 [1].' : 'KHONG_TIM_THAY' };
    };
    const config = configFor({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.url, OPENAI_EMBEDDING_MODEL: 'fake-embed' });
    const { knowledge } = await createApp(config, silentLogger);
    expect(fake.requests.some((r) => r.path === '/embeddings')).toBe(true);
    const a = await knowledge.ask('hạn gửi báo cáo kết quả thi đua hằng năm ở phường Hồng An');
    expect(a).toMatchObject({ answered: true, answer: 'Hạn gửi báo cáo hằng năm là trước ngày 05/12 [1].' });
    expect(a.citations[0]!.quote).toContain('05/12');
    const prompt = fake.requests.filter((r) => r.path === '/chat/completions').at(-1)!.body;
    expect(JSON.stringify(prompt)).toContain('[1] Kế hoạch của UBND phường Hồng An');
  });

  it('lets the LLM propose figures the rules cannot read, and the same checks decide', async () => {
    const config = configFor({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.url, OPENAI_EMBEDDING_MODEL: 'fake-embed' });
    const app = await createApp(config, silentLogger);
    const { code } = await app.reports.createInvite({ unitId: 'hong-an', role: 'officer', days: 1 });
    const say = async (text: string) => (await app.handle({ channel: 'zalo', chatId: 'o', userId: 'o', text })).map((r) => r.text).join('\n');
    await say(`/dangky ${code}`);
    const words = 'Báo cáo năm 2025: tám mươi lăm phần trăm CBCCVC đã có kỹ năng số';
    fake.reply = (body) =>
      JSON.stringify(body.messages).includes('tám mươi lăm')
        ? { text: '{"period":"2025","figures":[{"indicator":"can_bo_ky_nang_so","percent":85}]}' }
        : { text: 'KHONG_TIM_THAY' };
    expect(await say(words)).toContain('85% — chỉ tiêu năm 2025: trên 80% → ✅ đạt');
    fake.reply = () => ({ text: '{"period":"2025","figures":[{"indicator":"can_bo_ky_nang_so","percent":130}]}' });
    const asked = await say('Báo cáo năm 2025: một trăm ba mươi phần trăm CBCCVC có kỹ năng số');
    expect(asked).toContain('vượt quá 100%');
    fake.reply = () => ({ text: 'not json' });
    // An unusable proposal leaves the rules' own question (the number is missing) in place.
    expect(await say('Báo cáo năm 2025: chín mươi phần trăm CBCCVC có kỹ năng số')).toContain('Chưa có gì được lưu');
    await app.close();
  });
});
