/**
 * The award catalog: its shape and checks (catalog-schema.ts). A catalog is plan data: the
 * reviewed one a seed plan carries (corpus/plans/*.plan.json, "catalog"), or the one built from
 * an extracted plan's award forms (src/plans/catalog-from-awards.ts).
 */
export * from './catalog-schema.js';
