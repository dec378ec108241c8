/**
 * Results kept by configuration (ui/src/state/results.ts) and their CSV export (results-csv.ts): runs merge into
 * their ensemble, the least recently used ensembles are dropped first, and the export pairs each scenario's runs
 * with the baseline's.
 */
import { describe, expect, it } from 'vitest';
import { METRICS, type RunResult } from '../../sim/index.ts';
import { resultsCsv } from '../../ui/src/state/results-csv.ts';
import { ResultStore, type EnsembleData } from '../../ui/src/state/results.ts';

const metricIds = METRICS.map((m) => m.id);

function run(replicate: number, value: number): RunResult {
  return {
    replicate,
    seed: 1000 + replicate,
    weeks: 1,
    metricIds,
    summary: new Float64Array(metricIds.length).fill(value),
    series: new Float64Array(metricIds.length).fill(value),
  } as unknown as RunResult;
}

describe('ResultStore', () => {
  it('gathers runs by configuration and merges ensembles read back from the browser', () => {
    const store = new ResultStore();
    store.put('h', run(0, 1));
    store.put('h', run(2, 3));
    store.put('other', run(0, 9));
    const kept: EnsembleData = {
      hash: 'h',
      weeks: 1,
      metricIds,
      runs: new Map([[1, { replicate: 1, seed: 1001, summary: Float64Array.of(2), series: Float64Array.of(2) }]]),
    };
    store.adopt(kept);
    expect([...store.get('h')!.runs.keys()].sort()).toEqual([0, 1, 2]);
    expect(store.get('other')!.runs.size).toBe(1);
    expect(store.get('missing')).toBeUndefined();
  });

  it('drops the least recently used ensembles beyond sixty, never one just read', () => {
    const store = new ResultStore();
    for (let i = 0; i < 60; i++) store.put(`h${i}`, run(0, i));
    // read the oldest: it is now recent
    expect(store.get('h0')).toBeDefined();
    store.put('h60', run(0, 60));
    store.put('h61', run(0, 61));
    expect(store.get('h0')).toBeDefined();
    expect(store.get('h1')).toBeUndefined();
    expect(store.get('h2')).toBeUndefined();
    expect(store.get('h3')).toBeDefined();
    expect(store.get('h61')).toBeDefined();
  });
});

describe('resultsCsv', () => {
  it('gives per scenario and outcome the summary, and against the baseline the paired difference', () => {
    const ensemble = (hash: string, values: number[]): EnsembleData => {
      const store = new ResultStore();
      values.forEach((v, r) => store.put(hash, run(r, v)));
      return store.get(hash)!;
    };
    const ws = {
      scenarios: [
        { id: 'base', title: 'Base' },
        { id: 'better', title: '=Better, "quoted"' },
      ],
    };
    const csv = resultsCsv(ws, [ensemble('a', [1, 2, 3, 4]), ensemble('b', [2, 3, 4, 5])])
      .trim()
      .split('\n');
    const head = csv[0].split(',');
    expect(head).toEqual([
      'scenario_id',
      'scenario',
      'metric_id',
      'metric',
      'unit',
      'runs',
      'mean',
      'p5',
      'median',
      'p95',
      'baseline_id',
      'difference_mean',
      'difference_low_90',
      'difference_high_90',
      'share_of_runs_better',
    ]);
    expect(csv).toHaveLength(1 + 2 * METRICS.length);
    const col = (line: string, name: string): string => line.split(',')[head.indexOf(name)];
    const baseRow = csv[1];
    expect([
      col(baseRow, 'scenario_id'),
      col(baseRow, 'runs'),
      col(baseRow, 'mean'),
      col(baseRow, 'baseline_id'),
      col(baseRow, 'difference_mean'),
    ]).toEqual(['base', '4', '2.5', '', '']);
    const other = csv[1 + METRICS.length];
    // a title that a spreadsheet would read as a formula, with a quote and a comma, is escaped
    expect(other.startsWith(`better,"'=Better, ""quoted""",`)).toBe(true);
    // every paired run is exactly one higher
    expect(other).toMatch(/,base,1,1,1,/);
  });
});
