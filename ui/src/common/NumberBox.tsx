import { useId, useState } from 'react';

/**
 * A number box that keeps what is being typed (an empty box, a lone minus, "1" on the way to "100") and reports
 * only valid numbers. With bounds, a value outside them is not applied: the box says what would be valid, and
 * leaving it puts back the value in force.
 */
export function NumberBox({
  label,
  value,
  onChange,
  invalid,
  min,
  max,
  whole,
  id,
}: {
  label?: string;
  value: number;
  onChange: (v: number) => void;
  invalid?: boolean;
  min?: number;
  max?: number;
  /** whole numbers only */
  whole?: boolean;
  id?: string;
}) {
  const [text, setText] = useState(String(value));
  // a new value from outside (an undo, a reset) replaces what is typed, unless it already says that value
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if (Number(text) !== value) setText(String(value));
  }
  const hintId = useId();
  const v = Number(text);
  const ok =
    text.trim() !== '' &&
    Number.isFinite(v) &&
    (!whole || Number.isInteger(v)) &&
    (min === undefined || v >= min) &&
    (max === undefined || v <= max);
  const bounded = min !== undefined && max !== undefined;
  return (
    <>
      <input
        id={id}
        type="number"
        inputMode={whole ? 'numeric' : 'decimal'}
        step={whole ? 1 : 'any'}
        min={min}
        max={max}
        aria-label={label}
        aria-invalid={invalid || !ok || undefined}
        aria-describedby={!ok && bounded ? hintId : undefined}
        value={text}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const n = Number(t);
          if (
            t.trim() !== '' &&
            Number.isFinite(n) &&
            (!whole || Number.isInteger(n)) &&
            (min === undefined || n >= min) &&
            (max === undefined || n <= max)
          )
            onChange(n);
        }}
        onBlur={() => {
          if (!ok) setText(String(value));
        }}
      />
      {!ok && bounded ? (
        <span id={hintId} className="field-hint" role="status">
          {whole ? 'A whole number' : 'A number'} from {min} to {max}; {value} is kept until then.
        </span>
      ) : null}
    </>
  );
}
