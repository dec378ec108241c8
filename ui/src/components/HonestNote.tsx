export function HonestNote() {
  return (
    <p className="honest" role="note">
      <strong>Plausible dynamics, not forecasts.</strong> Each line is the middle of many runs; the shaded ranges show
      how differently the same strategy can turn out. Read the ranges and the trade-offs, not a single number.
    </p>
  );
}
