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
  /**
   * holds the Web Lock `name` for as long as this worker lives, so the page can tell at once when it is gone (a
   * worker that closes itself sends no event; pool.ts asks for the same lock). Resolves true once held, false where
   * there are no Web Locks.
   */
  lifeline(name: string): Promise<boolean>;
}

/**
 * A fault for tests of the command line (tests/cli/faults.test.ts), Node workers only: COMMSIM_FAULT_WORKER=exit:R
 * ends the worker thread when it starts the run of replicate R (as a crash would); hang:R makes that run never
 * return (as a worker that stopped answering). Unset, nothing changes.
 */
function injectedFault(): { kind: 'exit' | 'hang'; replicate: number } | undefined {
  const spec = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
    ?.COMMSIM_FAULT_WORKER;
  const m = spec ? /^(exit|hang):(\d+)$/.exec(spec) : null;
  return m ? { kind: m[1] as 'exit' | 'hang', replicate: Number(m[2]) } : undefined;
}
const fault = injectedFault();

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
    if (fault?.replicate === replicate) {
      if (fault.kind === 'exit') (globalThis as { process?: { exit(code: number): never } }).process?.exit(7);
      else for (;;);
    }
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
  lifeline(name) {
    const locks = (
      globalThis as { navigator?: { locks?: { request(name: string, cb: () => Promise<void>): Promise<unknown> } } }
    ).navigator?.locks;
    if (!locks) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      // held until this worker's global is gone: the callback's promise never settles
      locks.request(name, () => (resolve(true), new Promise<void>(() => {}))).catch(() => resolve(false));
    });
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
