/**
 * Timing of the full options appraisal (not part of npm test): Midshire with the sample figures
 * (scenarios/places/midshire-numbers.csv), all twelve approaches against the status quo with parameter draws,
 * 5 years, the runs the adaptive rule picks (or --runs), robustness across 16 futures, three candidate paths
 * simulated and stress-tested, and the baseline check — on a pool of 2 worker threads, as a 2-core browser would
 * run it. Reports wall time per stage, time to the first approach's result (the engine streams one per approach),
 * runs made, the machine's load average before and after (wall times on a loaded machine are inflated by it),
 * and the CPU time of the process with its worker threads, which the load does not inflate much: divided by the
 * number of workers it estimates the wall time on idle cores.
 *
 *   npm run bench:appraisal -- [--workers 2] [--runs N] [--futures 16] [--years 5]
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import {
  WorkerPoolBackend,
  loadNodeLibrary,
  parseNumbersCsv,
  placeFromLibrary,
  runAppraisal,
  withNumbers,
  type AppraisalStage,
} from '../sim/node.ts';

const { values } = parseArgs({
  options: {
    workers: { type: 'string' },
    runs: { type: 'string' },
    futures: { type: 'string' },
    years: { type: 'string' },
  },
});
const workers = Number(values.workers ?? 2);
const runs = values.runs !== undefined ? Number(values.runs) : undefined;
const futures = Number(values.futures ?? 16);
const years = Number(values.years ?? 5);

const root = join(import.meta.dirname ?? '.', '..');
const lib = loadNodeLibrary();
const file = join(root, 'scenarios', 'places', 'midshire-numbers.csv');
const place = withNumbers(placeFromLibrary('midshire', lib), parseNumbersCsv(readFileSync(file, 'utf8'), file));

const load0 = loadavg();
const backend = await WorkerPoolBackend.create({ size: workers });

const cpu0 = process.cpuUsage();
const t0 = performance.now();
let firstApproach = NaN;
const stages: { stage: AppraisalStage; at: number }[] = [];
const a = await runAppraisal(backend, place, lib, {
  years,
  runs,
  futures,
  onApproach: () => {
    if (Number.isNaN(firstApproach)) firstApproach = performance.now() - t0;
  },
  onStage: (stage) => stages.push({ stage, at: performance.now() - t0 }),
});
const total = (performance.now() - t0) / 1000;
// CPU time of the whole process, worker threads included: the work itself, whatever the load
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
await backend.close();
const load1 = loadavg();

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
console.log(`Full appraisal of Midshire (12 approaches + status quo, 3 paths), ${years} years, ${workers} workers`);
console.log(
  `machine: ${cpus().length} cores; load average before ${load0.map((x) => x.toFixed(1)).join(' ')}, after ${load1.map((x) => x.toFixed(1)).join(' ')}`,
);
console.log(`runs per option: ${a.fit.runs} (${a.fit.rule})`);
console.log(`futures: ${a.options.futures}; runs made: ${a.cost.runs}`);
let prev = 0;
for (const st of stages) {
  console.log(`  ${st.stage.padEnd(10)} done at ${s(st.at)} (${s(st.at - prev)})`);
  prev = st.at;
}
console.log(`first approach's result after ${s(firstApproach)}`);
console.log(`total ${total.toFixed(1)} s wall, ${(a.cost.runs / total).toFixed(1)} runs/s`);
console.log(
  `CPU time (main thread and workers) ${cpuSeconds.toFixed(1)} s: on ${workers} idle cores about ${(cpuSeconds / workers).toFixed(0)} s wall`,
);
console.log(`best fit: ${a.fit.ranking[0].name}; recommended path: ${a.plan.recommended ?? 'none'}`);
