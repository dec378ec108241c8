/** commsim validate FILE…: each scenario file checked against the format and the library. */
import { readFileSync } from 'node:fs';
import type { Command } from '../command.ts';
import { ScenarioError, validateScenario } from '../../node.ts';
import { library, unreadable } from '../common.ts';
import { UsageError } from '../errors.ts';
import { COMMON } from '../options.ts';
import { writeOut } from '../terminal.ts';

export const validate: Command = {
  name: 'validate',
  help: `Usage: commsim validate FILE… [--library DIR]

Checks each scenario file against the format and the library; prints 'FILE: ok' or each error with its line.
Exit code 0 if all are valid, 1 otherwise.`,
  options: COMMON,
  run: (args, o) => {
    if (args.length === 0)
      throw new UsageError(`commsim validate needs at least one file. See 'commsim validate --help'.`);
    const lib = library(o);
    let bad = 0;
    for (const file of args) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        bad++;
        writeOut(`${file}: cannot read: ${unreadable(e)}\n`);
        continue;
      }
      const issues = validateScenario(text, file, lib);
      if (issues.length === 0) writeOut(`${file}: ok\n`);
      else {
        bad++;
        writeOut(new ScenarioError(issues).message.split('\n').slice(1).join('\n') + '\n');
      }
    }
    return bad ? 1 : 0;
  },
};
