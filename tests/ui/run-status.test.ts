/** The header's run status never claims more than was done (issue 19: "All 100 runs … done" over 99). */
import { describe, expect, it } from 'vitest';
import { finishedText } from '../../ui/src/shell/RunStatus.tsx';
import { addReason, failureReason } from '../../ui/src/runs/ensemble-runs.ts';

describe('the run status once runs have stopped', () => {
  it('says all runs are done only when none failed', () => {
    expect(finishedText({ done: 100, total: 100, failed: 0 }, 25)).toBe('All 25 runs of each scenario done');
    const text = finishedText({ done: 100, total: 100, failed: 1 }, 25);
    expect(text).not.toMatch(/^All/);
    expect(text).toBe('99 of 100 runs done; 1 failed (the results cover the others)');
    expect(finishedText(null, 25)).toBe('Starting…');
  });

  it('says why runs failed, in plain words', () => {
    const why = addReason(undefined, 'the worker stopped during the run');
    expect(finishedText({ done: 280, total: 280, failed: 1, why }, 35)).toBe(
      '279 of 280 runs done; 1 failed (the worker stopped; the results cover the others)',
    );
    expect(addReason(why, 'the worker stopped')).toBe('the worker stopped');
    expect(addReason(why, 'Cannot read properties of undefined')).toBe('for several reasons');
    expect(
      failureReason(
        'the worker stopped answering: no result after 12 s where runs like it took about 0.2 s; it was replaced',
      ),
    ).toBe('the worker stopped answering');
    expect(failureReason('the run took longer than its time budget (120 s) and was stopped')).toBe(
      'a run took too long and was stopped',
    );
    expect(failureReason('Cannot read properties of undefined')).toBe('the model stopped with an error');
  });
});
