/**
 * The one owner of the app's worker pools: every run the app makes goes to a pool from here, and nothing else
 * creates one. Each kind of work has pools of its own, so cancelling one never stops another (a cancelled pool
 * terminates its workers):
 *
 * - the comparison's lanes: one single-worker pool per core, fed one run at a time by RunQueue (run-queue.ts),
 *   started before the first render (main.tsx: bootLanes) so their code loads while the page starts;
 * - the All-twelve table's pool (overviewPool);
 * - one worker for single traced runs (tracePool), so cancelling a comparison does not stop playback;
 * - the stress test's pool (stressPool);
 * - the Why? screen's pool for knock-out attribution (explainPool), and its worker for people's stories
 *   (storyTeller).
 * - the options appraisal's pool (appraisalPool), and the baseline check's of Your numbers (baselinePool).
 * - the workshop debrief's replays of each table's game (gameExplainer: workers that each replay one game's record).
 *
 * Pools are made on first use and kept for the page's life.
 */
import { WorkerPoolBackend, type SimBackend } from '../../../sim/index.ts';
import { StoryTeller } from './story-teller.ts';
import { GameExplainer } from './game-explainer.ts';

/** workers to start: one per core, at most eight */
export function workerCount(): number {
  return Math.max(1, Math.min(8, (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 2));
}

/**
 * The time budget of one run in the app: a run of the largest place over 20 years takes seconds, so a run still
 * going after two minutes has hung (or its worker closed itself); it is stopped, reported as failed, and its
 * worker replaced, so the progress never sticks.
 */
export const RUN_TIMEOUT_MS = 120_000;

let lanes: Promise<SimBackend>[] | undefined;

/** The comparison's lanes (one single-worker pool per core), started on first call. */
export function comparisonLanes(): readonly Promise<SimBackend>[] {
  lanes ??= Array.from({ length: workerCount() }, () =>
    WorkerPoolBackend.create({ size: 1, runTimeoutMs: RUN_TIMEOUT_MS }).then(async (b) => {
      await b.warm();
      return b;
    }),
  );
  return lanes;
}

/**
 * Start the comparison's workers at once (main.tsx calls this before the first render): they load their code
 * while the page parses the scenario library and renders, instead of after. Resolves once every worker has
 * answered.
 */
export function bootLanes(): Promise<unknown> {
  return Promise.all(comparisonLanes());
}

let overview: Promise<SimBackend> | undefined;
/** The overview of all approaches runs on its own pool, so it and the comparison can be cancelled separately. */
export function overviewPool(): Promise<SimBackend> {
  overview ??= WorkerPoolBackend.create({ size: workerCount(), runTimeoutMs: RUN_TIMEOUT_MS });
  return overview;
}

let trace: Promise<SimBackend> | undefined;
/** A separate one-worker pool for single traced runs, so cancelling a comparison does not stop playback. */
export function tracePool(): Promise<SimBackend> {
  trace ??= WorkerPoolBackend.create({ size: 1, runTimeoutMs: RUN_TIMEOUT_MS });
  return trace;
}

let stress: Promise<SimBackend> | undefined;
/** The stress test's own pool, so cancelling it never stops the comparison (and the reverse). */
export function stressPool(): Promise<SimBackend> {
  stress ??= WorkerPoolBackend.create({ size: workerCount(), runTimeoutMs: RUN_TIMEOUT_MS });
  return stress;
}

let explain: Promise<SimBackend> | undefined;
/** The Why? screen's knock-out runs ("what drove the difference"), on a pool of their own so each can be cancelled. */
export function explainPool(): Promise<SimBackend> {
  explain ??= WorkerPoolBackend.create({ size: workerCount(), runTimeoutMs: RUN_TIMEOUT_MS });
  return explain;
}

let teller: StoryTeller | undefined;
/** The one worker that tells people's stories (story-worker.ts). */
export function storyTeller(): StoryTeller {
  teller ??= new StoryTeller();
  return teller;
}

let appraisal: Promise<SimBackend> | undefined;
/** The options appraisal's own pool (fit, futures and paths), so cancelling it never stops another screen's runs. */
export function appraisalPool(): Promise<SimBackend> {
  appraisal ??= WorkerPoolBackend.create({ size: workerCount(), runTimeoutMs: RUN_TIMEOUT_MS });
  return appraisal;
}

let baseline: Promise<SimBackend> | undefined;
/** The baseline check's own pool (Your numbers), so cancelling it never stops an appraisal (a cancel ends a pool's workers). */
export function baselinePool(): Promise<SimBackend> {
  baseline ??= WorkerPoolBackend.create({ size: workerCount(), runTimeoutMs: RUN_TIMEOUT_MS });
  return baseline;
}

let games: GameExplainer | undefined;
/**
 * The workshop debrief's replays ("what drove this table's result"): game records replayed without some decisions,
 * a few at once. Its own workers (a game replay is not a RunTask: it needs the record's rounds and overrides).
 */
export function gameExplainer(): GameExplainer {
  games ??= new GameExplainer(workerCount());
  return games;
}
