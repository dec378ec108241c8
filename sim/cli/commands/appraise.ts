/**
 * commsim appraise PLACE|FILE: the options appraisal and development plan of a place, written to a folder as
 * appraisal.json (everything), paper.html (printable A4), paper.docx (editable) and paper.pdf (printed with
 * Chromium), with the scenario of every option and path as YAML so any figure can be re-run with commsim compare.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from '../command.ts';
import {
  ScenarioError,
  buildLibrary,
  loadScenario,
  paperDocx,
  paperHtml,
  paperModel,
  parseNumbersCsv,
  parseWeights,
  pathsFromJson,
  placeFromDef,
  placeFromLibrary,
  placeFromScenario,
  runAppraisal,
  scenarioFromLibrary,
  toYaml,
  withContext,
  withNumbers,
  CONTEXT_ASPECTS,
  type AppraisalPlace,
  type DevelopmentPath,
  type AppraisalStage,
  type Library,
} from '../../node.ts';
import { library, packageVersion, progressBar, readText, stampDate, withBackend } from '../common.ts';
import { UsageError } from '../errors.ts';
import { COMMON, RANGES, RANGES_HELP, intOpt, rangesOpt, workersOpt, yearsOpt, type Opts } from '../options.ts';
import { json, writeAtomically } from '../output.ts';
import { printPdf, svgToPng, withChromium } from '../pdf.ts';
import { writeErr } from '../terminal.ts';

export const appraise: Command = {
  name: 'appraise',
  help: `Usage: commsim appraise PLACE|FILE --out DIR [options]

The options appraisal of a place: what each of the twelve commissioning approaches needs against what the place
has (readiness), how each does in the place against the status quo (fit: paired runs with chance and parameter
uncertainty, ranked on the outcomes you weigh, with £ a year and robustness across futures), and a development
plan towards the best (or the chosen) approach: three phased paths simulated, stress-tested and one recommended,
with milestones, early warnings and where it breaks. Writes to DIR:
  appraisal.json   every result (the paper's figures come from it)
  paper.html       the paper, printable on A4
  paper.docx       the paper, editable (Word)
  paper.pdf        the paper printed with Chromium (CHROMIUM_PATH, else /usr/bin/chromium)
  scenarios/       every option and path as a scenario file, to re-run with commsim compare

PLACE is a library place id (midshire, county) or a library scenario id (its history and shocks are kept; its
strategy is the status quo); FILE a place file (as scenarios/places/*.yaml) or a scenario file.

Options:
  --out DIR            folder to write to (created if missing)
  --numbers F.csv      the council's own figures (docs/appraisal.md: columns source, measure, year, value)
  --context A=N,...    answers 1-5 to the context questions, e.g. relationships=2,health_partnership=1
  --weights M=W,...    weights of outcomes, e.g. wellbeing_mean=3,spend_per_week=2 (default in docs/appraisal.md)
  --runs N             runs per option (default: 16, doubled until the ranking is stable against half as many)
  --max-runs N         most runs per option the doubling may reach (default 128)
  --futures N          futures for robustness (default 16; 0 = none)
  --years Y            horizon in years (default 5)
  --approach ID        build the plan towards this approach (default: the best-ranked)
  --blend ID=S,...     ... or towards this blend (shares of hours summing to 1)
  --seed S             experiment seed (default 1)
  ${RANGES_HELP}
  --workers N          worker threads (default: one per core)
  --paths FILE         evaluate these paths instead of the three candidates: a JSON list of paths, or an
                       appraisal.json whose plan.definitions were edited (phases, events, moves)
  --no-pdf             do not print the PDF (no Chromium needed; the .docx then has no chart pictures)
  --library DIR        scenario library folder (default: the shipped scenarios/)`,
  options: {
    ...COMMON,
    ...RANGES,
    out: { type: 'string' },
    numbers: { type: 'string' },
    context: { type: 'string' },
    weights: { type: 'string' },
    runs: { type: 'string' },
    'max-runs': { type: 'string' },
    futures: { type: 'string' },
    years: { type: 'string' },
    approach: { type: 'string' },
    blend: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    'no-pdf': { type: 'boolean' },
    paths: { type: 'string' },
  },
  run: async (args, o) => {
    if (args.length !== 1)
      throw new UsageError(
        `commsim appraise takes one place or file, got ${args.length}. See 'commsim appraise --help'.`,
      );
    const out = o.out as string | undefined;
    if (!out) throw new UsageError(`commsim appraise needs --out DIR (the folder to write the appraisal to).`);
    const lib = library(o);
    const years = yearsOpt(o) ?? 5;
    if (years > 20) throw new UsageError(`--years must be at most 20 for an appraisal, got ${years}.`);
    const runs = intOpt(o, 'runs', 4, 10_000);
    const maxRuns = intOpt(o, 'max-runs', 4, 10_000);
    const futures = intOpt(o, 'futures', 0, 10_000);
    const ranges = rangesOpt(o);
    let weights: Record<string, number> | undefined;
    if (o.weights !== undefined) {
      try {
        weights = parseWeights(String(o.weights));
      } catch (e) {
        throw new UsageError(`--weights: ${(e as Error).message}.`);
      }
    }
    const target = targetOpt(o, lib);
    let place = readPlace(args[0], lib, years);
    if (o.context !== undefined) place = withContext(place, contextOpt(String(o.context)));
    if (o.numbers !== undefined) {
      const file = String(o.numbers);
      place = withNumbers(place, parseNumbersCsv(readText(file), file));
    }
    let paths: DevelopmentPath[] | undefined;
    if (o.paths !== undefined) {
      const file = String(o.paths);
      let value: unknown;
      try {
        value = JSON.parse(readText(file));
      } catch (e) {
        if (e instanceof UsageError) throw e;
        throw new UsageError(`--paths: '${file}' is not JSON (${(e as Error).message}).`, 1);
      }
      try {
        paths = pathsFromJson(value, place, lib);
      } catch (e) {
        throw new UsageError(`--paths ${file}: ${(e as Error).message}`, 1);
      }
    }
    const pdf = !o['no-pdf'];
    try {
      mkdirSync(join(out, 'scenarios'), { recursive: true });
    } catch (e) {
      throw new UsageError(`cannot create '${out}': ${(e as Error).message}`, 1);
    }
    const bar = progressBar();
    let stageNow: AppraisalStage | null = null;
    const tty = process.stderr.isTTY || process.env.COMMSIM_PROGRESS === '1';
    const estimate = 13 * (runs ?? 16) + 13 * (futures ?? 16) + 4 * (runs ?? 16) + 4 * (futures ?? 16);
    const appraisal = await withBackend(workersOpt(o, estimate), (backend, signal) =>
      runAppraisal(backend, place, lib, {
        seed: o.seed !== undefined ? String(o.seed) : '1',
        years,
        runs,
        maxRuns,
        futures,
        ranges,
        weights,
        target,
        paths,
        signal,
        onProgress: (p) => {
          if (tty && p.stage !== stageNow) {
            stageNow = p.stage;
            writeErr(`\n${STAGE_WORDS[p.stage]}\n`);
          }
          bar?.({ done: p.done, failed: 0, total: p.total });
        },
      }),
    );
    const date = stampDate();
    const doc = paperModel(appraisal, { date: `Made with commsim ${packageVersion()} on ${date.slice(0, 10)}` });
    const html = paperHtml(doc);
    writeAtomically(
      join(out, 'appraisal.json'),
      json({ metadata: { tool: 'commsim', version: packageVersion(), command: 'appraise', date }, ...appraisal }),
    );
    writeAtomically(join(out, 'paper.html'), html);
    for (const s of appraisal.scenarios) writeAtomically(join(out, 'scenarios', `${s.id}.yaml`), toYaml(s, s.title));
    if (pdf)
      await withChromium('paper.pdf', async (browser) => {
        writeAtomically(
          join(out, 'paper.docx'),
          await paperDocx(doc, { rasterise: (svg, w, h) => svgToPng(browser, svg, w, h) }),
        );
        writeAtomically(join(out, 'paper.pdf'), await printPdf(browser, html));
      });
    else writeAtomically(join(out, 'paper.docx'), await paperDocx(doc));
    const best = appraisal.fit.ranking[0];
    const rec = appraisal.plan.paths.find((p) => p.id === appraisal.plan.recommended);
    process.stdout.write(
      `${appraisal.question}\n` +
        `Best fit: ${best.name} (score ${best.score.mean.toFixed(2)}, ${appraisal.fit.runs} runs per option${appraisal.fit.stable ? ', stable' : ', not yet stable'}).\n` +
        `Recommended path: ${rec ? rec.name : 'none holds up'}.\n` +
        `Wrote ${['appraisal.json', 'paper.html', 'paper.docx', ...(pdf ? ['paper.pdf'] : []), 'scenarios/'].map((f) => join(out, f)).join(', ')} (${appraisal.cost.runs} runs, ${Math.round(appraisal.cost.seconds)} s).\n`,
    );
    return 0;
  },
};

const STAGE_WORDS: Record<AppraisalStage, string> = {
  readiness: 'Readiness of each option',
  baseline: 'Baseline check: the status quo from the earliest year of your figures',
  fit: 'Fit: each option against the status quo',
  robustness: 'Robustness: each option across futures',
  paths: 'The plan: three paths, simulated and stress-tested',
  done: 'Done',
};

/** PLACE|FILE: a place file, a scenario file, a library place id or a library scenario id. */
export function readPlace(arg: string, lib: Library, years: number): AppraisalPlace {
  if (existsSync(arg)) {
    const text = readText(arg);
    const isPlace = /^people\s*:/m.test(text) && !/^strategy\s*:/m.test(text);
    if (isPlace) {
      const id = /^id\s*:\s*['"]?([A-Za-z0-9-]+)/m.exec(text)?.[1] ?? basename(arg).replace(/\.ya?ml$/i, '');
      try {
        const one = buildLibrary([{ path: `places/${id}.yaml`, text }]);
        const def = [...one.places.values()][0];
        if (!def) throw new UsageError(`'${arg}' holds no place.`, 1);
        return placeFromDef(def, years);
      } catch (e) {
        if (e instanceof ScenarioError) throw new ScenarioError(e.issues.map((i) => ({ ...i, file: arg })));
        throw e;
      }
    }
    return placeFromScenario(loadScenario(text, arg, lib), lib);
  }
  if (lib.places.has(arg)) return placeFromLibrary(arg, lib, years);
  if (lib.scenarios.has(arg)) return placeFromScenario(scenarioFromLibrary(arg, lib), lib);
  throw new UsageError(
    `'${arg}' is neither a file nor a library place or scenario id (places: ${[...lib.places.keys()].sort().join(', ')}; scenarios: ${[...lib.scenarios.keys()].sort().join(', ')}).`,
    1,
  );
}

/** --context relationships=2,health_partnership=1 */
export function contextOpt(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  const ids = CONTEXT_ASPECTS.map((a) => a.id);
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-z_]+)\s*=\s*(.+)$/.exec(part);
    if (!m) throw new UsageError(`--context: cannot read '${part}'; write aspect=answer, e.g. relationships=2.`);
    if (!ids.includes(m[1] as (typeof ids)[number]))
      throw new UsageError(`--context: unknown aspect '${m[1]}'; valid: ${ids.join(', ')}.`);
    const v = Number(m[2]);
    if (!Number.isFinite(v) || v < 1 || v > 5)
      throw new UsageError(`--context: ${m[1]} must be an answer from 1 to 5, got '${m[2]}'.`);
    out[m[1]] = v;
  }
  return out;
}

function targetOpt(o: Opts, lib: Library): { approach?: string; blend?: Record<string, number> } | undefined {
  const valid = [...lib.approaches.keys()].sort().join(', ');
  if (o.approach !== undefined && o.blend !== undefined) throw new UsageError('give --approach or --blend, not both.');
  if (o.approach !== undefined) {
    const id = String(o.approach);
    if (!lib.approaches.has(id)) throw new UsageError(`--approach: unknown approach '${id}'; valid: ${valid}.`);
    return { approach: id };
  }
  if (o.blend !== undefined) {
    const blend: Record<string, number> = {};
    for (const part of String(o.blend)
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const m = /^([a-z0-9-]+)\s*=\s*(.+)$/.exec(part);
      if (!m) throw new UsageError(`--blend: cannot read '${part}'; write approach=share, e.g. alliance=0.5.`);
      if (!lib.approaches.has(m[1])) throw new UsageError(`--blend: unknown approach '${m[1]}'; valid: ${valid}.`);
      const v = Number(m[2]);
      if (!Number.isFinite(v) || v <= 0 || v > 1)
        throw new UsageError(`--blend: the share of ${m[1]} must be above 0 and at most 1, got '${m[2]}'.`);
      blend[m[1]] = v;
    }
    const sum = Object.values(blend).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 0.001)
      throw new UsageError(`--blend: shares must sum to 1, they sum to ${Math.round(sum * 1000) / 1000}.`);
    return { blend };
  }
  return undefined;
}
