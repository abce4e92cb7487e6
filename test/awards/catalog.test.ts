import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allCards, parseCatalog, type Catalog } from '../../src/awards/catalog.js';
import { seedPlan } from '../fixtures/seed-plan.js';
import { loadCorpus } from '../../src/knowledge/ingest/corpus.js';
import type { Chunk } from '../../src/knowledge/types.js';

const root = path.resolve(import.meta.dirname, '../..');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
let chunks: Chunk[];
let catalog: Catalog;
beforeAll(async () => {
  ({ chunks } = await loadCorpus(path.join(root, 'corpus')));
  catalog = seedPlan.catalog;
});

/** The chunk text of one section of one document, whitespace-normalised. */
const sectionText = (docId: string, section: string) =>
  squash(chunks.filter((c) => c.docId === docId && c.section === section).map((c) => c.text).join('\n'));

describe('the seed plan\'s award catalog (corpus/plans)', () => {
  it('validates and keeps stable ids', () => {
    const ids = allCards(catalog).map((x) => x.card.id);
    expect(ids).toContain('huan-chuong-lao-dong-hang-ba');
    expect(ids).toContain('bang-khen-thu-tuong/doanh-nghiep');
    expect(ids).toContain('bang-khen-thu-tuong/dia-phuong');
    expect(ids).toContain('bang-khen-thu-tuong/ca-nhan');
    expect(ids).toContain('bang-khen-thu-tuong/doi-tuong-khac');
    expect(catalog.awards.map((a) => a.id)).toEqual([
      'huan-chuong-lao-dong-hang-ba',
      'bang-khen-thu-tuong',
      'co-thi-dua-chinh-phu',
      'co-thi-dua-ubnd-thanh-pho',
      'bang-khen-chu-tich-ubnd-thanh-pho',
      'giay-khen',
    ]);
  });

  it('rejects a catalog with a duplicated id or a misnamed card, naming the problem', () => {
    const broken = structuredClone(catalog);
    broken.awards[1]!.cards[1]!.id = 'bang-khen-thu-tuong/dia-phuong';
    expect(() => parseCatalog(broken)).toThrow(/used twice|should be/);
    expect(() => parseCatalog({ ...catalog, version: 2 })).toThrow(/version/);
  });

  it('has no criterion without a source sentence', () => {
    const criteria = allCards(catalog).flatMap((x) => x.card.criteria);
    expect(criteria.length).toBeGreaterThan(0);
    for (const c of criteria) {
      expect(c.source.quote.trim(), c.id).not.toBe('');
      expect(c.source.section.trim(), c.id).not.toBe('');
      expect(c.text.trim(), c.id).not.toBe('');
      expect(c.source.quote, c.id).toMatch(/[.:]$/);
    }
  });

  it('quotes every criterion, general condition and listed form exactly as the chunked corpus reads', () => {
    for (const { card } of allCards(catalog)) {
      for (const c of card.criteria) expect(sectionText(c.source.docId, c.source.section), c.id).toContain(squash(c.source.quote));
      if (card.general) expect(sectionText(card.general.source.docId, card.general.source.section)).toContain(squash(card.general.source.quote));
    }
    for (const a of catalog.awards) expect(sectionText(a.listed.docId, a.listed.section), a.id).toContain(squash(a.listed.quote));
    for (const o of catalog.occasions) {
      // The review occasions quote the heading of section 3.2 (a heading is part of the path, not of the text).
      const inText = sectionText(o.source.docId, o.source.section).includes(squash(o.source.quote));
      const inHeading = o.source.section.split(' › ').some((label) => label.endsWith(o.source.quote));
      expect(inText || inHeading, o.id).toBe(true);
      expect(chunks.some((c) => c.docId === o.source.docId && c.section.startsWith(o.source.section)), o.id).toBe(true);
    }
  });

  it('has as many award forms and criteria as section III of the plan, counted from the chunks', () => {
    // Independent count: units under 3.2 named "3.x.y. <form>[, <form>]", bullets split into sentences;
    // a unit without bullets contributes its heading sentence once per form it names.
    const units = new Map<string, { forms: string[]; lines: string[] }>();
    for (const c of chunks) {
      if (c.docId !== 'hong-an-kh') continue;
      const formLabel = c.section.split(' › ').find((p) => /^3\.\d\.\d\.\s/.test(p));
      if (!formLabel) continue;
      const unit = units.get(c.section) ?? { forms: formLabel.replace(/^3\.\d\.\d\.\s*/, '').split(/,\s+/), lines: [] };
      for (const line of c.text.split('\n')) if (!unit.lines.includes(line)) unit.lines.push(line);
      units.set(c.section, unit);
    }
    const expected = new Map<string, number>();
    const expectedBullets = new Map<string, number>();
    const forms = new Set<string>();
    for (const [section, unit] of units) {
      unit.forms.forEach((f) => forms.add(f));
      const bullets = unit.lines.filter((l) => /^[-+]\s/.test(l) && !l.trim().endsWith(':'));
      const sentences = bullets.flatMap((b) => b.replace(/^[-+]\s+/, '').split(/(?<=\.)\s+(?=[\p{Lu}\d])/u));
      expected.set(section, sentences.length || unit.forms.length);
      expectedBullets.set(section, bullets.length);
    }

    const listed = chunks.find((c) => c.docId === 'hong-an-kh' && c.section.endsWith('1. Hình thức và danh hiệu khen thưởng'))!;
    expect(forms.size).toBe(6);
    expect(listed.text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(forms.size);
    expect(catalog.awards).toHaveLength(forms.size);

    const actual = new Map<string, number>();
    const actualBullets = new Map<string, Set<string>>();
    for (const { card } of allCards(catalog)) {
      for (const c of card.criteria) {
        actual.set(c.source.section, (actual.get(c.source.section) ?? 0) + 1);
        if (c.bullet > 0) actualBullets.set(c.source.section, (actualBullets.get(c.source.section) ?? new Set()).add(`${card.id}#${c.bullet}`));
      }
    }
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    for (const [section, n] of expectedBullets) expect(actualBullets.get(section)?.size ?? 0, section).toBe(n);
    expect([...actual.values()].reduce((a, b) => a + b, 0)).toBe(20);
  });
});
