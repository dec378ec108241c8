import type { Progress } from '../runs/ensemble-runs.ts';

/** The comparison's runs in the page's header: how far they are, and Cancel or Resume. */
export function RunStatus({
  progress,
  running,
  runs,
  cancel,
  resume,
}: {
  progress: Progress | null;
  running: boolean;
  /** runs asked for per scenario */
  runs: number;
  cancel: () => void;
  resume: () => void;
}) {
  return (
    <div className="run-status" aria-live="polite">
      {progress && (running || progress.done < progress.total) ? (
        <>
          <label htmlFor="run-progress">
            {running ? 'Running' : 'Stopped at'} {progress.done} of {progress.total} runs
            {progress.failed ? ` (${progress.failed} of them failed${progress.why ? `: ${progress.why}` : ''})` : ''}
          </label>
          <progress id="run-progress" max={Math.max(1, progress.total)} value={progress.done} />
          {running ? (
            <button type="button" onClick={cancel}>
              Cancel runs
            </button>
          ) : (
            <button type="button" onClick={resume}>
              Resume runs
            </button>
          )}
        </>
      ) : (
        <span className="muted">{finishedText(progress, runs)}</span>
      )}
    </div>
  );
}

/**
 * What the header says once the runs have stopped: "All … done" only when every run succeeded; otherwise how many
 * failed, so it never claims more than was done.
 */
export function finishedText(progress: Progress | null, runs: number): string {
  if (!progress) return 'Starting…';
  if (progress.failed > 0)
    return `${progress.total - progress.failed} of ${progress.total} runs done; ${progress.failed} failed (${progress.why ? `${progress.why}; ` : ''}the results cover the others)`;
  return `All ${runs} runs of each scenario done`;
}
