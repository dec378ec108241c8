/**
 * A status-quo RunConfig built from the tables alone (no YAML): used by tests, benchmarks and as the
 * fallback place. The scenario library's midshire-status-quo resolves to the same numbers.
 */
import type { PlaceConfig, RunConfig } from '../types.ts';
import { defaultLevers } from './levers.ts';
import { defaultInitial } from './initial-conditions.ts';
import { defaultParams } from './parameters.ts';

export const MIDSHIRE: PlaceConfig = {
  name: 'Midshire',
  people: 1500,
  workers: 1200,
  providers: 40,
  communityOrgs: 12,
  needGroupShares: [0.7, 0.15, 0.15],
};

/** A small place (8 providers) for tests and tools where a market with little room matters. */
export const SMALL_PLACE: PlaceConfig = {
  name: 'Smallshire',
  people: 300,
  workers: 240,
  providers: 8,
  communityOrgs: 3,
  needGroupShares: [0.7, 0.15, 0.15],
};

export const COUNTY: PlaceConfig = {
  name: 'County',
  people: 10000,
  workers: 8000,
  providers: 250,
  communityOrgs: 60,
  needGroupShares: [0.7, 0.15, 0.15],
};

export function statusQuoConfig(place: PlaceConfig = MIDSHIRE, years = 5): RunConfig {
  return {
    scenarioId: `${place.name.toLowerCase()}-defaults`,
    title: `${place.name}, status quo (built-in defaults)`,
    weeks: Math.round(years * 52),
    historyWeeks: 0,
    place,
    initial: defaultInitial(),
    params: defaultParams(),
    phases: [
      { startWeek: 0, label: 'Status quo', blend: { 'time-and-task': 0.6, framework: 0.4 }, levers: defaultLevers() },
    ],
    events: [],
  };
}
