/**
 * `npm run eval:plans`: the rule extractor against gold read by hand (test/eval/plans/gold/*.json,
 * written blind by someone who saw neither the code nor its output). Per document and overall:
 * - targets found: gold (year, value, unit) with an extracted target of the same figure whose source
 *   sentence overlaps the gold sentence; targets correct: extracted ones that match a gold target;
 * - award forms found / correct: names that agree (same form, most words shared);
 * - deadlines found: the same day and month;
 * - every extracted item's sentence must stand in the document (counted separately).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chunkDocument } from '../src/knowledge/ingest/chunk.js';
import { readHeader } from '../src/knowledge/ingest/header.js';
import { fold } from '../src/knowledge/ingest/normalize.js';
import { repairText } from '../src/knowledge/ingest/repair.js';
import { extractPlan } from '../src/plans/extract.js';

interface Gold {
  file: string;
  targets: { year: number; value: number; unit: string; sentence: string }[];
  awards: { name: string; aliases?: string[] }[];
  deadlines: { date: string }[];
}

const root = path.resolve(import.meta.dirname, '..');
// `-- --gold DIR`: another hand-read set (default test/eval/plans/gold).
const at = process.argv.indexOf('--gold');
const goldDir = path.resolve(root, at > 0 ? process.argv[at + 1]! : 'test/eval/plans/gold');
const squash = (s: string) => fold(s).replace(/[^a-z0-9%]+/g, ' ').trim();
const words = (s: string) => new Set(squash(s).split(' ').filter((w) => w.length > 1));
const overlap = (a: string, b: string) => {
  const [x, y] = [squash(a), squash(b)];
  if (x.includes(y) || y.includes(x)) return true;
  const [wa, wb] = [words(a), words(b)];
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size) >= 0.6;
};
const sameAward = (a: string, b: string) => {
  const [wa, wb] = [[...words(a)], [...words(b)]];
  if (wa.slice(0, 2).join(' ') !== wb.slice(0, 2).join(' ')) return false;
  const shared = wa.filter((w) => wb.includes(w)).length;
  return shared / Math.max(wa.length, wb.length) >= 0.6;
};

const rows: Record<string, number | string>[] = [];
const total = { gt: 0, gtFound: 0, xt: 0, xtRight: 0, ga: 0, gaFound: 0, xa: 0, xaRight: 0, gd: 0, gdFound: 0, items: 0, standing: 0, ms: 0 };
for (const f of readdirSync(goldDir).filter((x) => x.endsWith('.json')).sort()) {
  const gold = JSON.parse(readFileSync(path.join(goldDir, f), 'utf8')) as Gold;
  const raw = readFileSync(path.join(root, gold.file), 'utf8');
  const text = repairText(raw);
  const t0 = performance.now();
  const plan = extractPlan({ doc: { id: f, title: readHeader(raw).title ?? '' }, chunks: chunkDocument(f, text) });
  const ms = performance.now() - t0;
  const targets = plan.indicators.flatMap((i) => i.targets);
  const match = (g: Gold['targets'][number], t: (typeof targets)[number]) => g.year === t.year && Math.abs(g.value - t.value) < 1e-6 && g.unit === t.unit && overlap(g.sentence, t.source.sentence);
  const gtFound = gold.targets.filter((g) => targets.some((t) => match(g, t))).length;
  const xtRight = targets.filter((t) => gold.targets.some((g) => match(g, t))).length;
  const names = (g: Gold['awards'][number]) => [g.name, ...(g.aliases ?? [])];
  const gaFound = gold.awards.filter((g) => plan.awards.some((a) => names(g).some((n) => sameAward(n, a.name)))).length;
  const xaRight = plan.awards.filter((a) => gold.awards.some((g) => names(g).some((n) => sameAward(n, a.name)))).length;
  const dm = (d: string) => d.split('/').slice(0, 2).map((x) => x.padStart(2, '0')).join('/');
  const gdFound = gold.deadlines.filter((g) => plan.deadlines.some((d) => dm(d.date) === dm(g.date))).length;
  const body = squash(text);
  const sources = [...targets.map((t) => t.source), ...plan.deadlines.map((d) => d.source), ...plan.awards.flatMap((a) => [...(a.source ? [a.source] : []), ...a.criteria.map((c) => c.source)])];
  const standing = sources.filter((s) => body.includes(squash(s.sentence))).length;
  rows.push({ doc: f.replace('.json', ''), targets: `${gtFound}/${gold.targets.length}`, correct: `${xtRight}/${targets.length}`, awards: `${gaFound}/${gold.awards.length}`, awards_correct: `${xaRight}/${plan.awards.length}`, deadlines: `${gdFound}/${gold.deadlines.length}`, sources_in_doc: `${standing}/${sources.length}`, ms: Math.round(ms) });
  Object.assign(total, {
    gt: total.gt + gold.targets.length, gtFound: total.gtFound + gtFound, xt: total.xt + targets.length, xtRight: total.xtRight + xtRight,
    ga: total.ga + gold.awards.length, gaFound: total.gaFound + gaFound, xa: total.xa + plan.awards.length, xaRight: total.xaRight + xaRight,
    gd: total.gd + gold.deadlines.length, gdFound: total.gdFound + gdFound, items: total.items + sources.length, standing: total.standing + standing, ms: total.ms + ms,
  });
}
const pct = (a: number, b: number) => `${((100 * a) / (b || 1)).toFixed(1)}%`;
console.table(rows);
console.log(
  JSON.stringify({
    targets_found: pct(total.gtFound, total.gt),
    targets_correct: pct(total.xtRight, total.xt),
    awards_found: pct(total.gaFound, total.ga),
    awards_correct: pct(total.xaRight, total.xa),
    deadlines_found: pct(total.gdFound, total.gd),
    sources_in_document: pct(total.standing, total.items),
    extract_ms_per_doc: Math.round(total.ms / rows.length),
  }),
);
