/**
 * What the explaining parts of the app (marks on the charts, a period's log, the Why? screen) need of the
 * workspace: each scenario's run configuration and its marks, the experiment seed and what the ranges show. Kept
 * the same object while the scenarios' configurations are unchanged, so a screen given it re-renders only when
 * a scenario really changes.
 */
import { useMemo } from 'react';
import type { RangeKind, RunConfig } from '../../../../sim/index.ts';
import { marksOfConfig, mergeMarks, type ChartMark } from '../../charts/marks.ts';
import { configHash } from '../../state/results.ts';
import { rangesOf, type Resolved, type Workspace } from '../../state/workspace.ts';

export interface ExplainScenario {
  key: string;
  title: string;
  /** its colour slot */
  slot: number;
  /** null while the scenario has problems */
  config: RunConfig | null;
  hash: string | null;
  marks: ChartMark[];
}

export interface ExplainInputs {
  seed: string;
  ranges: RangeKind;
  runs: number;
  /** weeks charted (the longest horizon of the scenarios) */
  weeks: number;
  scenarios: ExplainScenario[];
  /** every scenario's marks on one chart (a mark met by some only says which) */
  merged: ChartMark[];
}

export function explainInputs(ws: Workspace, resolved: readonly Resolved[]): ExplainInputs {
  const ranges = rangesOf(ws);
  const scenarios = ws.scenarios.map((d, i): ExplainScenario => {
    const r = resolved[i];
    const config = r?.ok ? r.config : null;
    return {
      key: d.key,
      title: d.title,
      slot: d.slot ?? i,
      config,
      hash: config ? configHash(config, ws.seed, ranges) : null,
      marks: config ? marksOfConfig(config) : [],
    };
  });
  return {
    seed: ws.seed,
    ranges,
    runs: ws.runs,
    weeks: Math.max(0, ...scenarios.map((s) => s.config?.weeks ?? 0)),
    scenarios,
    merged: mergeMarks(scenarios.map((s) => ({ slot: s.slot, title: s.title, marks: s.marks }))),
  };
}

/** explainInputs, the same object while no scenario's configuration, title or colour changed. */
export function useExplainInputs(ws: Workspace | null, resolved: readonly Resolved[]): ExplainInputs | null {
  const next = useMemo(() => (ws ? explainInputs(ws, resolved) : null), [ws, resolved]);
  const key = next
    ? `${next.seed}|${next.ranges}|${next.runs}|${next.scenarios.map((s) => `${s.key}\u0001${s.title}\u0001${s.slot}\u0001${s.hash}`).join('\u0000')}`
    : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => next, [key]);
}
