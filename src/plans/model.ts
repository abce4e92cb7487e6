/**
 * An approved plan compiled for the flows: indicators by id, the target of a year, the patterns
 * that recognise an indicator in an officer's message, the award catalog, the report deadline.
 *
 * Recognition comes from the plan's own words: each part of the population ("cán bộ, công chức,
 * viên chức và người lao động" → cán bộ | công chức | viên chức | người lao động) is a subject,
 * so are the abbreviations that expand to a part (CBCCVC, NLĐ) and the aliases staff added.
 * Where two indicators share a subject, the words only one of them has in its name are its
 * markers ("… xác nhận … VNeID"). A reviewed plan may carry its own folded patterns (`match`).
 */
import { abbreviationEntries } from '../knowledge/search/abbreviations.js';
import { fold } from '../knowledge/ingest/normalize.js';
import { catalogFromAwards } from './catalog-from-awards.js';
import type { Catalog } from '../awards/catalog-schema.js';
import { yearlyDeadline, type Plan, type PlanIndicator, type PlanTarget } from './schema.js';

/** A target with the document it comes from (merged plans keep each target's own source). */
export interface Target extends PlanTarget {
  docId: string;
}

export interface Indicator {
  id: string;
  name: string;
  shortName: string;
  population: string;
  /** Folded regex sources naming the population. */
  subjects: readonly string[];
  /** Folded regex sources that pick this indicator among those sharing a subject. */
  markers: readonly string[];
  targets: readonly Target[];
}

export interface PlanModel {
  /** The documents the model was compiled from. */
  docs: readonly string[];
  indicators: readonly Indicator[];
  byId(id: string): Indicator | undefined;
  targetFor(id: string, year: number): Target | undefined;
  /** Indicators with a target in that year, in the plan's order. */
  indicatorsFor(year: number): Indicator[];
  years: readonly number[];
  catalog: Catalog;
  /** "MM-DD" of the plan's recurring report deadline, when it states one. */
  deadline: string | null;
  plans: readonly Plan[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A folded phrase as a pattern that tolerates missing or doubled spaces. */
const phrasePattern = (folded: string) => folded.trim().split(/\s+/).map(escape).join('\\s*');

const ABBREVIATIONS = abbreviationEntries();
// Words that join the parts of a population, or narrow it, rather than name it.
const JOINERS = /,|\s(?:va|hoac|trong|cua|tai|o|thuoc|tu|cac|nhung)\s/;

function derivedSubjects(ind: PlanIndicator): string[] {
  const pop = ` ${fold(ind.population)} `.replace(/\s+/g, ' ');
  const parts = pop
    .split(JOINERS)
    .map((p) => p.trim().replace(/^(?:cac|nhung|so|ty le|ti le)\s+/, ''))
    .filter((p) => /[a-z]{2}/.test(p));
  // The head of each part: its first three words at most ("người lao động", "học sinh", "hộ gia đình").
  const heads = parts.map((p) => p.split(' ').slice(0, 3).join(' '));
  const out = new Set<string>(heads.map(phrasePattern));
  const whole = pop.trim();
  for (const [abbr, expansion] of ABBREVIATIONS) {
    if (heads.includes(expansion) || whole.startsWith(expansion) || heads.some((h) => h.startsWith(`${expansion} `))) out.add(escape(abbr));
  }
  for (const a of ind.aliases) out.add(phrasePattern(fold(a)));
  return [...out];
}

const wordsOf = (s: string) => new Set((fold(s).match(/[a-z0-9]{3,}/g) ?? []).filter((w) => !/^\d+$/.test(w)));

function compileIndicators(plan: Plan): Indicator[] {
  const subjects = plan.indicators.map((i) => i.match?.subjects ?? derivedSubjects(i));
  return plan.indicators.map((ind, k) => {
    let markers = ind.match?.markers;
    if (!markers) {
      // Words of this name that no indicator sharing a subject has.
      const mine = wordsOf(`${ind.name} ${ind.shortName ?? ''}`);
      const rivals = plan.indicators.filter((o, j) => j !== k && subjects[j]!.some((s) => subjects[k]!.includes(s)));
      const theirs = new Set(rivals.flatMap((o) => [...wordsOf(`${o.name} ${o.population}`)]));
      markers = rivals.length ? [...mine].filter((w) => !theirs.has(w) && !wordsOf(ind.population).has(w)).map(escape) : [];
    }
    return {
      id: ind.id,
      name: ind.name,
      shortName: ind.shortName ?? ind.name,
      population: ind.population,
      subjects: subjects[k]!,
      markers,
      targets: ind.targets.map((t) => ({ ...t, docId: plan.doc })),
    };
  });
}


function build(plans: Plan[], indicators: Indicator[], catalog: Catalog, deadline: string | null): PlanModel {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const years = [...new Set(indicators.flatMap((i) => i.targets.map((t) => t.year)))].sort();
  return {
    docs: plans.map((p) => p.doc),
    indicators,
    byId: (id) => byId.get(id),
    targetFor: (id, year) => byId.get(id)?.targets.find((t) => t.year === year),
    indicatorsFor: (year) => indicators.filter((i) => i.targets.some((t) => t.year === year)),
    years,
    catalog,
    deadline,
    plans,
  };
}

/** Compiles one approved plan (a few ms; callers cache it by approval). */
export function compilePlan(plan: Plan): PlanModel {
  return build([plan], compileIndicators(plan), plan.catalog ?? catalogFromAwards(plan), yearlyDeadline(plan));
}

/** Several plans a unit follows as one: indicators and awards of each, the first plan's id winning. */
export function mergeModels(models: PlanModel[]): PlanModel {
  if (models.length === 1) return models[0]!;
  const seen = new Set<string>();
  const indicators = models.flatMap((m) => m.indicators).filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)));
  const awardIds = new Set<string>();
  const first = models[0]!.catalog;
  const catalog: Catalog = {
    ...first,
    awards: models.flatMap((m) => m.catalog.awards).filter((a) => (awardIds.has(a.id) ? false : (awardIds.add(a.id), true))),
  };
  return build(models.flatMap((m) => [...m.plans]), indicators, catalog, models.find((m) => m.deadline)?.deadline ?? null);
}
