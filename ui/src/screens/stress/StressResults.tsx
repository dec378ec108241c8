import { useState } from 'react';
import { downloadText } from '../../common/download.ts';
import { pct } from '../../common/format.ts';
import { futuresCsv } from '../../state/results-csv.ts';
import { conditionWords } from '../../state/stress-settings.ts';
import type { StressOutcome } from '../../state/stress-store.ts';
import { DiscoveryPanel } from './DiscoveryPanel.tsx';
import { RobustnessTable } from './RobustnessTable.tsx';
import { Tornado } from './Tornado.tsx';

/**
 * A finished stress test: how often each approach fails, what matters, which approach holds up, where it fails.
 * `placeFee`: today's fee in the place it was run on (stress-store.ts, feeOfOutcome), which its fee levels multiply.
 */
export function StressResults({ outcome, placeFee }: { outcome: StressOutcome; placeFee: number }) {
  const { result, titles, importance } = outcome;
  const h = result.header;
  const title = (id: string): string => titles[id] ?? id;
  const [approach, setApproach] = useState(0);
  const words = (k: number, text: string): string => {
    const c = outcome.settings.conditions[k];
    return c && h.failure.conditions.length === outcome.settings.conditions.length ? conditionWords(c) : text;
  };
  const a = Math.min(approach, h.approaches.length - 1);
  return (
    <section aria-labelledby="st-res-h" className="stress-results">
      <h3 id="st-res-h" className="h3">
        Results: “{title(h.approaches[0].id)}” across {result.rows.length} futures
      </h3>
      <p className="small">
        {h.futures} futures × {Math.round((h.weeks / 52) * 10) / 10} years, {h.approaches.length} approach
        {h.approaches.length === 1 ? '' : 'es'}, seed “{h.seed}”; finished{' '}
        {new Date(outcome.savedAt).toLocaleString('en-GB')} in {outcome.seconds.toFixed(1)} s. Kept in this browser.
        {result.errors.length ? ` ${result.errors.length} runs failed and were left out.` : ''} A run fails if{' '}
        {h.failure.conditions.length > 1
          ? h.failure.combine === 'any'
            ? 'any of these holds'
            : 'all of these hold'
          : 'this holds'}
        : {h.failure.conditions.map((c, k) => words(k, c.text)).join('; ')}.
        {h.uncertainties.some((u) => u.path === 'levers.fee_level')
          ? ` Fee levels are in pounds of the place it was run on, where today’s fee was £${placeFee.toFixed(2)} an hour.`
          : ''}
      </p>
      <div className="row">
        <button type="button" onClick={() => downloadText('stress-test-futures.csv', futuresCsv(result), 'text/csv')}>
          Export futures (CSV)
        </button>
      </div>

      <div className="stress-grid">
        <section aria-labelledby="st-fail-h" className="card">
          <h4 id="st-fail-h">How often each approach fails</h4>
          <div className="table-wrap">
            <table className="diff">
              <thead>
                <tr>
                  <th scope="col">Approach</th>
                  <th scope="col">Fails in</th>
                  {h.failure.conditions.map((c, k) => (
                    <th scope="col" key={k}>
                      {words(k, c.text)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.approaches.map((ap, i) => (
                  <tr key={ap.id}>
                    <th scope="row">
                      {title(ap.id)}
                      {i === 0 ? <span className="muted small"> (plan)</span> : null}
                    </th>
                    <td>
                      <strong>{pct(ap.failureRate)}</strong>{' '}
                      <span className="muted small">of {ap.futures} futures</span>
                    </td>
                    {ap.conditionRates.map((c, k) => (
                      <td key={k}>{pct(c.rate)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <Tornado importance={importance} />
      </div>
      <RobustnessTable result={result} title={title} />

      <section aria-labelledby="st-where-h" className="card">
        <h4 id="st-where-h">Where it fails: the futures in plain words</h4>
        <div className="row">
          <label htmlFor="st-approach">Approach</label>
          <select id="st-approach" value={a} onChange={(e) => setApproach(Number(e.target.value))}>
            {h.approaches.map((ap, i) => (
              <option key={ap.id} value={i}>
                {title(ap.id)}
                {i === 0 ? ' (plan)' : ''}
              </option>
            ))}
          </select>
        </div>
        <DiscoveryPanel
          key={`${outcome.savedAt}:${a}`}
          result={result}
          a={a}
          d={result.discovery[a]}
          name={title(h.approaches[a].id)}
          importance={importance}
          placeFee={placeFee}
        />
      </section>
    </section>
  );
}
