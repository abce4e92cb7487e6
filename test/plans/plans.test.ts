/**
 * Plans as data, end to end through the real app (SQLite, the live index, the core): a plan the
 * bot has never seen comes in as a file, the rules read its targets, deadlines and awards, staff
 * approve it, a unit is bound to it, and an officer of that unit is weighed against its targets.
 * Also: only an approved plan is used, one item can be edited, and an LLM's reading is kept only
 * where the document bears it out (fake OpenAI-compatible server on 127.0.0.1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/admin.js';
import { loadConfig } from '../../src/config/env.js';
import { chunkDocument } from '../../src/knowledge/ingest/chunk.js';
import { repairText } from '../../src/knowledge/ingest/repair.js';
import { extractPlan } from '../../src/plans/extract.js';
import { PlanError } from '../../src/plans/service.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/fake-openai.js';
import { createTestApp, repoRoot } from '../helpers/app.js';

// A special zone's plan, written for this test: a table of targets by year, a measure stated
// before its figures, a target carried over ";" and a clause that only gives another year.
const PLAN = `ỦY BAN NHÂN DÂN                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
ĐẶC KHU BẠCH LONG                           Độc lập - Tự do - Hạnh phúc
Số: 17/KH-UBND                          Bạch Long, ngày 12 tháng 10 năm 2025

KẾ HOẠCH
Triển khai Phong trào “Bình dân học vụ số” trên địa bàn đặc khu Bạch Long

I. MỤC ĐÍCH
Giúp ngư dân và người dân trên đặc khu sử dụng được dịch vụ công trực tuyến.

II. CHỈ TIÊU
1. Năm 2025
a) 65% người dân trong độ tuổi trưởng thành có kỹ năng số cơ bản; trên 90% cán bộ, công chức đặc khu
hoàn thành khóa học trên nền tảng “Bình dân học vụ số”.
b) Tỷ lệ hồ sơ thủ tục hành chính được nộp trực tuyến đạt 50% trong năm 2025 và 75% trong năm 2026.
2. Năm 2026
a) 85% người dân trong độ tuổi trưởng thành có kỹ năng số cơ bản.
3. Chỉ tiêu theo năm
| TT | Chỉ tiêu | Năm 2025 | Năm 2026 |
| 1 | Số tàu cá khai báo xuất bến bằng phần mềm | 120 tàu | 200 tàu |

III. KHEN THƯỞNG
Chủ tịch Ủy ban nhân dân đặc khu tặng Giấy khen cho tập thể, cá nhân hoàn thành vượt mức chỉ tiêu; lựa chọn
trường hợp xuất sắc đề nghị Chủ tịch Ủy ban nhân dân thành phố tặng Bằng khen.

IV. TỔ CHỨC THỰC HIỆN
Các tổ dân phố báo cáo 6 tháng trước ngày 15/6 và báo cáo năm trước ngày 25/11 hằng năm về Văn phòng.

Nơi nhận:                                          TM. ỦY BAN NHÂN DÂN
- Lưu: VT.                                                 CHỦ TỊCH
                                                          Trần Văn Biển
`;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('extractPlan (rules)', () => {
  const plan = extractPlan({ doc: { id: 'bach-long', title: 'năm 2025' }, chunks: chunkDocument('bach-long', repairText(PLAN)) });
  const targets = plan.indicators.flatMap((i) => i.targets.map((t) => ({ ...t, population: i.population })));
  const has = (year: number, value: number, unit = '%') => targets.find((t) => t.year === year && t.value === value && t.unit === unit);

  it('finds the yearly targets of prose, a measure-first sentence and a table, each with its exact sentence', () => {
    expect(has(2025, 65)?.population).toBe('người dân trong độ tuổi trưởng thành');
    expect(has(2025, 90)).toMatchObject({ comparator: '>' });
    expect(has(2026, 85)).toBeTruthy();
    expect(has(2025, 50)).toBeTruthy();
    expect(has(2026, 75)).toBeTruthy();
    expect(has(2025, 120, 'count')).toBeTruthy();
    expect(has(2026, 200, 'count')).toBeTruthy();
    for (const t of targets) expect(squash(repairText(PLAN))).toContain(squash(t.source.sentence));
    // One indicator across years: the 2025 and 2026 targets for adults share it.
    const adults = plan.indicators.find((i) => i.targets.some((t) => t.value === 65))!;
    expect(adults.targets.map((t) => t.year)).toEqual([2025, 2026]);
  });

  it('reads the award forms with who gives them, and every dated deadline of a sentence', () => {
    expect(plan.awards.map((a) => a.name)).toEqual(['Giấy khen của Chủ tịch Ủy ban nhân dân đặc khu', 'Bằng khen của Chủ tịch Ủy ban nhân dân thành phố']);
    expect(plan.awards[0]!.subjects).toEqual(['tập thể', 'cá nhân']);
    expect(plan.deadlines.map((d) => [d.date, d.recurring])).toEqual([['15/06', true], ['25/11', true]]);
  });
});

describe('a new unit onboarded from its plan file', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let doc: string;
  const admin = (words: string, o: Record<string, string | boolean>) => runAdmin(loadConfig({ DATA_DIR: app.dataDir }, repoRoot), words.split(' '), o);
  const say = async (userId: string, text: string) => (await app.handle({ channel: 'telegram', chatId: userId, userId, text })).map((r) => r.text).join('\n');

  beforeAll(async () => {
    app = await createTestApp();
    const draft = await app.documents.analyse({ bytes: new TextEncoder().encode(PLAN), fileName: 'ke-hoach-bach-long.txt' });
    expect(draft.verdict.status).toBe('published');
    const added = await app.documents.add(draft, 'test');
    doc = added.entry.id;
  });
  afterAll(() => app.dispose());

  it('is weighed against its own plan once approved, and not before', async () => {
    const { plan } = await app.plans.extract(doc, 'test');
    expect(plan.indicators.length).toBeGreaterThanOrEqual(4);
    await admin('units add', { id: 'bach-long', name: 'Đặc khu Bạch Long', level: 'đặc khu', plan: doc });
    await app.reports.setPerson('telegram', 'o1', { role: 'officer', unitId: 'bach-long', displayName: null, chatId: 'o1' });
    // Drafted, not approved: nothing is weighed against it.
    expect(await say('o1', 'Năm 2025: 70% người dân có kỹ năng số')).toContain('chưa có kế hoạch được duyệt');
    await app.plans.approve(doc, 'test');
    app.plans.invalidate();
    const reply = await say('o1', 'TDP 3: năm 2025 có 70% người dân có kỹ năng số');
    expect(reply).toMatch(/70% — chỉ tiêu năm 2025: từ 65% → ✅ đạt/);
    await say('o1', 'đồng ý');
    const stored = await app.reports.submissions('2025', 'bach-long');
    expect(stored.map((s) => s.percent)).toEqual([70]);
    // The unit took its plan's recurring deadline (25/11); a ward of the seed keeps the seed plan.
    expect((await app.reports.getUnit('bach-long'))?.deadline).toBe('11-25');
    expect((await app.plans.forUnit('hong-an'))?.docs).toEqual(['hong-an-kh']);
  });

  it('edits one item of the plan and uses it after approval', async () => {
    const s = await app.plans.get(doc);
    const i = s!.approved!.indicators.findIndex((x) => x.targets.some((t) => t.value === 65));
    const j = s!.approved!.indicators[i]!.targets.findIndex((t) => t.value === 65);
    await app.plans.edit(doc, `indicators.${i}.targets.${j}.value`, 75, 'test');
    expect(await say('o1', 'Năm 2025: 70% người dân có kỹ năng số')).toMatch(/từ 65%/); // the draft is not used yet
    await say('o1', 'hủy');
    await app.plans.approve(doc, 'test');
    app.plans.invalidate();
    expect(await say('o1', 'Năm 2025: 70% người dân có kỹ năng số')).toMatch(/từ 75% → ⚠️ chưa đạt/);
    await expect(app.plans.edit(doc, `indicators.${i}.targets.${j}.value`, 'nhiều', 'test')).rejects.toThrow(PlanError);
    await expect(app.plans.edit(doc, 'indicators.99.name', 'x', 'test')).rejects.toThrow('Không có mục');
  });
});

describe('/donvi', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.dispose());
  const say = async (text: string) => (await app.handle({ channel: 'zalo', chatId: 'c1', userId: 'c1', text })).map((r) => r.text).join('\n');

  it('lets a citizen pick a unit by name, typed without diacritics, and remembers it', async () => {
    expect(await say('/donvi')).toContain('Các đơn vị:');
    expect(await say('/donvi khong co dau')).toContain('Không tìm thấy đơn vị');
    expect(await say('/donvi hai duong')).toContain('Đã chọn đơn vị: Phường Hải Dương');
    expect((await app.reports.getPerson('zalo', 'c1')).unitId).toBe('hai-duong');
    expect(await say('/donvi')).toContain('Đơn vị của anh/chị: Phường Hải Dương');
    // Its documents come first for a question that names no place.
    const [reply] = await app.handle({ channel: 'zalo', chatId: 'c1', userId: 'c1', text: 'hạn gửi báo cáo kết quả hằng năm là ngày nào' });
    expect(reply!.citations?.[0]?.docId).toBe('hai-duong-kh');
  });
});

describe('plan extraction with an LLM', () => {
  let fake: FakeOpenAI;
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let doc: string;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    app = await createTestApp({ OPENAI_API_KEY: 'test', OPENAI_BASE_URL: fake.url, LLM_TIMEOUT_MS: '2000' });
    const draft = await app.documents.analyse({ bytes: new TextEncoder().encode(PLAN), fileName: 'ke-hoach-bach-long.txt' });
    doc = (await app.documents.add(draft, 'test')).entry.id;
  });
  afterAll(async () => {
    await app.dispose();
    await fake.close();
  });

  it('keeps what stands in the document and drops an invented figure; the rules stay', async () => {
    const sentence = '65% người dân trong độ tuổi trưởng thành có kỹ năng số cơ bản';
    fake.reply = (body) =>
      JSON.stringify(body).includes('Các đoạn của kế hoạch')
        ? {
            text: JSON.stringify({
              indicators: [
                { name: 'Người dân có kỹ năng số', population: 'người dân', targets: [{ year: 2025, value: 65, unit: '%', section: 'II', sentence }] },
                { name: 'Doanh nghiệp số', population: 'doanh nghiệp', targets: [{ year: 2026, value: 42, unit: '%', section: 'II', sentence: 'Có 42% doanh nghiệp dùng hóa đơn điện tử.' }] },
                { name: 'Người dân (sai số)', population: 'người dân', targets: [{ year: 2026, value: 99, unit: '%', section: 'II', sentence }] },
              ],
              deadlines: [{ what: 'báo cáo năm', date: '30/11', recurring: true, section: 'IV', sentence: 'Các tổ dân phố báo cáo 6 tháng trước ngày 15/6' }],
              awards: [],
            }),
          }
        : { text: 'KHONG_TIM_THAY' };
    const { plan, extractedBy } = await app.plans.extract(doc, 'test');
    expect(extractedBy).toBe('llm');
    const values = plan.indicators.flatMap((i) => i.targets.map((t) => `${t.year}:${t.value}`));
    expect(values).toContain('2025:65');
    expect(values).not.toContain('2026:42'); // its sentence is not in the plan
    expect(values).not.toContain('2026:99'); // its number is not in its sentence
    expect(values).toContain('2025:120'); // the rules' table targets are kept
    expect(plan.deadlines.map((d) => d.date)).not.toContain('30/11');
  });

  it('falls back to the rules when the LLM times out', async () => {
    fake.reply = () => ({ delayMs: 5000, text: '{}' });
    const { extractedBy, plan } = await app.plans.extract(doc, 'test');
    expect(extractedBy).toBe('rules');
    expect(plan.indicators.length).toBeGreaterThanOrEqual(4);
  });
});
