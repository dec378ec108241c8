/**
 * Runs that failed: each is listed on standard error as it happens (up to MAX_LISTED, then a count), and a command
 * with any failed run exits with FAILED_RUNS_EXIT (3) after writing the results of the others, so a script or a
 * scheduler never takes a partial result for a whole one.
 */
import { writeErr } from './terminal.ts';

/** The exit code of a command whose output is written but some of whose runs failed. */
export const FAILED_RUNS_EXIT = 3;
export const MAX_LISTED = 20;

export class FailedRuns {
  count = 0;

  /** lists one failed run (its identity and error) */
  add(what: string): void {
    this.count++;
    if (this.count <= MAX_LISTED) writeErr(`run failed: ${what}\n`);
  }

  /** the closing line and the exit code: 0 when every run completed */
  finish(): number {
    if (this.count === 0) return 0;
    const more = this.count > MAX_LISTED ? ` (the first ${MAX_LISTED} are listed above)` : ' (listed above)';
    writeErr(`${this.count} run(s) failed${more}; the results cover the others. Exit code ${FAILED_RUNS_EXIT}.\n`);
    return FAILED_RUNS_EXIT;
  }
}
