/** Backends: where runs execute. See types.ts for the interface. */
export type { RunTask, TaskError, BatchOptions, BatchOutcome, SimBackend } from './types.ts';
export { abortError, isAbortError } from './types.ts';
export { DirectBackend } from './direct.ts';
export {
  WorkerPoolBackend,
  defaultPoolSize,
  runCost,
  DEFAULT_WATCHDOG,
  type WorkerPoolOptions,
  type WorkerFactory,
  type WorkerHandle,
} from './pool.ts';
export type { WorkerUsage } from './worker-entry.ts';

import { DirectBackend } from './direct.ts';
import { WorkerPoolBackend } from './pool.ts';
import type { SimBackend } from './types.ts';

/**
 * workers: 0 → in-thread DirectBackend; n ≥ 1 → a pool of n workers; undefined → a pool sized to the machine.
 */
export async function createBackend(opts: { workers?: number } = {}): Promise<SimBackend> {
  if (opts.workers === 0) return new DirectBackend();
  return WorkerPoolBackend.create({ size: opts.workers });
}
