/**
 * Tabular data from a user's CSV: the loaded-table contract and builder, schema inference with
 * user overrides, target labels, the train-only encoder and stratified row sampling. Pure TS (no
 * parser, no DOM): src/io/csv drives the builder with papaparse.
 */
export * from './cells';
export * from './table';
export * from './tableBuilder';
export * from './inferSchema';
export * from './labels';
export * from './encoder';
export * from './sampleRows';
