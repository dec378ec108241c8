import { useId, useState } from 'react';

/**
 * A number box that keeps what is being typed (an empty box, a lone minus, "1" on the way to "100") and reports
 * only valid numbers. With bounds, a value outside them is not applied: the box says what would be valid, and
 * leaving it puts back the value in force. An optional box (onClear given) may be left empty: emptying it clears
 * the value, and an absent value shows as an empty box.
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
  onClear,
  describedBy,
}: {
  label?: string;
  /** undefined only in an optional box (onClear given) */
  value: number | undefined;
  onChange: (v: number) => void;
  /** makes the box optional: called when it is emptied */
  onClear?: () => void;
  /** the id of an element that describes the box (a unit, an error) */
  describedBy?: string;
  invalid?: boolean;
  min?: number;
  max?: number;
  /** whole numbers only */
  whole?: boolean;
  id?: string;
}) {
  const show = (v: number | undefined): string => (v === undefined ? '' : String(v));
  const [text, setText] = useState(show(value));
  // a new value from outside (an undo, a reset) replaces what is typed, unless it already says that value
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if (value === undefined ? text.trim() !== '' : text.trim() === '' || Number(text) !== value) setText(show(value));
  }
  const hintId = useId();
  const v = Number(text);
  const empty = text.trim() === '';
  const ok =
    (empty && !!onClear) ||
    (!empty &&
      Number.isFinite(v) &&
      (!whole || Number.isInteger(v)) &&
      (min === undefined || v >= min) &&
      (max === undefined || v <= max));
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
        aria-describedby={[!ok && bounded ? hintId : '', describedBy ?? ''].filter(Boolean).join(' ') || undefined}
        value={text}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const n = Number(t);
          if (t.trim() === '' && onClear) onClear();
          else if (
            t.trim() !== '' &&
            Number.isFinite(n) &&
            (!whole || Number.isInteger(n)) &&
            (min === undefined || n >= min) &&
            (max === undefined || n <= max)
          )
            onChange(n);
        }}
        onBlur={() => {
          if (!ok) setText(show(value));
        }}
      />
      {!ok && bounded ? (
        <span id={hintId} className="field-hint" role="status">
          {whole ? 'A whole number' : 'A number'} from {min.toLocaleString('en-GB')} to {max.toLocaleString('en-GB')}
          {onClear ? ', or leave it empty' : ''}; {value === undefined ? 'it stays empty' : `${value} is kept`} until
          then.
        </span>
      ) : null}
    </>
  );
}
