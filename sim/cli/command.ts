/** A commsim command: its name, help, options, and what it does. main.ts dispatches to one per file in commands/. */
import type { OptionTable, Opts } from './options.ts';

export interface Command {
  name: string;
  /** printed by `commsim NAME --help` */
  help: string;
  options: OptionTable;
  /** runs with the parsed options and positional arguments; resolves to the exit code */
  run(args: string[], o: Opts): Promise<number> | number;
}
