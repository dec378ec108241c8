/**
 * Benchmarks (npm run bench; not part of npm test). Reports ratios measured in this run as well as times.
 *  (a) single runs: 5-year Midshire and county status quo, median (and range) of several, agent-updates/s; on a
 *      shared machine single runs vary by a third, and a noisy spell can last a few seconds, so the median of 31
 *      is the figure to quote
 *      (agents = people + workers + providers at the start, × weeks simulated incl. history ÷ seconds);
 *  (b) a 1,000-run Midshire ensemble on 1 and on 2 workers: runs/s, speed-up, peak memory
 *      (process maxRSS includes worker threads; sampled rss and workers' heap are shown too), and where the time
 *      went: the share of the wall time the workers were busy (below 100%: they waited for work), the main
 *      thread's busy time per run (taking in results), CPU time per run over all threads of the process, and the
 *      machine's load average (other work on the same cores stretches wall times, not CPU per run).
 *      The ensemble shows ranges of BENCH_RANGES (default chance+parameters: each run also draws the assumed
 *      coefficients; `chance` for seed-only runs).
 * Env: BENCH_RUNS (default 1000), BENCH_SINGLE (repeats, default 31), BENCH_RANGES.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { simulate } from '../sim/node.ts';
import { runSeed } from '../sim/node.ts';
import { WorkerPoolBackend } from '../sim/node.ts';
import { runEnsemble, DEFAULT_RANGES, isRangeKind } from '../sim/node.ts';
import { scenarioFromLibrary } from '../sim/node.ts';
import { loadNodeLibrary } from '../sim/node.ts';
import type { RunConfig } from '../sim/node.ts';

const lib = loadNodeLibrary();
const cfg = (id: string): RunConfig => scenarioFromLibrary(id, lib).config;
const RUNS = Number(process.env.BENCH_RUNS ?? 1000);
const REPEATS = Number(process.env.BENCH_SINGLE ?? 31);
const RANGES = process.env.BENCH_RANGES ?? DEFAULT_RANGES;
if (!isRangeKind(RANGES)) throw new Error(`BENCH_RANGES must be chance+parameters or chance, got '${RANGES}'`);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

function table(header: string[], rows: (string | number)[][]): void {
  const cells = rows.map((r) => r.map(String));
  const w = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log([line(header), line(w.map((n) => '-'.repeat(n))), ...cells.map(line)].join('\n') + '\n');
}

// (a) single runs
const singles: (string | number)[][] = [];
for (const id of ['midshire-status-quo', 'county-status-quo']) {
  const c = { ...cfg(id), weeks: 5 * 52 };
  for (let w = 0; w < 5; w++) simulate(c, 1000 + w, 0, { log: false }); // warm up: steady state, as inside an ensemble
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    simulate(c, runSeed(1, id, i), i, { log: false });
    times.push((performance.now() - t0) / 1000);
  }
  const agents = c.place.people + c.place.workers + c.place.providers;
  const ticks = c.weeks + c.historyWeeks;
  const t = median(times);
  const range = `${(Math.min(...times) * 1000).toFixed(0)}–${(Math.max(...times) * 1000).toFixed(0)} ms`;
  singles.push([
    id,
    agents,
    ticks,
    `${(t * 1000).toFixed(0)} ms`,
    range,
    `${((agents * ticks) / t / 1e6).toFixed(2)} M/s`,
  ]);
}
console.log(`Node ${process.version} (V8 ${process.versions.v8}), ${process.execPath}\n`);
console.log(`Single 5-year runs (median of ${REPEATS})`);
table(['scenario', 'agents', 'weeks', 'wall time', 'range', 'agent-updates/s'], singles);

// (b) ensembles
const mid = { ...cfg('midshire-status-quo'), weeks: 5 * 52 };
const rows: (string | number)[][] = [];
let base = 0;
for (const size of [1, 2]) {
  const pool = await WorkerPoolBackend.create({ size });
  let peakRss = 0;
  let peakHeap = 0;
  const sample = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    void pool.usage().then(
      (u) =>
        (peakHeap = Math.max(
          peakHeap,
          u.reduce((s, x) => s + x.heapUsed, 0),
        )),
      () => undefined,
    );
  }, 200);
  const busy0 = await pool.usage(); // empty: workers start with the first batch, so their busy time counts from then
  const main0 = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await runEnsemble(pool, mid, { runs: RUNS, seed: 1, series: true, ranges: RANGES });
  const secs = (performance.now() - t0) / 1000;
  const main = performance.eventLoopUtilization(main0);
  const cpu = process.cpuUsage(cpu0);
  const busy1 = await pool.usage();
  clearInterval(sample);
  await pool.close();
  const workerBusy = busy1.map((u, i) => (u.activeMs - (busy0[i]?.activeMs ?? 0)) / (secs * 1000));
  const rate = r.completed / secs;
  if (size === 1) base = rate;
  rows.push([
    size,
    r.completed,
    `${secs.toFixed(1)} s`,
    rate.toFixed(1),
    `${(rate / base).toFixed(2)}×`,
    mb(peakRss),
    mb(process.resourceUsage().maxRSS * 1024),
    mb(peakHeap),
    workerBusy.map((b) => `${(100 * b).toFixed(0)}%`).join(' '),
    `${(main.active / RUNS).toFixed(1)} ms`,
    `${((cpu.user + cpu.system) / 1000 / RUNS).toFixed(0)} ms`,
    os.loadavg()[0].toFixed(1),
  ]);
}
console.log(
  `Midshire ensemble, ${RUNS} runs × 5 years, weekly bands on, ranges: ${RANGES} (machine: ${os.availableParallelism()} cores)`,
);
table(
  [
    'workers',
    'runs',
    'wall time',
    'runs/s',
    'speed-up',
    'peak rss (sampled)',
    'maxRSS (process)',
    'workers heap',
    'workers busy',
    'main/run',
    'cpu/run',
    'load',
  ],
  rows,
);
