import { useRef, useState } from 'react';
import {
  METRICS,
  METRIC_BY_ID,
  isAbortError,
  runExplain,
  startOf,
  type ExplainBy,
  type ExplainResult,
  type RunProgress,
} from '../../../../sim/index.ts';
import { NumberBox } from '../../common/NumberBox.tsx';
import { explainPool } from '../../runs/pools.ts';
import { ShareBars } from './ShareBars.tsx';
import type { ExplainInputs } from './explain-inputs.ts';
import { Term } from '../../common/Term.tsx';

/** −1 as the first scenario: the second scenario's own start, kept as it was (no strategy, no events) */
const OWN_START = -1;

/** the last result, kept while the app is open so that leaving the part and coming back keeps it */
let kept: { result: ExplainResult; by: ExplainBy } | null = null;

/**
 * the knock-out runs a choice costs: the two scenarios, two arms per mechanism, and one per lever group and per
 * event of the second scenario the first lacks, each `runs` times
 */
export function explainRunCount(runs: number, by: ExplainBy, mechanisms: number, extraEvents = 0): number {
  const arms = 2 + (by !== 'groups' ? 2 * mechanisms : 0) + (by !== 'mechanisms' ? 4 + extraEvents : 0);
  return arms * runs;
}

/**
 * "What drove the difference?": an outcome and two scenarios (or one against its own start); the difference is
 * re-run with one mechanism, or one group of levers, switched off at a time, on the same random numbers, and
 * each one's share of the difference shown with its range (the simulation's runExplain, on the app's workers).
 */
export function DrivePart({ explain, mechanisms }: { explain: ExplainInputs; mechanisms: number }) {
  const ok = explain.scenarios.map((s, i) => ({ s, i })).filter(({ s }) => s.config);
  const [outcome, setOutcome] = useState('wellbeing_mean');
  // with one scenario only, it is explained against its own start
  const [a, setA] = useState(ok.length > 1 ? ok[0].i : OWN_START);
  const [b, setB] = useState(ok[1]?.i ?? ok[0]?.i ?? 0);
  const [runs, setRuns] = useState(5);
  const [by, setBy] = useState<ExplainBy>('both');
  // −1: the whole run; otherwise the year (0-based) explained
  const [year, setYear] = useState(-1);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [result, setResult] = useState(kept);
  const ac = useRef<AbortController | null>(null);
  const metric = METRIC_BY_ID.get(outcome)!;
  const other = explain.scenarios[b]?.config;
  const base = a === OWN_START ? (other ? startOf(other) : null) : explain.scenarios[a]?.config;
  const same = a === b;
  const own = new Set(base?.events.map((e) => JSON.stringify(e)) ?? []);
  const extra = other ? other.events.filter((e) => !own.has(JSON.stringify(e))).length : 0;
  const cost = explainRunCount(runs, by, mechanisms, extra);
  const years = Math.floor((other?.weeks ?? 0) / 52);
  const span = year >= 0 && other ? { from: year * 52, to: Math.min(other.weeks, (year + 1) * 52) } : undefined;

  const start = async (): Promise<void> => {
    if (!base || !other || same) return;
    ac.current?.abort();
    const c = new AbortController();
    ac.current = c;
    setBusy(true);
    setError('');
    setProgress(null);
    try {
      const r = await runExplain(
        await explainPool(),
        { outcome, base, other, runs, seed: explain.seed, ranges: explain.ranges, by, period: span },
        { signal: c.signal, onProgress: setProgress },
      );
      kept = { result: r, by };
      setResult(kept);
    } catch (e) {
      if (!isAbortError(e) && !c.signal.aborted) setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (ac.current === c) setBusy(false);
    }
  };

  return (
    <div className="drive-part">
      <p className="small">
        Pick an outcome and two scenarios. The simulator runs both again and again, each time with one mechanism{' '}
        <Term id="mechanism" /> (or one group of the council&apos;s levers) switched off <Term id="switched-off" />, on
        the same random numbers <Term id="paired" />, and measures how much of the difference disappears: that is the
        share the switched-off part accounts for. Parts can overlap or work against each other; what no single switch
        explains is shown as its own bar, so the bars add up to the whole difference.
      </p>
      <div className="row card" role="group" aria-label="What to explain">
        <label htmlFor="dr-outcome">Outcome</label>
        <select id="dr-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          {METRICS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
        <label htmlFor="dr-b">Why does</label>
        <select id="dr-b" value={b} onChange={(e) => setB(Number(e.target.value))}>
          {ok.map(({ s, i }) => (
            <option key={s.key} value={i}>
              {s.title}
            </option>
          ))}
        </select>
        <label htmlFor="dr-a">differ from</label>
        <select id="dr-a" value={a} onChange={(e) => setA(Number(e.target.value))}>
          <option value={OWN_START}>its own start, kept as it was</option>
          {ok.map(({ s, i }) => (
            <option key={s.key} value={i}>
              {s.title}
            </option>
          ))}
        </select>
        <label htmlFor="dr-year">Over</label>
        <select id="dr-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          <option value={-1}>the whole run</option>
          {Array.from({ length: years }, (_, y) => (
            <option key={y} value={y}>
              year {y + 1} only
            </option>
          ))}
        </select>
        <label htmlFor="dr-by">Switch off</label>
        <select id="dr-by" value={by} onChange={(e) => setBy(e.target.value as ExplainBy)}>
          <option value="both">mechanisms, and groups of levers</option>
          <option value="mechanisms">mechanisms only</option>
          <option value="groups">groups of levers only</option>
        </select>
        <label htmlFor="dr-runs">Runs of each (2 to 50)</label>
        <NumberBox id="dr-runs" value={runs} onChange={setRuns} min={2} max={50} whole />
        <button type="button" onClick={() => void start()} disabled={busy || same || !base || !other}>
          Find what drove the difference
        </button>
        {busy ? (
          <button type="button" onClick={() => ac.current?.abort()}>
            Cancel
          </button>
        ) : null}
      </div>
      <p className="muted small">
        {same
          ? 'Choose two different scenarios (or the scenario against its own start).'
          : `This takes ${cost.toLocaleString('en-GB')} runs on this computer.`}
      </p>
      {busy && progress ? (
        <p aria-live="polite">
          <progress max={progress.total} value={progress.done} aria-label="Knock-out runs done" /> {progress.done} of{' '}
          {progress.total} runs
        </p>
      ) : null}
      {error ? <p role="alert">The attribution could not be made: {error}</p> : null}
      {result ? <DriveResult result={result.result} /> : null}
      {!result && !busy ? (
        <p className="muted">
          Nothing run yet. {metric.label} is chosen; press the button to find what drove the difference.
        </p>
      ) : null}
    </div>
  );
}

function DriveResult({ result }: { result: ExplainResult }) {
  const breakdowns = [
    { title: 'By mechanism', b: result.mechanisms },
    { title: 'By group of levers, and events', b: result.groups },
  ].filter((x) => x.b);
  return (
    <section className="drive-result" aria-labelledby="drive-h">
      <h4 id="drive-h">
        What drove the difference in {result.label.toLowerCase()}
        {result.period ? ` in weeks ${result.period.from} to ${result.period.to - 1}` : ''}: {result.otherTitle} against{' '}
        {result.baseTitle}
      </h4>
      {result.difference.low <= 0 && result.difference.high >= 0 ? (
        <p className="honest" role="note">
          The difference itself is not clear: its 90% interval <Term id="interval" /> includes no difference at all.
          Shares of a difference that may be chance are not to be read as causes; try more runs, or an outcome the
          scenarios differ on.
        </p>
      ) : null}
      <ul className="drive-sentences">
        {result.sentences.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ul>
      {breakdowns.map(({ title, b }) => {
        const total = b!.parts.reduce((s, p) => s + p.share, 0);
        return (
          <figure key={title} className="card">
            <figcaption>
              <strong>{title}</strong>{' '}
              <span className="muted small">
                share of the difference each accounts for; whiskers: 90% interval <Term id="interval" /> over{' '}
                {result.completed} paired runs.{' '}
              </span>
              <span className="drive-total" data-total={Number.isFinite(total) ? total.toFixed(4) : ''}>
                {Number.isFinite(total)
                  ? `The bars add up to ${Math.round(total * 100)}% of the difference.`
                  : 'There is no difference to share out.'}
              </span>
            </figcaption>
            <ShareBars parts={b!.parts} title={title} />
          </figure>
        );
      })}
    </section>
  );
}
