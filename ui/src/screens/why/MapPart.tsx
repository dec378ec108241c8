import { useMemo, useState } from 'react';
import { liveLoops, nodeDifference, runLiveLoops, type LiveLoops, type PeriodWeights } from '../../../../sim/index.ts';
import { explainPool } from '../../runs/pools.ts';
import { CausalMap } from './CausalMap.tsx';
import type { ExplainInputs } from './explain-inputs.ts';
import { LoopList } from './LoopList.tsx';
import { loopKindWords, mapView, viewOfLoop } from './map-view.ts';
import { tracedRun } from './traced-runs.ts';
import { useAsync } from './use-async.ts';
import { Term } from '../../common/Term.tsx';

/** The dominant loop of a period in a sentence, named as the brief names it where it is a named loop. */
export function dominantSentence(p: PeriodWeights): string {
  const d = p.dominant;
  if (!d) return `${p.label}: no loop of the map moved as a whole.`;
  const v = viewOfLoop(d.loop);
  return `${p.label}: ${v.name ? `${v.name} (${d.loop.words})` : d.loop.words}, ${loopKindWords(v.kind)}, carried most change (${Math.round(d.share * 100)}% of the loops' weight).`;
}

/** runs averaged when the map is weighted by many runs */
export const AVERAGED_RUNS = 10;

/**
 * The causal map, and the map weighted by what happened: choose a scenario and a run (or the average of
 * AVERAGED_RUNS runs), and a year; each arrow's
 * width shows how much change it carried that year (both its ends moved the way its sign says), and the loop that
 * dominated each year is named.
 */
export function MapPart({ explain }: { explain: ExplainInputs }) {
  const [levers, setLevers] = useState(false);
  // a named loop picked in the list, or 'dominant': the year's dominant loop
  const [loop, setLoop] = useState<string | null>(null);
  const ok = explain.scenarios.map((s, i) => ({ s, i })).filter(({ s }) => s.config);
  // −1: the map alone, unweighted
  const [sc, setSc] = useState(ok[0]?.i ?? -1);
  const [rep, setRep] = useState(0);
  // one run, the average of many, or the gap between this scenario's run and the baseline's same run
  const [weigh, setWeigh] = useState<'one' | 'many' | 'gap'>('one');
  const [year, setYear] = useState(0);
  const view = useMemo(() => mapView(levers), [levers]);
  const s = sc >= 0 ? explain.scenarios[sc] : undefined;
  const config = s?.config ?? null;
  const baseline = explain.scenarios[0];
  const many = weigh === 'many';
  const gap = weigh === 'gap' && sc > 0 && !!baseline?.config;
  const run = useAsync(
    config ? (many ? `${s!.hash}|mean${AVERAGED_RUNS}` : `${s!.hash}|${rep}|${gap ? baseline.hash : ''}`) : null,
    async () => {
      if (many)
        return runLiveLoops(await explainPool(), config!, {
          runs: AVERAGED_RUNS,
          seed: explain.seed,
          ranges: explain.ranges,
        });
      const own = (await tracedRun(config!, explain.seed, explain.ranges, rep)).nodes;
      if (!gap || !own) return own;
      // the same run of the baseline: the same random numbers, so the gap is the strategies'
      const base = (await tracedRun(baseline.config!, explain.seed, explain.ranges, rep)).nodes;
      return base ? nodeDifference(base, own) : undefined;
    },
  );
  const live: LiveLoops | null = useMemo(
    () => (!run.value ? null : 'periods' in run.value ? run.value : liveLoops(run.value)),
    [run.value],
  );
  const whose = many
    ? `the average of ${AVERAGED_RUNS} runs`
    : gap
      ? `the gap between run ${rep} and the baseline's run ${rep}`
      : `run ${rep}`;
  const period = live?.periods[Math.min(year, live.periods.length - 1)] ?? null;
  const weights = useMemo(() => {
    if (!period) return undefined;
    const max = Math.max(...period.links.map((l) => l.share), 1e-12);
    return new Map(period.links.map((l) => [l.link, l.share / max]));
  }, [period]);
  const years = live?.periods.length ?? 0;
  const loopLinks =
    loop === 'dominant'
      ? (period?.dominant?.loop.links ?? null)
      : (view.loops.find((l) => l.id === loop)?.links ?? null);

  return (
    <div className="map-part">
      <div className="row card" role="group" aria-label="What the map shows">
        <label>
          <input type="checkbox" checked={levers} onChange={(e) => setLevers(e.target.checked)} /> Show the
          council&apos;s levers too
        </label>
        <label htmlFor="map-sc">Weight the arrows by what happened in</label>
        <select id="map-sc" value={sc} onChange={(e) => setSc(Number(e.target.value))}>
          <option value={-1}>nothing: the map alone</option>
          {ok.map(({ s: x, i }) => (
            <option key={x.key} value={i}>
              a run of {x.title}
            </option>
          ))}
        </select>
        {config ? (
          <>
            <label htmlFor="map-many">Weigh by</label>
            <select id="map-many" value={weigh} onChange={(e) => setWeigh(e.target.value as typeof weigh)}>
              <option value="one">one run</option>
              <option value="many">the average of {AVERAGED_RUNS} runs</option>
              {sc > 0 && baseline?.config ? (
                <option value="gap">its gap from the baseline ({baseline.title}), same run</option>
              ) : null}
            </select>
          </>
        ) : null}
        {config && !many ? (
          <>
            <label htmlFor="map-rep">Run number</label>
            <input
              id="map-rep"
              type="number"
              min={0}
              max={999}
              value={rep}
              onChange={(e) => setRep(Math.max(0, Math.min(999, Math.round(Number(e.target.value)) || 0)))}
            />
          </>
        ) : null}
        {years > 0 ? (
          <>
            <label htmlFor="map-year">Year</label>
            <input
              id="map-year"
              type="range"
              min={0}
              max={years - 1}
              value={Math.min(year, years - 1)}
              onChange={(e) => setYear(Number(e.target.value))}
              aria-valuetext={period?.label}
            />
            <output htmlFor="map-year">{period?.label}</output>
          </>
        ) : null}
      </div>
      {run.pending ? (
        <p className="muted">
          Running {many ? `${AVERAGED_RUNS} runs` : 'the run'} with the map&apos;s parts recorded…
        </p>
      ) : null}
      {run.error ? <p role="alert">The run could not be made: {run.error}</p> : null}
      {period ? (
        <p className="dominant" aria-live="polite">
          {dominantSentence(period)} <Term id="dominant-loop" />{' '}
          {period.dominant ? (
            <button
              type="button"
              className="link"
              aria-pressed={loop === 'dominant'}
              onClick={() => setLoop(loop === 'dominant' ? null : 'dominant')}
            >
              {loop === 'dominant' ? 'Show the whole map' : 'Show it on the map'}
            </button>
          ) : null}
        </p>
      ) : (
        <p className="small">
          Each box is part of the system the model simulates; each arrow a mechanism <Term id="mechanism" /> in its
          code. Choose a run above to see which arrows carried the change in each year.
        </p>
      )}
      <CausalMap
        view={view}
        weights={weights}
        loop={loopLinks}
        label={`The causal map: ${view.nodes.length} parts and ${view.links.length} arrows${period ? `, weighted by ${period.label} of ${whose} of ${s?.title}` : ''}`}
      />
      {period ? (
        <p className="muted small">
          Thicker, stronger arrows carried more change in {period.label.toLowerCase()}: both their ends moved the way
          the arrow&apos;s sign says
          {gap
            ? ' — here, the gap between this strategy and the baseline, on the same random numbers, so the arrows show what carried the difference'
            : ''}
          {gap ? <Term id="paired" /> : null}. This reads how the parts moved together, not a proof of cause{' '}
          <Term id="dominant-loop" />; “What drove the difference?” tests causes by switching them off{' '}
          <Term id="switched-off" />.
        </p>
      ) : null}
      {live ? (
        <section aria-labelledby="map-years-h">
          <h4 id="map-years-h">The loop that dominated, year by year ({whose})</h4>
          <ol className="dominant-years">
            {live.periods.map((p, i) => (
              <li key={p.label}>
                <button type="button" className="link" onClick={() => setYear(i)} aria-current={i === year}>
                  {dominantSentence(p)}
                </button>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <LoopList view={view} selected={loop} select={setLoop} period={period} />
    </div>
  );
}
