import { useMemo, type ReactNode } from 'react';
import { METRIC_BY_ID, type RunResult } from '../../../../sim/index.ts';
import { fmt } from '../../common/format.ts';
import { TrustKey } from './TrustKey.tsx';
import { TrustNetwork } from './TrustNetwork.tsx';
import { WorkforceFlows } from './WorkforceFlows.tsx';

/** playback speeds offered, in weeks per second */
const SPEEDS = [1, 4, 13, 26, 52];

/** Playback of one traced run: controls, the trust network, this week's flows and numbers, and what happened. */
export function Player({
  run,
  week,
  setWeek,
  playing,
  setPlaying,
  speed,
  setSpeed,
  chart,
}: {
  run: RunResult;
  week: number;
  setWeek: (w: number) => void;
  playing: boolean;
  setPlaying: (p: boolean) => void;
  speed: number;
  setSpeed: (s: number) => void;
  /** the run over time, with its events marked (RunChart), under the controls */
  chart?: ReactNode;
}) {
  const tr = run.trace!;
  const W = run.weeks;
  const metric = (id: string): number => {
    const m = run.metricIds.indexOf(id);
    return m < 0 ? NaN : run.series[m * W + week];
  };
  const log = useMemo(
    () =>
      run.log
        .filter((l) => l.week <= week)
        .slice(-14)
        .reverse(),
    [run, week],
  );
  return (
    <div className="player">
      <div className="row card" role="group" aria-label="Playback">
        <button type="button" onClick={() => setPlaying(!playing)} aria-pressed={playing}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => setWeek(Math.max(0, week - 1))}>
          Step back a week
        </button>
        <button type="button" onClick={() => setWeek(Math.min(W - 1, week + 1))}>
          Step forward a week
        </button>
        <label htmlFor="pl-speed">Speed (weeks per second)</label>
        <select id="pl-speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label htmlFor="pl-week">Week (0 to {W - 1})</label>
        <input
          id="pl-week"
          type="range"
          min={0}
          max={W - 1}
          value={week}
          onChange={(e) => setWeek(Number(e.target.value))}
          aria-valuetext={`week ${week}, year ${(week / 52).toFixed(1)}`}
        />
        <output htmlFor="pl-week">
          Week {week} (year {(week / 52).toFixed(1)})
        </output>
      </div>
      {chart}
      <div className="run-grid">
        <div className="card">
          <h3>Trust network, week {week}</h3>
          <TrustNetwork run={run} week={week} />
          <TrustKey />
        </div>
        <div className="card">
          <h3>This week</h3>
          <WorkforceFlows run={run} week={week} />
          <dl className="kv">
            {[
              'providers_active',
              'people_waiting',
              'wellbeing_mean',
              'trust_providers_to_commissioner',
              'trust_council_community',
              'vacancy_rate',
            ].map((id) => {
              const d = METRIC_BY_ID.get(id)!;
              return (
                <div key={id}>
                  <dt>{d.label}</dt>
                  <dd>{fmt(d, metric(id))}</dd>
                </div>
              );
            })}
          </dl>
          <h3>What happened</h3>
          <ol className="log" aria-live="polite">
            {log.length === 0 ? <li className="muted">Nothing notable yet.</li> : null}
            {log.map((l, i) => (
              <li key={`${l.week}-${i}`}>
                <span className="muted">week {l.week}:</span> {l.text}
              </li>
            ))}
          </ol>
          <p className="muted small">
            {tr.providers} provider slots; run seed {run.seed}.
          </p>
        </div>
      </div>
    </div>
  );
}
