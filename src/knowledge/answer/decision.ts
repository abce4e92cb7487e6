/**
 * Answer or decline: a logistic model over the evidence of `features.ts`. The weights live in
 * decision-weights.json, written by `npm run fit:decision` (scripts/fit-decision.ts) from the
 * labelled question sets; each decision can say which evidence weighed most.
 */
import fitted from './decision-weights.json' with { type: 'json' };
import { FEATURES, type FeatureName, type FeatureVector } from './features.js';

export interface DecisionModel {
  features: readonly string[];
  weights: readonly number[];
  bias: number;
  /** Answer when the probability is at least this. */
  threshold: number;
}

export interface Decision {
  answer: boolean;
  /** Estimated probability that the documents answer the question. */
  p: number;
  /** Each feature's contribution to the log-odds, largest in size first. */
  reasons: [FeatureName, number][];
}

/** The committed model; checked once against the features this code computes. */
export const DEFAULT_MODEL: DecisionModel = fitted;
if (DEFAULT_MODEL.features.join() !== FEATURES.join()) {
  throw new Error('decision-weights.json was fitted on other features: run npm run fit:decision');
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The log-odds that the documents answer, from the features in FEATURES order. */
export function logit(values: readonly number[], model: DecisionModel): number {
  let z = model.bias;
  for (let i = 0; i < values.length; i++) z += model.weights[i]! * values[i]!;
  return z;
}

export const vectorOf = (x: FeatureVector): number[] => FEATURES.map((f) => x[f]);

export function decide(x: FeatureVector, model: DecisionModel = DEFAULT_MODEL): Decision {
  const values = vectorOf(x);
  const p = sigmoid(logit(values, model));
  const reasons = FEATURES.map((f, i): [FeatureName, number] => [f, model.weights[i]! * values[i]!]).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  return { answer: p >= model.threshold, p, reasons };
}
