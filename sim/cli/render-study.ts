/**
 * The results of stress tests and sensitivity studies (commsim stress, sensitivity, and their merged shards) as
 * JSON (everything, one row per future or design point), CSV (the rows) or a summary table.
 */
import { METRIC_BY_ID, formatNumber } from '../node.ts';
import { stressTable, type StressResult } from '../node.ts';
import { sensitivityTable, type SensitivityResult } from '../node.ts';
import { csvTable, json, type Format } from './output.ts';

const pct = (x: number): string => (Number.isFinite(x) ? `${Math.round(x * 1000) / 10}%` : '-');
const num = (x: number | undefined): string => (x !== undefined && Number.isFinite(x) ? formatNumber(x, 3) : '-');

function stressJson(result: StressResult, metadata: Record<string, unknown>): string {
  const h = result.header;
  const doc = {
    metadata,
    title: h.title,
    failure: result.failureText,
    uncertainties: h.uncertainties.map((u) => ({
      id: u.id,
      path: u.path,
      label: u.label,
      dist: u.dist,
      min: u.min,
      max: u.max,
      base: u.base,
    })),
    approaches: result.approaches,
    robustness: result.robustness,
    discovery: result.discovery,
    errors: result.errors,
    rows: result.rows.map((r) => ({
      future: r.future,
      seeds: r.seeds,
      inputs: Object.fromEntries(h.uncertainties.map((u, j) => [u.id, r.inputs[j]])),
      outcomes: Object.fromEntries(
        h.approaches.map((a, i) => {
          const o = r.outcomes[i];
          return [
            a.id,
            {
              failed: o.failed,
              failShare: o.failShare,
              runs: o.runs,
              conditions: o.conditions,
              metrics: Object.fromEntries(h.metrics.map((m, k) => [m, o.metrics[k]])),
            },
          ];
        }),
      ),
    })),
  };
  return json(doc);
}

function stressSummary(result: StressResult): string {
  const h = result.header;
  const lines: string[] = [];
  lines.push(`${h.title}: ${h.futures} futures × ${h.runsPerFuture} run(s), ${h.weeks} weeks, seed ${h.seed}`);
  lines.push(`Failure: ${result.failureText}`);
  lines.push('', 'Failure rate by approach:');
  for (const a of result.approaches) {
    lines.push(`  ${a.id.padEnd(32)} ${pct(a.failureRate).padStart(6)}  (${a.futures} futures)`);
    for (const c of a.conditionRates) lines.push(`    ${pct(c.rate).padStart(6)}  ${c.condition}`);
  }
  if (result.robustness) {
    lines.push(
      '',
      'Robustness (rank 1 = best; share meeting every threshold, regret against the best approach per future):',
    );
    for (const i of result.robustness.order) {
      const s = result.robustness.approaches[i];
      const regrets = Object.values(s.metrics)
        .filter((m) => m.metricId !== 'no_failure')
        .map((m) => `${m.metricId} max regret ${num(m.maxRegret)}`);
      lines.push(
        `  ${String(s.rank).padStart(2)}. ${s.approach.padEnd(32)} meets all ${pct(s.shareMeetingAll ?? NaN)}${regrets.length ? `; ${regrets.join('; ')}` : ''}`,
      );
    }
  }
  lines.push('', 'Where it fails (PRIM scenario discovery):');
  for (const d of result.discovery) {
    if (d.note) lines.push(`  ${d.note}.`);
    else if (d.boxes.length === 0)
      lines.push(
        `  ${d.approach}: no region of the futures concentrates the failures (${d.failures} of ${d.futures} fail).`,
      );
    else for (const b of d.boxes) lines.push(`  ${b.statement}.`);
  }
  if (result.errors.length) lines.push('', `${result.errors.length} run(s) failed; see the JSON output.`);
  return lines.join('\n') + '\n';
}

function sensitivitySummary(result: SensitivityResult): string {
  const h = result.header;
  const lines = [
    `${h.title}: ${h.method} on ${h.plan}, ${h.points} design points × ${h.runsPerPoint} run(s), ${h.weeks} weeks, seed ${h.seed}`,
  ];
  for (const m of result.metrics) {
    lines.push(
      '',
      `${m.metric} (${METRIC_BY_ID.get(m.metric)?.label ?? ''})${m.note ? `: ${m.note}` : m.topClear ? '' : ' — top inputs not clearly separated; add trajectories or runs'}`,
    );
    for (const r of m.ranking)
      lines.push(
        `  ${String(r.rank).padStart(2)}. ${r.uncertainty.padEnd(36)} ${h.method === 'morris' ? 'μ*' : 'ST'} ${num(r.importance)} [${num(r.low)}, ${num(r.high)}]`,
      );
  }
  return lines.join('\n') + '\n';
}

/** A stress test's or sensitivity study's result as the user asked for it (also for merged shards). */
export function renderStudy(
  study: { kind: 'stress'; result: StressResult } | { kind: 'sensitivity'; result: SensitivityResult },
  metadata: Record<string, unknown>,
  format: Format,
): string {
  if (study.kind === 'stress') {
    const r = study.result;
    return format === 'csv'
      ? csvTable(stressTable(r))
      : format === 'table'
        ? stressSummary(r)
        : stressJson(r, metadata);
  }
  const r = study.result;
  return format === 'csv'
    ? csvTable(sensitivityTable(r))
    : format === 'table'
      ? sensitivitySummary(r)
      : json({ metadata, ...r });
}
