/**
 * commsim: the command-line front end. main dispatches to the commands (commands/, a file each), which reach the
 * simulation only through sim/node.ts. Every failure a user can cause (bad file, bad flag, bad scenario) ends
 * with a one-paragraph message and a non-zero exit code, never a stack trace.
 */
import type { Command } from './command.ts';
import { packageVersion } from './common.ts';
import { UsageError, reportError } from './errors.ts';
import { parseOptions } from './options.ts';
import { run } from './commands/run.ts';
import { compare } from './commands/compare.ts';
import { sweep } from './commands/sweep.ts';
import { validate } from './commands/validate.ts';
import { list } from './commands/list.ts';
import { merge } from './commands/merge.ts';
import { stress } from './commands/stress.ts';
import { sensitivity } from './commands/sensitivity.ts';
import { workshop } from './commands/workshop.ts';
import { writeOut } from './terminal.ts';

const COMMANDS: readonly Command[] = [run, compare, sweep, validate, list, merge, stress, sensitivity, workshop];

const HELP = `commsim: commissioning flight simulator

Usage: commsim <command> [options]

Commands:
  run FILE        run an ensemble of one scenario and summarise it
  compare A B…    compare scenarios with common random numbers (paired differences)
  sweep FILE      run ensembles over a grid of one or two parameters
  validate FILE…  check scenario files; prints each error, exit 1 if any
  list            approaches, interventions, places, scenarios, metrics and events
  merge SHARD…    combine shard files (written with --shard i/n) into one result
  stress SPEC     run a plan and alternatives across sampled futures; where it fails, how robust
  sensitivity SPEC  rank uncertain inputs by their effect on outcomes (Morris or Sobol)
  workshop        start a workshop host: facilitator and players in their browsers (Open Simulation)

FILE may be a path to a scenario YAML file or the id of a library scenario.
Run 'commsim <command> --help' for a command's options.`;

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      writeOut(HELP + '\n');
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      writeOut(packageVersion() + '\n');
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command)
      throw new UsageError(
        `unknown command '${name}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')}. See 'commsim --help'.`,
      );
    const { opts, args } = parseOptions(command.name, command.options, rest);
    if (opts.help) {
      writeOut(command.help + '\n');
      return 0;
    }
    return await command.run(args, opts);
  } catch (e) {
    return reportError(name, e);
  }
}
