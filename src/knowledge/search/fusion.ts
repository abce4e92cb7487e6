/**
 * Fusion of a lexical and a dense ranking. Three strategies, all measured on ALQAC train (see
 * scripts/bench.ts): reciprocal-rank fusion, weighted score fusion, and "lexical-first", which
 * keeps the lexical head untouched and lets the dense scores re-rank only the tail.
 */
import type { SearchHit } from '../types.js';

/** How the two rankings are combined. */
export interface FusionOptions {
  /**
   * - `lexical-first` (default): the first `keepLexical` lexical hits stay as they are; the rest
   *   is ranked by weighted score fusion. On ALQAC train it keeps lexical MRR and adds recall.
   * - `weighted`: (1 − w)·lexical/top-lexical + w·cosine.
   * - `rrf`: 1/(rrfK + rank) for lexical plus w/(rrfK + rank) for dense.
   * - `lexical`: ignore the dense hits.
   */
  fusion: 'lexical-first' | 'weighted' | 'rrf' | 'lexical';
  /** Weight w of the dense side. */
  denseWeight: number;
  /** Lexical hits kept in place by `lexical-first`. */
  keepLexical: number;
  /** RRF rank offset. */
  rrfK: number;
  /** How many hits each side contributes before fusion. */
  depth: number;
}

/** Defaults chosen on ALQAC train questions only. */
export const DEFAULT_FUSION: Readonly<FusionOptions> = {
  fusion: 'lexical-first',
  denseWeight: 0.3,
  keepLexical: 3,
  rrfK: 10,
  depth: 50,
};

function weighted(lexical: SearchHit[], dense: SearchHit[], w: number): Map<string, number> {
  const top = lexical[0]?.score || 1;
  const s = new Map<string, number>();
  for (const h of lexical) s.set(h.id, ((1 - w) * h.score) / top);
  for (const h of dense) s.set(h.id, (s.get(h.id) ?? 0) + w * h.score);
  return s;
}

function rrf(lexical: SearchHit[], dense: SearchHit[], w: number, c: number): Map<string, number> {
  const s = new Map<string, number>();
  lexical.forEach((h, r) => s.set(h.id, (s.get(h.id) ?? 0) + 1 / (c + r + 1)));
  dense.forEach((h, r) => s.set(h.id, (s.get(h.id) ?? 0) + w / (c + r + 1)));
  return s;
}

const ranked = (s: Map<string, number>): SearchHit[] =>
  [...s].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));

/** Combines both rankings (each best first) into the best `k` hits. */
export function fuse(lexical: SearchHit[], dense: SearchHit[], k: number, o: FusionOptions): SearchHit[] {
  if (o.fusion === 'lexical' || dense.length === 0) return lexical.slice(0, k);
  if (o.fusion === 'rrf') return ranked(rrf(lexical, dense, o.denseWeight, o.rrfK)).slice(0, k);
  const all = ranked(weighted(lexical, dense, o.denseWeight));
  if (o.fusion === 'weighted') return all.slice(0, k);
  const head = lexical.slice(0, o.keepLexical);
  const inHead = new Set(head.map((h) => h.id));
  // Head scores are lifted above the tail's so that the hits' scores stay in descending order.
  const floor = all[0]?.score ?? 0;
  const lifted = head.map((h, i) => ({ id: h.id, score: floor + head.length - i }));
  return [...lifted, ...all.filter((h) => !inHead.has(h.id))].slice(0, k);
}
