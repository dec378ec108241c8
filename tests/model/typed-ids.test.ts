/**
 * Ids as types: lever, parameter, initial-condition and metric ids are literal unions derived from their tables
 * (sim/types.ts, TableIds), so a misspelt id fails `npm run typecheck`. Each `@ts-expect-error` below is itself an
 * error if the line compiles, so the type check fails if the typing falls back to plain strings. Ids from users
 * stay strings until a guard has checked them. The relational levers are marked in the lever table.
 */
import { describe, expect, it } from 'vitest';
import type { InitialId, LeverId, MetricId, ParamId, SimEvent } from '../../sim/types.ts';
import { LEVERS, LEVER_BY_ID, LEVER_IDS, RELATIONAL_LEVERS, defaultLevers, isLeverId } from '../../sim/model/levers.ts';
import { PARAMETERS, PARAM_BY_ID, PARAM_IDS, isParamId } from '../../sim/model/parameters.ts';
import { INITIAL_BY_ID, INITIAL_CONDITIONS, INITIAL_IDS, isInitialId } from '../../sim/model/initial-conditions.ts';
import { METRICS, METRIC_BY_ID, METRIC_IDS, METRIC_INDEX, isMetricId } from '../../sim/model/metrics.ts';
import { statusQuoConfig } from '../../sim/model/defaults.ts';
import { createState } from '../../sim/model/setup.ts';
import { updateFidelity } from '../../sim/model/commissioner.ts';
import { meanCommissionerTrust, meanProviderTrust } from '../../sim/model/relationships.ts';
import { clamp01 } from '../../sim/model/trust.ts';
import { createRng } from '../../sim/core/random.ts';
import type { State } from '../../sim/model/state.ts';
import { config } from '../sim-helpers.ts';

/** The list of relational levers that lived in sim/model/commissioner.ts before the lever table marked them. */
const OLD_RELATIONAL_LEVERS = [
  'worker_autonomy',
  'learning_monitoring',
  'learning_loop',
  'collaboration_incentive',
  'coproduction',
  'prevention_focus',
  'monitoring_intensity',
] as const;

/** One table seen through plain strings, as a user's input sees it. */
interface TableView {
  rows: readonly { id: string }[];
  ids: readonly string[];
  byId: ReadonlyMap<string, unknown>;
  guard: (id: string) => boolean;
}

describe('ids are literal unions derived from the tables', () => {
  it('a misspelt lever, parameter, initial condition or metric does not compile', () => {
    const c = statusQuoConfig();
    const levers = c.phases[0].levers;
    // @ts-expect-error: 'worker_autonmy' is not a lever
    expect(levers.worker_autonmy).toBeUndefined();
    // @ts-expect-error: 'monitoring_cost_gpb' is not a parameter
    expect(c.params.monitoring_cost_gpb).toBeUndefined();
    // @ts-expect-error: 'budget_headrom' is not an initial condition
    expect(c.initial.budget_headrom).toBeUndefined();
    // @ts-expect-error: 'wellbeing_maen' is not a metric (a literal must be an id; a plain string may be looked up)
    expect(METRIC_INDEX.get('wellbeing_maen')).toBeUndefined();
    // @ts-expect-error: a lever change names a lever
    const ev: SimEvent = { week: 0, type: 'set_lever', lever: 'fee_levle', value: 1 };
    expect(ev.type).toBe('set_lever');
    // @ts-expect-error: an override names a lever
    expect(config({ levers: { fee_levle: 1 } }).phases[0].levers.fee_level).toBe(1);

    // spelt right, the same reads compile, and a lookup by a known id needs no `!`
    expect(levers.worker_autonomy).toBe(LEVER_BY_ID.get('worker_autonomy').default);
    expect(c.params.monitoring_cost_gbp).toBe(PARAM_BY_ID.get('monitoring_cost_gbp').default);
    expect(c.initial.budget_headroom).toBe(INITIAL_BY_ID.get('budget_headroom').default);
    expect(METRIC_IDS[METRIC_INDEX.get('wellbeing_mean')]).toBe('wellbeing_mean');
  });

  it('each id type is a union of literals, not string', () => {
    const lever: string extends LeverId ? 'string' : 'literals' = 'literals';
    const param: string extends ParamId ? 'string' : 'literals' = 'literals';
    const initial: string extends InitialId ? 'string' : 'literals' = 'literals';
    const metric: string extends MetricId ? 'string' : 'literals' = 'literals';
    expect([lever, param, initial, metric]).toEqual(['literals', 'literals', 'literals', 'literals']);
  });

  it('the id lists, lookups and guards agree with the tables', () => {
    const tables: TableView[] = [
      { rows: LEVERS, ids: LEVER_IDS, byId: LEVER_BY_ID, guard: isLeverId },
      { rows: PARAMETERS, ids: PARAM_IDS, byId: PARAM_BY_ID, guard: isParamId },
      { rows: INITIAL_CONDITIONS, ids: INITIAL_IDS, byId: INITIAL_BY_ID, guard: isInitialId },
      { rows: METRICS, ids: METRIC_IDS, byId: METRIC_BY_ID, guard: isMetricId },
    ];
    for (const t of tables) {
      expect([...t.ids]).toEqual(t.rows.map((r) => r.id));
      expect(new Set(t.ids).size).toBe(t.ids.length);
      expect([...t.byId.keys()]).toEqual([...t.ids]);
      for (const r of t.rows) {
        expect(t.byId.get(r.id)).toBe(r);
        expect(t.guard(r.id)).toBe(true);
      }
      expect(t.guard('no_such_id')).toBe(false);
      expect(t.guard('')).toBe(false);
      expect(t.guard('toString')).toBe(false);
    }
    METRICS.forEach((m, i) => expect(METRIC_INDEX.get(m.id)).toBe(i));
  });

  it('ids from users stay strings: looked up unchecked, narrowed by a guard', () => {
    const fromYaml: string = ['fee_level', 'fee_levle'][0];
    expect(LEVER_BY_ID.get(fromYaml)?.label).toBe('Fee level');
    expect(LEVER_BY_ID.get(`${fromYaml}x`)).toBeUndefined();
    const levers = defaultLevers();
    if (!isLeverId(fromYaml)) throw new Error('fee_level is a lever');
    levers[fromYaml] = 1.2; // narrowed: indexes the typed record
    expect(levers.fee_level).toBe(1.2);
    expect(METRIC_IDS.indexOf('wellbeing_mean' as string)).toBe(METRIC_INDEX.get('wellbeing_mean'));
  });
});

describe('relational levers are marked in the lever table', () => {
  it('the levers marked relational are the seven of the list they replace', () => {
    expect(RELATIONAL_LEVERS).toEqual(LEVERS.filter((l) => l.relational).map((l) => l.id));
    expect([...RELATIONAL_LEVERS].sort()).toEqual([...OLD_RELATIONAL_LEVERS].sort());
  });

  it('fidelity in table order gives bit-identical levers and practice to the old order', () => {
    // Readiness above what the place has, and relational practice asked for beyond the status quo, so that
    // fidelity is below 1 and every branch of the relational adjustment runs, for a year of weeks.
    const c = config({
      levers: {
        worker_autonomy: 0.9,
        learning_monitoring: 0.8,
        learning_loop: 0.7,
        collaboration_incentive: 0.6,
        coproduction: 0.7,
        prevention_focus: 0.5,
        monitoring_intensity: 0.2,
        readiness_trust: 0.45,
        readiness_capability: 0.55,
      },
    });
    const now = createState(structuredClone(c), createRng(3), false);
    const old = createState(structuredClone(c), createRng(3), false);
    // the place is built from the status quo; the phase's levers come into force as updatePhase puts them
    Object.assign(now.levers, c.phases[0].levers);
    Object.assign(old.levers, c.phases[0].levers);
    const fidelities: number[] = [];
    for (let week = 0; week < 52; week++) {
      updateFidelity(now);
      oldUpdateFidelity(old);
      fidelities.push(now.fidelity);
      expect(Object.is(now.fidelity, old.fidelity)).toBe(true);
    }
    expect(Math.max(...fidelities)).toBeLessThan(1);
    expect(Math.min(...fidelities)).toBeGreaterThan(0);
    for (const k of LEVER_IDS) {
      expect(Object.is(now.effective[k], old.effective[k]), `effective ${k}`).toBe(true);
      expect(Object.is(now.practice[k], old.practice[k]), `practice ${k}`).toBe(true);
    }
    expect(Object.keys(now.practice)).toEqual(Object.keys(old.practice));
    expect(Object.is(now.stocks.learningCulture, old.stocks.learningCulture)).toBe(true);
    expect(Object.is(now.stocks.commissionerCapability, old.stocks.commissionerCapability)).toBe(true);
    expect(now.practice.worker_autonomy).toBeGreaterThan(LEVER_BY_ID.get('worker_autonomy').default);
  });
});

/** updateFidelity as it was before the lever table marked the relational levers: the oracle for the test above. */
function oldUpdateFidelity(s: State): void {
  const L = s.levers;
  const band = s.params.fidelity_band;
  const trust = meanProviderTrust(s);
  const gapTrust = Math.max(0, L.readiness_trust - trust);
  const gapCap = Math.max(0, L.readiness_capability - s.stocks.commissionerCapability);
  s.fidelity = clamp01(1 - gapTrust / band) * clamp01(1 - gapCap / band);
  for (const k in L) s.effective[k as LeverId] = L[k as LeverId];
  for (const k of OLD_RELATIONAL_LEVERS) {
    const def = LEVER_BY_ID.get(k);
    if (k === 'monitoring_intensity') {
      s.effective[k] = L[k] + (1 - s.fidelity) * Math.max(0, def.default - L[k]);
    } else {
      const base = Math.min(def.default, L[k]);
      const target = base + s.fidelity * (L[k] - base);
      const now = s.practice[k] ?? def.default;
      s.practice[k] = now + s.params.practice_change_rate * (target - now);
      s.effective[k] = s.practice[k];
    }
  }
  const cpTrust = meanCommissionerTrust(s);
  s.effective.monitoring_intensity = clamp01(
    s.effective.monitoring_intensity * (1 + s.params.monitoring_trust_response * (0.5 - cpTrust)) +
      0.2 * s.stocks.defensive,
  );
  const lc = s.stocks.learningCulture;
  s.stocks.learningCulture = clamp01(
    lc + 0.004 * (s.effective.learning_loop + s.effective.learning_monitoring) * (1 - lc) - 0.001 * lc,
  );
  const cap = s.stocks.commissionerCapability;
  s.stocks.commissionerCapability = clamp01(cap + 0.002 * s.effective.learning_loop * (1 - cap) - 0.0005 * (cap - 0.3));
}
