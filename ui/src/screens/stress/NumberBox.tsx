import { useEffect, useState } from 'react';

/** A number box that keeps what is being typed (an empty box, a lone minus) and reports only numbers. */
export function NumberBox({ label, value, onChange, invalid }: { label: string; value: number; onChange: (v: number) => void; invalid?: boolean }) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    if (Number(text) !== value) setText(String(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <input type="number" step="any" aria-label={label} aria-invalid={invalid || undefined} value={text}
      onChange={(e) => { setText(e.target.value); const v = Number(e.target.value); if (e.target.value !== '' && Number.isFinite(v)) onChange(v); }} />
  );
}
