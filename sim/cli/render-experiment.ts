/**
 * The results of ensembles, comparisons and sweeps (commsim run, compare, sweep, and their merged shards) as JSON
 * (deterministic: no volatile fields beyond metadata.date), CSV or a table.
 */
import { METRIC_BY_ID, rangesSentence, toCsv } from '../node.ts';
import type { EnsembleResult } from '../node.ts';
import type { ComparisonResult } from '../node.ts';
import { sweepTable, type SweepResult } from '../node.ts';
import type { ExperimentResult } from '../node.ts';
import { csvTable, json, textTable, type Format } from './output.ts';

export interface RenderOptions {
  format: Format;
  series: boolean;
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
const arr = (a: ArrayLike<number>): (number | null)[] => Array.from(a, num);

function ensembleBody(r: EnsembleResult, series: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    scenario: r.scenarioId,
    title: r.title,
    completed: r.completed,
    weeks: r.weeks,
    summary: r.metricIds.map((id) => {
      const s = r.summaries[id];
      return {
        metric: id,
        unit: METRIC_BY_ID.get(id)?.unit ?? '',
        mean: num(s.mean),
        p5: num(s.p5),
        p50: num(s.p50),
        p95: num(s.p95),
        n: s.n,
      };
    }),
    events: r.events.map((e) => ({ ...e, probability: num(e.probability) })),
    failures: r.failures,
    runs: r.rows.map((row) => ({
      replicate: row.replicate,
      seed: row.seed,
      summary: Object.fromEntries(r.metricIds.map((id, m) => [id, num(row.summary[m])])),
    })),
  };
  if (series && r.bands) {
    body.series = Object.fromEntries(
      r.metricIds.map((id) => {
        const b = r.bands![id];
        return [
          id,
          { mean: arr(b.mean), p5: arr(b.p5), p25: arr(b.p25), p50: arr(b.p50), p75: arr(b.p75), p95: arr(b.p95) },
        ];
      }),
    );
  }
  return body;
}

function compareBody(c: ComparisonResult): Record<string, unknown> {
  return {
    scenarios: c.scenarios.map((s) => ({
      scenario: s.scenarioId,
      title: s.title,
      completed: s.completed,
      failures: s.failures,
      summary: s.metricIds.map((id) => ({
        metric: id,
        mean: num(s.summaries[id].mean),
        p5: num(s.summaries[id].p5),
        p50: num(s.summaries[id].p50),
        p95: num(s.summaries[id].p95),
      })),
    })),
    differences: c.differences.map((d) => ({
      scenario: d.scenarioId,
      baseline: d.baselineId,
      metrics: d.metrics.map((m) => ({
        metric: m.metric,
        better: m.better,
        n: m.n,
        mean: num(m.mean),
        low: num(m.low),
        high: num(m.high),
        p5: num(m.p5),
        p95: num(m.p95),
        shareBetter: m.shareBetter === null ? null : num(m.shareBetter),
        unpaired: { mean: num(m.unpaired.mean), low: num(m.unpaired.low), high: num(m.unpaired.high) },
      })),
    })),
  };
}

function sweepBody(s: SweepResult): Record<string, unknown> {
  return {
    axes: s.axes,
    points: s.points.map((p) => ({
      values: p.values,
      completed: p.result.completed,
      failures: p.result.failures,
      summary: Object.fromEntries(
        p.result.metricIds.map((id) => {
          const x = p.result.summaries[id];
          return [id, { mean: num(x.mean), p5: num(x.p5), p50: num(x.p50), p95: num(x.p95) }];
        }),
      ),
      events: Object.fromEntries(p.result.events.map((e) => [e.id, num(e.probability)])),
    })),
  };
}

const fmt = (x: number | null | undefined): string => {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return x.toExponential(2);
  return Number(x.toPrecision(4)).toString();
};

/** An experiment's result in the format asked for; `series` adds the weekly bands (run only). */
export function renderExperiment(exp: ExperimentResult, metadata: Record<string, unknown>, o: RenderOptions): string {
  if (o.format === 'json') {
    const body =
      exp.kind === 'ensemble'
        ? ensembleBody(exp.result, o.series)
        : exp.kind === 'compare'
          ? compareBody(exp.result)
          : sweepBody(exp.result);
    return json({ metadata, ...body });
  }
  if (exp.kind === 'ensemble') {
    const r = exp.result;
    if (o.format === 'csv') {
      if (o.series && r.bands) {
        const rows: unknown[][] = [['metric', 'week', 'mean', 'p5', 'p25', 'p50', 'p75', 'p95']];
        for (const id of r.metricIds) {
          const b = r.bands[id];
          for (let t = 0; t < r.weeks; t++)
            rows.push([id, t, b.mean[t], b.p5[t], b.p25[t], b.p50[t], b.p75[t], b.p95[t]]);
        }
        return toCsv(rows);
      }
      return toCsv([
        ['metric', 'unit', 'mean', 'p5', 'p50', 'p95', 'n'],
        ...r.metricIds.map((id) => {
          const s = r.summaries[id];
          return [id, METRIC_BY_ID.get(id)?.unit ?? '', s.mean, s.p5, s.p50, s.p95, s.n];
        }),
      ]);
    }
    const head = `${r.title} (${r.scenarioId}): ${r.completed} of ${r.runs} runs, ${r.weeks} weeks, seed ${r.seed}\n${rangesSentence(r.ranges, 'ranges')}\n\n`;
    const t = textTable(
      ['metric', 'mean', 'p5', 'p50', 'p95'],
      r.metricIds.map((id) => {
        const s = r.summaries[id];
        return [id, fmt(s.mean), fmt(s.p5), fmt(s.p50), fmt(s.p95)];
      }),
    );
    const ev = textTable(
      ['event', 'probability'],
      r.events.map((e) => [e.id, fmt(e.probability)]),
    );
    return head + t + '\n' + ev;
  }
  if (exp.kind === 'compare') {
    const c = exp.result;
    if (o.format === 'csv') {
      const rows: unknown[][] = [
        [
          'scenario',
          'baseline',
          'metric',
          'better',
          'n',
          'mean_diff',
          'low90',
          'high90',
          'p5',
          'p95',
          'share_better',
          'unpaired_low90',
          'unpaired_high90',
        ],
      ];
      for (const d of c.differences)
        for (const m of d.metrics)
          rows.push([
            d.scenarioId,
            d.baselineId,
            m.metric,
            m.better ?? '',
            m.n,
            m.mean,
            m.low,
            m.high,
            m.p5,
            m.p95,
            m.shareBetter,
            m.unpaired.low,
            m.unpaired.high,
          ]);
      return toCsv(rows);
    }
    const base = c.scenarios[0];
    let out = `Paired differences with common random numbers: ${c.runs} replicates, seed ${c.seed}; baseline ${base.scenarioId}\n${rangesSentence(c.ranges, 'ranges')}\n`;
    c.differences.forEach((d, k) => {
      const s = c.scenarios[k + 1];
      out += `\n${d.scenarioId} − ${d.baselineId}\n`;
      out += textTable(
        ['metric', d.baselineId, d.scenarioId, 'difference', '90% interval (paired)', '90% (unpaired)', 'better in'],
        d.metrics.map((m) => [
          m.metric,
          fmt(base.summaries[m.metric].mean),
          fmt(s.summaries[m.metric]?.mean),
          fmt(m.mean),
          `[${fmt(m.low)}, ${fmt(m.high)}]`,
          `[${fmt(m.unpaired.low)}, ${fmt(m.unpaired.high)}]`,
          m.shareBetter === null ? '' : `${Math.round(m.shareBetter * 100)}%`,
        ]),
      );
    });
    return out;
  }
  const t = sweepTable(exp.result);
  if (o.format === 'csv') return csvTable(t);
  const keyMetrics = exp.result.points[0]?.result.metricIds.filter((id) => METRIC_BY_ID.get(id)?.key) ?? [];
  const kt = sweepTable(exp.result, keyMetrics);
  const cols = kt.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c, i }) => i < exp.result.axes.length || c.endsWith('_mean'));
  return (
    textTable(
      cols.map(({ c }) => c.replace(/_mean$/, '')),
      kt.rows.map((r) => cols.map(({ i }) => fmt(r[i]))),
    ) +
    `\n(means of run summaries; --format csv or json for every metric with p5, p50, p95)\n${rangesSentence(exp.result.points[0]?.result.ranges ?? 'chance+parameters', 'ranges')}\n`
  );
}
