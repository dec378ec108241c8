/**
 * The weekly schedule (ODD "process overview and scheduling"): the model's week as a list of named steps, run in
 * this order, each reading the state as the previous step left it. docs/model.md's schedule table (section 3) is
 * generated from this list (tools/gen-model-tables.ts) and tests/docs.test.ts checks that it matches and that each
 * step calls the functions it names, so the description cannot drift from what runs.
 */
import type { Rng } from '../core/random.ts';
import { addWaiting, PersonStatus, type State, type WaitingCount } from './state.ts';
import type { PeopleTally } from './tally.ts';
import { applyFeeLevel, updateBudget, updateFidelity, updateLabourMarketAndFees, updatePhase } from './commissioner.ts';
import { buildRosters, updateContracts, workerCensus, workforceWeek } from './workforce.ts';
import { arrivals, computeCommitted, peopleWeek } from './people.ts';
import {
  deliveryCapacity,
  entry,
  finances,
  handbacksAndExits,
  placement,
  providerWages,
  qualityGamingLearning,
  meanMargin,
} from './market.ts';
import { communityWeek, trustWeek } from './relationships.ts';
import { checkHoursAndMoney } from './accounting-checks.ts';
import { applyPayFloor } from './shocks.ts';
import { weeklySpend } from './council-money.ts';
import { transitionsWeek } from './transitions.ts';

const { Empty: EMPTY, Waiting: WAITING } = PersonStatus;

/** What one week's steps hand on to later steps (one object per run, overwritten every week). */
export interface Week {
  s: State;
  rng: Rng;
  /** mean community capacity at the end of last week (used by arrivals) */
  meanCommunity: number;
  /** run the accounting checks (RunOptions.checkInvariants) */
  checkInvariants: boolean;
  tally: PeopleTally;
  /** mean need of people this week (step 10), used by placement */
  meanNeed: number;
  /** people and waiting counts after placement (step 12) */
  afterPlacement: WaitingCount;
  /** council care spend this week (step 13) */
  care: number;
  /** exits and hand-backs counted before step 14 */
  exitsBefore: number;
  handbacksBefore: number;
  population: number;
  delayed: number;
  waitingShare: number;
  /** all council spend, and the part that buys no care (step 21) */
  spend: number;
  transaction: number;
}

export interface WeeklyStep {
  /** the step's number, as docs/model.md refers to it ('13a': a step added after 13) */
  n: string;
  /** what the step does, in the words of docs/model.md */
  does: string;
  /** the functions it calls, with their files, as the docs table shows them (each `name` must be called in run) */
  functions: string;
  /** the mechanism ids of the model brief it implements */
  mechanisms: string;
  run(w: Week): void;
}

export const WEEKLY_STEPS: readonly WeeklyStep[] = [
  {
    n: '1',
    does: 'enter a new phase if one starts; book its transition cost',
    functions: '`updatePhase` (commissioner.ts)',
    mechanisms: 'C1, §5 phases',
    run: (w) => updatePhase(w.s),
  },
  {
    n: '2',
    does: 'apply a change of the fee-level lever to all fees; fairness pulse',
    functions: '`applyFeeLevel` (commissioner.ts)',
    mechanisms: 'C4, T3',
    run: (w) => applyFeeLevel(w.s),
  },
  {
    n: '3',
    does:
      'fidelity; relational practice moves towards what the levers ask for; effective levers; monitoring follows ' +
      'distrust and defensiveness; learning culture and capability drift',
    functions: '`updateFidelity` (commissioner.ts)',
    mechanisms: 'C3, T5, C2',
    run: (w) => updateFidelity(w.s),
  },
  {
    n: '3a',
    does:
      'transitions: structural levers move over the set-up time; the in-house share in force rises at the TUPE ' +
      'transfer rate, with packages and staff transferred; personal-budget uptake; their costs booked',
    functions: '`transitionsWeek` (transitions.ts)',
    mechanisms: 'X1–X3, C1',
    run: (w) => transitionsWeek(w.s, w.rng),
  },
  {
    n: '4',
    does:
      'outside wage and labour pool drift; in April: living wage, fee uplift (with the defensive and ' +
      'market-sustainability terms), budget path, re-tender',
    functions: '`updateLabourMarketAndFees` (commissioner.ts)',
    mechanisms: 'L, C4, C1, P4, T3',
    run: (w) => updateLabourMarketAndFees(w.s, w.rng),
  },
  {
    n: '5',
    does:
      'fee changes pass to pay over months; in April (not in the spin-up or the first week of the history or ' +
      'horizon) providers also raise wages with the living wage and, when vacancies bite, towards what the fee affords',
    functions: '`providerWages` (market.ts)',
    mechanisms: 'P4, W5, P1',
    run: (w) => providerWages(w.s, w.s.week % 52 === 0 && w.s.week > -w.s.config.historyWeeks),
  },
  {
    n: '5a',
    does:
      'if a negotiated pay floor is in force (`pay_floor` event): it rises with the living wage each April after it ' +
      'was set, and no employer pays below it',
    functions: '`applyPayFloor` (shocks.ts)',
    mechanisms: 'E1',
    run: (w) => {
      applyPayFloor(w.s);
    },
  },
  {
    n: '6',
    does: 'zero-hours targets; conversions to guaranteed hours',
    functions: '`updateContracts` (workforce.ts)',
    mechanisms: 'W3',
    run: (w) => updateContracts(w.s, w.rng),
  },
  {
    n: '7',
    does:
      "count each provider's staff, sick staff and guaranteed-hours staff and list its workers (the roster); " +
      'contact capacity (less learning time). The counts and lists taken at the end of last week (step 17a) are ' +
      'used unless an event or a contract change has touched workers since',
    functions: '`buildRosters` (workforce.ts)',
    mechanisms: 'W9, P7',
    run: (w) => buildRosters(w.s),
  },
  {
    n: '8',
    does:
      "committed hours and clients per provider (summed at the end of last week in step 20's pass over people, " +
      'unless an event has moved people since)',
    functions: '`computeCommitted` (people.ts)',
    mechanisms: '—',
    run: (w) => computeCommitted(w.s),
  },
  {
    n: '9',
    does: 'staff sharing along trusted ties; overtime; delivery ratio',
    functions: '`deliveryCapacity` (market.ts)',
    mechanisms: 'T4, W7',
    run: (w) => deliveryCapacity(w.s),
  },
  {
    n: '10',
    does: "each person's week: delivery, continuity, choice, wellbeing, need, exit, admission, discharge",
    functions: '`peopleWeek` (people.ts)',
    mechanisms: 'N1–N4',
    run: (w) => {
      w.meanNeed = peopleWeek(w.s, w.rng);
    },
  },
  {
    n: '11',
    does: 'new people assessed eligible',
    functions: '`arrivals` (people.ts)',
    mechanisms: 'D, N1, M1, C1',
    run: (w) => arrivals(w.s, w.rng, w.meanCommunity),
  },
  {
    n: '12',
    does: 'waiting people offered round independent providers; the in-house service takes its share',
    functions: '`placement` (market.ts)',
    mechanisms: 'P2, P4, P6',
    run: (w) => {
      w.afterPlacement = placement(w.s, w.rng, w.meanNeed);
    },
  },
  {
    n: '13',
    does: 'revenue, cost, reserves, margins, cost cutting; council care spend',
    functions: '`finances` (market.ts)',
    mechanisms: 'P1, P4, P6',
    run: (w) => {
      w.care = finances(w.s);
    },
  },
  {
    n: '13a',
    does: 'only with `RunOptions.checkInvariants`: weekly accounting checks (7.15)',
    functions: '`checkHoursAndMoney` (accounting-checks.ts)',
    mechanisms: '—',
    run: (w) => {
      if (w.checkInvariants) checkHoursAndMoney(w.s, w.care);
    },
  },
  {
    n: '14',
    does: 'exits and hand-backs',
    functions: '`handbacksAndExits` (market.ts)',
    mechanisms: 'P2',
    run: (w) => {
      w.exitsBefore = w.s.thisWeek.exits;
      w.handbacksBefore = w.s.thisWeek.handbacks;
      handbacksAndExits(w.s, w.rng);
    },
  },
  {
    n: '15',
    does:
      'waiting share, delayed discharges and waiting hours (counted again only if step 14 handed someone back or ' +
      "closed a provider); the commissioner's smoothed view of unmet need",
    functions: '`countWaiting`, `trackUnmet` (schedule.ts)',
    mechanisms: 'C4',
    run: (w) => {
      const s = w.s;
      // hand-backs and closures put people back on the waiting list; otherwise the count after placement stands
      const unchanged = s.thisWeek.exits === w.exitsBefore && s.thisWeek.handbacks === w.handbacksBefore;
      const { population, waiting, hours, delayed } = unchanged ? w.afterPlacement : countWaiting(s);
      s.stocks.waitingHours = hours;
      w.population = population;
      w.delayed = delayed;
      w.waitingShare = population > 0 ? waiting / population : 0;
      trackUnmet(s);
    },
  },
  {
    n: '16',
    does: 'entry of new providers',
    functions: '`entry` (market.ts), `meanMargin` (market.ts)',
    mechanisms: 'P3',
    run: (w) => entry(w.s, w.rng, w.waitingShare, meanMargin(w.s)),
  },
  {
    n: '17',
    does: "each worker's week: morale, fatigue, sickness, quits, moves; recruitment",
    functions: '`workforceWeek` (workforce.ts)',
    mechanisms: 'W1–W8',
    run: (w) => workforceWeek(w.s, w.rng),
  },
  {
    n: '17a',
    does:
      "the workers as they stand at the end of the week: next week's roster and counts, and the sums the record " +
      'uses (headcount, off sick, morale, fatigue, zero-hours)',
    functions: '`workerCensus` (workforce.ts)',
    mechanisms: '—',
    run: (w) => workerCensus(w.s),
  },
  {
    n: '18',
    does: 'quality, gaming, reported outcomes, learning',
    functions: '`qualityGamingLearning` (market.ts)',
    mechanisms: 'P5–P7',
    run: (w) => qualityGamingLearning(w.s),
  },
  {
    n: '19',
    does: 'trust on every relationship',
    functions: '`trustWeek` (relationships.ts)',
    mechanisms: 'T1–T4, C2',
    run: (w) => trustWeek(w.s, w.rng, w.delayed, w.population),
  },
  {
    n: '20',
    does:
      "community capacity, trust, engagement; people's assets, in one pass over people that also tallies them " +
      "for the record and sums next week's committed hours (step 8)",
    functions: '`communityWeek` (relationships.ts)',
    mechanisms: 'M1, M2',
    run: (w) => communityWeek(w.s, w.tally),
  },
  {
    n: '21',
    does: 'council spend (care + community + monitoring + transition + relational practice); budget and defensiveness; a crisis counts down',
    functions: '`weeklySpend` (council-money.ts), `updateBudget` (commissioner.ts)',
    mechanisms: 'C1',
    run: (w) => {
      const { spend, transaction, fundedTransition } = weeklySpend(w.s, w.care);
      w.spend = spend;
      w.transaction = transaction;
      updateBudget(w.s, spend, fundedTransition);
      if (w.s.stocks.crisisWeeks > 0) w.s.stocks.crisisWeeks--;
    },
  },
];

/** One week of the model: every step in order. */
export function runWeek(w: Week): void {
  for (let i = 0; i < WEEKLY_STEPS.length; i++) WEEKLY_STEPS[i].run(w);
}

/** The commissioner's (smoothed over about 26 weeks) view of how much assessed care is not being delivered. */
function trackUnmet(s: State): void {
  const pr = s.providers;
  let committed = 0;
  let delivered = 0;
  for (let p = 0; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    committed += pr.committedHours[p];
    delivered += pr.deliveredHours[p];
  }
  const needed = committed + s.stocks.waitingHours;
  const unmet = needed > 0 ? Math.max(0, needed - delivered) / needed : 0;
  s.stocks.unmetSeen += (unmet - s.stocks.unmetSeen) / 26;
}

function countWaiting(s: State): WaitingCount {
  const pe = s.people;
  const count: WaitingCount = { population: 0, waiting: 0, hours: 0, delayed: 0 };
  for (let i = 0; i < pe.hi; i++) {
    const st = pe.status[i];
    if (st === EMPTY) continue;
    count.population++;
    if (st === WAITING) addWaiting(count, pe, i);
  }
  return count;
}
