/**
 * Pure builders of the data behind the evaluation views (ROC and PR curves, convex hull and
 * iso-performance lines, head-to-tail accuracy, threshold explorer and cost curves, calibration,
 * metric disagreement, paired significance tests). No DOM, React or randomness: they run in a worker, in Node and in tests.
 */
export type { ScoredMethod } from './scoredMethod';
export * from './rocView';
export * from './prView';
export * from './headToTail';
export * from './thresholds';
export * from './calibration';
export * from './disagreement';
export * from './significance';
export * from './confusionCell';
