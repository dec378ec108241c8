/** The header's run status never claims more than was done (issue 19: "All 100 runs … done" over 99). */
import { describe, expect, it } from 'vitest';
import { finishedText } from '../../ui/src/shell/RunStatus.tsx';

describe('the run status once runs have stopped', () => {
  it('says all runs are done only when none failed', () => {
    expect(finishedText({ done: 100, total: 100, failed: 0 }, 25)).toBe('All 25 runs of each scenario done');
    const text = finishedText({ done: 100, total: 100, failed: 1 }, 25);
    expect(text).not.toMatch(/^All/);
    expect(text).toBe('99 of 100 runs done; 1 failed (the results cover the others)');
    expect(finishedText(null, 25)).toBe('Starting…');
  });
});
