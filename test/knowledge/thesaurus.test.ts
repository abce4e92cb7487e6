import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/knowledge/ingest/corpus.js';
import { corpusStats } from '../../src/knowledge/search/coverage.js';
import { analyzeText } from '../../src/knowledge/search/analyze.js';
import { Thesaurus, thesaurusEntries } from '../../src/knowledge/search/thesaurus.js';

const root = path.resolve(import.meta.dirname, '../..');
const newdocs = path.join(root, 'test/eval/newdocs');
/** The documents we ship: the seeds in corpus/ and the plans written for the evaluation. */
const dirs = [path.join(root, 'corpus'), ...readdirSync(newdocs).map((d) => path.join(newdocs, d))];

describe('the thesaurus (src/knowledge/search/thesaurus.json)', () => {
  it('maps every everyday phrase to plan phrases that our documents use', async () => {
    const folded = (await Promise.all(dirs.map((d) => loadCorpus(d))))
      .flatMap((c) => c.chunks)
      .map((c) => ` ${analyzeText(`${c.section} ${c.text}`).folded.join(' ')} `)
      .join('\n');
    const unused = thesaurusEntries().filter((e) => !e.plan.some((p) => folded.includes(` ${analyzeText(p).folded.join(' ')} `)));
    expect(unused.map((e) => e.plan.join(' / '))).toEqual([]);
  });

  it('finds an everyday phrase, longest first, and adds the plan words the corpus uses to the search', async () => {
    const corpus = await loadCorpus(path.join(root, 'corpus'));
    const t = new Thesaurus(thesaurusEntries(), corpusStats(corpus.chunks, corpus.docs));
    expect(t.expand('nguoi lon phai hoc gi')).toContain('trưởng thành');
    expect(t.expand('chỉ tiêu năm 2025')).toBe('chỉ tiêu năm 2025');
  });
});

describe('a thesaurus over a small corpus', () => {
  const stats = corpusStats([{ id: 'a#1', docId: 'a', section: '', text: 'Hội nông dân vận động người dân; người cao tuổi học kỹ năng số.' }], []);
  const t = new Thesaurus(
    [
      { say: ['bà con'], plan: ['người dân'] },
      { say: ['bà con nông dân'], plan: ['nông dân'] },
      { say: ['người già'], plan: ['người cao tuổi', 'người khuyết tật'] },
      { say: ['smartphone'], plan: ['điện thoại thông minh'] },
    ],
    stats,
  );
  it('takes the longest everyday phrase', () => {
    expect(t.spans(['ba', 'con', 'nong', 'dan', 'hoc', 'gi'])).toEqual([{ start: 0, end: 4, plan: [['nong', 'dan']], planText: ['nông dân'] }]);
    expect(t.spans(['ba', 'con', 'hoc', 'gi'])).toEqual([{ start: 0, end: 2, plan: [['nguoi', 'dan']], planText: ['người dân'] }]);
  });
  it('keeps only the plan phrases the corpus uses', () => {
    expect(t.expand('người già học gì')).toBe('người già học gì (người cao tuổi)');
    expect(t.expand('smartphone dùng sao')).toBe('smartphone dùng sao');
  });
});

describe('the plans under test/eval/newdocs', () => {
  it.each(readdirSync(newdocs))('%s: loads with its level and place, and its questions are grounded in it', async (name) => {
    const corpus = await loadCorpus(path.join(newdocs, name));
    expect(corpus.docs).toHaveLength(1);
    // A plan of a people's committee names its unit; the place is read from the issuer or header.
    const doc = corpus.docs[0]!;
    if (/^Ủy ban nhân dân/u.test(doc.issuer)) expect(doc.place, doc.issuer).toMatch(/^(?:tỉnh|thành phố|xã|phường|đặc khu) \p{Lu}/u);
    const squash = (s: string) => s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    const text = squash(readFileSync(path.join(newdocs, name, 'plan.txt'), 'utf8'));
    const qs = readFileSync(path.join(newdocs, name, 'questions.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(qs.filter((q) => q.answerable)).toHaveLength(30);
    for (const q of qs.filter((q) => q.answerable)) {
      expect(q.docId).toBe(corpus.docs[0]!.id);
      expect(text, q.id).toContain(squash(q.evidence));
    }
  });
});
