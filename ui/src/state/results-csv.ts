/** Results as CSV, for the export buttons: the comparison (Compare, Keep and share) and a stress test's futures. */
import { METRICS, stressTable, toCsv, type StressResult } from '../../../sim/index.ts';
import { differenceOf, summaryOf } from './result-stats.ts';
import type { EnsembleData } from './results.ts';

/** Per scenario and outcome: the summary over runs, and the paired difference against the first (the baseline). */
export function resultsCsv(
  ws: { scenarios: readonly { id: string; title: string }[] },
  datas: (EnsembleData | undefined)[],
): string {
  const head = [
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
  ];
  const rows: (string | number)[][] = [head];
  const base = datas[0];
  ws.scenarios.forEach((s, i) => {
    const d = datas[i];
    if (!d) return;
    for (const m of METRICS) {
      const st = summaryOf(d, m.id);
      if (!st) continue;
      const diff = i > 0 && base ? differenceOf(base, d, m.id) : null;
      rows.push([
        s.id,
        s.title,
        m.id,
        m.label,
        m.unit,
        st.n,
        st.mean,
        st.p5,
        st.p50,
        st.p95,
        i > 0 ? ws.scenarios[0].id : '',
        diff?.mean ?? '',
        diff?.low ?? '',
        diff?.high ?? '',
        diff?.shareBetter ?? '',
      ]);
    }
  });
  // scenario titles are typed by users: a leading = + - @ must not run as a spreadsheet formula
  return toCsv(rows, { guardFormulas: true });
}

/** A stress test's futures as CSV (the CLI's `--format csv`). */
export function futuresCsv(result: StressResult): string {
  const t = stressTable(result);
  return toCsv([t.columns, ...t.rows], { guardFormulas: true });
}
