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
  /**
   * the watchdog scaled from each run's expected cost: once runs have finished on this pool, a run still
   * computing after `factor` times the time its cost predicts (the slowest recent run per unit of cost: weeks ×
   * people and workers), and at least `floorMs`, is taken for a worker that stopped answering: the worker is
   * replaced and the run reported as failed. So a worker that closed itself, or a run that hangs, is noticed in
   * seconds, not after the whole budget. Default { factor: 20, floorMs: 10 s }; false turns it off.
   */
  watchdog?: { factor: number; floorMs: number } | false;
}

/** The default watchdog: generous enough that a run slowed by a busy machine is not taken for a dead one. */
export const DEFAULT_WATCHDOG = { factor: 20, floorMs: 10_000 } as const;

/** A run's expected cost in arbitrary units: weeks simulated (the spin-up included) × the agents simulated. */
export function runCost(config: RunConfig): number {
  const weeks = (config.weeks || 0) + (config.historyWeeks || 0) + 26;
  return Math.max(1, weeks * ((config.place?.people || 0) + (config.place?.workers || 0) + 1));
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
    worker.once('exit', (code) => resolve(new Error(`the worker stopped (exit code ${code})`)));
  });
  return {
    api: Comlink.wrap<WorkerApi>(nodeEndpoint(worker)),
    stopped,
    terminate: async () => {
      await worker.terminate();
    },
  };
}

/** The Web Locks API where the page has it (secure contexts: https and localhost). */
interface Locks {
  request(name: string, callback: () => unknown): Promise<unknown>;
}
export function webLocks(): Locks | undefined {
  return (globalThis as { navigator?: { locks?: Locks } }).navigator?.locks;
}

let lifelines = 0;

async function browserWorker(): Promise<WorkerHandle> {
  const worker = new Worker(new URL('./worker-entry.ts', import.meta.url), { type: 'module' });
  let stop: (e: Error) => void = () => {};
  const stopped = new Promise<Error>((resolve) => (stop = resolve));
  worker.addEventListener('error', (e) => stop(new Error(e.message || 'worker error')));
  const api = Comlink.wrap<WorkerApi>(worker);
  // A worker that closes itself (self.close(), or its script ends) sends no event. Its lifeline does: the worker
  // holds a Web Lock for as long as it lives, and the page asks for the same lock, granted the moment the worker
  // is gone. Where there are no Web Locks, the pool's watchdog notices it instead.
  const locks = webLocks();
  if (locks) {
    const name = `commsim-worker-${Date.now().toString(36)}-${(lifelines++).toString(36)}-${Array.from(crypto.getRandomValues(new Uint32Array(2)), (x) => x.toString(36)).join('')}`;
    void api.lifeline(name).then(
      (held) => {
        if (held) void locks.request(name, () => stop(new Error('the worker stopped')));
      },
      () => undefined,
    );
  }
  return {
    api,
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
  /** it has answered once (its code is loaded), so its runs' times are the runs' own */
  ready?: boolean;
}

/** How long a run may take before the pool stops it: the budget, or `expected` × the watchdog's factor. */
interface Limit {
  ms: number;
  /** the time the run's cost predicts (ms), when the watchdog set the limit */
  expected?: number;
}

const seconds = (ms: number): string =>
  ms < 1000 ? `${Math.max(1, Math.round(ms / 100)) / 10} s` : `${Math.round(ms / 1000)} s`;

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
  private readonly watchdog: { factor: number; floorMs: number } | false;
  /** the slowest recent run's time per unit of cost (runCost), ms, easing 5% a run; 0 until a run has finished */
  private msPerCost = 0;

  private constructor(
    size: number,
    factory: WorkerFactory,
    runTimeoutMs?: number,
    watchdog: WorkerPoolOptions['watchdog'] = DEFAULT_WATCHDOG,
  ) {
    this.concurrency = size;
    this.factory = factory;
    this.runTimeoutMs = runTimeoutMs;
    this.watchdog = watchdog;
  }

  static async create(opts: WorkerPoolOptions = {}): Promise<WorkerPoolBackend> {
    const size = Math.max(1, Math.floor(opts.size ?? (await defaultPoolSize())));
    return new WorkerPoolBackend(
      size,
      opts.factory ?? (isNode ? nodeWorker : browserWorker),
      opts.runTimeoutMs,
      opts.watchdog,
    );
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
    await Promise.all(
      this.slots.map((s) => Promise.race([s.handle.api.usage().then(() => void (s.ready = true)), s.handle.stopped])),
    );
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
      /**
       * the watchdog of the run each worker is computing (armed when it becomes the worker's first run, so it
       * counts the run's own time), and the runs stopped by it, with why
       */
      const watch = new Map<Slot, { index: number; started: number; timer?: ReturnType<typeof setTimeout> }>();
      const overran = new Map<number, string>();
      const budget = this.runTimeoutMs;
      const now = (): number => performance.now();
      /** how long the run may take: the budget, or less once finished runs tell what it should cost */
      const deadline = (index: number): Limit | undefined => {
        const dog = this.watchdog;
        const expected = dog && this.msPerCost > 0 ? this.msPerCost * runCost(tasks[index].config) : 0;
        const scaled = dog && expected > 0 ? Math.max(dog.floorMs, dog.factor * expected) : undefined;
        if (scaled !== undefined && (!budget || scaled < budget)) return { ms: scaled, expected };
        return budget ? { ms: budget } : undefined;
      };
      const setTimer = (slot: Slot, index: number, started: number): void => {
        const limit = deadline(index);
        if (!limit) {
          watch.set(slot, { index, started });
          return;
        }
        const due = started + limit.ms;
        const timer = setTimeout(
          () => {
            const w = watch.get(slot);
            if (!w || w.index !== index || finished || slot.dead) return;
            // a main thread that was itself held up (timers firing late) may not yet have taken in the answer:
            // look again shortly rather than stop a worker that may have answered
            if (now() - due > 1000) {
              w.timer = setTimeout(() => {
                if (watch.get(slot) === w && !finished && !slot.dead) stop(slot, index, limit, started);
              }, 2000);
              return;
            }
            stop(slot, index, limit, started);
          },
          Math.max(0, due - now()),
        );
        watch.set(slot, { index, started, timer });
      };
      const stop = (slot: Slot, index: number, limit: Limit, started: number): void => {
        const took = Math.round((now() - started) / 1000);
        overran.set(
          index,
          limit.expected !== undefined
            ? `the worker stopped answering: no result after ${took} s where runs like it took about ${seconds(limit.expected)}; it was replaced`
            : `the run took longer than its time budget (${Math.round(limit.ms / 1000)} s) and was stopped`,
        );
        void slot.handle.terminate().catch(() => undefined);
      };
      const arm = (slot: Slot): void => {
        const head = finished || slot.dead ? undefined : order.get(slot)?.[0];
        const cur = watch.get(slot);
        if (cur && cur.index === head) return;
        if (cur) clearTimeout(cur.timer);
        watch.delete(slot);
        if (head !== undefined) setTimer(slot, head, now());
      };
      /**
       * a run finished in `ms`: what runs cost per unit is known better. The slowest recent run sets it: a slower
       * one raises it at once (and the watchdogs armed before are set again, later), and it eases by 5% a run
       * otherwise, so one run slowed long ago (a cold start, a busy minute) does not hold the limit high for good.
       */
      const learn = (index: number, ms: number): void => {
        if (!this.watchdog) return;
        const per = ms / runCost(tasks[index].config);
        const before = this.msPerCost;
        this.msPerCost = Math.max(per, before * 0.95);
        if (this.msPerCost <= before) return;
        for (const [slot, w] of watch) {
          clearTimeout(w.timer);
          setTimer(slot, w.index, w.started);
        }
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
            const w = watch.get(slot);
            const took = w && w.index === index && value !== DEAD ? now() - w.started : undefined;
            mine.splice(mine.indexOf(index), 1);
            arm(slot);
            // a worker's first answer includes loading its code: runs are timed from its second on
            if (took !== undefined && slot.ready) learn(index, took);
            if (value !== DEAD) slot.ready = true;
            if (finished) return;
            if (value === DEAD) {
              // the run it was computing failed with it; a run only queued there never started: send it again
              if (culprit.get(slot) === index)
                fail(index, task, new Error(overran.get(index) ?? 'the worker stopped during the run'));
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
