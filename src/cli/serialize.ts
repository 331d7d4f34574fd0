/** Results → plain JSON (typed arrays become arrays; NaN becomes null, as JSON has no NaN). */

export function toJson(result: object, meta: Record<string, unknown>): string {
  return JSON.stringify(
    { ...meta, ...result },
    (_key, value: unknown) => {
      if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
      if (typeof value === 'number' && !Number.isFinite(value)) return null;
      return value;
    },
    2,
  );
}
