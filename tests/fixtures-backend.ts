/** Small RunConfigs built in code, for backend/experiment tests that must not depend on the scenario loader. */
import type { RunConfig } from '../sim/types.ts';
import { defaultLevers } from '../sim/model/levers.ts';
import { defaultInitial } from '../sim/model/initial-conditions.ts';
import { defaultParams } from '../sim/model/parameters.ts';

export function smallConfig(
  over: { scenarioId?: string; weeks?: number; levers?: Record<string, number> } = {},
): RunConfig {
  return {
    scenarioId: over.scenarioId ?? 'test-small',
    title: 'Small test place',
    weeks: over.weeks ?? 26,
    historyWeeks: 0,
    place: {
      name: 'Testshire',
      people: 120,
      workers: 60,
      providers: 6,
      communityOrgs: 4,
      needGroupShares: [0.6, 0.25, 0.15],
    },
    initial: defaultInitial(),
    params: defaultParams(),
    phases: [
      {
        startWeek: 0,
        label: 'status quo',
        blend: { 'status-quo': 1 },
        levers: { ...defaultLevers(), ...(over.levers ?? {}) },
      },
    ],
    events: [],
  };
}
