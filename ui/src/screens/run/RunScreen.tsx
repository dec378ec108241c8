import { useEffect, useRef, useState } from 'react';
import { isAbortError, type RunConfig, type RunResult } from '../../../../sim/index.ts';
import { runTraced } from '../../runs/ensemble-runs.ts';
import { rangesOf, type Resolved, type Workspace } from '../../state/workspace.ts';
import { Player } from './Player.tsx';
import { RunChart } from './RunChart.tsx';

/**
 * The Inside a run screen: one run of one scenario, run with its trace (on the one-worker trace pool) and played
 * week by week.
 */
export function RunScreen({ ws, resolved }: { ws: Workspace; resolved: Resolved[] }) {
  const [sc, setSc] = useState(0);
  const [rep, setRep] = useState(0);
  const [run, setRun] = useState<RunResult | null>(null);
  const [runConfig, setRunConfig] = useState<RunConfig | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [week, setWeek] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(13);
  const ac = useRef<AbortController | null>(null);

  const start = async (): Promise<void> => {
    const r = resolved[sc];
    if (!r?.ok) {
      setError('This scenario has problems; fix them under Strategies first.');
      return;
    }
    ac.current?.abort();
    const c = new AbortController();
    ac.current = c;
    setBusy(true);
    setError('');
    setPlaying(false);
    try {
      const out = await runTraced(r.config, ws.seed, rangesOf(ws), rep, c.signal);
      setRun(out);
      setRunConfig(r.config);
      setWeek(0);
    } catch (e) {
      if (!isAbortError(e)) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => () => ac.current?.abort(), []);
  useEffect(() => {
    if (!playing || !run) return;
    const t = setInterval(
      () =>
        setWeek((w) => {
          if (w + 1 >= run.weeks) {
            setPlaying(false);
            return w;
          }
          return w + 1;
        }),
      1000 / speed,
    );
    return () => clearInterval(t);
  }, [playing, speed, run]);

  return (
    <section aria-labelledby="run-h">
      <h2 id="run-h">Inside a run</h2>
      <p>
        Pick one run of one scenario and play it week by week: who trusts whom, which providers close, where care
        workers come from and go to, and what happened, in plain words. One run is one possible future, not the expected
        one; the Compare screen shows the range.
      </p>
      <div className="row card">
        <label htmlFor="run-sc">Scenario</label>
        <select id="run-sc" value={sc} onChange={(e) => setSc(Number(e.target.value))}>
          {ws.scenarios.map((s, i) => (
            <option key={s.key} value={i}>
              {s.title}
            </option>
          ))}
        </select>
        <label htmlFor="run-rep">
          Run number (0 to {ws.runs - 1}; same number = same random events in every scenario)
        </label>
        <input
          id="run-rep"
          type="number"
          min={0}
          max={ws.runs - 1}
          value={rep}
          onChange={(e) => setRep(Math.max(0, Math.min(ws.runs - 1, Math.round(Number(e.target.value)))))}
        />
        <button type="button" onClick={() => void start()} disabled={busy}>
          {busy ? 'Running…' : 'Run and load for playback'}
        </button>
        {busy ? (
          <button type="button" onClick={() => ac.current?.abort()}>
            Cancel
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="field-errors" role="alert">
          {error}
        </p>
      ) : null}
      {run ? (
        <Player
          run={run}
          week={week}
          setWeek={setWeek}
          playing={playing}
          setPlaying={setPlaying}
          speed={speed}
          setSpeed={setSpeed}
          chart={
            runConfig ? <RunChart run={run} config={runConfig} week={week} setWeek={setWeek} playing={playing} /> : null
          }
        />
      ) : null}
    </section>
  );
}
