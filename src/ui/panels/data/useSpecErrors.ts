import { useState } from 'react';
import { validateParam, type ParamSpec, type ParamValue } from '../../../core/params';

/**
 * Inline errors for controls whose store action takes already-valid values (the long-tail builder,
 * the image options): the raw input is checked against its spec here, a rejected value is shown
 * next to its control and never sent.
 */
export function useSpecErrors(path: string) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const check = (spec: ParamSpec, raw: unknown): ParamValue | null => {
    try {
      const value = validateParam(spec, raw, `${path}.${spec.name}`);
      setErrors(({ [spec.name]: _, ...rest }) => rest);
      return value;
    } catch (e) {
      setErrors((prev) => ({ ...prev, [spec.name]: e instanceof Error ? e.message : String(e) }));
      return null;
    }
  };
  return { errors, check, hasErrors: Object.keys(errors).length > 0 };
}
