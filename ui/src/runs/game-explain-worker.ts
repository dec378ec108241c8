/**
 * A worker that replays one workshop game without some of its decisions (sim's replayGameArm: the same seed, the
 * same chance events), so that the debrief's "what drove this table's result" never holds the page. One request
 * at a time; each answer carries its id. Made by game-explainer.ts, owned by pools.ts.
 */
import { replayGameArm, type GameRecord } from '../../../sim/index.ts';

export interface ReplayRequest {
  id: number;
  record: GameRecord;
  /** 'played', 'alone' or 'without:<role>' (gameArms) */
  arm: string;
}

self.onmessage = (e: MessageEvent<ReplayRequest>) => {
  const { id, record, arm } = e.data;
  try {
    const result = replayGameArm(record, arm);
    (self as unknown as Worker).postMessage({ id, result });
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
