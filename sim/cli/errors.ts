/**
 * Errors that reach the user of the command line: their own mistakes (UsageError, with its exit code), scenario
 * and spec errors with file, line and field, and anything else in one paragraph, never a stack trace.
 */
import { ScenarioError } from '../node.ts';
import { writeErr } from './terminal.ts';

/** An error meant for the user: printed as is, exit code attached. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * What the user sees when a command fails, and the exit code: their mistakes as they are, scenario errors with
 * file, line and field, anything else in one paragraph with no stack (COMMSIM_DEBUG=1 shows it).
 */
export function reportError(command: string | undefined, e: unknown): number {
  if (e instanceof UsageError) {
    writeErr(`commsim: ${e.message}\n`);
    return e.exitCode;
  }
  if (e instanceof ScenarioError) {
    writeErr(`${e.message}\n`);
    return 1;
  }
  const msg = e instanceof Error ? e.message : String(e);
  writeErr(`commsim: ${command ?? ''} failed: ${msg}\n`);
  if (process.env.COMMSIM_DEBUG && e instanceof Error && e.stack) writeErr(e.stack + '\n');
  return 1;
}
