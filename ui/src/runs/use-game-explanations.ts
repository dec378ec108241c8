/**
 * The debrief's "what drove this table's result", as a React hook: each table with a game record is explained by
 * the game explainer's workers (pools.ts gameExplainer; the replays never run on the page's thread), with progress
 * while its replays run.
 */
import { useEffect, useMemo, useState } from 'react';
import type { GameExplanation, GameRecord } from '../../../sim/index.ts';
import type { ReplayProgress } from './game-explainer.ts';
import { gameExplainer } from './pools.ts';

export interface TableExplanation {
  status: 'no-record' | 'running' | 'done' | 'failed';
  progress: ReplayProgress;
  explanation?: GameExplanation;
  error?: string;
}

const NOT_STARTED: TableExplanation = { status: 'running', progress: { done: 0, total: 0 } };
const NO_RECORD: TableExplanation = { status: 'no-record', progress: { done: 0, total: 0 } };

/** Table name → its explanation (or its progress), for the tables given. */
export function useGameExplanations(
  tables: readonly { name: string; record?: GameRecord }[],
): Readonly<Record<string, TableExplanation>> {
  // re-run only when a table or its record changes
  const key = JSON.stringify(tables.map((t) => [t.name, t.record?.check?.fingerprint ?? t.record?.actions.length]));
  const [got, setGot] = useState<{ key: string; tables: Record<string, TableExplanation> }>({ key: '', tables: {} });
  useEffect(() => {
    let live = true;
    const set = (name: string, v: TableExplanation): void => {
      if (live) setGot((s) => ({ key, tables: { ...(s.key === key ? s.tables : {}), [name]: v } }));
    };
    for (const t of tables) {
      if (!t.record) continue;
      let progress: ReplayProgress = { done: 0, total: 0 };
      gameExplainer()
        .explain(t.record, (p) => {
          progress = p;
          set(t.name, { status: 'running', progress: p });
        })
        .then(
          (explanation) => set(t.name, { status: 'done', progress, explanation }),
          (e: unknown) =>
            set(t.name, { status: 'failed', progress, error: e instanceof Error ? e.message : String(e) }),
        );
    }
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the tables and their records
  }, [key]);
  return useMemo(() => {
    const out: Record<string, TableExplanation> = {};
    for (const t of tables)
      out[t.name] = !t.record ? NO_RECORD : ((got.key === key ? got.tables[t.name] : undefined) ?? NOT_STARTED);
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the tables and their records
  }, [got, key]);
}
