/**
 * People's stories (issue 17 item 5): one person who draws on care, one care worker and one provider followed
 * through a run week by week, told in plain sentences from the agents' own recorded state.
 *
 * Two passes over the same (config, seed), which give the same run (the model is deterministic): the first watches
 * every agent cheaply to find their lives (a slot of the state's arrays holds one person, worker or provider at a
 * time: a new life starts when an empty slot fills, or a slot is filled again by someone new) and what happened in
 * them, so that one can be picked at random (seeded) or by what happened; the second records the picked agent's state
 * every week, and the sentences are told from that record. Each sentence carries the recorded figures it was told
 * from (`facts`), so a test can check it against the state. Nothing is recorded unless a story is asked for.
 */
import type { RunConfig } from '../types.ts';
import { createRng, hash32 } from '../core/random.ts';
import { simulateObserved, type RunObserver } from '../model/simulate.ts';
import { PersonStatus, type State } from '../model/state.ts';
import { payRatio, tenureMultipliers } from '../model/workforce.ts';

export type StoryWho = 'person' | 'worker' | 'provider';

export type StoryPick =
  | 'random'
  | 'waited-longest'
  | 'most-carers'
  | 'handed-back'
  | 'fewest-good-days'
  | 'stayed-longest'
  | 'left-soonest'
  | 'exited'
  | 'largest'
  | 'most-hand-backs';

/** The picks each kind of agent can be chosen by, with plain labels (for a menu). */
export const STORY_PICKS: Readonly<Record<StoryWho, readonly { id: StoryPick; label: string }[]>> = {
  person: [
    { id: 'random', label: 'anyone, at random' },
    { id: 'waited-longest', label: 'the person who waited longest' },
    { id: 'most-carers', label: 'the person who had the most different carers' },
    { id: 'handed-back', label: 'a person whose package was handed back' },
    { id: 'fewest-good-days', label: 'the person with the fewest good days' },
  ],
  worker: [
    { id: 'random', label: 'anyone, at random' },
    { id: 'stayed-longest', label: 'the worker who stayed longest' },
    { id: 'left-soonest', label: 'the worker who left soonest' },
  ],
  provider: [
    { id: 'random', label: 'any provider, at random' },
    { id: 'exited', label: 'the provider that closed after the longest time in the run' },
    { id: 'largest', label: 'the largest provider' },
    { id: 'most-hand-backs', label: 'the provider that handed back most packages' },
  ],
};

/** A sentence of a story: its week, its words, and the recorded figures it was told from. */
export interface StorySentence {
  week: number;
  text: string;
  facts: Record<string, number | string>;
}

export interface Story {
  who: StoryWho;
  pick: StoryPick;
  /** the agent's slot in the state's arrays (a provider's id) */
  slot: number;
  /** the name the story uses ("Mrs A", "Sam", "a voluntary provider") */
  name: string;
  /** one line: who, and why they were picked */
  title: string;
  /** recorded weeks of the life followed: first and last */
  from: number;
  to: number;
  sentences: StorySentence[];
  /** true when no agent fitted the pick and one was taken at random instead */
  fellBack: boolean;
}

export interface StoryOptions {
  who: StoryWho;
  pick?: StoryPick;
  /** seeds the random pick (default: the run's seed) */
  pickSeed?: number | string;
}

const { Empty: EMPTY, Waiting: WAITING, Supported: SUPPORTED, Hospital: HOSPITAL } = PersonStatus;
const KIND = ['for-profit', 'voluntary', 'micro', 'in-house'];
const PERSON_NAMES = ['Mrs A', 'Mr B', 'Ms C', 'Mr D', 'Mrs E', 'Mr F', 'Mrs G', 'Mr H'];
const WORKER_NAMES = ['Sam', 'Priya', 'Jo', 'Tomasz', 'Amara', 'Chris', 'Grace', 'Dev'];

// --- pass 1: lives -------------------------------------------------------------------------------------------------

interface Life {
  slot: number;
  from: number;
  to: number;
  /** score by pick */
  waited: number;
  carers: number;
  handbacks: number;
  wellbeingSum: number;
  weeks: number;
  ended: boolean;
  size: number;
}

function newLife(slot: number, week: number): Life {
  return {
    slot,
    from: week,
    to: week,
    waited: 0,
    carers: 0,
    handbacks: 0,
    wellbeingSum: 0,
    weeks: 0,
    ended: false,
    size: 0,
  };
}

/** Watches every agent of one kind and collects their lives. */
function lifeWatcher(who: StoryWho): RunObserver & { lives: Life[] } {
  const lives: Life[] = [];
  let current: (Life | undefined)[] = [];
  let prevStatus = new Uint8Array(0);
  let prevBase = new Float64Array(0);
  let prevEmployer = new Int32Array(0);
  let prevRegular = new Int32Array(0);
  return {
    lives,
    week(s: State, week: number) {
      if (who === 'person') {
        const pe = s.people;
        if (prevStatus.length !== pe.cap) {
          prevStatus = new Uint8Array(pe.cap);
          prevBase = new Float64Array(pe.cap);
          prevRegular = new Int32Array(pe.cap).fill(-1);
          current = new Array(pe.cap);
        }
        for (let i = 0; i < pe.hi; i++) {
          const st = pe.status[i];
          let life = current[i];
          const fresh = st !== EMPTY && (prevStatus[i] === EMPTY || pe.baseNeed[i] !== prevBase[i] || !life);
          if (life && (st === EMPTY || fresh)) {
            life.ended = st === EMPTY || fresh;
            current[i] = undefined;
            life = undefined;
          }
          if (st !== EMPTY) {
            if (fresh || !life) {
              life = newLife(i, week);
              lives.push(life);
              current[i] = life;
              prevRegular[i] = -1;
            }
            life!.to = week;
            life!.weeks++;
            life!.wellbeingSum += pe.wellbeing[i];
            if (st === WAITING && pe.weeksWaiting[i] > life!.waited) life!.waited = pe.weeksWaiting[i];
            if (st === WAITING && prevStatus[i] === SUPPORTED && !fresh) life!.handbacks++;
            const rw = pe.regularWorker[i];
            if (st === SUPPORTED && rw >= 0 && rw !== prevRegular[i]) life!.carers++;
            prevRegular[i] = rw;
          }
          prevStatus[i] = st;
          prevBase[i] = pe.baseNeed[i];
        }
      } else if (who === 'worker') {
        const w = s.workers;
        if (prevEmployer.length !== w.cap) {
          prevEmployer = new Int32Array(w.cap).fill(-1);
          current = new Array(w.cap);
        }
        for (let i = 0; i < w.hi; i++) {
          const e = w.employer[i];
          let life = current[i];
          const hired = e >= 0 && w.tenureWeeks[i] === 0 && w.morale[i] === 0.55 && w.fatigue[i] === 0.1;
          const fresh = e >= 0 && (prevEmployer[i] < 0 || hired || !life);
          if (life && (e < 0 || fresh)) {
            life.ended = true;
            current[i] = undefined;
            life = undefined;
          }
          if (e >= 0) {
            if (!life) {
              life = newLife(i, week);
              lives.push(life);
              current[i] = life;
            }
            life.to = week;
            life.weeks++;
          }
          prevEmployer[i] = e;
        }
      } else {
        const pr = s.providers;
        for (let p = 0; p < pr.count; p++) {
          let life = current[p];
          if (pr.active[p] && !life) {
            life = newLife(p, week);
            lives.push(life);
            current[p] = life;
          }
          if (!life || life.ended) continue;
          if (!pr.active[p]) {
            life.ended = true;
            continue;
          }
          life.to = week;
          life.weeks++;
          life.size = Math.max(life.size, pr.workers[p]);
        }
        // hand-backs: people who were supported by p last week and are waiting now, p still active
        const pe = s.people;
        if (prevStatus.length !== pe.cap) {
          prevStatus = new Uint8Array(pe.cap);
          prevEmployer = new Int32Array(pe.cap).fill(-1);
        }
        for (let i = 0; i < pe.hi; i++) {
          const st = pe.status[i];
          const was = prevEmployer[i];
          if (st === WAITING && prevStatus[i] === SUPPORTED && was >= 0 && pr.active[was]) {
            const life = current[was];
            if (life) life.handbacks++;
          }
          prevStatus[i] = st;
          prevEmployer[i] = pe.provider[i];
        }
      }
    },
  };
}

function choose(
  lives: Life[],
  who: StoryWho,
  pick: StoryPick,
  seed: number | string,
): { life: Life; fellBack: boolean } {
  const rng = createRng(hash32(`story|${who}|${pick}|${seed}`));
  const long = lives.filter((l) => l.weeks >= 26);
  const pool = long.length ? long : lives;
  const random = (): Life => pool[rng.int(pool.length)];
  const best = (score: (l: Life) => number, ok: (l: Life) => boolean = () => true): Life | undefined => {
    let top: Life | undefined;
    for (const l of lives) if (ok(l) && (!top || score(l) > score(top))) top = l;
    return top;
  };
  let life: Life | undefined;
  switch (pick) {
    case 'random':
      return { life: random(), fellBack: false };
    case 'waited-longest':
      life = best(
        (l) => l.waited,
        (l) => l.waited > 0,
      );
      break;
    case 'most-carers':
      life = best(
        (l) => l.carers,
        (l) => l.carers > 1,
      );
      break;
    case 'handed-back':
      life = best(
        (l) => l.handbacks * 1000 + l.weeks,
        (l) => l.handbacks > 0,
      );
      break;
    case 'fewest-good-days':
      life = best(
        (l) => -l.wellbeingSum / l.weeks,
        (l) => l.weeks >= 13,
      );
      break;
    case 'stayed-longest':
      life = best((l) => l.weeks);
      break;
    case 'left-soonest':
      life = best(
        (l) => -l.weeks,
        (l) => l.ended && l.from > 0,
      );
      break;
    case 'exited':
      life = best(
        (l) => -l.to,
        (l) => l.ended,
      );
      break;
    case 'largest':
      life = best((l) => l.size);
      break;
    case 'most-hand-backs':
      life = best(
        (l) => l.handbacks,
        (l) => l.handbacks > 0,
      );
      break;
  }
  return life ? { life, fellBack: false } : { life: random(), fellBack: true };
}

// --- pass 2: one agent's weeks -------------------------------------------------------------------------------------

/** What is recorded each week of the life followed (a row per week; absent fields do not apply). */
export type StoryRow = Record<string, number>;

function recorder(
  who: StoryWho,
  life: Life,
): RunObserver & { rows: Map<number, StoryRow>; carerIds: Map<number, number> } {
  const rows = new Map<number, StoryRow>();
  // a carer's identity: their slot and the week they were hired into it (a slot is reused by someone new)
  const carerIds = new Map<number, number>();
  let nextCarer = 0;
  const carerKey = new Map<string, number>();
  // the provider the person had last (to tell a hand-back from a closure)
  let lastP = -1;
  return {
    rows,
    carerIds,
    week(s: State, week: number) {
      if (week < life.from || week > life.to + 1) return;
      const pr = s.providers;
      if (who === 'person') {
        const pe = s.people;
        const i = life.slot;
        const p = pe.provider[i];
        const rw = pe.regularWorker[i];
        let carer = -1;
        if (rw >= 0 && pe.status[i] === SUPPORTED) {
          const key = `${rw}|${week - s.workers.tenureWeeks[rw]}|${s.workers.employer[rw]}`;
          carer = carerKey.get(key) ?? -1;
          if (carer < 0) {
            carer = nextCarer++;
            carerKey.set(key, carer);
          }
        }
        const q = lastP;
        if (p >= 0) lastP = p;
        rows.set(week, {
          lastProvider: q,
          lastProviderActive: q >= 0 ? pr.active[q] : 0,
          lastDelivery: q >= 0 ? pr.deliveryRatio[q] : NaN,
          lastMargin: q >= 0 ? pr.margin[q] : NaN,
          lastReserves: q >= 0 ? pr.reserves[q] : NaN,
          status: pe.status[i],
          baseNeed: pe.baseNeed[i],
          provider: p,
          providerKind: p >= 0 ? pr.kind[p] : -1,
          providerActive: p >= 0 ? pr.active[p] : 0,
          carer,
          carerOff: rw >= 0 && s.workers.sickWeeks[rw] > 0 ? 1 : 0,
          need: pe.needHours[i],
          delivered: pe.delivered[i],
          wellbeing: pe.wellbeing[i],
          continuity: pe.continuity[i],
          weeksWaiting: pe.weeksWaiting[i],
          fromHospital: pe.fromHospital[i],
          hospitalWeeks: pe.hospitalWeeks[i],
        });
      } else if (who === 'worker') {
        const w = s.workers;
        const i = life.slot;
        const p = w.employer[i];
        rows.set(week, {
          employer: p,
          employerKind: p >= 0 ? pr.kind[p] : -1,
          employerActive: p >= 0 ? pr.active[p] : 0,
          tenure: w.tenureWeeks[i],
          morale: w.morale[i],
          fatigue: w.fatigue[i],
          sick: w.sickWeeks[i],
          zeroHours: w.zeroHours[i],
          payRatio: p >= 0 ? payRatio(s, p) : NaN,
          clients: p >= 0 ? pr.clients[p] : 0,
        });
      } else {
        const p = life.slot;
        rows.set(week, {
          active: pr.active[p],
          kind: pr.kind[p],
          workers: pr.workers[p],
          clients: pr.clients[p],
          fee: pr.fee[p],
          wage: pr.wage[p],
          payRatio: pr.active[p] ? payRatio(s, p) : NaN,
          margin: pr.margin[p],
          reserves: pr.reserves[p],
          weeklyCost: pr.cost[p],
          lossWeeks: pr.lossWeeks[p],
          deliveryRatio: pr.deliveryRatio[p],
          trust: pr.trustInCommissioner[p],
          quality: pr.quality[p],
          leaversYear: pr.leaversYear[p],
        });
      }
    },
  };
}

// --- telling --------------------------------------------------------------------------------------------------------

const goodDays = (wb: number): number => Math.round(wb * 7);
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const pct1 = (x: number): string => `${x < 0 ? '−' : ''}${Math.abs(Math.round(x * 1000) / 10).toFixed(1)}%`;
const money = (x: number): string => `£${x.toFixed(2)}`;
const ordinal = (n: number): string => {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return n + (s[(v - 20) % 10] || s[v] || s[0]);
};

function tellPerson(name: string, rows: Map<number, StoryRow>, from: number, to: number): StorySentence[] {
  const out: StorySentence[] = [];
  const say = (week: number, text: string, facts: Record<string, number | string>): void =>
    void out.push({ week, text, facts });
  let prev: StoryRow | undefined;
  let lastGood = -1;
  let lastSummary = -100;
  let waitStart = -1;
  const carersSeen = new Set<number>();
  const newCarerWeeks: number[] = [];
  for (let t = from; t <= to + 1; t++) {
    const r = rows.get(t);
    if (!r) continue;
    const where = r.providerKind >= 0 ? `a ${KIND[r.providerKind]} provider` : 'no provider';
    if (!prev) {
      if (r.status === WAITING)
        say(
          t,
          `Week ${t}: ${name} is assessed as needing ${r.need.toFixed(1)} hours of care a week, and waits for a provider.`,
          { status: r.status, need: r.need },
        );
      else if (r.status === SUPPORTED)
        say(
          t,
          `Week ${t}: ${name} gets care from ${where}: ${r.need.toFixed(1)} hours a week needed, ${r.delivered.toFixed(1)} delivered; ${goodDays(r.wellbeing)} good days a week.`,
          {
            status: r.status,
            need: r.need,
            delivered: r.delivered,
            goodDays: goodDays(r.wellbeing),
            providerKind: r.providerKind,
          },
        );
      else if (r.status === HOSPITAL) say(t, `Week ${t}: ${name} is in hospital.`, { status: r.status });
      lastGood = goodDays(r.wellbeing);
      lastSummary = t;
      if (r.status === WAITING) waitStart = t - r.weeksWaiting;
      if (r.carer >= 0) carersSeen.add(r.carer);
      prev = r;
      continue;
    }
    if (r.status === EMPTY || r.baseNeed !== prev.baseNeed) {
      say(
        t,
        `Week ${t}: ${name}'s long-term care ends (recovery, a move, other support or death; the model does not say which).`,
        { status: r.status },
      );
      break;
    }
    if (r.status === SUPPORTED && prev.status === WAITING)
      say(
        t,
        `Week ${t}: after ${t - waitStart} week${t - waitStart === 1 ? '' : 's'} waiting, ${name}'s care starts with ${where}.`,
        { status: r.status, waited: t - waitStart, providerKind: r.providerKind },
      );
    else if (r.status === WAITING && prev.status === SUPPORTED) {
      // the provider last week: still active means a hand-back; gone means it closed
      if (r.lastProviderActive)
        say(
          t,
          `Week ${t}: ${name}'s provider handed the package back: it could staff only ${pct(r.lastDelivery)} of the hours it had promised` +
            `${r.lastReserves < 0 ? ' and its reserves had run out' : r.lastMargin < 0 ? ` and was losing money (margin ${pct1(r.lastMargin)})` : ' at the fee paid'}. ${name} is waiting again.`,
          {
            status: r.status,
            lastProvider: r.lastProvider,
            lastProviderActive: 1,
            lastDelivery: r.lastDelivery,
            lastMargin: r.lastMargin,
          },
        );
      else
        say(
          t,
          `Week ${t}: ${name}'s provider closed, and no other provider had room to take the package: ${name} is waiting again.`,
          {
            status: r.status,
            lastProvider: r.lastProvider,
            lastProviderActive: 0,
          },
        );
    } else if (r.status === HOSPITAL && prev.status !== HOSPITAL)
      say(t, `Week ${t}: ${name} is admitted to hospital.`, { status: r.status, goodDays: goodDays(prev.wellbeing) });
    else if (prev.status === HOSPITAL && r.status === SUPPORTED)
      say(t, `Week ${t}: ${name} is home from hospital; care resumes with ${where}.`, { status: r.status });
    else if (prev.status === HOSPITAL && r.status === WAITING)
      say(
        t,
        `Week ${t}: ${name} is ready to leave hospital, but ${name.startsWith('Mr ') ? 'his' : 'her'} provider has gone: waiting in hospital for care at home.`,
        { status: r.status, fromHospital: r.fromHospital },
      );
    else if (r.status === SUPPORTED && prev.status === SUPPORTED && r.provider !== prev.provider)
      say(
        t,
        `Week ${t}: ${name}'s provider closed; the package moved to ${where}${r.carer >= 0 && r.carer === prev.carer ? ', and the same carer came with it' : ''}.`,
        { provider: r.provider, lastProvider: r.lastProvider, lastProviderActive: r.lastProviderActive },
      );
    if (r.status === SUPPORTED && r.carer >= 0 && r.carer === prev.carer && r.carerOff && !prev.carerOff)
      say(t, `Week ${t}: ${name}'s regular carer is off sick; other workers cover the visits.`, { carerOff: 1 });
    if (r.status === SUPPORTED && r.carer >= 0 && r.carer !== prev.carer && !carersSeen.has(r.carer)) {
      carersSeen.add(r.carer);
      newCarerWeeks.push(t);
      const month = newCarerWeeks.filter((w) => w > t - 4).length;
      const nth = carersSeen.size;
      if (nth > 1)
        say(
          t,
          `Week ${t}: a new regular carer for ${name}, the ${ordinal(nth)} since week ${from}${month > 1 ? ` (${month} this month)` : ''}.`,
          { carers: nth, thisMonth: month },
        );
    }
    const g = goodDays(r.wellbeing);
    if (Math.abs(g - lastGood) >= 1 && r.status !== HOSPITAL) {
      say(t, `Week ${t}: ${name}'s good days ${g < lastGood ? 'fell' : 'rose'} to ${g} a week.`, {
        goodDays: g,
        wellbeing: r.wellbeing,
      });
      lastGood = g;
    }
    if (r.status === SUPPORTED && t - lastSummary >= 26) {
      say(
        t,
        `Week ${t}: ${name} gets ${r.delivered.toFixed(1)} of ${r.need.toFixed(1)} hours a week (${pct(r.need > 0 ? r.delivered / r.need : 1)}); ${pct(r.continuity)} of visits by a familiar carer.`,
        { delivered: r.delivered, need: r.need, continuity: r.continuity },
      );
      lastSummary = t;
    }
    if (r.status === WAITING && prev.status !== WAITING) waitStart = t;
    prev = r;
  }
  return out;
}

/** Parameters of the quit hazard (workforce.ts, 7.10) a worker's story names the pulls of. */
interface QuitParams {
  quitWage: number;
  quitMorale: number;
  quitFatigue: number;
  firstYear: number;
  zeroAdd: number;
  base: number;
}

/**
 * The two largest factors that raised a worker's quit hazard above the base rate (W1, W2, W6, W7, W3), from last
 * week's pay, tenure and contract (`prev`) and the morale and fatigue at leaving (`at`); factors at or below 1 do not
 * pull.
 */
function quitPulls(prev: StoryRow, at: { morale: number; fatigue: number }, s: QuitParams): string {
  const reasons: [number, string][] = [
    [Math.exp(-s.quitWage * (prev.payRatio - 1)), `pay per hour worked ${pct(prev.payRatio)} of other local work`],
    [
      Math.exp(-s.quitMorale * (at.morale - 0.5)),
      `${at.morale < 0.35 ? 'low' : 'middling'} morale (${at.morale.toFixed(2)})`,
    ],
    [1 + s.quitFatigue * at.fatigue, `fatigue from overtime (${at.fatigue.toFixed(2)})`],
    [prev.tenure < 52 ? 1 + s.firstYear : 1, 'a first year in care, when most leave'],
  ];
  if (prev.zeroHours) reasons.push([1 + s.zeroAdd / Math.max(1e-9, s.base), 'a zero-hours contract']);
  const pulls = reasons.filter((r) => r[0] > 1.05).sort((a, b) => b[0] - a[0]);
  return pulls.length
    ? `what pulled hardest: ${pulls
        .slice(0, 2)
        .map((x) => x[1])
        .join('; ')}`
    : 'nothing pulled harder than ordinary turnover';
}

function tellWorker(
  name: string,
  rows: Map<number, StoryRow>,
  from: number,
  to: number,
  ended: boolean,
  s: QuitParams,
): StorySentence[] {
  const out: StorySentence[] = [];
  const say = (week: number, text: string, facts: Record<string, number | string>): void =>
    void out.push({ week, text, facts });
  let prev: StoryRow | undefined;
  let lastMoraleBand = '';
  for (let t = from; t <= to + 1; t++) {
    const r = rows.get(t);
    if (!r) continue;
    const band = r.employer < 0 ? '' : r.morale < 0.35 ? 'low' : r.morale > 0.65 ? 'good' : 'middling';
    if (!prev) {
      say(
        t,
        r.tenure === 0
          ? `Week ${t}: ${name} starts as a care worker with a ${KIND[r.employerKind]} provider, on ${r.zeroHours ? 'a zero-hours' : 'a guaranteed-hours'} contract; pay per hour worked is ${pct(r.payRatio)} of other local work.`
          : `Week ${t}: ${name} has worked ${Math.floor(r.tenure / 52) > 0 ? `${Math.floor(r.tenure / 52)} year${Math.floor(r.tenure / 52) === 1 ? '' : 's'}` : `${r.tenure} weeks`} for a ${KIND[r.employerKind]} provider, on ${r.zeroHours ? 'a zero-hours' : 'a guaranteed-hours'} contract; pay per hour worked is ${pct(r.payRatio)} of other local work.`,
        { tenure: r.tenure, employerKind: r.employerKind, zeroHours: r.zeroHours, payRatio: r.payRatio },
      );
      lastMoraleBand = band;
      prev = r;
      continue;
    }
    if (r.employer < 0 || (ended && t === to + 1)) {
      // why: the largest of the factors of the quit hazard, from the morale and fatigue at quitting (last week's when
      // the slot was taken by a new recruit the same week) and last week's pay and tenure
      const at = r.employer < 0 ? r : prev;
      const reasons = quitPulls(prev, { morale: at.morale, fatigue: at.fatigue }, s);
      say(
        t,
        `Week ${t}: ${name} leaves care work${prev.sick ? ' while off sick' : ''} — ${reasons}.`,
        r.employer < 0
          ? { employer: -1, morale: r.morale, fatigue: r.fatigue, tenureBefore: prev.tenure, payBefore: prev.payRatio }
          : { tenureBefore: prev.tenure, payBefore: prev.payRatio, moraleBefore: prev.morale },
      );
      break;
    }
    if (r.employer !== prev.employer) {
      if (r.tenure === 0)
        say(
          t,
          `Week ${t}: ${name} leaves for a ${KIND[r.employerKind]} provider (another care employer) and starts again — ${quitPulls(prev, { morale: r.morale, fatigue: prev.fatigue }, s)}.`,
          { employer: r.employer, tenure: r.tenure, employerKind: r.employerKind },
        );
      else
        say(
          t,
          `Week ${t}: ${name}'s employer closed; ${name} transferred with the people ${name} visits to a ${KIND[r.employerKind]} provider (TUPE).`,
          { employer: r.employer, employerKind: r.employerKind },
        );
    }
    if (r.sick > 0 && !prev.sick)
      say(t, `Week ${t}: ${name} is off sick${r.fatigue > 0.3 ? ', worn out' : ''}.`, {
        sick: r.sick,
        fatigue: r.fatigue,
      });
    if (prev.zeroHours && !r.zeroHours)
      say(t, `Week ${t}: ${name} is moved onto a guaranteed-hours contract.`, { zeroHours: 0 });
    if (band !== lastMoraleBand && band) {
      say(
        t,
        `Week ${t}: ${name}'s morale is ${band} (${r.morale.toFixed(2)})${band === 'low' ? `; pay per hour worked ${pct(r.payRatio)} of other local work` : ''}.`,
        { morale: r.morale, payRatio: r.payRatio },
      );
      lastMoraleBand = band;
    }
    if (t === to && !rows.get(t + 1))
      say(
        t,
        `Week ${t}: ${name} is still in care work, ${r.tenure >= 52 ? `${Math.floor(r.tenure / 52)} year${r.tenure >= 104 ? 's' : ''}` : `${r.tenure} weeks`} with this employer.`,
        { tenure: r.tenure },
      );
    prev = r;
  }
  return out;
}

function tellProvider(name: string, rows: Map<number, StoryRow>, from: number, to: number): StorySentence[] {
  const out: StorySentence[] = [];
  const say = (week: number, text: string, facts: Record<string, number | string>): void =>
    void out.push({ week, text, facts });
  let prev: StoryRow | undefined;
  let lastNote = -100;
  for (let t = from; t <= to + 1; t++) {
    const r = rows.get(t);
    if (!r) continue;
    if (!prev) {
      say(
        t,
        `Week ${t}: ${name} employs ${Math.round(r.workers)} care workers and supports ${Math.round(r.clients)} people at ${money(r.fee)} an hour; its margin is ${pct1(r.margin)}.`,
        { workers: r.workers, clients: r.clients, fee: r.fee, margin: r.margin },
      );
      prev = r;
      lastNote = t;
      continue;
    }
    if (!r.active) {
      const why =
        prev.reserves < 0
          ? 'its reserves ran out'
          : prev.lossWeeks > 26
            ? 'it had lost money for more than six months'
            : 'its owners closed it';
      say(t, `Week ${t}: ${name} closes: ${why}. Its people and staff are transferred where others have room.`, {
        active: 0,
        reserves: prev.reserves,
        lossWeeks: prev.lossWeeks,
      });
      break;
    }
    const feeChange = r.fee / prev.fee - 1;
    if (Math.abs(feeChange) > 0.005)
      say(
        t,
        `Week ${t}: the fee ${name} is paid ${feeChange > 0 ? 'rises' : 'falls'} ${pct(Math.abs(feeChange))} to ${money(r.fee)} an hour.`,
        { fee: r.fee, feeChange },
      );
    if (r.margin < -0.005 && prev.margin >= -0.005)
      say(t, `Week ${t}: ${name} starts losing money (margin ${pct1(r.margin)}).`, { margin: r.margin });
    else if (r.margin > 0.005 && prev.margin <= 0.005)
      say(t, `Week ${t}: ${name} is back in profit (margin ${pct1(r.margin)}).`, { margin: r.margin });
    if (r.deliveryRatio < 0.95 && prev.deliveryRatio >= 0.95)
      say(t, `Week ${t}: ${name} is short of staff: it delivers ${pct(r.deliveryRatio)} of the hours it promised.`, {
        deliveryRatio: r.deliveryRatio,
        workers: r.workers,
      });
    if (r.clients < prev.clients - 0.5 && r.deliveryRatio < 0.92 && r.margin < 0.01)
      say(
        t,
        `Week ${t}: ${name} hands back packages it cannot staff (${Math.round(prev.clients - r.clients)} fewer people).`,
        { clients: r.clients, deliveryRatio: r.deliveryRatio, margin: r.margin },
      );
    if (r.trust < 0.35 && prev.trust >= 0.35)
      say(t, `Week ${t}: ${name} has lost trust in the council (${r.trust.toFixed(2)}).`, { trust: r.trust });
    if (t - lastNote >= 52) {
      say(
        t,
        `Week ${t}: ${name} has ${Math.round(r.workers)} care workers and ${Math.round(r.clients)} people; pay per hour worked ${pct(r.payRatio)} of other local work; quality ${r.quality.toFixed(2)}.`,
        { workers: r.workers, clients: r.clients, payRatio: r.payRatio, quality: r.quality },
      );
      lastNote = t;
    }
    prev = r;
  }
  return out;
}

/** Follows one agent through a run of `config` with `seed`, picked as asked, and tells its story. */
export function tellStory(config: RunConfig, seed: number, opts: StoryOptions): Story {
  const who = opts.who;
  const pick = opts.pick ?? 'random';
  if (!STORY_PICKS[who]?.some((p) => p.id === pick))
    throw new Error(
      `a ${who} cannot be picked by '${pick}'; choose one of: ${STORY_PICKS[who].map((p) => p.id).join(', ')}`,
    );
  const watch = lifeWatcher(who);
  simulateObserved(config, seed, 0, { log: false }, watch);
  if (watch.lives.length === 0) throw new Error(`no ${who} to follow in this run`);
  const { life, fellBack } = choose(watch.lives, who, pick, opts.pickSeed ?? seed);
  const rec = recorder(who, life);
  simulateObserved(config, seed, 0, { log: false }, rec);
  const P = config.params;
  const h = hash32(`${seed}|${life.slot}|${life.from}`);
  let name: string;
  let sentences: StorySentence[];
  const kind = rec.rows.get(life.from)?.[
    who === 'provider' ? 'kind' : who === 'worker' ? 'employerKind' : 'providerKind'
  ];
  if (who === 'person') {
    name = PERSON_NAMES[h % PERSON_NAMES.length];
    sentences = tellPerson(name, rec.rows, life.from, life.to);
  } else if (who === 'worker') {
    name = WORKER_NAMES[h % WORKER_NAMES.length];
    void tenureMultipliers;
    sentences = tellWorker(name, rec.rows, life.from, life.to, life.ended, {
      quitWage: P.quit_wage_sensitivity,
      quitMorale: P.quit_morale_sensitivity,
      quitFatigue: P.quit_fatigue_sensitivity,
      firstYear: P.quit_first_year_multiplier,
      zeroAdd: P.quit_zero_hours_add,
      base: P.quit_base_rate,
    });
  } else {
    name = life.slot === 0 ? 'the council’s in-house service' : `a ${KIND[kind ?? 0]} provider (no. ${life.slot})`;
    sentences = tellProvider(name.charAt(0).toUpperCase() + name.slice(1), rec.rows, life.from, life.to);
  }
  const label = STORY_PICKS[who].find((p) => p.id === pick)!.label;
  return {
    who,
    pick,
    slot: life.slot,
    name,
    title: `${name.charAt(0).toUpperCase() + name.slice(1)}: ${fellBack ? `no one fitted “${label}”, so someone at random` : label}, weeks ${life.from}–${life.to}`,
    from: life.from,
    to: life.to,
    sentences,
    fellBack,
  };
}

/** One story of each: a person, a care worker and a provider, from the same run. */
export function tellStories(
  config: RunConfig,
  seed: number,
  picks: Partial<Record<StoryWho, StoryPick>> = {},
): Record<StoryWho, Story> {
  return {
    person: tellStory(config, seed, { who: 'person', pick: picks.person }),
    worker: tellStory(config, seed, { who: 'worker', pick: picks.worker }),
    provider: tellStory(config, seed, { who: 'provider', pick: picks.provider }),
  };
}

/** Re-runs the life followed by a story and returns its recorded rows by week (for checking a story). */
export function storyRows(
  config: RunConfig,
  seed: number,
  story: Pick<Story, 'who' | 'slot' | 'from' | 'to'>,
): Map<number, StoryRow> {
  const rec = recorder(story.who, { ...newLife(story.slot, story.from), to: story.to });
  simulateObserved(config, seed, 0, { log: false }, rec);
  return rec.rows;
}
