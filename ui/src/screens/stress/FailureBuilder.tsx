import { METRIC_BY_ID, METRICS } from '../../../../sim/index.ts';
import {
  conditionWords,
  isShareMetric,
  type ConditionDraft,
  type StressSettings,
} from '../../state/stress-settings.ts';

/** What counts as failure in one run: conditions on outcomes, and whether any or all must hold. */
export function FailureBuilder({
  settings,
  set,
}: {
  settings: StressSettings;
  set: (f: (s: StressSettings) => StressSettings) => void;
}) {
  const conds = settings.conditions;
  const edit = (i: number, c: ConditionDraft): void =>
    set((s) => ({ ...s, conditions: s.conditions.map((x, k) => (k === i ? c : x)) }));
  const add = (c: ConditionDraft): void => set((s) => ({ ...s, conditions: [...s.conditions, c] }));
  return (
    <fieldset>
      <legend>What counts as failure (in one run)</legend>
      <ol className="conditions">
        {conds.map((c, i) => {
          const n = i + 1;
          const share = c.kind !== 'exit' && isShareMetric(c.metric);
          return (
            <li key={i}>
              <div className="row">
                {c.kind === 'exit' ? (
                  <>
                    <span>Any provider leaves the market in the first</span>
                    <input
                      type="number"
                      min={1}
                      max={1040}
                      aria-label={`Condition ${n}: weeks from the start`}
                      value={c.weeks}
                      onChange={(e) => edit(i, { ...c, weeks: Math.max(1, Math.round(Number(e.target.value)) || 1) })}
                    />
                    <span>weeks</span>
                  </>
                ) : (
                  <>
                    <span>{c.kind === 'summary' ? 'Over the whole run,' : 'Week by week,'}</span>
                    <select
                      aria-label={`Condition ${n}: outcome`}
                      value={c.metric}
                      onChange={(e) => edit(i, { ...c, metric: e.target.value })}
                    >
                      {METRICS.map((m) => (
                        <option key={m.id} value={m.id}>
                          {m.label}
                        </option>
                      ))}
                    </select>
                    <select
                      aria-label={`Condition ${n}: above or below`}
                      value={c.op}
                      onChange={(e) => edit(i, { ...c, op: e.target.value as '>' | '<' })}
                    >
                      <option value=">">above</option>
                      <option value="<">below</option>
                    </select>
                    <input
                      type="number"
                      step="any"
                      aria-label={`Condition ${n}: threshold${share ? ' in %' : ''}`}
                      value={share ? +(c.value * 100).toFixed(4) : c.value}
                      onChange={(e) => edit(i, { ...c, value: Number(e.target.value) / (share ? 100 : 1) })}
                    />
                    <span>{share ? '%' : METRIC_BY_ID.get(c.metric)?.unit}</span>
                    {c.kind === 'weekly' ? (
                      <>
                        <span>for</span>
                        <input
                          type="number"
                          min={1}
                          max={1040}
                          aria-label={`Condition ${n}: weeks running`}
                          value={c.weeks}
                          onChange={(e) =>
                            edit(i, { ...c, weeks: Math.max(1, Math.round(Number(e.target.value)) || 1) })
                          }
                        />
                        <span>weeks running</span>
                      </>
                    ) : null}
                  </>
                )}
                <button
                  type="button"
                  aria-label={`Remove condition ${n}`}
                  onClick={() => set((s) => ({ ...s, conditions: s.conditions.filter((_, k) => k !== i) }))}
                >
                  Remove
                </button>
              </div>
              <span className="muted small">{conditionWords(c)}</span>
            </li>
          );
        })}
      </ol>
      <div className="row">
        <button
          type="button"
          onClick={() => add({ kind: 'weekly', metric: 'vacancy_rate', op: '>', value: 0.15, weeks: 13 })}
        >
          Add: an outcome above or below a level for some weeks
        </button>
        <button type="button" onClick={() => add({ kind: 'exit', weeks: 52 })}>
          Add: any provider exit early on
        </button>
        <button type="button" onClick={() => add({ kind: 'summary', metric: 'wellbeing_mean', op: '<', value: 0.5 })}>
          Add: a whole-run average above or below a level
        </button>
      </div>
      <fieldset className="plain-fieldset">
        <legend>A run fails when</legend>
        <label className="inline">
          <input
            type="radio"
            name="st-combine"
            checked={settings.combine === 'any'}
            onChange={() => set((s) => ({ ...s, combine: 'any' }))}
          />{' '}
          any condition holds
        </label>{' '}
        <label className="inline">
          <input
            type="radio"
            name="st-combine"
            checked={settings.combine === 'all'}
            onChange={() => set((s) => ({ ...s, combine: 'all' }))}
          />{' '}
          all conditions hold
        </label>
      </fieldset>
    </fieldset>
  );
}
