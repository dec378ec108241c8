/** commsim list: approaches, interventions, places, scenarios, metrics and outcome events, one line each. */
import type { Command } from '../command.ts';
import { METRICS, OUTCOME_EVENTS, listApproaches, listInterventions, listPlaces, listScenarios } from '../../node.ts';
import { library } from '../common.ts';
import { COMMON } from '../options.ts';
import { writeOut } from '../terminal.ts';

export const list: Command = {
  name: 'list',
  help: `Usage: commsim list [--library DIR]

Lists approaches, process interventions, places, shipped scenarios, metrics and events, one line each.`,
  options: COMMON,
  run: (_args, o) => {
    const lib = library(o);
    const section = (title: string, rows: [string, string][]): string => {
      const w = Math.max(0, ...rows.map((r) => r[0].length));
      return `${title}\n${rows.length ? rows.map(([a, b]) => `  ${a.padEnd(w)}  ${b}`).join('\n') : '  (none)'}\n`;
    };
    writeOut(
      [
        section(
          'Approaches',
          listApproaches(lib).map((a) => [a.id, `${a.name}: ${a.defines}`]),
        ),
        section(
          'Interventions',
          listInterventions(lib).map((i) => [i.id, i.name]),
        ),
        section(
          'Places',
          listPlaces(lib).map((p) => [
            p.id,
            `${p.name} (${p.config.people} people, ${p.config.workers} workers, ${p.config.providers} providers)`,
          ]),
        ),
        section(
          'Scenarios',
          listScenarios(lib).map((s) => [s.id, s.title]),
        ),
        section(
          'Metrics',
          METRICS.map((m) => [m.id, `${m.meaning} [${m.unit}]`]),
        ),
        section(
          'Outcome events (probabilities reported by run)',
          OUTCOME_EVENTS.map((e) => [e.id, e.label]),
        ),
      ].join('\n'),
    );
    return 0;
  },
};
