import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ScenarioIssue } from '../../sim/index.ts';
import { configHash, ResultStore, type EnsembleData, type Progress } from './runs/runner.ts';
import { RunQueue } from './runs/run-queue.ts';
import { defaultWorkspace, resolveDraft, type Workspace } from './state/workspace.ts';
import { loadDraft, loadResults, saveDraft, saveResultsWhenIdle } from './state/store.ts';
import { lastPassDuration, prepareCharts, probe, setBeforePass, setPassInfo, whenIdle } from './charts/draw-queue.ts';
import { readShareHash } from './state/share.ts';
import { CompareScreen, KEY_METRICS, type ComparedWorkspace } from './screens/compare/CompareScreen.tsx';
import { PlaceScreen } from './screens/place/PlaceScreen.tsx';
import { StrategiesScreen } from './screens/strategies/StrategiesScreen.tsx';
import { KeepScreen } from './screens/keep/KeepScreen.tsx';
import { RunScreen } from './screens/run/RunScreen.tsx';
import { OverviewScreen } from './screens/overview/OverviewScreen.tsx';
import { StressScreen } from './screens/stress/StressScreen.tsx';

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

/**
 * A lever change re-runs after this pause, which gathers a burst of changes (a slider dragged, a value pasted)
 * into one. It can be short: replacing the queue costs nothing, and a run already going for an earlier value
 * finishes within ~0.1 s and is kept.
 */
const DEBOUNCE_MS = 50;
/** a change this long after the one before starts its runs at once (the leading edge of the debounce) */
const QUIET_MS = 400;
/**
 * A changed scenario's charts switch to its new settings once this many runs are in (its earlier result is
 * shown, marked as the previous settings, until then); the bands then refine as the rest stream in. Two: the
 * fewest runs that show a range, and on two cores the first two runs finish together.
 */
export const FIRST_DRAW_RUNS = 2;
/** longest workers are left idle so that the main thread can draw (RunQueue.holdAll) */
const HOLD_FOR_DRAW_MS = 500;

/** What the charts and the table show: per scenario the ensemble drawn, possibly that of its previous settings. */
export interface View {
  hashes: (string | null)[];
  datas: (EnsembleData | undefined)[];
  /** true where the ensemble shown is that of the scenario's previous settings, while the new runs start */
  stale: boolean[];
  sizes: number[];
  keys: string[];
  version: number;
  /** bumped only when the results drawn change (not when only the "previous settings" marks do) */
  drawVersion: number;
}
const EMPTY_VIEW: View = { hashes: [], datas: [], stale: [], sizes: [], keys: [], version: 0, drawVersion: 0 };

/**
 * A screen kept mounted while another shows. Hidden with content-visibility rather than display: none, so the
 * browser keeps its style and layout and showing it again costs little (for the charts' screen, a display switch
 * meant restyling and laying out every chart: 60-120 ms). Its controls are out of the tab order (content-visibility:
 * hidden) and of the accessibility tree (aria-hidden); the keyboard browser test checks both.
 */
function KeptScreen({ shown, children }: { shown: boolean; children: ReactNode }) {
  return <div className={shown ? undefined : 'kept-hidden'} aria-hidden={shown ? undefined : true}>{children}</div>;
}

export function App() {
  const [ws, setWs] = useState<Workspace | null>(null);
  const [tab, setTab] = useState<TabId>(() => (TABS.some((t) => `#${t.id}` === location.hash) ? (location.hash.slice(1) as TabId) : 'compare'));
  const [selected, setSelected] = useState(0);
  const [metrics, setMetrics] = useState<string[]>(KEY_METRICS);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string; issues?: ScenarioIssue[] } | null>(null);
  const store = useRef(new ResultStore());
  const queue = useRef<RunQueue | null>(null);
  const gen = useRef(0);
  const firstRun = useRef(true);
  const [rerun, setRerun] = useState(0);
  const [view, setView] = useState<View>(EMPTY_VIEW);
  const strategyOpened = useRef(false);
  const lastChange = useRef(0);
  const live = useRef({ hashes: [] as (string | null)[], keys: [] as string[], runs: 30, finished: new Set<string>() });

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

  live.current.hashes = hashes;
  live.current.keys = ws ? ws.scenarios.map((d) => d.key) : [];
  live.current.runs = ws?.runs ?? 30;

  /**
   * Publish what the charts show. A scenario whose settings just changed keeps showing its previous ensemble
   * (marked as such) until FIRST_DRAW_RUNS of its new runs are in, or its new runs are all done.
   */
  const publish = useCallback(() => {
    const { hashes: hs, keys, runs, finished } = live.current;
    const k = Math.min(runs, FIRST_DRAW_RUNS);
    setView((prev) => {
      const next: View = { hashes: [], datas: [], stale: [], sizes: [], keys, version: prev.version + 1, drawVersion: prev.drawVersion };
      hs.forEach((h, i) => {
        const d = h ? store.current.get(h) : undefined;
        const n = d?.runs.size ?? 0;
        const j = prev.keys.indexOf(keys[i]);
        const old = j >= 0 ? prev.hashes[j] : null;
        const oldD = old && old !== h ? store.current.get(old) : undefined;
        if (h && n < k && !finished.has(h) && oldD && oldD.runs.size > 0) {
          next.hashes.push(old);
          next.datas.push(oldD);
          next.stale.push(true);
          next.sizes.push(oldD.runs.size);
        } else {
          next.hashes.push(h);
          next.datas.push(d);
          next.stale.push(false);
          next.sizes.push(n);
        }
      });
      const sameData = prev.version > 0 && next.hashes.length === prev.hashes.length && next.keys.join() === prev.keys.join()
        && next.hashes.every((h, i) => h === prev.hashes[i] && next.sizes[i] === prev.sizes[i] && next.datas[i] === prev.datas[i]);
      if (sameData && next.stale.every((x, i) => x === prev.stale[i])) return prev;
      if (!sameData) next.drawVersion++;
      return next;
    });
  }, []);

  // Redraws while runs stream in: at once for a milestone (first runs of every scenario, a changed scenario's
  // first FIRST_DRAW_RUNS, the end), otherwise at most one pass of drawing per three times its own length
  // (and never more often than every 300 ms), so drawing never takes more than a third of the main thread
  // from the workers on a small machine.
  const drawTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastDraw = useRef(0);
  const requestDraw = useCallback((urgent: boolean) => {
    if (drawTimer.current !== undefined) {
      if (!urgent) return;
      clearTimeout(drawTimer.current);
    }
    const gap = Math.min(2000, Math.max(300, 3 * lastPassDuration()));
    const wait = urgent ? 0 : Math.max(0, lastDraw.current + gap - performance.now());
    drawTimer.current = setTimeout(() => whenIdle(() => {
      drawTimer.current = undefined;
      lastDraw.current = performance.now();
      publish();
    }), wait);
  }, [publish]);

  const progressTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const progressNow = useRef<Progress | null>(null);
  const showProgress = useCallback((p: Progress, now = false) => {
    progressNow.current = p;
    if (now) {
      clearTimeout(progressTimer.current);
      progressTimer.current = undefined;
      setProgress(p);
      return;
    }
    progressTimer.current ??= setTimeout(() => {
      progressTimer.current = undefined;
      setProgress(progressNow.current);
    }, 250);
  }, []);

  // Run what is missing whenever the scenarios change (debounced), replacing the queue of any earlier work.
  useEffect(() => {
    if (!ws) return;
    const configs = resolved.flatMap((r, i) => (r.ok && hashes[i] ? [{ hash: hashes[i]!, config: r.config }] : []));
    if (configs.length === 0) return;
    const first = firstRun.current;
    // a change after a quiet spell runs at once; changes in quick succession wait DEBOUNCE_MS for the next
    const now = performance.now();
    const delay = first || now - lastChange.current > QUIET_MS ? 0 : DEBOUNCE_MS;
    lastChange.current = now;
    firstRun.current = false;
    const timer = setTimeout(async () => {
      const g = ++gen.current;
      // results kept in the browser draw at once
      const missing = configs.filter((c) => !store.current.get(c.hash));
      if (missing.length) {
        try {
          for (const d of await loadResults(missing.map((c) => c.hash))) store.current.adopt(d);
        } catch {
          /* no stored results */
        }
        if (g !== gen.current) return;
      }
      if (!queue.current) {
        queue.current = new RunQueue(store.current);
        const rq = queue.current;
        // a pass of drawing starts once a worker is idle, and the workers wait, each once its run is done, until the
        // pass is drawn (RunQueue.holdAll): the charts and their painting have the cores to themselves
        setBeforePass(() => rq.holdAll(HOLD_FOR_DRAW_MS));
        window.addEventListener('commsim:drawn', () => rq.release());
      }
      const q = queue.current;
      if (first) {
        // the main thread's big jobs come before the first runs, not during them: evaluating plotly (~0.5 s), a
        // warm-up chart, and the charts' frames
        await prepareCharts();
        if (g !== gen.current) return;
      }
      const k = Math.min(ws.runs, FIRST_DRAW_RUNS);
      probe().runStarted.push(performance.now());
      setRunning(true);
      requestDraw(true);
      q.setWork(configs, ws.runs, ws.seed, {
        onResult: (h) => {
          // nothing is drawn before every scenario has a run: a comparison of two of four would be drawn twice
          if (configs.some((c) => !store.current.get(c.hash)?.runs.size)) return;
          const n = store.current.get(h)?.runs.size ?? 0;
          const urgent = n === k || (n <= 2 && configs.every((c) => (store.current.get(c.hash)?.runs.size ?? 0) >= n));
          // the first comparison and a change's first FIRST_DRAW_RUNS are drawn at once, the workers held from this
          // result on (released when drawn); a changed scenario's first run alone is not drawn (its previous results
          // stay until then)
          if (urgent && (first || n === k)) void q.holdAll(HOLD_FOR_DRAW_MS);
          requestDraw(urgent);
        },
        onProgress: (p) => showProgress(p, p.done === 0),
        onDone: (p) => {
          if (g !== gen.current) return;
          for (const c of configs) live.current.finished.add(c.hash);
          showProgress(p, true);
          setRunning(false);
          requestDraw(true);
          const done = configs.map((c) => store.current.get(c.hash)).filter((d): d is EnsembleData => !!d);
          saveResultsWhenIdle(done);
        },
      });
    }, delay);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runKey]);

  useEffect(() => {
    setPassInfo(view.datas.length ? Math.min(...view.datas.map((d) => d?.runs.size ?? 0)) : 0, view.hashes.filter((h): h is string => !!h));
  }, [view]);

  // the current results by scenario (for exports: never the previous settings' results)
  const datas = useMemo(
    () => hashes.map((h) => (h ? store.current.get(h) : undefined)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [hashes, view, progress],
  );

  const datasRef = useRef(datas);
  datasRef.current = datas;
  const currentDatas = useCallback(() => datasRef.current, []);

  // what the Compare screen shows of the workspace (names, run count): a lever edited on the Strategies screen
  // then does not re-render the hidden charts' screen
  const labelsKey = ws ? ws.scenarios.map((d) => `${d.key}\u0001${d.id}\u0001${d.title}`).join('\u0000') : '';
  const shownWs: ComparedWorkspace | null = useMemo(
    () => (ws ? { runs: ws.runs, scenarios: ws.scenarios.map(({ key, id, title }) => ({ key, id, title })) } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [labelsKey, ws?.runs],
  );

  const issuesOf = useCallback((i: number): ScenarioIssue[] => {
    const r = resolved[i];
    return r && !r.ok ? r.issues : [];
  }, [resolved]);

  const cancel = (): void => {
    gen.current++;
    queue.current?.cancel();
    setRunning(false);
    if (progressNow.current) showProgress(progressNow.current, true);
    requestDraw(true);
    const done = hashes.map((h) => (h ? store.current.get(h) : undefined)).filter((d): d is EnsembleData => !!d);
    saveResultsWhenIdle(done);
  };

  if (tab === 'strategy') strategyOpened.current = true;
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
                  // a new screen opens at its top
                  window.scrollTo(0, 0);
                  document.getElementById('main')?.focus({ preventScroll: true });
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
        {/* kept mounted while other screens show, so its charts are redrawn, not rebuilt, on return */}
        <KeptScreen shown={tab === 'compare'}>
          <CompareScreen ws={shownWs!} view={view} currentDatas={currentDatas} metrics={metrics} setMetrics={setMetrics} />
        </KeptScreen>
        {tab === 'place' ? <PlaceScreen ws={ws} update={update} /> : null}
        {/* kept mounted once opened: going back and forth between levers and charts then only shows and hides */}
        {strategyOpened.current ? (
          <KeptScreen shown={tab === 'strategy'}>
            <StrategiesScreen ws={ws} update={update} selected={selected} setSelected={setSelected} issuesOf={issuesOf} />
          </KeptScreen>
        ) : null}
        {tab === 'overview' ? <OverviewScreen ws={ws} store={store.current} /> : null}
        {tab === 'run' ? <RunScreen ws={ws} resolved={resolved} /> : null}
        {tab === 'stress' ? <StressScreen ws={ws} /> : null}
        {tab === 'keep' ? <KeepScreen ws={ws} setWs={(w) => { setWs(w); setSelected(0); }} datas={datas} setNotice={setNotice} /> : null}
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
