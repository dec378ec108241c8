/**
 * Recording the causal map's nodes over a run (RunOptions.nodes; issue 17, live loops). Nodes read from an outcome
 * metric need nothing here: their weekly values are in the run's series. The rest (the council's defensive stance,
 * compliance checking in force, the recruitment pool, and every lever's value in force) are read from the state at
 * the end of each recorded week, into one array. Only when asked: an ordinary run does not call this.
 */
import type { NodeSeries } from '../types.ts';
import type { State } from './state.ts';
import { CAUSAL_NODES, type CausalNode } from './causal-map.ts';
import { METRIC_INDEX } from './metrics.ts';

/** Readers of the nodes that are not outcome metrics (a lever node reads the lever in force). */
const READERS: Readonly<Record<string, (s: State) => number>> = {
  defensive: (s) => s.stocks.defensive,
  monitoring: (s) => s.effective.monitoring_intensity * (1 - s.effective.learning_monitoring),
  labour_pool: (s) => s.stocks.labourPool,
};

function reader(n: CausalNode): ((s: State) => number) | undefined {
  if (n.metric) return undefined;
  if (n.lever) {
    const id = n.lever;
    return (s) => s.effective[id];
  }
  const r = READERS[n.id];
  if (!r) throw new Error(`causal map node '${n.id}' has neither a metric nor a reader (sim/model/causal-record.ts)`);
  return r;
}

export interface NodeRecorder {
  write(s: State, week: number): void;
  /** the series of every node, metric nodes copied from the run's series */
  finish(series: Float64Array): NodeSeries;
}

export function createNodeRecorder(weeks: number): NodeRecorder {
  const nodes = CAUSAL_NODES;
  const values = new Float64Array(nodes.length * weeks);
  const read = nodes.map(reader);
  return {
    write(s, week) {
      for (let n = 0; n < nodes.length; n++) {
        const r = read[n];
        if (r) values[n * weeks + week] = r(s);
      }
    },
    finish(series) {
      for (let n = 0; n < nodes.length; n++) {
        const metric = nodes[n].metric;
        if (!metric) continue;
        const m = METRIC_INDEX.get(metric)!;
        values.set(series.subarray(m * weeks, (m + 1) * weeks), n * weeks);
      }
      return { ids: nodes.map((n) => n.id), weeks, values };
    },
  };
}
