import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignIn, signInTexts } from '../../src/core/sign-in.js';
import { endSession, issueLoginCode, LOGIN_CODE_ALPHABET, redeemLoginCode, sessionFor } from '../../src/staff/sign-in.js';
import { openDatabase } from '../../src/store/db.js';
import { createReportStore, type ReportStore } from '../../src/store/reports.js';
import type { Database } from '../../src/store/schema.js';
import { testDatabases } from '../helpers/databases.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const who = { channel: 'telegram', userId: '501' };

describe.each(testDatabases)('staff sign-in on $name', (backend) => {
  let db: Kysely<Database>;
  let reports: ReportStore;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const made = await backend.create();
    drop = made.drop;
    db = await openDatabase(made.database);
    reports = createReportStore(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await drop?.();
  });

  it('issues an 8-character code from the unambiguous alphabet, valid 10 minutes', async () => {
    const before = Date.now();
    const { code, expiresAt } = await issueLoginCode(db, who);
    expect(code).toHaveLength(8);
    expect([...code].every((c) => LOGIN_CODE_ALPHABET.includes(c))).toBe(true);
    expect(code).not.toMatch(/[01OIL]/);
    const ms = new Date(expiresAt).getTime() - before;
    expect(ms).toBeGreaterThan(9.9 * 60_000);
    expect(ms).toBeLessThanOrEqual(10 * 60_000 + 2000);
  });

  it('stores only the sha256 of the code, never the code', async () => {
    const { code } = await issueLoginCode(db, who);
    const rows = await db.selectFrom('login_codes').selectAll().execute();
    expect(rows.some((r) => r.code_hash === sha256(code))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(code);
    const row = rows.find((r) => r.code_hash === sha256(code))!;
    expect(row).toMatchObject({ channel: 'telegram', channel_user_id: '501', used_at: null });
  });

  it('redeems a code once: a second try, or a racing one, gets nothing', async () => {
    const { code } = await issueLoginCode(db, who);
    const session = await redeemLoginCode(db, code);
    expect(session).toMatchObject({ channel: 'telegram', userId: '501' });
    expect(session!.token).toMatch(/^[\w-]{40,}$/);
    expect(session!.csrf).toMatch(/^[\w-]{30,}$/);
    expect(await redeemLoginCode(db, code)).toBeNull();

    const again = await issueLoginCode(db, who);
    const raced = await Promise.all([redeemLoginCode(db, again.code), redeemLoginCode(db, again.code), redeemLoginCode(db, again.code)]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    const used = await db.selectFrom('login_codes').select('used_at').where('code_hash', '=', sha256(again.code)).executeTakeFirstOrThrow();
    expect(used.used_at).not.toBeNull();
  });

  it('accepts the code typed in lower case, with spaces or a dash', async () => {
    const { code } = await issueLoginCode(db, who);
    const typed = ` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `;
    expect(await redeemLoginCode(db, typed)).not.toBeNull();
  });

  it('refuses an expired code, an unknown one and garbage', async () => {
    const { code } = await issueLoginCode(db, who);
    await db.updateTable('login_codes').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('code_hash', '=', sha256(code)).execute();
    expect(await redeemLoginCode(db, code)).toBeNull();
    const none = await issueLoginCode(db, who, 0);
    expect(await redeemLoginCode(db, none.code)).toBeNull();
    expect(await redeemLoginCode(db, 'ABCDEFGH')).toBeNull();
    expect(await redeemLoginCode(db, '')).toBeNull();
    expect(await redeemLoginCode(db, "' or 1=1 --")).toBeNull();
    expect(await redeemLoginCode(db, 'A'.repeat(5000))).toBeNull();
  });

  it('keeps sessions by the token digest: found while valid, gone once ended or expired', async () => {
    const { code } = await issueLoginCode(db, { channel: 'zalo', userId: 'z9' });
    const s = (await redeemLoginCode(db, code))!;
    expect(await sessionFor(db, s.token)).toEqual({ channel: 'zalo', userId: 'z9', csrf: s.csrf, expiresAt: s.expiresAt });
    const rows = await db.selectFrom('web_sessions').selectAll().execute();
    expect(rows.some((r) => r.id_hash === sha256(s.token))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(s.token);
    expect(new Date(s.expiresAt).getTime() - Date.now()).toBeGreaterThan(11 * 3_600_000);

    expect(await sessionFor(db, `${s.token}x`)).toBeNull();
    expect(await sessionFor(db, '')).toBeNull();
    await endSession(db, s.token);
    expect(await sessionFor(db, s.token)).toBeNull();

    const other = (await redeemLoginCode(db, (await issueLoginCode(db, who)).code))!;
    await db.updateTable('web_sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id_hash', '=', sha256(other.token)).execute();
    expect(await sessionFor(db, other.token)).toBeNull();
  });

  describe('/dangnhap', () => {
    const msg = (userId: string, chatId = userId) => ({ channel: 'telegram' as const, chatId, userId, text: '/dangnhap' });

    it('gives staff and admins a code with its expiry and the sign-in link', async () => {
      await reports.setPerson('telegram', '601', { role: 'staff', unitId: null, displayName: 'Lan' });
      await reports.setPerson('telegram', '602', { role: 'admin', unitId: null, displayName: null });
      const signIn = createSignIn({ reports, db, publicUrl: 'https://bot.example.vn/' });
      for (const id of ['601', '602']) {
        const [reply] = await signIn.command(msg(id));
        const code = /Mã đăng nhập trang quản trị: ([A-Z2-9]{8})/.exec(reply!.text)?.[1];
        expect(code).toBeDefined();
        expect(reply!.text).toContain('hết hạn sau 10 phút');
        expect(reply!.text).toContain(`https://bot.example.vn/quan-tri/dang-nhap?ma=${code}`);
        expect(await redeemLoginCode(db, code!)).toMatchObject({ channel: 'telegram', userId: id });
      }
    });

    it('links to this machine when there is no public address', async () => {
      await reports.setPerson('web', 'w1', { role: 'staff', unitId: null, displayName: null });
      const [reply] = await createSignIn({ reports, db, port: 8080, minutes: 5 }).command({ channel: 'web', chatId: 'w1', userId: 'w1', text: '/dangnhap' });
      expect(reply!.text).toMatch(/http:\/\/127\.0\.0\.1:8080\/quan-tri\/dang-nhap\?ma=[A-Z2-9]{8}/);
      expect(reply!.text).toContain('hết hạn sau 5 phút');
    });

    it('politely refuses citizens and officers, and never posts a code in a group', async () => {
      await reports.setPerson('telegram', '603', { role: 'officer', unitId: 'hong-an', displayName: null });
      const signIn = createSignIn({ reports, db });
      const before = (await db.selectFrom('login_codes').select('code_hash').execute()).length;
      expect(await signIn.command(msg('604'))).toEqual([{ text: signInTexts.notAllowed }]);
      expect(await signIn.command(msg('603'))).toEqual([{ text: signInTexts.notAllowed }]);
      expect(await signIn.command(msg('601', '-100123'))).toEqual([{ text: signInTexts.privateOnly }]);
      expect((await db.selectFrom('login_codes').select('code_hash').execute()).length).toBe(before);
    });
  });
});
