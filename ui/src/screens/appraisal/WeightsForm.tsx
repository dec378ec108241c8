import { useState } from 'react';
import { DEFAULT_WEIGHTS, METRIC_BY_ID, REPORTED_METRICS, WEIGHABLE_METRICS } from '../../../../sim/index.ts';
import type { OutcomeWeights } from '../../../../sim/index.ts';

/** What each weight means, in words. */
export const WEIGHT_WORDS = ['not counted', 'a little', 'some', 'a lot', 'more', 'most'];

/** An outcome's name as a commissioner says it; spend is "money spent" (less is better). */
export function outcomeName(id: string): string {
  if (id === 'spend_per_week') return 'Council spend (less is better)';
  const m = METRIC_BY_ID.get(id);
  return m ? `${m.label} (${m.better === 'lower' ? 'lower' : 'higher'} is better)` : id;
}

/**
 * The outcomes that matter most: a weight from 0 (does not count) to 5 (matters most) for each outcome the
 * ranking can weigh; the usual ones shown, any other added from a list.
 */
export function WeightsForm({ weights, set }: { weights: OutcomeWeights; set: (w: OutcomeWeights) => void }) {
  const shown = [...new Set([...Object.keys(DEFAULT_WEIGHTS), ...REPORTED_METRICS, ...Object.keys(weights)])].filter(
    (m) => WEIGHABLE_METRICS.includes(m),
  );
  const others = WEIGHABLE_METRICS.filter((m) => !shown.includes(m));
  const [add, setAdd] = useState('');
  return (
    <fieldset className="card">
      <legend>How much each outcome counts</legend>
      <p className="small">
        The approaches are ranked on these outcomes, each counted as much as you say. Each is measured against the
        status quo in this place, over the years run, in the same runs (so chance does not favour one approach).
      </p>
      <div className="weights">
        {shown.map((m) => {
          const w = weights[m] ?? 0;
          return (
            <label key={m}>
              <span>{outcomeName(m)}</span>
              <select
                value={Math.min(5, Math.round(w))}
                onChange={(e) => set({ ...weights, [m]: Number(e.target.value) })}
                aria-label={`Weight of ${outcomeName(m)}`}
              >
                {WEIGHT_WORDS.map((words, i) => (
                  <option key={i} value={i}>
                    {i}: {words}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
      <div className="row">
        <label htmlFor="ap-add-outcome">Add another outcome</label>
        <select id="ap-add-outcome" value={add} onChange={(e) => setAdd(e.target.value)}>
          <option value="">Choose…</option>
          {others.map((m) => (
            <option key={m} value={m}>
              {outcomeName(m)}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!add}
          onClick={() => {
            set({ ...weights, [add]: 1 });
            setAdd('');
          }}
        >
          Add
        </button>
        <button type="button" onClick={() => set({ ...DEFAULT_WEIGHTS })}>
          Back to the usual weights
        </button>
      </div>
    </fieldset>
  );
}
