import { METRIC_BY_ID, type MetricDef, type StressResult } from '../../../../sim/index.ts';
import { fmt, pct } from '../../common/format.ts';
import { isShareMetric } from '../../state/stress-settings.ts';
import { Term } from '../../common/Term.tsx';

/** Which approach holds up: the share of futures meeting every threshold, and regret against the best. */
export function RobustnessTable({ result, title }: { result: StressResult; title: (id: string) => string }) {
  const r = result.robustness;
  const h = result.header;
  return (
    <section aria-labelledby="st-rob-h" className="card">
      <h4 id="st-rob-h">Robustness: which approach holds up</h4>
      {!r ? (
        <p>
          Choose at least one alternative to compare how well each holds up. “{title(h.approaches[0].id)}” fails in{' '}
          {pct(result.approaches[0].failureRate)} of futures.
        </p>
      ) : (
        <>
          <p className="small">
            Share of the {r.futures} futures in which each approach meets every threshold (not failing counts as one),
            and its <em>shortfall from the best</em> (what decision research calls regret) <Term id="regret" />: how far
            it falls short of the best approach in the same future, typically and at worst, in the outcome’s own units.
          </p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Robustness table">
            <table className="diff small">
              <thead>
                <tr>
                  <th scope="col">Rank</th>
                  <th scope="col">Approach</th>
                  <th scope="col">Meets every threshold</th>
                  <th scope="col">Does not fail</th>
                  {h.robustness.map((m) => (
                    <th scope="col" key={m.metric}>
                      {METRIC_BY_ID.get(m.metric)?.label}
                      <span className="muted block">
                        {m.threshold !== undefined
                          ? `${m.direction === 'minimise' ? '≤' : '≥'} ${fmt(METRIC_BY_ID.get(m.metric)!, m.threshold)}; `
                          : ''}
                        shortfall from the best: typical / worst
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.order.map((idx) => {
                  const ap = r.approaches[idx];
                  return (
                    <tr key={ap.approach}>
                      <td>{ap.rank}</td>
                      <th scope="row">
                        {title(ap.approach)}
                        {idx === 0 ? <span className="muted"> (plan)</span> : null}
                      </th>
                      <td>
                        <strong>{ap.shareMeetingAll === null ? '–' : pct(ap.shareMeetingAll)}</strong>
                      </td>
                      <td>{pct(ap.metrics.no_failure?.shareMeeting ?? NaN)}</td>
                      {h.robustness.map((m) => {
                        const sc = ap.metrics[m.metric];
                        const def = METRIC_BY_ID.get(m.metric)!;
                        return (
                          <td key={m.metric}>
                            {sc?.shareMeeting !== null && sc?.shareMeeting !== undefined ? (
                              <span className="block">meets in {pct(sc.shareMeeting)}</span>
                            ) : null}
                            {sc ? `${fmtRegret(def, sc.meanRegret)} / ${fmtRegret(def, sc.maxRegret)}` : '–'}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function fmtRegret(def: MetricDef, v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (isShareMetric(def.id) || def.unit === 'share of days') return `${(v * 100).toFixed(1)} pts`;
  return fmt(def, v);
}
