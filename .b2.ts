import { readFileSync } from 'node:fs';
import { loadNodeLibrary, placeFromLibrary, withNumbers, parseNumbersCsv, createBackend, runAppraisal } from './sim/node.ts';
const lib = loadNodeLibrary();
const nums = parseNumbersCsv(readFileSync('scenarios/places/midshire-numbers.csv','utf8'), 'scenarios/places/midshire-numbers.csv');
const p = withNumbers(placeFromLibrary('midshire', lib), nums);
console.log(p.applied.map(a => `${a.figure} -> ${a.sets} = ${a.to}`).join('\n'));
const b = await createBackend({ workers: 2 });
const t = performance.now();
const a = await runAppraisal(b, p, lib, { minRuns: 2, maxRuns: 4, futures: 4, onStage: (s) => console.log('stage', s, ((performance.now()-t)/1000).toFixed(1)) });
await b.close();

console.log(a.fit.rule);
console.log(a.fit.ranking.map(f => `${f.rank} ${f.id} ${f.score.mean.toFixed(2)} rob ${JSON.stringify(f.robustness)}`).join('\n'));

console.log(a.cost);
console.log(a.baseline?.summary); for (const r of a.baseline?.rows ?? []) console.log(r.words);
for (const p of a.plan.paths) console.log(p.words, '\n', p.earlyWarnings.map(w=>w.words), p.failureConditions, p.milestones);
console.log(a.plan.recommended, a.plan.reasons);
