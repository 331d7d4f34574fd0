import { useEffect, useId, useState } from 'react';
import type { ParamSpec, ParamValue } from '../../core/params';

interface Props {
  spec: ParamSpec;
  value: ParamValue;
  error?: string;
  onChange(raw: unknown): void;
  testId?: string;
}

const toSlider = (spec: ParamSpec, v: number) => (spec.log ? Math.log10(v) : v);
const fromSlider = (spec: ParamSpec, s: number) => {
  if (!spec.log) return s;
  const v = 10 ** s;
  return spec.kind === 'int' ? Math.round(v) : Number(v.toPrecision(3));
};

/**
 * One control rendered from a parameter spec: select for enums, checkbox for booleans, a slider
 * (logarithmic where the spec says so) plus a number box for numbers. The number box keeps what
 * the user typed, so an out-of-range value stays visible next to its error message.
 */
export function ParamControl({ spec, value, error, onChange, testId }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  useEffect(() => {
    if (!error) setDraft(String(value));
  }, [value, error]);
  const errorId = `${id}-err`;
  // The typed text box of numbers and matrices: keeps what the user typed next to its error.
  const textBox = (className: string, extra: { inputMode?: 'decimal'; placeholder?: string }) => (
    <input
      id={id}
      type="text"
      className={className}
      {...extra}
      value={draft}
      aria-invalid={Boolean(error)}
      aria-describedby={error ? errorId : undefined}
      data-testid={testId}
      onChange={(e) => {
        setDraft(e.target.value);
        onChange(e.target.value);
      }}
    />
  );
  let input;
  if (spec.kind === 'enum') {
    input = (
      <select id={id} value={String(value)} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {spec.options!.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else if (spec.kind === 'matrix') {
    input = textBox('matrix-box', { placeholder: '0,1;5,0' });
  } else if (spec.kind === 'bool') {
    input = <input id={id} type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />;
  } else {
    const step = spec.log ? 0.01 : (spec.step ?? (spec.kind === 'int' ? 1 : 0.01));
    // A slider over millions of values (the seed) is useless: a number box only.
    const slider = (spec.max ?? 0) - (spec.min ?? 0) <= 1e6 && !(spec.allowAuto && value === 'auto');
    input = (
      <span className="num-control">
        {slider && (
          <input
            type="range"
            aria-label={`${spec.label} slider`}
            min={toSlider(spec, spec.min!)}
            max={toSlider(spec, spec.max!)}
            step={step}
            value={toSlider(spec, Number(value))}
            onChange={(e) => {
              const v = fromSlider(spec, Number(e.target.value));
              setDraft(String(v));
              onChange(v);
            }}
          />
        )}
        {textBox('num-box', { inputMode: 'decimal' })}
      </span>
    );
  }
  return (
    <div className={`param${error ? ' param-error' : ''}`}>
      <label htmlFor={id} title={spec.help}>
        {spec.label}
      </label>
      {input}
      {error && (
        <div className="error-inline" id={errorId} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
