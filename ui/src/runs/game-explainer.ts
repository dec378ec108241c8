/**
 * The debrief's replays ("what drove this table's result", issue 18): each table's record replayed once as played,
 * once with nobody's decisions and once without each role's, every replay in a worker (game-explain-worker.ts), a
 * few at once, then combined by the simulation's explainGame. Made by pools.ts (gameExplainer), the one owner of
 * the app's workers. Explanations are kept by record, so opening the debrief again costs nothing.
 */
import {
  explainGame,
  gameArms,
  type GameArmResult,
  type GameExplanation,
  type GameRecord,
} from '../../../sim/index.ts';
import type { ReplayRequest } from './game-explain-worker.ts';

export interface ReplayProgress {
  done: number;
  total: number;
}

interface Job {
  id: number;
  record: GameRecord;
  arm: string;
  resolve: (r: GameArmResult) => void;
  reject: (e: Error) => void;
}

interface Lane {
  worker: Worker;
  job: Job | null;
}

/** A key for a record: its setup and actions (the same record explains the same way). */
function recordKey(record: GameRecord): string {
  return JSON.stringify([record.setup, record.actions]);
}

export class GameExplainer {
  private readonly lanes: Lane[] = [];
  private readonly queue: Job[] = [];
  private next = 1;
  private readonly kept = new Map<string, Promise<GameExplanation>>();

  /** size: how many replays run at once (one worker each) */
  constructor(private readonly size: number) {}

  /** What drove one table's result: every replay, then the attribution and the loops. */
  explain(record: GameRecord, onProgress?: (p: ReplayProgress) => void): Promise<GameExplanation> {
    const key = recordKey(record);
    const had = this.kept.get(key);
    if (had) {
      void had.then(
        () => {
          const total = gameArms(record).length;
          onProgress?.({ done: total, total });
        },
        () => undefined, // the caller hears of the failure from the promise returned
      );
      return had;
    }
    const arms = gameArms(record);
    let done = 0;
    onProgress?.({ done, total: arms.length });
    const p = Promise.all(
      arms.map((a) =>
        this.replay(record, a.key).then((r) => {
          done++;
          onProgress?.({ done, total: arms.length });
          return r;
        }),
      ),
    ).then((results) => explainGame(record, results));
    this.kept.set(key, p);
    p.catch(() => this.kept.delete(key));
    return p;
  }

  private replay(record: GameRecord, arm: string): Promise<GameArmResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.next++, record, arm, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let lane = this.lanes.find((l) => l.job === null);
      if (!lane && this.lanes.length < this.size) lane = this.addLane();
      if (!lane) return;
      const job = this.queue.shift()!;
      lane.job = job;
      const req: ReplayRequest = { id: job.id, record: job.record, arm: job.arm };
      lane.worker.postMessage(req);
    }
  }

  private addLane(): Lane {
    const worker = new Worker(new URL('./game-explain-worker.ts', import.meta.url), { type: 'module' });
    const lane: Lane = { worker, job: null };
    worker.onmessage = (e: MessageEvent<{ id: number; result?: GameArmResult; error?: string }>) => {
      const job = lane.job;
      if (!job || job.id !== e.data.id) return;
      lane.job = null;
      if (e.data.result) job.resolve(e.data.result);
      else job.reject(new Error(e.data.error ?? 'the replay failed'));
      this.pump();
    };
    worker.onerror = (e) => {
      // the worker is gone: its replay fails, a fresh worker takes the rest
      const job = lane.job;
      worker.terminate();
      this.lanes.splice(this.lanes.indexOf(lane), 1);
      job?.reject(new Error(e.message || 'the replay worker failed'));
      this.pump();
    };
    this.lanes.push(lane);
    return lane;
  }
}
