/**
 * One run: build the place, then run the weekly schedule (schedule.ts) from the history weeks to the end, recording
 * every outcome metric from week 0. Every run owns its random stream; agents are always visited in index order, so
 * a (config, seed) pair gives bit-identical results anywhere.
 */
import type { LogEntry, RunConfig, RunOptions, RunResult, SimEvent } from '../types.ts';
import { createRng } from '../core/random.ts';
import { METRICS, METRIC_IDS, summariseSeries } from './metrics.ts';
import { numberRecord, resetCounters, type State } from './state.ts';
import { createRecorder } from './record.ts';
import { createState } from './setup.ts';
import { applyEvent } from './shocks.ts';
import { initialiseMoney } from './council-money.ts';
import { runWeek, type Week } from './schedule.ts';
import { resilience } from './resilience.ts';
import { createTrace, writeTrace } from './trace.ts';
import { createNodeRecorder } from './causal-record.ts';

/** Sees the state at the end of every recorded week (stories, sim/analysis/stories.ts); only when asked. */
export interface RunObserver {
  week(s: State, week: number): void;
}

export function simulate(config: RunConfig, seed: number, replicate: number, options: RunOptions = {}): RunResult {
  return simulateObserved(config, seed, replicate, options);
}

/** simulate, with an observer of every recorded week. */
export function simulateObserved(
  config: RunConfig,
  seed: number,
  replicate: number,
  options: RunOptions = {},
  observer?: RunObserver,
): RunResult {
  const run = createRun(config, seed, options, observer);
  run.advanceTo(config.weeks);
  return run.finish(replicate);
}

/**
 * A run taken a stretch at a time (a workshop round: sim/game). `simulate` is this run straight through, so a run
 * stepped in stretches, with the same events added before the weeks they fall in, gives the same result bit for
 * bit. Between stretches the caller may read `state` and set `state.overrides` (overrides.ts) and nothing else.
 */
export interface RunStepper {
  readonly config: RunConfig;
  readonly state: State;
  /** the next week to simulate (config.weeks when the run is over) */
  readonly nextWeek: number;
  /** metric-major weekly series, series[m * weeks + t], filled for t < nextWeek */
  readonly series: Float64Array;
  /** add events (each at nextWeek or later); they take their place after any event already set for their week */
  addEvents(events: readonly SimEvent[]): void;
  /** simulate every week up to (not including) `week` (at most config.weeks) */
  advanceTo(week: number): void;
  /** the run's result (call once the run is over) */
  finish(replicate: number): RunResult;
}

export function createRun(
  config: RunConfig,
  seed: number,
  options: RunOptions = {},
  observer?: RunObserver,
): RunStepper {
  const rng = createRng(seed);
  // the run's own parameters (events may change them); createState keeps them as s.params
  const s = createState({ ...config, params: numberRecord(config.params) }, rng, options.log !== false);
  initialiseMoney(s, rng);
  const weeks = config.weeks;
  const rec = createRecorder(weeks, s.params);
  const trace = options.trace ? createTrace(s, weeks) : undefined;
  const nodes = options.nodes ? createNodeRecorder(weeks) : undefined;
  let evIdx = 0;
  const events = config.events.slice();
  const w: Week = {
    s,
    rng,
    meanCommunity: communityMean(s),
    checkInvariants: options.checkInvariants === true,
    tally: rec.tally,
    meanNeed: 0,
    afterPlacement: { population: 0, waiting: 0, hours: 0, delayed: 0 },
    care: 0,
    exitsBefore: 0,
    handbacksBefore: 0,
    population: 0,
    delayed: 0,
    waitingShare: 0,
    spend: 0,
    transaction: 0,
  };
  let next = s.firstWeek;
  return {
    config,
    state: s,
    get nextWeek() {
      return next;
    },
    series: rec.series,
    addEvents(added) {
      for (const ev of added) {
        if (ev.week < next) throw new Error(`an event for week ${ev.week} comes after it (the run is at week ${next})`);
        let at = events.length;
        while (at > evIdx && events[at - 1].week > ev.week) at--;
        events.splice(at, 0, ev);
      }
    },
    advanceTo(until) {
      const stop = Math.min(until, weeks);
      for (let week = next; week < stop; week++) {
        s.week = week;
        resetCounters(s.thisWeek);
        while (evIdx < events.length && events[evIdx].week < week) evIdx++;
        while (evIdx < events.length && events[evIdx].week === week) applyEvent(s, events[evIdx++], rng);
        const recording = week >= 0;
        rec.tally.reset(); // history weeks are tallied too, and not recorded
        runWeek(w);
        w.meanCommunity = communityMean(s);
        if (recording) {
          rec.record(s, week, w.spend, w.transaction);
          if (trace) writeTrace(s, trace, week);
          if (nodes) nodes.write(s, week);
          if (observer) observer.week(s, week);
        } else rec.warm(s);
        next = week + 1;
      }
    },
    finish(replicate) {
      const series = rec.series;
      const summary = new Float64Array(METRICS.length);
      for (let m = 0; m < METRICS.length; m++) summary[m] = summariseSeries(METRICS[m], series, m * weeks, weeks);
      return {
        scenarioId: config.scenarioId,
        replicate,
        seed,
        weeks,
        metricIds: [...METRIC_IDS],
        series,
        summary,
        shocks: resilience(config, series, weeks),
        log: s.log.filter((e: LogEntry) => e.week >= 0),
        trace,
        ...(nodes ? { nodes: nodes.finish(series) } : {}),
      };
    },
  };
}

function communityMean(s: State): number {
  let sum = 0;
  for (let o = 0; o < s.community.count; o++) sum += s.community.capacity[o];
  return sum / s.community.count;
}
