/**
 * Why does a ranking turn when the assumed coefficients are drawn? (issue 14.) Paired runs of two scenarios
 * (replicate r of both shares its seed and its draw), with chance only and with chance and the drawn coefficients;
 * then, for each drawn parameter, how the paired difference moves with its drawn value (a least-squares slope on
 * the draw's position in its range, all parameters at once) and how far its draws sit from its default on average
 * (a triangular draw's mean is (min + default + max)/3, not the default). slope × mean shift estimates how much of the
 * change in the mean difference each parameter's range carries.
 *
 *   node bin/run-ts.mjs tools/ranking-under-draws.ts [runs=80] [scenario-a=midshire-status-quo] [scenario-b=midshire-price-tender] [metric=wellbeing_mean]
 */
import {
  DRAWN_PARAMETERS,
  drawAll,
  loadNodeLibrary,
  METRIC_INDEX,
  runSeed,
  scenarioFromLibrary,
  simulate,
  type RunConfig,
} from '../sim/node.ts';

const RUNS = Number(process.argv[2] ?? 80);
const A = process.argv[3] ?? 'midshire-status-quo';
const B = process.argv[4] ?? 'midshire-price-tender';
const METRIC = process.argv[5] ?? 'wellbeing_mean';
const SEED = 1;
const lib = loadNodeLibrary();
const a = scenarioFromLibrary(A, lib).config;
const b = scenarioFromLibrary(B, lib).config;
const mi = METRIC_INDEX.get(METRIC);
if (mi === undefined) throw new Error(`unknown metric ${METRIC}`);

const withParams = (c: RunConfig, p: Record<string, number>): RunConfig => ({ ...c, params: { ...c.params, ...p } });
const value = (c: RunConfig, r: number): number =>
  simulate(c, runSeed(SEED, 'ranking-under-draws', r), r, { log: false }).summary[mi];

const t0 = performance.now();
const chance: number[] = [];
const drawn: number[] = [];
const positions: number[][] = []; // each run: each drawn parameter's position in its range, 0-1
for (let r = 0; r < RUNS; r++) {
  chance.push(value(b, r) - value(a, r));
  const d = drawAll(SEED, r) as Record<string, number>;
  drawn.push(value(withParams(b, d), r) - value(withParams(a, d), r));
  positions.push(DRAWN_PARAMETERS.map((p) => (d[p.id] - p.min) / (p.max - p.min)));
}
const mean = (x: number[]): number => x.reduce((s, v) => s + v, 0) / x.length;
const share = (x: number[]): number => x.filter((v) => v > 0).length / x.length;

// each drawn parameter on its own: the correlation of its position in its range with the paired difference, the
// slope (difference per whole range), and slope × how far its draws sit from its default on average
const rows = DRAWN_PARAMETERS.map((p, i) => {
  const xs = positions.map((row) => row[i]);
  const mx = mean(xs);
  const my = mean(drawn);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let n = 0; n < RUNS; n++) {
    sxy += (xs[n] - mx) * (drawn[n] - my);
    sxx += (xs[n] - mx) ** 2;
    syy += (drawn[n] - my) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const defaultPos = (p.default - p.min) / (p.max - p.min);
  const shift = (1 + defaultPos) / 3 - defaultPos;
  return { id: p.id, p, r: sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0, slope, shift, carries: slope * shift };
}).sort((u, v) => Math.abs(v.r) - Math.abs(u.r));
const sorted = [...drawn].sort((u, v) => u - v);
const q = (f: number): number => sorted[Math.min(RUNS - 1, Math.floor(f * RUNS))];

console.log(`${B} against ${A}, ${RUNS} paired runs, ${METRIC}, seed ${SEED}`);
console.log(
  `chance only: mean difference ${mean(chance).toFixed(4)}, better in ${(share(chance) * 100).toFixed(0)}% of runs`,
);
console.log(
  `chance and drawn coefficients: mean difference ${mean(drawn).toFixed(4)}, better in ${(share(drawn) * 100).toFixed(0)}% of runs`,
);
console.log('');
console.log(
  `drawn: 10th, 50th and 90th percentiles of the difference ${q(0.1).toFixed(4)}, ${q(0.5).toFixed(4)}, ${q(0.9).toFixed(4)}`,
);
console.log('');
console.log(
  '| parameter | default | range | correlation with the difference | slope per whole range | mean draw − default (share of range) | slope × shift |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of rows.slice(0, 12)) {
  console.log(
    `| \`${r.id}\` | ${r.p.default} | ${r.p.min} – ${r.p.max} | ${r.r.toFixed(2)} | ${r.slope.toFixed(4)} | ${r.shift >= 0 ? '+' : ''}${r.shift.toFixed(2)} | ${r.carries.toFixed(4)} |`,
  );
}
const total = rows.reduce((s, r) => s + r.carries, 0);
console.log('');
console.log(
  `sum of slope × shift over every drawn parameter: ${total.toFixed(4)}, against the change in the mean difference ${(mean(drawn) - mean(chance)).toFixed(4)}: what the asymmetric ranges carry one at a time; the rest is the response's curvature and interactions`,
);
console.log(`${RUNS * 4} runs in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
