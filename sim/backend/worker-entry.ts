/**
 * The worker side of WorkerPoolBackend, for browser Workers (module workers, bundled by Vite) and Node
 * worker_threads (started through worker-node.mjs, which registers tsx first). Results cross as transferable
 * typed arrays. Configs are cached per key so a 1,000-run ensemble sends its config once per worker.
 */
import * as Comlink from 'comlink';
import type { Params, RunConfig, RunOptions, RunResult } from '../types.ts';
import { runTask, transferables } from './run-task.ts';
import { CONFIG_CACHE } from './config-cache.ts';

export interface WorkerUsage {
  /** heap used by this worker's isolate, bytes */
  heapUsed: number;
  /** process-wide peak resident set size in bytes (Node only; threads share one process), else 0 */
  maxRss: number;
  /** this worker's event loop since it started: ms busy (running tasks) and ms idle (waiting for one); Node only, else 0 */
  activeMs: number;
  idleMs: number;
}

export interface WorkerApi {
  run(
    configKey: number,
    config: RunConfig | null,
    seed: number,
    replicate: number,
    options?: RunOptions,
    params?: Partial<Params>,
  ): RunResult;
  usage(): WorkerUsage;
}

const configs = new Map<number, RunConfig>();

export const workerApi: WorkerApi = {
  run(configKey, config, seed, replicate, options, params) {
    if (config && !configs.has(configKey)) {
      configs.set(configKey, config);
      // bounded, oldest first: the pool evicts the same keys (pool.ts rememberSent)
      if (configs.size > CONFIG_CACHE) configs.delete(configs.keys().next().value as number);
    }
    const cached = configs.get(configKey);
    if (!cached) throw new Error(`worker has no config ${configKey}`);
    const result = runTask({ config: cached, seed, replicate, options, params });
    return Comlink.transfer(result, transferables(result));
  },
  usage() {
    const perf = (
      globalThis as {
        performance?: {
          memory?: { usedJSHeapSize: number };
          eventLoopUtilization?: () => { active: number; idle: number };
        };
      }
    ).performance;
    const elu = perf?.eventLoopUtilization?.();
    const loop = { activeMs: elu?.active ?? 0, idleMs: elu?.idle ?? 0 };
    const proc = (globalThis as { process?: NodeJS.Process }).process;
    if (proc?.memoryUsage) {
      return { heapUsed: proc.memoryUsage().heapUsed, maxRss: proc.resourceUsage().maxRSS * 1024, ...loop };
    }
    return { heapUsed: perf?.memory?.usedJSHeapSize ?? 0, maxRss: 0, ...loop };
  },
};

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

if (isNode) {
  // Variable specifiers keep bundlers from pulling Node modules into the browser build.
  const threads = 'node:worker_threads';
  const adapter = 'comlink/dist/esm/node-adapter.mjs';
  const { parentPort } = (await import(/* @vite-ignore */ threads)) as typeof import('node:worker_threads');
  const nodeEndpoint = ((await import(/* @vite-ignore */ adapter)) as { default: (p: unknown) => Comlink.Endpoint })
    .default;
  if (parentPort) Comlink.expose(workerApi, nodeEndpoint(parentPort));
} else if (
  typeof self !== 'undefined' &&
  typeof (self as unknown as { postMessage?: unknown }).postMessage === 'function'
) {
  Comlink.expose(workerApi);
}
