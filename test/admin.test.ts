import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAdmin, UsageError } from '../src/admin.js';
import { loadConfig } from '../src/config/env.js';
import { repoRoot } from './helpers/app.js';

/** The administrator's command line on a real SQLite store in a temporary DATA_DIR. */
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tltd-admin-'));
const config = loadConfig({ DATA_DIR: dataDir }, repoRoot);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const admin = (words: string, o: Record<string, string | boolean> = {}) => runAdmin(config, words.split(' '), o);

describe('admin command line', () => {
  it('lists the seeded units with their report deadlines (05/12 Hồng An, 15/12 Hải Dương)', async () => {
    const { units } = JSON.parse(await admin('units list', { json: true })) as { units: { id: string; deadline: string | null; level: string; plans: string[] }[] };
    expect(units.find((u) => u.id === 'hong-an')).toMatchObject({ deadline: '12-05', level: 'phường', plans: ['hong-an-kh'] });
    expect(units.find((u) => u.id === 'hai-duong')).toMatchObject({ deadline: '12-15', level: 'phường', plans: [] });
    expect(units.find((u) => u.id === 'hai-phong')?.level).toBe('thành phố');
  });

  it('adds a ward, refuses the same id twice, and lists it', async () => {
    expect(await admin('units add', { id: 'le-chan', name: 'Phường Lê Chân', level: 'phường', parent: 'hai-phong', deadline: '12-10' })).toContain('Phường Lê Chân');
    await expect(admin('units add', { id: 'le-chan', name: 'Phường Lê Chân', level: 'phường' })).rejects.toThrow('đã có');
    expect(await admin('units list')).toContain('le-chan\tPhường Lê Chân\tphường\thai-phong\t12-10\t-');
    // Any level since 07/2025, typed with or without diacritics; a plan must exist before a unit is bound to it.
    expect(await admin('units add', { id: 'tinh-moi', name: 'Tỉnh Mới', level: 'tinh' })).toContain('Tỉnh Mới');
    expect(await admin('units add', { id: 'xa-moi', name: 'Xã Mới', level: 'xã', parent: 'tinh-moi', plan: 'hong-an-kh' })).toContain('theo kế hoạch hong-an-kh');
    const { units } = JSON.parse(await admin('units list', { json: true })) as { units: { id: string; kind: string; deadline: string | null; plans: string[] }[] };
    // Without --deadline the unit takes its plan's recurring report day (05/12).
    expect(units.find((u) => u.id === 'xa-moi')).toMatchObject({ kind: 'xa', parentId: 'tinh-moi', deadline: '12-05', plans: ['hong-an-kh'] });
    await expect(admin('units add', { id: 'xa-khac', name: 'Xã Khác', level: 'xã', plan: 'khong-co' })).rejects.toThrow('chưa có kế hoạch');
    await expect(admin('units add', { id: 'xa-sai', name: 'Xã Sai', level: 'huyện' })).rejects.toThrow('--level');
  });

  it('names a missing flag and says what to put there', async () => {
    await expect(admin('invite create', { unit: 'hong-an' })).rejects.toThrow(new UsageError('Thiếu --role (officer hoặc staff).'));
    await expect(admin('invite create', { role: 'officer' })).rejects.toThrow('Thiếu --unit (mã đơn vị, xem: units list).');
    await expect(admin('invite create', { unit: 'khong-co', role: 'officer' })).rejects.toThrow('Không có đơn vị khong-co');
    await expect(admin('units add', { id: 'Lê Chân', name: 'x' })).rejects.toThrow('--id chỉ gồm a-z');
  });

  it('creates a one-time invite code that is easy to read aloud', async () => {
    const invite = JSON.parse(await admin('invite create', { unit: 'hong-an', role: 'officer', json: true })) as { code: string; expiresAt: string };
    expect(invite.code).toMatch(/^[A-HJ-KM-NP-Z2-9]{10}$/);
    expect(new Date(invite.expiresAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('sets roles, and an officer needs a unit', async () => {
    await expect(admin('users set', { channel: 'telegram', user: '42', role: 'officer' })).rejects.toThrow('cần --unit');
    expect(await admin('users set', { channel: 'telegram', user: '42', role: 'officer', unit: 'hong-an' })).toBe('telegram:42 là officer của hong-an.');
  });

  it('exports the report as CSV with one row per ward and indicator', async () => {
    const out = path.join(dataDir, 'bao-cao.csv');
    expect(await admin('report', { period: '2025', format: 'csv', out })).toMatch(/^Đã ghi \d+ dòng/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(6);
    expect(lines.some((l) => l.includes('Phường Hồng An'))).toBe(true);
    await expect(admin('report', { period: '31', format: 'csv', out })).rejects.toThrow('--period là một năm');
  });
});
