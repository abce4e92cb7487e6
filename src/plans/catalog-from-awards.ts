/**
 * The award catalog the awards flow reads, built from a plan's award forms when staff have not
 * written a richer one: one card per form, its criteria as the plan states them (or the sentence
 * that names the form), its recipients from the plan's words for them.
 */
import { fold } from '../knowledge/ingest/normalize.js';
import { parseCatalog, type Catalog, type Subject } from '../awards/catalog-schema.js';
import words from './plan-words.json' with { type: 'json' };
import type { Plan } from './schema.js';

// The plan's words for recipients (plan-words.json "subjects", in order) → the catalog's kinds.
const KIND_OF: Subject[] = ['tap-the', 'ca-nhan', 'doanh-nghiep', 'doanh-nghiep', 'doi-tuong-khac', 'dia-phuong', 'tap-the', 'dia-phuong', 'dia-phuong'];

const slugOf = (s: string) => fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'khen-thuong';

export function catalogFromAwards(plan: Plan): Catalog {
  const taken = new Set<string>();
  const awards = plan.awards.map((a) => {
    let id = slugOf(a.name);
    for (let n = 2; taken.has(id); n++) id = `${slugOf(a.name)}-${n}`;
    taken.add(id);
    const recipients = [...new Set(a.subjects.map((s) => KIND_OF[words.subjects.indexOf(fold(s))] ?? 'doi-tuong-khac'))];
    const named = a.source ?? a.criteria[0]?.source;
    const listed = { docId: plan.doc, section: named?.section || '—', quote: named?.sentence ?? a.name };
    const criteria = (a.criteria.length ? a.criteria : [{ text: listed.quote, source: { section: listed.section, sentence: listed.quote } }]).map((c, i) => ({
      id: `${id}#${i + 1}`,
      text: c.text,
      bullet: 0,
      source: { docId: plan.doc, section: c.source.section || '—', quote: c.source.sentence },
    }));
    const folded = fold(a.name).replace(/\s+/g, ' ').trim();
    return {
      id,
      name: a.name,
      recipients: recipients.length ? recipients : (['doi-tuong-khac'] as Subject[]),
      aliases: [...new Set([folded, folded.replace(/\bcua\b\s*/g, '').replace(/\s+/g, ' ').trim()])],
      occasions: [],
      listed,
      cards: [{ id, subject: null, general: null, criteria }],
    };
  });
  return parseCatalog({ version: 1, occasions: [], awards });
}
