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
            {progress.failed ? `, ${progress.failed} failed` : ''}
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
        <span className="muted">{progress ? `All ${runs} runs of each scenario done` : 'Starting…'}</span>
      )}
    </div>
  );
}
