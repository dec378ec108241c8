import { rangesSentence, type RangeKind } from '../../../sim/index.ts';
import { Term } from './Term.tsx';

/**
 * The framing shown wherever results are: plausible dynamics, not forecasts; read the ranges; and, in one plain
 * sentence, what the ranges show (chance, or chance and the model's assumed coefficients: Run settings).
 */
export function HonestNote({ table = false, ranges }: { table?: boolean; ranges: RangeKind }) {
  return (
    <p className="honest" role="note">
      <strong>Plausible dynamics, not forecasts.</strong>{' '}
      {table ? (
        <>
          Each cell gives the middle of many runs <Term id="median" /> and, below it, the range of 90% of them{' '}
          <Term id="range" />: how differently the same approach can turn out.
        </>
      ) : (
        <>
          Each line is the middle of many runs <Term id="median" />; the shaded ranges <Term id="range" /> show how
          differently the same strategy can turn out.
        </>
      )}{' '}
      Read the ranges and the trade-offs, not a single number.{' '}
      <span data-testid="ranges-sentence">{rangesSentence(ranges, table ? 'ranges' : 'bands')}</span>{' '}
      <Term id="uncertainty" />
    </p>
  );
}
