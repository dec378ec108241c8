/** Runs tasks one after another in this thread; yields between runs so progress and cancellation get through. */
import { runTask } from './run-task.ts';
import {
  abortError,
  errorMessage,
  type BatchOptions,
  type BatchOutcome,
  type RunTask,
  type SimBackend,
} from './types.ts';

const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

export class DirectBackend implements SimBackend {
  readonly concurrency = 1;
  private closed = false;

  async runBatch(tasks: readonly RunTask[], opts: BatchOptions): Promise<BatchOutcome> {
    if (this.closed) throw new Error('backend is closed');
    let completed = 0;
    let failed = 0;
    for (let i = 0; i < tasks.length; i++) {
      if (opts.signal?.aborted) throw abortError(opts.signal);
      const task = tasks[i];
      let result;
      try {
        result = runTask(task);
      } catch (e) {
        failed++;
        opts.onError?.({
          index: i,
          replicate: task.replicate,
          seed: task.seed,
          scenarioId: task.config.scenarioId,
          error: errorMessage(e),
        });
        continue;
      } finally {
        // a long batch must not starve timers, progress output and abort signals
        await yieldToEventLoop();
      }
      completed++;
      opts.onResult(i, result);
    }
    if (opts.signal?.aborted) throw abortError(opts.signal);
    return { completed, failed };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
