/**
 * Scale benchmark of stress testing (not part of npm test): N futures of Midshire, the plan and one alternative,
 * one run per future, on the worker pool. Reports wall time, runs per second, the ratio to running in one thread
 * (measured in this run), and memory: peak resident set of the process (worker threads live in it) and heap of
 * the main thread and of each worker, sampled as the test goes, to show that memory stays bounded.
 *
 *   npm run bench:stress -- [--futures 10000] [--years 1] [--workers 2] [--alternatives 1]
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { loadNodeLibrary } from '../sim/node.ts';
import { DirectBackend, WorkerPoolBackend } from '../sim/node.ts';
import { finalizeStress, readStressSpecFile, runStress } from '../sim/node.ts';

const { values } = parseArgs({
  options: {
    futures: { type: 'string' },
    years: { type: 'string' },
    workers: { type: 'string' },
    alternatives: { type: 'string' },
  },
});
const futures = Number(values.futures ?? 10_000);
const years = Number(values.years ?? 1);
const workers = Number(values.workers ?? 2);
const nAlt = Number(values.alternatives ?? 1);

const root = join(import.meta.dirname ?? '.', '..');
const spec = readStressSpecFile(join(root, 'stress', 'midshire-alliance-plan.yaml'), loadNodeLibrary(), years);
spec.approaches = spec.approaches.slice(0, 1 + nAlt);
const runs = futures * spec.approaches.length;
const mb = (b: number): string => (b / 2 ** 20).toFixed(0);
const rss = (): number => process.resourceUsage().maxRSS * 1024;

// single-thread reference on a small sample, same process
const refFutures = 20;
const t0 = performance.now();
await runStress(new DirectBackend(), spec, { futures: refFutures });
const directMsPerRun = (performance.now() - t0) / (refFutures * spec.approaches.length);

const pool = await WorkerPoolBackend.create({ size: workers });
const samples: { pct: number; rssMb: string; mainHeapMb: string; workerHeapMb: string }[] = [];
let nextPct = 0.1;
let sampling = false;
let peakMainHeap = 0;
let peakWorkerHeap = 0;
const sample = async (pct: number): Promise<void> => {
  sampling = true;
  const usage = await pool.usage().catch(() => []);
  const wh = usage.reduce((s, u) => s + u.heapUsed, 0);
  const mh = process.memoryUsage().heapUsed;
  peakMainHeap = Math.max(peakMainHeap, mh);
  peakWorkerHeap = Math.max(peakWorkerHeap, wh);
  samples.push({
    pct: Math.round(pct * 100),
    rssMb: mb(process.memoryUsage().rss),
    mainHeapMb: mb(mh),
    workerHeapMb: mb(wh),
  });
  sampling = false;
};
const started = performance.now();
const partial = await runStress(pool, spec, {
  futures,
  onProgress: (p) => {
    const pct = p.done / p.total;
    if (pct >= nextPct && !sampling) {
      nextPct += 0.1;
      void sample(pct);
    }
    if (process.stderr.isTTY && p.done % 200 === 0) process.stderr.write(`\r${p.done}/${p.total}`);
  },
});
const runSeconds = (performance.now() - started) / 1000;
await sample(1);
const f0 = performance.now();
const result = finalizeStress(partial);
const finalizeSeconds = (performance.now() - f0) / 1000;
const json = JSON.stringify(result);
await pool.close();

const table: [string, string][] = [
  ['futures × approaches × runs', `${futures} × ${spec.approaches.length} × 1 = ${runs} runs`],
  ['horizon', `${spec.approaches[0].config.weeks} weeks`],
  ['uncertainties', String(spec.uncertainties.length)],
  ['workers', String(workers)],
  ['wall time (runs)', `${runSeconds.toFixed(1)} s`],
  ['finalize (PRIM, robustness)', `${finalizeSeconds.toFixed(1)} s`],
  ['throughput', `${(runs / runSeconds).toFixed(1)} runs/s (${((runSeconds * 1000) / runs).toFixed(1)} ms/run)`],
  [
    'one thread, same process',
    `${directMsPerRun.toFixed(1)} ms/run → pool speed-up ${(directMsPerRun / ((runSeconds * 1000) / runs)).toFixed(2)}×`,
  ],
  ['peak RSS (process incl. worker threads)', `${mb(rss())} MB`],
  ['peak heap main / workers (sampled)', `${mb(peakMainHeap)} MB / ${mb(peakWorkerHeap)} MB`],
  ['result JSON', `${mb(json.length)} MB`],
  ['plan failure rate', `${(result.approaches[0].failureRate * 100).toFixed(1)}%`],
  ['plan boxes', result.discovery[0].boxes.map((b) => b.statement).join(' | ') || result.discovery[0].note || 'none'],
];
const w = Math.max(...table.map((r) => r[0].length));
process.stdout.write(`\nstress benchmark: ${spec.id}\n${table.map(([a, b]) => `  ${a.padEnd(w)}  ${b}`).join('\n')}\n`);
process.stdout.write(
  `\nmemory as the test went (MB):\n  done%  rss  main-heap  worker-heap\n${samples.map((s) => `  ${String(s.pct).padStart(5)}  ${s.rssMb.padStart(4)}  ${s.mainHeapMb.padStart(9)}  ${s.workerHeapMb.padStart(11)}`).join('\n')}\n`,
);
