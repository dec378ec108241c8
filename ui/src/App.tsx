import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ScenarioIssue } from '../../sim/scenario/index.ts';
import { configHash, isAbortError, ResultStore, runMissing, type EnsembleData, type Progress } from './lib/runner.ts';
import { defaultWorkspace, resolveDraft, type Workspace } from './lib/workspace.ts';
import { loadDraft, loadResults, saveDraft, saveResults } from './lib/store.ts';
import { probe, setPassInfo, whenIdle } from './lib/draw-queue.ts';
import { readShareHash } from './lib/share.ts';
import { CompareView, KEY_METRICS } from './components/CompareView.tsx';
import { PlaceView } from './components/PlaceView.tsx';
import { StrategyView } from './components/StrategyView.tsx';
import { KeepView } from './components/KeepView.tsx';
import { RunView } from './components/RunView.tsx';
import { OverviewView } from './components/OverviewView.tsx';
import { StressView } from './components/StressView.tsx';

const TABS = [
  { id: 'compare', label: 'Compare' },
  { id: 'place', label: 'Your place' },
  { id: 'strategy', label: 'Strategies' },
  { id: 'overview', label: 'All twelve approaches' },
  { id: 'run', label: 'Inside a run' },
  { id: 'stress', label: 'Stress test' },
  { id: 'keep', label: 'Keep and share' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const DEBOUNCE_MS = 400;

export function App() {
  const [ws, setWs] = useState<Workspace | null>(null);
  const [tab, setTab] = useState<TabId>(() => (TABS.some((t) => `#${t.id}` === location.hash) ? (location.hash.slice(1) as TabId) : 'compare'));
  const [selected, setSelected] = useState(0);
  const [metrics, setMetrics] = useState<string[]>(KEY_METRICS);
  const [version, setVersion] = useState(0);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string; issues?: ScenarioIssue[] } | null>(null);
  const store = useRef(new ResultStore());
  const controller = useRef<AbortController | null>(null);
  const firstRun = useRef(true);
  const [rerun, setRerun] = useState(0);

  // Start: a share link (validated, never executed), else the autosaved draft, else the Midshire example.
  useEffect(() => {
    void (async () => {
      const shared = readShareHash(location.hash);
      if (shared && !shared.ok) setNotice({ kind: 'error', text: shared.message, issues: shared.issues });
      if (shared?.ok) {
        const base = defaultWorkspace();
        setWs({ ...base, placeId: shared.placeId, context: { ...base.context, ...shared.context }, years: Math.max(1, Math.min(20, shared.years)), runs: shared.runs, scenarios: shared.drafts.slice(0, 7) });
        setNotice({ kind: 'info', text: `Opened ${shared.drafts.length} shared scenarios. They passed validation and are now in your workspace.` });
        history.replaceState(null, '', location.pathname + location.search);
        return;
      }
      const draft = await loadDraft();
      setWs(draft && draft.version === 1 && draft.scenarios?.length >= 2 ? draft : defaultWorkspace());
    })();
  }, []);

  const update = useCallback((f: (w: Workspace) => Workspace) => setWs((w) => (w ? f(w) : w)), []);

  // autosave the draft
  useEffect(() => {
    if (!ws) return;
    const t = setTimeout(() => void saveDraft(ws).catch(() => undefined), 300);
    return () => clearTimeout(t);
  }, [ws]);

  const resolved = useMemo(() => (ws ? ws.scenarios.map((d) => resolveDraft(ws, d)) : []), [ws]);
  const hashes = useMemo(() => (ws ? resolved.map((r) => (r.ok ? configHash(r.config, ws.seed) : null)) : []), [resolved, ws]);
  const runKey = ws ? `${hashes.join(',')}|${ws.runs}|${rerun}` : '';

  // Run what is missing whenever the scenarios change (debounced), cancelling any run in flight.
  useEffect(() => {
    if (!ws) return;
    const configs = resolved.flatMap((r, i) => (r.ok && hashes[i] ? [{ hash: hashes[i]!, config: r.config }] : []));
    if (configs.length === 0) return;
    const delay = firstRun.current ? 0 : DEBOUNCE_MS;
    firstRun.current = false;
    let redraw: ReturnType<typeof setTimeout> | undefined;
    const timer = setTimeout(async () => {
      controller.current?.abort();
      const ac = new AbortController();
      controller.current = ac;
      // results kept in the browser draw at once
      const missing = configs.filter((c) => !store.current.get(c.hash));
      if (missing.length) {
        try {
          for (const d of await loadResults(missing.map((c) => c.hash))) store.current.adopt(d);
        } catch {
          /* no stored results */
        }
        if (ac.signal.aborted) return;
        setVersion((v) => v + 1);
      }
      probe().runStarted.push(performance.now());
      setRunning(true);
      let last = 0;
      const bump = (): void => {
        if (redraw) return;
        const wait = Math.max(0, 400 - (performance.now() - last));
        // redraw at most every 400 ms, and never before the previous redraw has finished
        redraw = setTimeout(() => whenIdle(() => {
          redraw = undefined;
          last = performance.now();
          setVersion((v) => v + 1);
        }), wait);
      };
      try {
        await runMissing(store.current, {
          configs, runs: ws.runs, seed: ws.seed, signal: ac.signal,
          onResult: bump,
          onProgress: (p) => setProgress(p),
        });
      } catch (e) {
        if (!isAbortError(e)) setNotice({ kind: 'error', text: `The runs stopped: ${e instanceof Error ? e.message : String(e)}` });
      } finally {
        if (controller.current === ac) {
          setRunning(false);
          setVersion((v) => v + 1);
          const done = configs.map((c) => store.current.get(c.hash)).filter((d): d is EnsembleData => !!d);
          void saveResults(done).catch(() => undefined);
        }
      }
    }, delay);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runKey]);

  const datas = useMemo(
    () => hashes.map((h) => (h ? store.current.get(h) : undefined)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [hashes, version],
  );
  useEffect(() => {
    setPassInfo(Math.min(...datas.map((d) => d?.runs.size ?? 0)), hashes.filter((h): h is string => !!h));
  }, [datas, hashes]);

  const issuesOf = useCallback((i: number): ScenarioIssue[] => {
    const r = resolved[i];
    return r && !r.ok ? r.issues : [];
  }, [resolved]);

  const cancel = (): void => {
    controller.current?.abort();
    setRunning(false);
  };

  if (!ws) return <p className="loading">Loading the simulator…</p>;
  const badScenarios = ws.scenarios.map((s, i) => ({ s, i })).filter(({ i }) => issuesOf(i).length > 0);

  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <div>
          <h1>Commissioning Flight Simulator</h1>
          <p className="tagline">Try out ways of commissioning adult social care in {ws.placeId === 'midshire' ? 'Midshire' : 'your place'} before they go live.</p>
        </div>
        <div className="run-status" aria-live="polite">
          {progress && (running || progress.done < progress.total) ? (
            <>
              <label htmlFor="run-progress">
                {running ? 'Running' : 'Stopped at'} {progress.done} of {progress.total} runs
                {progress.failed ? `, ${progress.failed} failed` : ''}
              </label>
              <progress id="run-progress" max={Math.max(1, progress.total)} value={progress.done} />
              {running ? (
                <button type="button" onClick={cancel}>Cancel runs</button>
              ) : (
                <button type="button" onClick={() => setRerun((x) => x + 1)}>Resume runs</button>
              )}
            </>
          ) : (
            <span className="muted">{progress ? `All ${ws.runs} runs of each scenario done` : 'Starting…'}</span>
          )}
        </div>
      </header>
      <nav aria-label="Screens">
        <ul className="tabs">
          {TABS.map((t) => (
            <li key={t.id}>
              <a
                href={`#${t.id}`}
                aria-current={tab === t.id ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  setTab(t.id);
                  history.replaceState(null, '', `#${t.id}`);
                  document.getElementById('main')?.focus();
                }}
              >
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {notice ? (
          <div className={notice.kind === 'error' ? 'notice error' : 'notice'} role={notice.kind === 'error' ? 'alert' : 'status'}>
            <p>{notice.text}</p>
            {notice.issues?.length ? (
              <ul>
                {notice.issues.slice(0, 20).map((i, k) => (
                  <li key={k}>{i.line ? `line ${i.line}: ` : ''}{i.path ? `${i.path}: ` : ''}{i.message}</li>
                ))}
              </ul>
            ) : null}
            <button type="button" onClick={() => setNotice(null)}>Dismiss</button>
          </div>
        ) : null}
        {badScenarios.length && tab !== 'strategy' ? (
          <div className="notice error" role="alert">
            <p>
              {badScenarios.map(({ s }) => `“${s.title}”`).join(', ')} cannot run until {badScenarios.length === 1 ? 'its problems are' : 'their problems are'} fixed.{' '}
              <a href="#strategy" onClick={(e) => { e.preventDefault(); setSelected(badScenarios[0].i); setTab('strategy'); }}>Show the problems</a>
            </p>
          </div>
        ) : null}
        {tab === 'compare' ? <CompareView ws={ws} datas={datas} version={version} metrics={metrics} setMetrics={setMetrics} /> : null}
        {tab === 'place' ? <PlaceView ws={ws} update={update} /> : null}
        {tab === 'strategy' ? <StrategyView ws={ws} update={update} selected={selected} setSelected={setSelected} issuesOf={issuesOf} /> : null}
        {tab === 'overview' ? <OverviewView ws={ws} store={store.current} /> : null}
        {tab === 'run' ? <RunView ws={ws} resolved={resolved} /> : null}
        {tab === 'stress' ? <StressView ws={ws} /> : null}
        {tab === 'keep' ? <KeepView ws={ws} setWs={(w) => { setWs(w); setSelected(0); }} datas={datas} setNotice={setNotice} /> : null}
        <section className="settings card" aria-labelledby="settings-h">
          <h2 id="settings-h" className="h3">Run settings</h2>
          <div className="row">
            <label htmlFor="set-runs">Runs per scenario (5 to 500)</label>
            <input id="set-runs" type="number" min={5} max={500} step={5} value={ws.runs}
              onChange={(e) => { const n = Math.round(Number(e.target.value)); if (n >= 5 && n <= 500) update((w) => ({ ...w, runs: n })); }} />
            <label htmlFor="set-years">Years simulated (1 to 20)</label>
            <input id="set-years" type="number" min={1} max={20} step={1} value={ws.years}
              onChange={(e) => { const n = Math.round(Number(e.target.value)); if (n >= 1 && n <= 20) update((w) => ({ ...w, years: n })); }} />
            <label htmlFor="set-seed">Experiment seed (any text; the same seed gives the same runs)</label>
            <input id="set-seed" type="text" maxLength={40} value={ws.seed} onChange={(e) => update((w) => ({ ...w, seed: e.target.value }))} />
          </div>
        </section>
      </main>
      <footer className="muted small">
        <p>An agent-based model of one council area, week by week. Plausible dynamics, not forecasts. Results stay in this browser.</p>
      </footer>
    </>
  );
}
