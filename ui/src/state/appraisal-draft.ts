/**
 * The options appraisal's choices as the workspace keeps them (Workspace.appraisal): the weights of the outcomes
 * that matter most, how many runs and futures, the approach (or blend) the development plan builds towards, and
 * the paths the user has edited. The place the appraisal runs in is the workspace's: its library place, the eight
 * answers and, when they check out, the council's own figures (place-numbers.ts).
 */
import {
  DEFAULT_WEIGHTS,
  placeFromLibrary,
  withContext,
  withNumbers,
  type AppraisalOptions,
  type AppraisalPlace,
  type OutcomeWeights,
} from '../../../sim/index.ts';
import type { AppraisalDraft } from './appraisal-types.ts';
import { lib } from './library.ts';
import { figuresIssues, hasFigures, usedNumbers } from './place-numbers.ts';
import { rangesOf, type Workspace } from './workspace.ts';

/** Runs per approach the app asks for unless the user chooses (kept small: a 2-core laptop in under a minute). */
export const DEFAULT_APPRAISAL_RUNS = 16;
export const DEFAULT_APPRAISAL_FUTURES = 8;
export const RUNS_RANGE = { min: 4, max: 200 } as const;
export const FUTURES_RANGE = { min: 0, max: 100 } as const;
/** the most runs per approach the growing rule goes to in the app (each doubling doubles the time) */
export const MAX_ADAPTIVE_RUNS = 64;

export function draftOf(ws: Workspace): AppraisalDraft {
  return ws.appraisal ?? {};
}

/** The workspace with its appraisal choices changed. */
export function withAppraisal(ws: Workspace, f: (d: AppraisalDraft) => AppraisalDraft): Workspace {
  return { ...ws, appraisal: f(draftOf(ws)) };
}

/** Whether the place's figures are used (given and without problems). */
export function numbersUsed(ws: Workspace): boolean {
  return hasFigures(ws.numbers) && figuresIssues(ws.numbers).length === 0;
}

/**
 * The place the appraisal runs in: the library place, the eight answers, and the council's figures when they
 * check out (figures with problems are kept in the workspace but not used; Your place lists the problems).
 */
export function appraisalPlaceOf(ws: Workspace): AppraisalPlace {
  let place = withContext(placeFromLibrary(ws.placeId, lib(), ws.years), ws.context);
  if (numbersUsed(ws) && ws.numbers) place = withNumbers(place, usedNumbers(ws.numbers));
  return place;
}

/** The weights in force: the user's, else the simulation's defaults. */
export function weightsOf(ws: Workspace): OutcomeWeights {
  return { ...(draftOf(ws).weights ?? DEFAULT_WEIGHTS) };
}

/** The appraisal's options from the workspace (seed, years, ranges of Run settings; the appraisal's choices). */
export function appraisalOptionsOf(ws: Workspace): AppraisalOptions {
  const d = draftOf(ws);
  return {
    seed: ws.seed,
    years: ws.years,
    ranges: rangesOf(ws),
    ...(d.adaptive
      ? {
          minRuns: d.runs ?? DEFAULT_APPRAISAL_RUNS,
          maxRuns: Math.max(d.runs ?? DEFAULT_APPRAISAL_RUNS, MAX_ADAPTIVE_RUNS),
        }
      : { runs: d.runs ?? DEFAULT_APPRAISAL_RUNS }),
    futures: d.futures ?? DEFAULT_APPRAISAL_FUTURES,
    weights: weightsOf(ws),
    ...(d.target ? { target: d.target } : {}),
  };
}

/**
 * What an appraisal's results depend on, as one string: a kept appraisal whose key differs from the workspace's
 * is shown as made for other inputs (the place, the answers, the figures, the weights or the runs changed since).
 */
export function inputsKey(ws: Workspace): string {
  // editing a path does not make the fit out of date (appraisalOptionsOf leaves the edited paths out)
  const o = appraisalOptionsOf(ws);
  return JSON.stringify([ws.placeId, ws.context, numbersUsed(ws) ? ws.numbers : null, o]);
}

/**
 * The same appraisal from the command line (`commsim appraise`), so an analyst can re-run it in batch and check the
 * paper's figures: the place, the answers, the figures file (downloaded from Your numbers), weights, runs, futures,
 * years, seed, ranges and target as the app used them.
 */
export function appraiseCommand(ws: Workspace, opts: { numbersFile?: string; pathsFile?: string } = {}): string {
  const o = appraisalOptionsOf(ws);
  const parts = ['npx commsim appraise', ws.placeId];
  if (numbersUsed(ws)) parts.push(`--numbers ${opts.numbersFile ?? 'your-numbers.csv'}`);
  const ctx = Object.entries(ws.context)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  if (ctx) parts.push(`--context ${ctx}`);
  const w = Object.entries(o.weights ?? {})
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  parts.push(`--weights ${w}`);
  if (o.runs !== undefined) parts.push(`--runs ${o.runs}`);
  else parts.push(`--runs ${o.minRuns} --max-runs ${o.maxRuns}`);
  parts.push(`--futures ${o.futures}`, `--years ${o.years}`, `--seed ${o.seed}`, `--ranges ${o.ranges}`);
  if (o.target?.approach) parts.push(`--approach ${o.target.approach}`);
  else if (o.target?.blend)
    parts.push(
      `--blend ${Object.entries(o.target.blend)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')}`,
    );
  // edited paths: the appraisal's JSON carries their definitions (plan.definitions), which --paths reads
  if (opts.pathsFile) parts.push(`--paths ${opts.pathsFile}`);
  parts.push('--out appraisal/');
  return parts.join(' ');
}
