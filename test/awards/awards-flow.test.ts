import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwards, type Awards } from '../../src/awards/awards-flow.js';
import { matchQuestion } from '../../src/awards/route.js';
import { allCards } from '../../src/awards/catalog.js';
import { seedPlan } from '../fixtures/seed-plan.js';
import { nextDeadline } from '../../src/awards/timeline.js';
import type { Incoming, Reply } from '../../src/core/message.js';
import { loadCorpus } from '../../src/knowledge/ingest/corpus.js';
import type { LoadedCorpus } from '../../src/knowledge/types.js';
import { openDatabase } from '../../src/store/db.js';
import { createReportStore, type ReportStore } from '../../src/store/reports.js';
import type { Database } from '../../src/store/schema.js';

const root = path.resolve(import.meta.dirname, '../..');
const catalog = seedPlan.catalog;
const TODAY = new Date('2026-11-22T03:00:00Z');
let dir: string;
let db: Kysely<Database>;
let reports: ReportStore;
let corpus: LoadedCorpus;
let awards: Awards;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'awards-test-'));
  db = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'test.db') });
  reports = createReportStore(db);
  corpus = await loadCorpus(path.join(root, 'corpus'));
  awards = createAwards({ reports, corpus, catalog, now: () => TODAY });
  await reports.setPerson('zalo', 'officer-ha', { role: 'officer', unitId: 'hong-an', displayName: null });
  await reports.setPerson('zalo', 'officer-hd', { role: 'officer', unitId: 'hai-duong', displayName: null });
  const save = (unitId: string, userId: string, percent: number) =>
    reports.saveSubmissions({
      draftId: `d-${unitId}`,
      unitId,
      period: '2026',
      figures: [{ indicatorId: 'can_bo_ky_nang_so', percent }],
      rawMessage: `Năm 2026: ${percent}% CBCCVC có kỹ năng số`,
      userChannel: 'zalo',
      userId,
    });
  await save('hong-an', 'officer-ha', 100);
  await save('hai-duong', 'officer-hd', 92.5);
});
afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const msg = (userId = 'citizen', text = ''): Incoming => ({ channel: 'zalo', chatId: userId, userId, text });
const one = (r: Reply[] | undefined): Reply => {
  expect(r).toHaveLength(1);
  return r![0]!;
};
const choice = (r: Reply, label: string) => r.choices!.find((c) => c.label === label)!;

describe('/khenthuong: the criteria of every award in two taps', () => {
  it('lists the award forms, then reaches every card with at most two taps, criteria numbered and cited', async () => {
    const list = one(await awards.command(msg(), 'khenthuong', ''));
    expect(list.choices!.map((c) => c.payload)).toEqual(catalog.awards.map((a) => `kt:${a.id}`));
    const reached = new Set<string>();
    for (const award of catalog.awards) {
      const first = one(await awards.payload(msg(), `kt:${award.id}`));
      const cards = first.text.includes('Tiêu chuẩn:') ? [first] : await Promise.all(first.choices!.map(async (c) => one(await awards.payload(msg(), c.payload))));
      if (award.cards.length > 1) expect(first.choices).toHaveLength(award.cards.length);
      for (const reply of cards) {
        const card = award.cards.find((c) => reply.choices!.some((x) => x.payload === `ktdk:${c.id}:0`))!;
        expect(card, reply.text).toBeDefined();
        reached.add(card.id);
        expect(reply.text).toContain(award.name);
        card.criteria.forEach((c, i) => expect(reply.text).toContain(`${i + 1}. ${c.text}`));
        for (const c of card.criteria) {
          expect(reply.citations).toContainEqual({ docId: 'hong-an-kh', title: 'Kế hoạch của UBND phường Hồng An', section: c.source.section, quote: c.source.quote });
        }
        expect(reply.text).toContain('Sơ kết phong trào năm 2027');
        expect(reply.text).toContain('Tổng kết phong trào năm 2030');
        expect(reply.text).toMatch(/Hằng năm/);
      }
    }
    expect([...reached].sort()).toEqual(allCards(catalog).map((x) => x.card.id).sort());
  });

  it('answers a stale or unknown award payload without guessing', async () => {
    expect(one(await awards.payload(msg(), 'kt:khong-co')).text).toContain('/khenthuong');
    expect(await awards.payload(msg(), 'ok:abc')).toBeUndefined();
    expect(await awards.command(msg(), 'tiendo', '')).toBeUndefined();
  });
});

describe('free-text questions go straight to the right card', () => {
  const cases: [string, string][] = [
    ['doanh nghiệp cần gì để được Bằng khen Thủ tướng?', 'bang-khen-thu-tuong/doanh-nghiep'],
    ['doanh nghiep can gi de duoc bang khen thu tuong', 'bang-khen-thu-tuong/doanh-nghiep'],
    ['Điều kiện BK TTg cho DN', 'bang-khen-thu-tuong/doanh-nghiep'],
    ['huan chuong lao dong hang ba can dieu kien gi', 'huan-chuong-lao-dong-hang-ba'],
    ['Huân chương Lao động hạng Ba cần điều kiện gì?', 'huan-chuong-lao-dong-hang-ba'],
    ['tieu chuan co thi dua chinh phu', 'co-thi-dua-chinh-phu'],
    ['Tiêu chuẩn Cờ thi đua của Chính phủ', 'co-thi-dua-chinh-phu'],
    ['tiêu chuẩn cờ thi đua UBND TP', 'co-thi-dua-ubnd-thanh-pho'],
    ['bang khen chu tich ubnd thanh pho can gi', 'bang-khen-chu-tich-ubnd-thanh-pho'],
    ['tieu chuan bang khen thu tuong doi voi ca nhan', 'bang-khen-thu-tuong/ca-nhan'],
    // "who is it for" asks for the card too: its first line says who may receive it.
    ['co thi dua chinh phu xet cho ai', 'co-thi-dua-chinh-phu'],
    ['Cờ thi đua của Chính phủ dành cho ai?', 'co-thi-dua-chinh-phu'],
  ];
  it.each(cases)('%s → %s', async (text, cardId) => {
    expect(matchQuestion(catalog, text)).toEqual({ kind: 'card', cardId });
    const reply = one(await awards.text(msg(), text));
    expect(reply.choices).toContainEqual({ label: '✅ Kiểm tra điều kiện', payload: `ktdk:${cardId}:0` });
  });

  it('asks for the subject when the award has several and none is named', async () => {
    const reply = one(await awards.text(msg(), 'tieu chuan bang khen thu tuong chinh phu'));
    expect(reply.choices!.map((c) => c.payload)).toEqual(catalog.awards[1]!.cards.map((c) => `kt:${c.id}`));
  });

  it('offers both awards when a shared name is ambiguous', async () => {
    const reply = one(await awards.text(msg(), 'tiêu chuẩn cờ thi đua'));
    expect(reply.choices!.map((c) => c.payload)).toEqual(['kt:co-thi-dua-chinh-phu', 'kt:co-thi-dua-ubnd-thanh-pho']);
  });

  it('lists every award form for "hình thức khen thưởng gồm những gì", and the milestones for "các mốc thời gian"', async () => {
    const all = catalog.awards.map((a) => a.id);
    for (const text of ['hình thức khen thưởng gồm những gì', 'cac danh hieu khen thuong cua phong trao', 'tieu chuan khen thuong la gi']) {
      expect(matchQuestion(catalog, text), text).toEqual({ kind: 'awards', awardIds: all });
    }
    for (const text of ['moc thoi gian trien khai phong trao', 'Lộ trình thực hiện phong trào thế nào?']) {
      expect(matchQuestion(catalog, text), text).toEqual({ kind: 'milestones' });
      expect(one(await awards.text(msg(), text)).text).toContain('Năm 2027');
    }
  });

  it('leaves other questions to the general answer', async () => {
    const questions = [
      'Chỉ tiêu năm 2025 về kỹ năng số của người dân là bao nhiêu?',
      'Ai ký kế hoạch khen thưởng Huân chương?',
      'han nop bao cao hang nam cua phuong Hong An',
      // When, or the dossier, for awards in general: the plans' dates and procedure, not the list of awards.
      'khi nao phai gui ho so khen thuong',
      'Khi nào xét khen thưởng?',
      'ho so de nghi khen thuong can nhung gi',
      // A long question says more than "which awards".
      'don vi toi co mo hinh CDS hieu qua, thanh tich co pham vi anh huong toan quoc thi theo van ban cua bo khen thuong the nao',
    ];
    for (const text of questions) {
      expect(await awards.text(msg(), text), text).toBeUndefined();
    }
  });
});

describe('eligibility check', () => {
  /** Presses "Có" on every question from the card's first one; returns every reply seen. */
  async function walkAllYes(userId: string, cardId: string): Promise<Reply[]> {
    const seen: Reply[] = [];
    let reply = one(await awards.payload(msg(userId), `ktdk:${cardId}:0`));
    seen.push(reply);
    while (reply.choices?.some((c) => c.label === 'Có')) {
      reply = one(await awards.payload(msg(userId), choice(reply, 'Có').payload));
      seen.push(reply);
    }
    return seen;
  }
  const hcId = 'huan-chuong-lao-dong-hang-ba';
  const measured = catalog.awards[0]!.cards[0]!.criteria.find((c) => c.measure)!;

  it('pre-answers the 100% criterion from the unit’s stored figure and reports it as met, cited', async () => {
    const seen = await walkAllYes('officer-ha', hcId);
    const asked = seen.slice(0, -1).map((r) => r.text);
    expect(asked.some((t) => t.includes(`: ${measured.text}`))).toBe(false);
    expect(asked.join('\n')).toMatch(/đã trả lời theo số liệu đã báo cáo của Phường Hồng An: năm 2026 đạt 100% \(báo cáo ngày \d\d\/\d\d\/\d{4}\) → đáp ứng/);
    const result = seen[seen.length - 1]!;
    const [met, rest] = result.text.split('❌ Chưa đáp ứng:');
    expect(met).toContain(measured.text);
    expect(met).toContain('số liệu năm 2026: 100%');
    expect(rest).toContain('• (không có)');
    expect(result.citations).toContainEqual(expect.objectContaining({ quote: measured.source.quote, title: 'Kế hoạch của UBND phường Hồng An' }));
    expect(result.text).toContain('Không có câu trả lời nào được lưu');
    expect(seen).toHaveLength(catalog.awards[0]!.cards[0]!.criteria.length + 1); // 7 steps, one answered by the store, plus the result
  });

  it('reports the criterion as not met when the stored figure is below 100%', async () => {
    const seen = await walkAllYes('officer-hd', hcId);
    const result = seen[seen.length - 1]!.text;
    const notMet = result.split('❌ Chưa đáp ứng:')[1]!.split('📎')[0]!;
    expect(notMet).toContain(measured.text);
    expect(notMet).toContain('92,5%');
  });

  it('asks the question when the person has no unit, and sorts yes / no / unsure', async () => {
    let reply = one(await awards.payload(msg('citizen'), `ktdk:${hcId}:0`));
    const answers = ['Có', 'Không', 'Chưa rõ', 'Có', 'Có', 'Có', 'Chưa rõ'];
    for (const a of answers) reply = one(await awards.payload(msg('citizen'), choice(reply, a).payload));
    expect(reply.text).toContain('Kết quả tự kiểm tra');
    const [met, after] = reply.text.split('❌ Chưa đáp ứng:');
    const [notMet, unsure] = after!.split('📎 Chưa rõ, cần bổ sung minh chứng:');
    expect(met).toContain(measured.text);
    expect(notMet).toContain('Hoàn thành có chất lượng');
    expect(unsure).toContain('Bảo đảm an ninh dữ liệu');
  });

  it('keeps payloads within Telegram’s 64 bytes and refuses a tampered one', async () => {
    for (const { card } of allCards(catalog)) {
      const steps = card.criteria.length + (card.general ? 1 : 0);
      expect(Buffer.byteLength(`ktdk:${card.id}:${steps}:${'u'.repeat(steps)}`)).toBeLessThanOrEqual(64);
    }
    expect(one(await awards.payload(msg(), `ktdk:${hcId}:3:y`)).text).toContain('không còn hợp lệ');
    expect(one(await awards.payload(msg(), 'ktdk:khong-co:0')).text).toContain('không còn hợp lệ');
  });
});

describe('/moc: milestones and the unit’s report deadline', () => {
  it('lists 2025, 2027 and 2030 with citations, and the Hồng An deadline 13 days away on 22/11/2026', async () => {
    const reply = one(await awards.command(msg('officer-ha'), 'moc', ''));
    expect(reply.text).toMatch(/Năm 2025: .*\n• Năm 2027: .*sơ kết.*\n• Năm 2030: .*tổng kết/);
    expect(reply.text).toContain('Phường Hồng An: trước ngày 05/12/2026, còn 13 ngày.');
    expect(reply.text).not.toContain('Hải Dương');
    expect(reply.citations!.map((c) => c.title)).toEqual(expect.arrayContaining(['Công văn 2144/UBND-NVKTGS', 'Kế hoạch của UBND phường Hồng An', 'Kế hoạch của UBND phường Hải Dương']));
    expect(reply.citations).toContainEqual(expect.objectContaining({ docId: 'hong-an-kh', quote: expect.stringContaining('trước ngày 05/12') }));
  });

  it('gives Hải Dương its own deadline (15/12) and a citizen every unit’s', async () => {
    expect(one(await awards.command(msg('officer-hd'), 'moc', '')).text).toContain('Phường Hải Dương: trước ngày 15/12/2026, còn 23 ngày.');
    const all = one(await awards.command(msg('citizen'), 'moc', '')).text;
    expect(all).toContain('Phường Hồng An: trước ngày 05/12/2026, còn 13 ngày.');
    expect(all).toContain('Phường Hải Dương: trước ngày 15/12/2026, còn 23 ngày.');
  });

  it('counts days in Vietnam time and rolls over to next year after the deadline', () => {
    expect(nextDeadline('12-05', new Date('2026-11-22T03:00:00Z'))).toEqual({ date: '05/12/2026', days: 13 });
    expect(nextDeadline('12-05', new Date('2026-12-04T18:00:00Z'))).toEqual({ date: '05/12/2026', days: 0 });
    expect(nextDeadline('12-05', new Date('2026-12-05T18:00:00Z'))).toEqual({ date: '05/12/2027', days: 364 });
  });
});

describe('/nhiemvu: who does what', () => {
  it('lists the tasks of Sở Khoa học và Công nghệ from the Hải Phòng letter, cited', async () => {
    const reply = one(await awards.command(msg(), 'nhiemvu', 'Sở Khoa học và Công nghệ'));
    expect(reply.text).toContain('Nhiệm vụ của Sở Khoa học và Công nghệ');
    expect(reply.text).toContain('Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ');
    expect(reply.citations!.every((c) => c.docId === 'hp-2144' && c.title === 'Công văn 2144/UBND-NVKTGS')).toBe(true);
    expect(one(await awards.text(msg(), 'Sở Khoa học và Công nghệ có nhiệm vụ gì')).text).toBe(reply.text);
    expect(one(await awards.command(msg(), 'nhiemvu', 'so khcn')).text).toBe(reply.text);
  });

  it('lists the tasks of Phòng Văn hóa - Xã hội from both ward plans, typed without diacritics', async () => {
    const reply = one(await awards.command(msg(), 'nhiemvu', 'phong van hoa xa hoi'));
    expect(reply.text).toContain('Theo Kế hoạch của UBND phường Hồng An:');
    expect(reply.text).toContain('Theo Kế hoạch của UBND phường Hải Dương:');
    expect(new Set(reply.citations!.map((c) => c.docId))).toEqual(new Set(['hong-an-kh', 'hai-duong-kh']));
    expect(reply.citations!.every((c) => /Phòng Văn hóa [-–] Xã hội$/.test(c.section))).toBe(true);
  });

  it('offers the bodies as choices without an argument, for an unknown one, and for an ambiguous one', async () => {
    const all = one(await awards.command(msg(), 'nhiemvu', ''));
    expect(all.choices!.map((c) => c.payload)).toEqual(expect.arrayContaining(['nv:so-khcn', 'nv:so-noi-vu', 'nv:so-vhttdl', 'nv:phong-vhxh', 'nv:mttq', 'nv:ban-xay-dung-dang', 'nv:trung-tam-vhtttt']));
    expect(one(await awards.command(msg(), 'nhiemvu', 'Bộ Quốc phòng')).text).toContain('Chưa tìm thấy');
    expect(one(await awards.command(msg(), 'nhiemvu', 'văn hóa')).choices!.map((c) => c.payload)).toEqual(['nv:so-vhttdl', 'nv:phong-vhxh', 'nv:trung-tam-vhtttt']);
    const mttq = one(await awards.payload(msg(), 'nv:mttq'));
    expect(mttq.text).toContain('Bình dân học vụ số');
    expect(mttq.text).not.toContain('Định kỳ hàng năm tất cả'); // the report deadline is every unit's task, not the Front's
  });

  it('answers for the youth union and the other mass organisations with the Front\'s tasks', async () => {
    const mttq = one(await awards.payload(msg(), 'nv:mttq')).text;
    expect(one(await awards.text(msg(), 'Doan thanh nien co trach nhiem gi trong phong trao')).text).toBe(mttq);
    expect(one(await awards.text(msg(), 'Hội Phụ nữ phường có nhiệm vụ gì')).text).toBe(mttq);
  });

  it('lists the tasks from the plan of the ward a question names, in the order named', async () => {
    const q = 'MTTQ phuong Hai Duong dc de nghi lam gi? co phai duy tri doi hinh binh dan hoc vu so nhu Hong An ko';
    const text = one(await awards.text(msg('citizen', q), q)).text;
    const [hd, ha] = [text.indexOf('phường Hải Dương'), text.indexOf('phường Hồng An')];
    expect(hd).toBeGreaterThan(0);
    expect(ha).toBeGreaterThan(hd);
    const only = 'MTTQ phuong Hai Duong dc de nghi lam gi';
    expect(one(await awards.text(msg('citizen', only), only)).text).not.toContain('phường Hồng An');
  });
});
