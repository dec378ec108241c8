/**
 * The schema's ranges applied to a resolved configuration: what the scenario loader accepts for each number,
 * checked again after a number was set by a path (a sweep's values, a stress test's uncertain inputs). The ranges
 * are the loader's own (RANGES, the lever, parameter and starting-condition tables, the event fields'), so a value
 * refused in a file is refused everywhere, with the same words.
 */
import { INITIAL_BY_ID } from '../model/initial-conditions.ts';
import { LEVER_BY_ID } from '../model/levers.ts';
import { PARAM_BY_ID } from '../model/parameters.ts';
import type { RunConfig } from '../types.ts';
import { EVENT_TYPES, RANGES, describeRange, type Range } from './schema.ts';

const WEEKS = 52;

/** config field of an event → the YAML field whose range it has */
const EVENT_FIELD_NAMES: Record<string, string> = { wageRise: 'wage_rise', needGroup: 'need_group' };

/**
 * Every number of `config` outside what the schema allows, as "path: value is outside …" (path in the path
 * language of sim/experiment/paths.ts); empty when all are valid.
 */
export function configRangeIssues(config: RunConfig): string[] {
  const out: string[] = [];
  const check = (path: string, v: unknown, r: Range): void => {
    if (typeof v !== 'number' || !Number.isFinite(v)) out.push(`${path}: ${String(v)} is not a finite number`);
    else if (v < r.min || v > r.max || (r.integer && !Number.isInteger(v)))
      out.push(`${path}: ${v} is out of range: it ${describeRange(r)}`);
  };
  check('weeks', config.weeks, {
    min: RANGES.years.min * WEEKS,
    max: RANGES.years.max * WEEKS,
    integer: true,
    unit: 'weeks',
  });
  check('historyWeeks', config.historyWeeks, {
    min: RANGES.history_years.min * WEEKS,
    max: RANGES.history_years.max * WEEKS,
    integer: true,
    unit: 'weeks',
  });
  check('place.people', config.place.people, RANGES.people);
  check('place.workers', config.place.workers, RANGES.workers);
  check('place.providers', config.place.providers, RANGES.providers);
  check('place.communityOrgs', config.place.communityOrgs, RANGES.community_orgs);
  config.place.needGroupShares.forEach((v, i) => check(`place.needGroupShares[${i}]`, v, RANGES.need_share));
  for (const [k, v] of Object.entries(config.params)) {
    const d = PARAM_BY_ID.get(k);
    if (d) check(`params.${k}`, v, { min: d.min, max: d.max });
  }
  for (const [k, v] of Object.entries(config.initial)) {
    const d = INITIAL_BY_ID.get(k);
    if (d) check(`initial.${k}`, v, { min: d.min, max: d.max });
  }
  config.phases.forEach((p, i) => {
    for (const [k, v] of Object.entries(p.levers)) {
      const d = LEVER_BY_ID.get(k);
      if (d) check(`phases[${i}].levers.${k}`, v, { min: d.min, max: d.max });
    }
  });
  config.events.forEach((e, i) => {
    const ev = e as unknown as Record<string, unknown>;
    check(`events[${i}].week`, e.week, {
      min: -config.historyWeeks,
      max: config.weeks - 1,
      integer: true,
      unit: 'weeks',
    });
    const fields = Object.hasOwn(EVENT_TYPES, e.type) ? EVENT_TYPES[e.type].fields : [];
    for (const [k, v] of Object.entries(ev)) {
      if (k === 'week' || typeof v !== 'number') continue;
      const f = fields.find((x) => x.name === (EVENT_FIELD_NAMES[k] ?? k));
      if (f?.range) check(`events[${i}].${k}`, v, f.range);
    }
    if (e.type === 'set_lever') {
      const d = LEVER_BY_ID.get(e.lever);
      if (d) check(`events[${i}].value`, e.value, { min: d.min, max: d.max });
    }
    if (e.type === 'set_param') {
      const d = PARAM_BY_ID.get(e.param);
      if (d) check(`events[${i}].value`, e.value, { min: d.min, max: d.max });
    }
  });
  return out;
}
