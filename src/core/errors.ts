/**
 * Errors the user can act on. Messages say what was expected and end with "Got X instead."
 * so the UI can show them inline and the CLI can print them verbatim.
 */

/** The data cannot be used as asked (one class only, too few samples for k, NaN, …). */
export class DataError extends Error {
  override name = 'DataError';
}

/** A configuration value is out of range, unknown or of the wrong type. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    message: string,
    /** Dotted path of the offending field, e.g. `methods[2].params.kNeighbors`. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Training produced a non-finite loss (usually a learning rate that is too high). */
export class TrainingDivergedError extends Error {
  override name = 'TrainingDivergedError';
  constructor(
    message: string,
    readonly epoch: number,
  ) {
    super(message);
  }
}

/** The run was cancelled through its AbortSignal. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('The run was cancelled.');
  }
}

/** Formats a value for "Got X instead." messages. */
export function got(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
