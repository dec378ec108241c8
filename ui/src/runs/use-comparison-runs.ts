/**
 * The comparison's runs, as a React hook: whenever the workspace's scenarios change, the runs they are missing go
 * to the run queue (run-queue.ts; results kept in the browser are loaded first and draw at once), and what the
 * charts and table show (ShownResults) is published at a measured pace while results stream in, so drawing never
 * takes more than a third of the main thread from the workers.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ScenarioIssue } from '../../../sim/index.ts';
import { lastPassDuration, prepareCharts, probe, setBeforePass, setPassInfo, whenIdle } from '../charts/draw-queue.ts';
import { configHash, ResultStore, type EnsembleData } from '../state/results.ts';
import { loadResults, saveResultsWhenIdle } from '../state/store.ts';
import { rangesOf, resolveDraft, type Resolved, type Workspace } from '../state/workspace.ts';
import type { Progress } from './ensemble-runs.ts';
import { RunQueue, type QueueHandlers } from './run-queue.ts';

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
export interface ShownResults {
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
const NOTHING_SHOWN: ShownResults = {
  hashes: [],
  datas: [],
  stale: [],
  sizes: [],
  keys: [],
  version: 0,
  drawVersion: 0,
};

export interface ComparisonRuns {
  /** each scenario resolved to a run configuration, or its problems */
  resolved: Resolved[];
  shown: ShownResults;
  /** of the latest work given to the queue; null before the first */
  progress: Progress | null;
  running: boolean;
  /** the current settings' results by scenario (for exports: never the previous settings' results) */
  datas: (EnsembleData | undefined)[];
  /** the same, read when called (a stable function, for the Compare screen's export) */
  currentDatas: () => (EnsembleData | undefined)[];
  /** every result kept in memory (the All-twelve table runs into it too) */
  store: ResultStore;
  issuesOf: (i: number) => ScenarioIssue[];
  /** stop the runs (results so far are kept) */
  cancel: () => void;
  /** run again what is missing after a cancel */
  resume: () => void;
}

export function useComparisonRuns(ws: Workspace | null): ComparisonRuns {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  // one store for the page's life (the All-twelve table runs into it too)
  const [store] = useState(() => new ResultStore());
  const queue = useRef<RunQueue | null>(null);
  const gen = useRef(0);
  const firstRun = useRef(true);
  const [rerun, setRerun] = useState(0);
  const [shown, setShown] = useState<ShownResults>(NOTHING_SHOWN);
  const lastChange = useRef(0);
  const live = useRef({ hashes: [] as (string | null)[], keys: [] as string[], runs: 30, finished: new Set<string>() });

  const resolved = useMemo(() => (ws ? ws.scenarios.map((d) => resolveDraft(ws, d)) : []), [ws]);
  const hashes = useMemo(
    () => (ws ? resolved.map((r) => (r.ok ? configHash(r.config, ws.seed, rangesOf(ws)) : null)) : []),
    [resolved, ws],
  );
  const runKey = ws ? `${hashes.join(',')}|${ws.runs}|${rerun}` : '';

  const keys = useMemo(() => (ws ? ws.scenarios.map((d) => d.key) : []), [ws]);
  const runsWanted = ws?.runs ?? 30;
  // what publish() reads when a draw is due (from a timer, after this render is committed)
  useLayoutEffect(() => {
    live.current.hashes = hashes;
    live.current.keys = keys;
    live.current.runs = runsWanted;
  }, [hashes, keys, runsWanted]);

  /**
   * Publish what the charts show. A scenario whose settings just changed keeps showing its previous ensemble
   * (marked as such) until FIRST_DRAW_RUNS of its new runs are in, or its new runs are all done.
   */
  const publish = useCallback(() => {
    const { hashes: hs, keys, runs, finished } = live.current;
    const k = Math.min(runs, FIRST_DRAW_RUNS);
    setShown((prev) => {
      const next: ShownResults = {
        hashes: [],
        datas: [],
        stale: [],
        sizes: [],
        keys,
        version: prev.version + 1,
        drawVersion: prev.drawVersion,
      };
      hs.forEach((h, i) => {
        const d = h ? store.shown(h, runs) : undefined;
        const n = d?.runs.size ?? 0;
        const j = prev.keys.indexOf(keys[i]);
        const old = j >= 0 ? prev.hashes[j] : null;
        const oldD = old && old !== h ? store.shown(old, runs) : undefined;
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
      const sameData =
        prev.version > 0 &&
        next.hashes.length === prev.hashes.length &&
        next.keys.join() === prev.keys.join() &&
        next.hashes.every(
          (h, i) => h === prev.hashes[i] && next.sizes[i] === prev.sizes[i] && next.datas[i] === prev.datas[i],
        );
      if (sameData && next.stale.every((x, i) => x === prev.stale[i])) return prev;
      if (!sameData) next.drawVersion++;
      return next;
    });
  }, [store]);

  // Redraws while runs stream in: at once for a milestone (first runs of every scenario, a changed scenario's
  // first FIRST_DRAW_RUNS, the end), otherwise at most one pass of drawing per three times its own length
  // (and never more often than every 300 ms), so drawing never takes more than a third of the main thread
  // from the workers on a small machine.
  const drawTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastDraw = useRef(0);
  const requestDraw = useCallback(
    (urgent: boolean) => {
      if (drawTimer.current !== undefined) {
        if (!urgent) return;
        clearTimeout(drawTimer.current);
      }
      const gap = Math.min(2000, Math.max(300, 3 * lastPassDuration()));
      const wait = urgent ? 0 : Math.max(0, lastDraw.current + gap - performance.now());
      drawTimer.current = setTimeout(
        () =>
          whenIdle(() => {
            drawTimer.current = undefined;
            lastDraw.current = performance.now();
            publish();
          }),
        wait,
      );
    },
    [publish],
  );

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
      const missing = configs.filter((c) => !store.get(c.hash));
      if (missing.length) {
        try {
          for (const d of await loadResults(missing.map((c) => c.hash))) store.adopt(d);
        } catch {
          /* no stored results */
        }
        if (g !== gen.current) return;
      }
      if (!queue.current) {
        queue.current = new RunQueue(store);
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
      const handlers: QueueHandlers = {
        onResult: (h) => {
          // nothing is drawn before every scenario has a run: a comparison of two of four would be drawn twice
          if (configs.some((c) => !store.get(c.hash)?.runs.size)) return;
          const n = store.get(h)?.runs.size ?? 0;
          const urgent = n === k || (n <= 2 && configs.every((c) => (store.get(c.hash)?.runs.size ?? 0) >= n));
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
          const done = configs.map((c) => store.get(c.hash)).filter((d): d is EnsembleData => !!d);
          saveResultsWhenIdle(done);
        },
      };
      q.setWork(configs, ws.runs, ws.seed, handlers, rangesOf(ws));
    }, delay);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runKey stands for what is run (hashes, runs, a resume); a change elsewhere in ws must not restart the runs
  }, [runKey]);

  useEffect(() => {
    setPassInfo(
      shown.datas.length ? Math.min(...shown.datas.map((d) => d?.runs.size ?? 0)) : 0,
      shown.hashes.filter((h): h is string => !!h),
    );
  }, [shown]);

  // the current results by scenario (for exports: never the previous settings' results)
  const datas = useMemo(
    () => hashes.map((h) => (h ? store.shown(h, runsWanted) : undefined)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- shown and progress say the store's results changed (the store itself is mutable)
    [hashes, shown, progress, runsWanted],
  );

  const datasRef = useRef(datas);
  useLayoutEffect(() => {
    datasRef.current = datas;
  }, [datas]);
  const currentDatas = useCallback(() => datasRef.current, []);

  const issuesOf = useCallback(
    (i: number): ScenarioIssue[] => {
      const r = resolved[i];
      return r && !r.ok ? r.issues : [];
    },
    [resolved],
  );

  const cancel = (): void => {
    gen.current++;
    queue.current?.cancel();
    setRunning(false);
    if (progressNow.current) showProgress(progressNow.current, true);
    requestDraw(true);
    const done = hashes.map((h) => (h ? store.get(h) : undefined)).filter((d): d is EnsembleData => !!d);
    saveResultsWhenIdle(done);
  };
  const resume = (): void => setRerun((x) => x + 1);

  return { resolved, shown, progress, running, datas, currentDatas, store, issuesOf, cancel, resume };
}
