/**
 * Chart drawing, one chart per task: a redraw of ten charts never blocks the main thread for long, and the
 * page stays responsive while results stream in. A pass of drawing starts (after the wait set by setBeforePass)
 * with a 'commsim:drawing' event and ends, when the queue empties, with 'commsim:drawn'; each pass is recorded
 * for the perf script and the browser tests (window.__commsim).
 */
import { loadPlotly, warmPlotly } from './plotly.ts';

type Job = () => Promise<void> | void;

const jobs = new Map<object, Job>();
let running = false;

export interface DrawPass {
  t: number;
  /** fewest runs behind any scenario drawn in this pass */
  minRuns: number;
  /** configuration hashes drawn */
  hashes: string[];
}

interface CommsimProbe {
  passes: DrawPass[];
  /** each chart drawn: when it started and how long it took (ms), for the perf script */
  jobs: { start: number; duration: number }[];
  current: { minRuns: number; hashes: string[] };
  runStarted: number[];
}

export function probe(): CommsimProbe {
  const w = window as unknown as { __commsim?: CommsimProbe };
  w.__commsim ??= { passes: [], jobs: [], current: { minRuns: 0, hashes: [] }, runStarted: [] };
  return w.__commsim;
}

export function setPassInfo(minRuns: number, hashes: string[]): void {
  probe().current = { minRuns, hashes };
}

/**
 * The next chart is drawn in a new task posted through a MessageChannel: the page can paint and handle input
 * between charts, without the 4 ms that browsers add to nested setTimeout(0)s.
 */
const nextTask: (f: () => void) => void = (() => {
  if (typeof MessageChannel === 'undefined') return (f) => void setTimeout(f, 0);
  const waiting: (() => void)[] = [];
  const ch = new MessageChannel();
  ch.port1.onmessage = () => waiting.shift()?.();
  return (f) => {
    waiting.push(f);
    ch.port2.postMessage(0);
  };
})();

let passStart = 0;
let lastDuration = 0;
/** how long the last pass of drawing took (ms, from its first job to the queue draining) */
export function lastPassDuration(): number {
  return lastDuration;
}

/**
 * Plotly is not loaded before this settles, or GATE_LIMIT_MS have passed (main.tsx: the workers' start).
 * Evaluating its bundle holds the main thread for ~0.5 s, and a worker cannot start loading its code while it does.
 */
let gate: Promise<unknown> = Promise.resolve();
const GATE_LIMIT_MS = 3000;
export function drawAfter(p: Promise<unknown>): void {
  gate = Promise.race([p, new Promise((resolve) => setTimeout(resolve, GATE_LIMIT_MS))]).catch(() => undefined);
}
const plotlyWhenAllowed = () => gate.then(loadPlotly);

/**
 * Awaited before each pass of drawing (runs/use-comparison-runs.ts: until the workers are held, so the charts have
 * the cores).
 */
let beforePass: () => Promise<unknown> = () => Promise.resolve();
export function setBeforePass(f: () => Promise<unknown>): void {
  beforePass = () => f().catch(() => undefined);
}

export function schedule(key: object, job: Job): void {
  jobs.set(key, job);
  if (!running) {
    running = true;
    // a pass starts once plotly is loaded (its first load is not counted as drawing time)
    void plotlyWhenAllowed()
      .then(() => beforePass())
      .then(
        () => {
          passStart = performance.now();
          window.dispatchEvent(new CustomEvent('commsim:drawing'));
          nextTask(pump);
        },
        () => nextTask(pump),
      );
  }
}

/** Resolves once no chart is waiting to be drawn. */
const drainWaiters: (() => void)[] = [];
export function drained(): Promise<void> {
  return running ? new Promise((resolve) => drainWaiters.push(resolve)) : Promise.resolve();
}

/** Runs cb now if no chart is waiting to be drawn, else once the queue drains (of callers waiting, the latest). */
let latestIdle = 0;
export function whenIdle(cb: () => void): void {
  const mine = ++latestIdle;
  if (!running) cb();
  else void drained().then(() => mine === latestIdle && cb());
}

/**
 * The main thread's big jobs before the first runs, so that they do not block it while runs stream in:
 * evaluating plotly's bundle (~0.5 s here), a warm-up chart, and the charts already queued (their frames).
 */
export async function prepareCharts(): Promise<void> {
  try {
    await plotlyWhenAllowed();
  } catch {
    return;
  }
  await warmPlotly();
  await drained();
}

export function unschedule(key: object): void {
  jobs.delete(key);
}

async function pump(): Promise<void> {
  const next = jobs.entries().next();
  if (next.done) {
    running = false;
    lastDuration = performance.now() - passStart;
    const p = probe();
    p.passes.push({ t: performance.now(), ...p.current });
    window.dispatchEvent(new CustomEvent('commsim:drawn'));
    for (const resolve of drainWaiters.splice(0)) resolve();
    return;
  }
  const [key, job] = next.value;
  jobs.delete(key);
  const start = performance.now();
  try {
    await job();
  } catch (e) {
    console.error(e);
  }
  const drawn = probe().jobs;
  if (drawn.length < 5000) drawn.push({ start, duration: performance.now() - start });
  nextTask(pump);
}
