import type { ApproachReadiness } from '../../../../sim/index.ts';
import { ReadinessChart, STATUS_LOOK } from './ReadinessChart.tsx';
import { Term } from '../../common/Term.tsx';

/**
 * Readiness: for each of the twelve approaches, what it needs (trust, capability, market, money, NHS partnership,
 * community) against what the place has — one picture, a table in words, and for the approach picked, each
 * dimension in a sentence with the evidence (the levers and mechanisms that make it so) on request.
 */
export function ReadinessPanel({
  rows,
  picked,
  pick,
  placeName,
  numbersUsed,
}: {
  rows: readonly ApproachReadiness[];
  picked: string;
  pick: (id: string) => void;
  placeName: string;
  numbersUsed: boolean;
}) {
  const one = rows.find((r) => r.id === picked) ?? rows[0];
  const ready = rows.filter((r) => r.short.length === 0);
  return (
    <section aria-labelledby="ap-ready-h">
      <h3 id="ap-ready-h">
        Readiness: what each approach needs against what {placeName} has <Term id="readiness" />
      </h3>
      <p>
        Each approach asks something of the place before it can work as meant: providers’ trust, the commissioner’s
        capability, a provider market able to carry risk, money, a partnership with the NHS, and community capacity.
        Each is on a scale of 0 to 1. The grey bar is what {placeName} has
        {numbersUsed ? ' (from your answers and your numbers)' : ' (from your answers to the eight questions)'}; the dot
        is what the approach needs: <Key status="ready" />, <Key status="close" /> (short by less than the model’s
        margin: carried out in part) or <Key status="short" /> (carried out hardly at all until the gap is closed). A
        red line shows the gap.{' '}
        {ready.length === 0
          ? 'No approach is ready on every count: each needs something built first.'
          : `${ready.length === 1 ? 'One approach is' : `${ready.length} approaches are`} ready on every count: ${ready.map((r) => r.name).join(', ')}.`}
      </p>
      <figure className="card">
        <ReadinessChart rows={rows} highlight={one?.id} onPick={pick} />
        <figcaption className="muted small">
          Click a row, or an approach’s name in the table, to read what it needs in words. Readiness is read off the
          model’s own thresholds and levers, not scored by hand: the evidence says which.
        </figcaption>
      </figure>
      <div className="table-wrap" role="region" aria-labelledby="ap-ready-t" tabIndex={0}>
        <table className="diff readiness-table">
          <caption id="ap-ready-t" className="sr-only">
            Readiness of each approach, in words
          </caption>
          <thead>
            <tr>
              <th scope="col">Approach</th>
              {(rows[0]?.dimensions ?? []).map((d) => (
                <th scope="col" key={d.dimension}>
                  {d.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={r.id === one?.id ? 'picked' : undefined}>
                <th scope="row">
                  <button type="button" className="link" aria-pressed={r.id === one?.id} onClick={() => pick(r.id)}>
                    {r.name}
                  </button>
                </th>
                {r.dimensions.map((d) => (
                  <td key={d.dimension} className={`status-${d.status}`}>
                    {STATUS_LOOK[d.status].words}
                    {d.gap > 0 ? <span className="small block">by {d.gap.toFixed(2)}</span> : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {one ? (
        <section aria-labelledby="ap-ready-one" className="card" aria-live="polite">
          <h4 id="ap-ready-one">{one.name}: what it needs</h4>
          <p>{one.summary}</p>
          <ul className="need-list">
            {one.dimensions.map((d) => (
              <li key={d.dimension}>
                <strong>
                  {d.label} <span className={`badge status-${d.status}`}>{STATUS_LOOK[d.status].words}</span>
                </strong>{' '}
                {d.words}
                {d.evidence.length ? (
                  <details>
                    <summary>The evidence</summary>
                    <ul className="small">
                      {d.evidence.map((e, i) => (
                        <li key={i}>
                          <span className="muted">
                            {e.kind === 'lever' ? 'Lever' : e.kind === 'mechanism' ? 'Mechanism' : 'Your place'}:
                          </span>{' '}
                          {e.text}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

function Key({ status }: { status: keyof typeof STATUS_LOOK }) {
  return (
    <span className={`key status-${status}`}>
      <span aria-hidden="true" className={`dot dot-${status}`} /> {STATUS_LOOK[status].words}
    </span>
  );
}
