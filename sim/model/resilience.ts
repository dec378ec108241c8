/**
 * Resilience after each shock (docs/model.md 7.14): how deep good days dipped (and unmet need rose) and how many
 * weeks until they were back within tolerance. Computed from the recorded series after the run.
 */
import type { RunConfig, ShockResilience, SimEventType } from '../types.ts';
import { METRIC_INDEX } from './metrics.ts';

/** Shock types whose resilience is measured (depth of the dip and weeks to recover). */
const SHOCKS: ReadonlySet<SimEventType> = new Set([
  'provider_collapse',
  'sickness_wave',
  'competing_employer',
  'budget_cut',
  'demand_surge',
  'living_wage',
  'fee_change',
  'recruitment_pool',
  'employer_costs',
]);

/** After each shock: depth of the dip in good days (and rise in unmet need), and weeks until back within tolerance. */
export function resilience(config: RunConfig, series: Float64Array, weeks: number): ShockResilience[] {
  const out: ShockResilience[] = [];
  for (const ev of config.events) {
    if (!SHOCKS.has(ev.type) || ev.week < 0 || ev.week >= weeks) continue;
    if (ev.type === 'fee_change' && ev.share >= 0) continue;
    for (const [metric, sign, tol] of [
      ['wellbeing_mean', 1, 0.01],
      ['unmet_need_share', -1, 0.01],
    ] as const) {
      const off = (METRIC_INDEX.get(metric) ?? 0) * weeks;
      const from = Math.max(0, ev.week - 4);
      let base = 0;
      for (let t = from; t < Math.max(from + 1, ev.week); t++) base += series[off + Math.min(t, weeks - 1)];
      base /= Math.max(1, ev.week - from);
      let depth = 0;
      let trough = ev.week;
      const end = Math.min(weeks, ev.week + 156);
      for (let t = ev.week; t < end; t++) {
        const d = sign * (base - series[off + t]);
        if (d > depth) {
          depth = d;
          trough = t;
        }
      }
      let recovery = 0;
      if (depth > tol) {
        recovery = -1;
        for (let t = trough; t < weeks; t++) {
          if (sign * (base - series[off + t]) <= tol) {
            recovery = t - ev.week;
            break;
          }
        }
      }
      out.push({ week: ev.week, type: ev.type, metric, depth, recoveryWeeks: recovery });
    }
  }
  return out;
}
