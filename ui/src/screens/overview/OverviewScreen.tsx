import { useMemo, useRef, useState } from 'react';
import { isAbortError, listApproaches, METRICS } from '../../../../sim/index.ts';
import { rankTint } from '../../charts/theme.ts';
import { fmt } from '../../common/format.ts';
import { HonestNote } from '../../common/HonestNote.tsx';
import { Term } from '../../common/Term.tsx';
import { runMissing, type Progress } from '../../runs/ensemble-runs.ts';
import { overviewPool } from '../../runs/pools.ts';
import { lib } from '../../state/library.ts';
import { summaryOf } from '../../state/result-stats.ts';
import { configHash, type ResultStore } from '../../state/results.ts';
import { draftForApproach, rangesOf, resolveDraft, type Workspace } from '../../state/workspace.ts';

const ROWS = METRICS.filter((m) => m.key && m.better !== null);

/**
 * The All twelve approaches screen: each approach on its own in the user's place, run on a pool of its own, in a
 * table tinted by rank (blue better, orange worse).
 */
export function OverviewScreen({ ws, store }: { ws: Workspace; store: ResultStore }) {
  const [runs, setRuns] = useState(10);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const ac = useRef<AbortController | null>(null);
  const base = ws.scenarios[0];
  // resolving and hashing twelve scenarios, and the table's statistics, are redone only when their inputs change:
  // a progress update re-renders this screen after every run
  const cols = useMemo(
    () =>
      listApproaches(lib()).map((a) => {
        const d = { ...draftForApproach(a.id, base), id: `overview-${a.id}` };
        const r = resolveDraft(ws, d);
        return { a, config: r.ok ? r.config : null, hash: r.ok ? configHash(r.config, ws.seed, rangesOf(ws)) : null };
      }),
    [ws, base],
  );
  const rows = useMemo(() => {
    const datas = cols.map((c) => (c.hash ? store.shown(c.hash, ws.runs) : undefined));
    return ROWS.map((m) => {
      const stats = datas.map((d) => (d ? summaryOf(d, m.id) : null));
      const sorted = stats
        .map((st) => st?.p50 ?? NaN)
        .filter(Number.isFinite)
        .sort((x, y) => (m.better === 'higher' ? y - x : x - y));
      return { m, stats, sorted };
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cols, store, version, ws.runs]);

  const run = async (): Promise<void> => {
    ac.current?.abort();
    const c = new AbortController();
    ac.current = c;
    setBusy(true);
    try {
      await runMissing(store, {
        configs: cols.flatMap((x) => (x.config && x.hash ? [{ hash: x.hash, config: x.config }] : [])),
        runs,
        seed: ws.seed,
        ranges: rangesOf(ws),
        signal: c.signal,
        backend: await overviewPool(),
        onResult: () => undefined,
        onProgress: (p) => {
          setProgress(p);
          if (p.done % 6 === 0) setVersion((v) => v + 1);
        },
      });
    } catch (e) {
      if (!isAbortError(e)) throw e;
    } finally {
      setBusy(false);
      setVersion((v) => v + 1);
    }
  };

  return (
    <section aria-labelledby="ov-h">
      <h2 id="ov-h">All twelve approaches in your place</h2>
      <p>
        Each approach on its own, from week 0, in the place you described
        {base?.events.length ? ', with the shocks and events of the baseline scenario' : ''}. Cells show the median{' '}
        <Term id="median" /> over runs and, below it, the range of 90% of runs <Term id="range" />. Blue tints mark the
        better approaches on that outcome, orange the worse ones (by median rank).
      </p>
      <HonestNote table ranges={rangesOf(ws)} />
      <div className="row card">
        <label htmlFor="ov-runs">Runs per approach (5 to 200)</label>
        <input
          id="ov-runs"
          type="number"
          min={5}
          max={200}
          step={5}
          value={runs}
          onChange={(e) => setRuns(Math.max(5, Math.min(200, Math.round(Number(e.target.value)) || 5)))}
        />
        <button type="button" disabled={busy} onClick={() => void run()}>
          Run all twelve approaches
        </button>
        {busy ? (
          <button type="button" onClick={() => ac.current?.abort()}>
            Cancel
          </button>
        ) : null}
        {progress ? (
          <>
            <label htmlFor="ov-progress">
              {progress.done} of {progress.total} runs
            </label>
            <progress id="ov-progress" max={Math.max(1, progress.total)} value={progress.done} />
          </>
        ) : null}
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="ov-h">
        <table className="diff heat">
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              {cols.map((c) => (
                <th scope="col" key={c.a.id}>
                  {c.a.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ m, stats, sorted }) => {
              return (
                <tr key={m.id}>
                  <th scope="row">
                    {m.label}
                    <span className="muted small block">{m.better} is better</span>
                  </th>
                  {stats.map((s, i) => {
                    if (!s)
                      return (
                        <td key={i} className="muted">
                          not run
                        </td>
                      );
                    const rank = sorted.length > 1 ? sorted.indexOf(s.p50) / (sorted.length - 1) : 0.5;
                    return (
                      <td key={i} style={{ background: rankTint(rank) }}>
                        <strong>{fmt(m, s.p50)}</strong>
                        <span className="small block">
                          {fmt(m, s.p5)} to {fmt(m, s.p95)}
                        </span>
                        <span className="small block muted-dark">{s.n === 1 ? '1 run' : `${s.n} runs`}</span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
