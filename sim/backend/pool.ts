/**
 * A pool of workers behind the SimBackend interface, over comlink: Node worker_threads (through comlink's
 * node adapter, each worker running an esbuild bundle of worker-entry.ts (node-bundle.ts), or booted by
 * worker-node.mjs so it runs our .ts through tsx when no bundle can be built) or
 * browser module Workers. Tasks go out in task order, each worker holding one run and one queued behind it
 * (QUEUE_DEPTH); results come back as transferred typed arrays and are reported as they finish. Abort
 * terminates every worker (no work keeps burning CPU after a cancel); the next batch starts fresh ones. A worker
 * that dies fails only the run it was computing; the run queued behind it is sent again, to its replacement.
 */
import * as Comlink from 'comlink';
import { CONFIG_CACHE } from './config-cache.ts';
import type { RunConfig, RunResult } from '../types.ts';
import type { WorkerApi, WorkerUsage } from './worker-entry.ts';
import {
  abortError,
  errorMessage,
  type BatchOptions,
  type BatchOutcome,
  type RunTask,
  type SimBackend,
} from './types.ts';

/** A started worker as the pool sees it. */
export interface WorkerHandle {
  api: Comlink.Remote<WorkerApi>;
  /** resolves (never rejects) with the reason when the worker stops or crashes */
  stopped: Promise<Error>;
  terminate(): Promise<void>;
}

export type WorkerFactory = () => Promise<WorkerHandle>;

export interface WorkerPoolOptions {
  /** number of workers; default os.availableParallelism() in Node, navigator.hardwareConcurrency in browsers */
  size?: number;
  /** how to start a worker; default: Node worker_threads or a browser module Worker */
  factory?: WorkerFactory;
  /**
   * the time budget of one run (ms): a run still computing after it is stopped (its worker terminated and
   * replaced) and reported as failed, so a run that never returns, or a worker that closed itself, cannot hold a
   * batch forever. Default: none.
   */
  runTimeoutMs?: number;
}

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

export async function defaultPoolSize(): Promise<number> {
  if (isNode) {
    const os = await import('node:os');
    return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
  }
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  return Math.max(1, nav?.hardwareConcurrency ?? 2);
}

/** relative to this module; a variable so that Vite leaves it (and esbuild, which it imports) out of the app */
const nodeBundle = './node-bundle.ts';

async function nodeWorker(): Promise<WorkerHandle> {
  const threads = 'node:worker_threads';
  const adapter = 'comlink/dist/esm/node-adapter.mjs';
  const { Worker } = (await import(/* @vite-ignore */ threads)) as typeof import('node:worker_threads');
  const nodeEndpoint = ((await import(/* @vite-ignore */ adapter)) as { default: (p: unknown) => Comlink.Endpoint })
    .default;
  const { workerBundle } = (await import(/* @vite-ignore */ nodeBundle)) as typeof import('./node-bundle.ts');
  // an esbuild bundle of the worker's code when it can be built (fast start), else the sources through tsx
  const worker = new Worker((await workerBundle()) ?? new URL('./worker-node.mjs', import.meta.url));
  const stopped = new Promise<Error>((resolve) => {
    worker.once('error', (e) => resolve(e instanceof Error ? e : new Error(String(e))));
    worker.once('exit', (code) => resolve(new Error(`worker exited with code ${code}`)));
  });
  return {
    api: Comlink.wrap<WorkerApi>(nodeEndpoint(worker)),
    stopped,
    terminate: async () => {
      await worker.terminate();
    },
  };
}

async function browserWorker(): Promise<WorkerHandle> {
  const worker = new Worker(new URL('./worker-entry.ts', import.meta.url), { type: 'module' });
  let stop: (e: Error) => void = () => {};
  const stopped = new Promise<Error>((resolve) => (stop = resolve));
  worker.addEventListener('error', (e) => stop(new Error(e.message || 'worker error')));
  return {
    api: Comlink.wrap<WorkerApi>(worker),
    stopped,
    terminate: async () => {
      worker.terminate();
      stop(new Error('worker terminated'));
    },
  };
}

interface Slot {
  handle: WorkerHandle;
  /** config keys this worker already holds (the same bounded, oldest-first cache as the worker's) */
  sent: Set<number>;
  dead: boolean;
  /** runs in flight on this worker, settled with DEAD if it stops */
  waiting: Set<(v: unknown) => void>;
  /** the worker started in this one's place once it died (shared by all its runs that failed with it) */
  replacement?: Promise<Slot>;
}

/**
 * Runs of one batch sent to a worker ahead of time: one computing and one waiting in its message queue, so the
 * worker goes straight on to the next run while the caller takes in the previous result (without it a worker
 * idles for the whole round trip and aggregation of every run). A worker executes its runs one at a time, in
 * the order sent. Counted per batch, so concurrent batches on one pool each keep their runs going.
 */
const QUEUE_DEPTH = 2;

/**
 * Record that a worker now holds config `key`, evicting the oldest beyond CONFIG_CACHE — exactly as the worker
 * does (worker-entry.ts), so a stress test with 10,000 distinct configs keeps memory bounded on both sides.
 * Messages to a worker are handled in the order they were sent, so this mirror stays exact with runs queued.
 */
function rememberSent(sent: Set<number>, key: number): void {
  if (sent.has(key)) return;
  sent.add(key);
  if (sent.size > CONFIG_CACHE) sent.delete(sent.values().next().value as number);
}

const DEAD = Symbol('dead');

export class WorkerPoolBackend implements SimBackend {
  readonly concurrency: number;
  private readonly factory: WorkerFactory;
  private slots: Slot[] = [];
  private closed = false;
  private configKeys = new WeakMap<RunConfig, number>();
  private nextKey = 1;

  private readonly runTimeoutMs: number | undefined;

  private constructor(size: number, factory: WorkerFactory, runTimeoutMs?: number) {
    this.concurrency = size;
    this.factory = factory;
    this.runTimeoutMs = runTimeoutMs;
  }

  static async create(opts: WorkerPoolOptions = {}): Promise<WorkerPoolBackend> {
    const size = Math.max(1, Math.floor(opts.size ?? (await defaultPoolSize())));
    return new WorkerPoolBackend(size, opts.factory ?? (isNode ? nodeWorker : browserWorker), opts.runTimeoutMs);
  }

  /** workers currently alive (0 after close or cancel) */
  get liveWorkers(): number {
    return this.slots.filter((s) => !s.dead).length;
  }

  /** per-worker memory use, for benchmarks */
  async usage(): Promise<WorkerUsage[]> {
    return Promise.all(this.slots.filter((s) => !s.dead).map((s) => s.handle.api.usage()));
  }

  private async spawn(): Promise<Slot> {
    const slot: Slot = { handle: await this.factory(), sent: new Set(), dead: false, waiting: new Set() };
    void slot.handle.stopped.then(() => {
      slot.dead = true;
      for (const settle of slot.waiting) settle(DEAD);
      slot.waiting.clear();
    });
    return slot;
  }

  /**
   * Start every worker now, before the first batch (the app calls this first thing, so the workers load their
   * code while the page is still starting); resolves once each has loaded its code and answered (or stopped).
   */
  async warm(): Promise<void> {
    await this.ensureSlots(this.concurrency);
    await Promise.all(this.slots.map((s) => Promise.race([s.handle.api.usage(), s.handle.stopped])));
  }

  /** the last request for workers: requests are served one after another, so two never start the same worker */
  private slotsReady: Promise<void> = Promise.resolve();

  private ensureSlots(n: number): Promise<void> {
    const ready = this.slotsReady.then(() => this.addSlots(n));
    this.slotsReady = ready.catch(() => undefined);
    return ready;
  }

  private async addSlots(n: number): Promise<void> {
    this.slots = this.slots.filter((s) => !s.dead);
    const missing = n - this.slots.length;
    if (missing > 0) this.slots.push(...(await Promise.all(Array.from({ length: missing }, () => this.spawn()))));
  }

  private keyOf(config: RunConfig): number {
    let key = this.configKeys.get(config);
    if (key === undefined) {
      key = this.nextKey++;
      this.configKeys.set(config, key);
    }
    return key;
  }

  private async terminateAll(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    for (const s of slots) s.dead = true;
    await Promise.all(slots.map((s) => s.handle.terminate().catch(() => undefined)));
    for (const s of slots) s.handle.api[Comlink.releaseProxy]();
  }

  async runBatch(tasks: readonly RunTask[], opts: BatchOptions): Promise<BatchOutcome> {
    if (this.closed) throw new Error('backend is closed');
    const signal = opts.signal;
    if (signal?.aborted) throw abortError(signal);
    if (tasks.length === 0) return { completed: 0, failed: 0 };
    await this.ensureSlots(Math.min(this.concurrency, tasks.length));
    if (signal?.aborted) {
      await this.terminateAll();
      throw abortError(signal);
    }

    return new Promise<BatchOutcome>((resolve, reject) => {
      let next = 0;
      /** runs that were queued on a worker that died before starting them: sent again first */
      const retry: number[] = [];
      const remaining = (): number => tasks.length - next + retry.length;
      /** this batch's runs on each worker, in the order sent (the first is the one it is computing) */
      const order = new Map<Slot, number[]>();
      /** the run each dead worker was computing when it died */
      const culprit = new Map<Slot, number>();
      /** the watchdog of the run each worker is computing, and the runs stopped for exceeding the budget */
      const watch = new Map<Slot, { index: number; timer: ReturnType<typeof setTimeout> }>();
      const overran = new Set<number>();
      const budget = this.runTimeoutMs;
      const arm = (slot: Slot): void => {
        if (!budget) return;
        const head = finished || slot.dead ? undefined : order.get(slot)?.[0];
        const cur = watch.get(slot);
        if (cur && cur.index === head) return;
        if (cur) clearTimeout(cur.timer);
        if (head === undefined) {
          watch.delete(slot);
          return;
        }
        const timer = setTimeout(() => {
          overran.add(head);
          void slot.handle.terminate().catch(() => undefined);
        }, budget);
        watch.set(slot, { index: head, timer });
      };
      let running = 0;
      let completed = 0;
      let failed = 0;
      let finished = false;

      const finish = (err?: unknown): void => {
        if (finished) return;
        finished = true;
        for (const w of watch.values()) clearTimeout(w.timer);
        signal?.removeEventListener('abort', onAbort);
        if (err === undefined) resolve({ completed, failed });
        else reject(err);
      };
      const onAbort = (): void => {
        if (finished) return;
        // stop dispatching now; settle once the workers are gone, so no run outlives the cancel
        finished = true;
        signal?.removeEventListener('abort', onAbort);
        const err = abortError(signal);
        void this.terminateAll().then(() => reject(err));
      };
      signal?.addEventListener('abort', onAbort, { once: true });

      /** this batch's runs in flight per worker */
      const held = new Map<Slot, number>();
      const inFlight = (slot: Slot): number => held.get(slot) ?? 0;
      const checkDone = (): void => {
        if (!finished && remaining() === 0 && running === 0) finish();
      };
      // Sends the next task to this worker if it has room: always when it is idle; a second, queued one only
      // while more tasks remain than workers (at the end of a batch the last runs go to whichever is free).
      const offer = (slot: Slot): boolean => {
        if (finished || slot.dead || remaining() === 0) return false;
        if (inFlight(slot) >= QUEUE_DEPTH) return false;
        if (inFlight(slot) > 0 && remaining() <= this.slots.length) return false;
        dispatch(slot);
        return true;
      };
      const fill = (slot: Slot): void => {
        while (offer(slot));
      };
      const dispatch = (slot: Slot): void => {
        const index = retry.length ? retry.shift()! : next++;
        const task = tasks[index];
        const sentTo = order.get(slot) ?? [];
        sentTo.push(index);
        order.set(slot, sentTo);
        arm(slot);
        const key = this.keyOf(task.config);
        const config = slot.sent.has(key) ? null : task.config;
        rememberSent(slot.sent, key);
        running++;
        held.set(slot, inFlight(slot) + 1);
        // settle with DEAD if the worker stops mid-run; one registration per call, removed when it settles
        const call = new Promise<unknown>((resolveCall, rejectCall) => {
          if (slot.dead) return resolveCall(DEAD);
          slot.waiting.add(resolveCall);
          slot.handle.api.run(key, config, task.seed, task.replicate, task.options, task.params).then(
            (v) => {
              slot.waiting.delete(resolveCall);
              resolveCall(v);
            },
            (e: unknown) => {
              slot.waiting.delete(resolveCall);
              rejectCall(e);
            },
          );
        });
        call.then(
          (value) => {
            running--;
            held.set(slot, inFlight(slot) - 1);
            const mine = order.get(slot)!;
            if (value === DEAD && !culprit.has(slot)) culprit.set(slot, mine[0]);
            mine.splice(mine.indexOf(index), 1);
            arm(slot);
            if (finished) return;
            if (value === DEAD) {
              // the run it was computing failed with it; a run only queued there never started: send it again
              if (culprit.get(slot) === index)
                fail(
                  index,
                  task,
                  new Error(
                    overran.has(index)
                      ? `the run took longer than its time budget (${Math.round((budget ?? 0) / 1000)} s) and was stopped`
                      : 'worker stopped during the run',
                  ),
                );
              else retry.push(index);
              // every run queued on the dead worker lands here; start one replacement for all of them
              slot.replacement ??= this.replace(slot);
              void slot.replacement.then(
                (fresh) => {
                  fill(fresh);
                  checkDone();
                },
                (e) => finish(e),
              );
              return;
            }
            completed++;
            // keep the worker busy first, then take the result in
            fill(slot);
            try {
              opts.onResult(index, value as RunResult);
            } catch (e) {
              finish(e);
              return;
            }
            checkDone();
          },
          (e: unknown) => {
            running--;
            held.set(slot, inFlight(slot) - 1);
            const mine = order.get(slot)!;
            mine.splice(mine.indexOf(index), 1);
            arm(slot);
            if (finished) return;
            fill(slot);
            fail(index, task, e);
            checkDone();
          },
        );
      };
      const fail = (index: number, task: RunTask, e: unknown): void => {
        failed++;
        try {
          opts.onError?.({
            index,
            replicate: task.replicate,
            seed: task.seed,
            scenarioId: task.config.scenarioId,
            error: errorMessage(e),
          });
        } catch (cbErr) {
          finish(cbErr);
        }
      };

      // one run to each worker first, then the queued ones
      const slots = this.slots.slice(0, Math.min(this.slots.length, tasks.length));
      for (const slot of slots) offer(slot);
      for (const slot of slots) fill(slot);
    });
  }

  private async replace(slot: Slot): Promise<Slot> {
    const i = this.slots.indexOf(slot);
    await slot.handle.terminate().catch(() => undefined);
    const fresh = await this.spawn();
    if (i >= 0) this.slots[i] = fresh;
    else this.slots.push(fresh);
    return fresh;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.terminateAll();
  }
}
