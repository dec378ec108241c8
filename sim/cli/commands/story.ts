/**
 * commsim story SCENARIO --who person|worker|provider: one agent followed through a run week by week, in plain
 * sentences from its own recorded state (sim/analysis/stories.ts).
 */
import type { Command } from '../command.ts';
import { STORY_PICKS, runSeed, tellStory, type StoryPick, type StoryWho } from '../../node.ts';
import { COMMON, OUTPUT, yearsOpt } from '../options.ts';
import { csvTable, emit, formatOpt, json } from '../output.ts';
import { UsageError } from '../errors.ts';
import { loadConfig, withYears } from '../run-experiment.ts';

const WHO = Object.keys(STORY_PICKS) as StoryWho[];

export const story: Command = {
  name: 'story',
  help: `Usage: commsim story SCENARIO --who person|worker|provider [options]

Follows one person who draws on care, one care worker or one provider through one run of a scenario, week by
week, and tells what happened in plain sentences from the agent's own recorded state: who visited, how many
carers, good days, why a package was handed back, why a worker left, why a provider closed.

Options:
  --who W           person, worker or provider (required)
  --pick P          how to choose them (default random):
${WHO.map((w) => `                      ${w}: ${STORY_PICKS[w].map((p) => p.id).join(', ')}`).join('\n')}
  --run R           which run of the scenario (default 0; run R uses the seed of replicate R)
  --seed S          experiment seed (default 1)
  --years Y         horizon in years (default: the scenario's)
  --format F        table (default: the sentences), json or csv
  --out PATH        write to PATH instead of standard output
  --library DIR     scenario library folder (default: the shipped scenarios/)`,
  options: {
    ...COMMON,
    ...OUTPUT,
    who: { type: 'string' },
    pick: { type: 'string' },
    run: { type: 'string' },
    seed: { type: 'string' },
    years: { type: 'string' },
  },
  run: (args, o) => {
    if (args.length !== 1)
      throw new UsageError(
        `commsim story takes one scenario (a file or a library id), got ${args.length}. See 'commsim story --help'.`,
      );
    const who = o.who as string | undefined;
    if (!who || !WHO.includes(who as StoryWho))
      throw new UsageError(`--who must be ${WHO.join(', ')}${who ? `, got '${who}'` : ''}.`);
    const picks = STORY_PICKS[who as StoryWho];
    const pick = String(o.pick ?? 'random');
    if (!picks.some((p) => p.id === pick))
      throw new UsageError(`--pick for a ${who} must be one of ${picks.map((p) => p.id).join(', ')}; got '${pick}'.`);
    const runText = String(o.run ?? '0');
    const run = Number(runText);
    if (!Number.isInteger(run) || run < 0 || run > 1_000_000)
      throw new UsageError(`--run must be a whole number from 0, got '${runText}'.`);
    const format = formatOpt(o, 'table');
    const config = withYears(loadConfig(args[0], o), yearsOpt(o));
    const seed = runSeed(String(o.seed ?? '1'), config.scenarioId, run);
    const s = tellStory(config, seed, { who: who as StoryWho, pick: pick as StoryPick });
    if (format === 'json') emit(json({ scenario: config.scenarioId, run, seed, story: s }), o);
    else if (format === 'csv')
      emit(csvTable({ columns: ['week', 'text'], rows: s.sentences.map((x) => [x.week, x.text]) }), o);
    else
      emit(
        `${s.title}\n${config.title}, run ${run} (seed ${seed}). Plausible dynamics, not a forecast.\n\n` +
          s.sentences.map((x) => x.text).join('\n') +
          '\n',
        o,
      );
    return 0;
  },
};
