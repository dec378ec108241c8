import type { PeriodWeights } from '../../../../sim/index.ts';
import { allLoops, loopKindWords, type MapView } from './map-view.ts';
import { Term } from '../../common/Term.tsx';

/**
 * The loops of the map named in plain words (those the model brief names), each with what it does and why it
 * matters; "Show on the map" picks out its arrows. With a period, each loop's share of that period's change.
 */
export function LoopList({
  view,
  selected,
  select,
  period,
}: {
  view: MapView;
  selected: string | null;
  select: (id: string | null) => void;
  period: PeriodWeights | null;
}) {
  const shareOf = (links: string[]): number | null => {
    if (!period) return null;
    const key = [...links].sort().join(',');
    const w = period.loops.find((l) => [...l.loop.links].sort().join(',') === key);
    return w ? w.share : 0;
  };
  const found = allLoops();
  return (
    <section aria-labelledby="loops-h">
      <h4 id="loops-h">The loops, named</h4>
      <p className="small">
        A loop is a chain of causes that comes back to where it started. A <strong>reinforcing</strong> loop feeds on
        itself (a change comes back bigger); a <strong>balancing</strong> loop pushes back (a change comes back against
        itself) <Term id="loop" />.
      </p>
      <ul className="loop-list">
        {view.loops.map((l) => {
          const share = shareOf(l.links);
          return (
            <li key={l.id} className="loop" data-loop={l.id}>
              <strong>{l.name}</strong> <span className="muted">({loopKindWords(l.kind)})</span>
              {share !== null ? (
                <span className="loop-share"> — {Math.round(share * 100)}% of the change in the loops this year</span>
              ) : null}
              <br />
              <span>{l.chain}.</span> <span className="muted small">{l.story}</span>{' '}
              <button
                type="button"
                className="link"
                aria-pressed={selected === l.id}
                onClick={() => select(selected === l.id ? null : l.id)}
              >
                {selected === l.id ? 'Show the whole map' : 'Show on the map'}
                <span className="sr-only">: {l.name}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <details>
        <summary>All {found.length} loops found in the map (up to six links)</summary>
        <ul className="small">
          {found.map((l) => (
            <li key={l.id}>
              {l.name ? <strong>{l.name}: </strong> : null}
              {l.chain} <span className="muted">({l.kind})</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
