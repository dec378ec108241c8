/** Running one task and listing the buffers its result can hand over without copying. */
import type { RunResult } from '../types.ts';
import { simulate } from '../model/simulate.ts';
import type { RunTask } from './types.ts';

export function runTask(task: RunTask): RunResult {
  const config = task.params ? { ...task.config, params: { ...task.config.params, ...task.params } } : task.config;
  return simulate(config, task.seed, task.replicate, task.options);
}

/** Buffers of a result's typed arrays, for postMessage transfer lists (each once). */
export function transferables(result: RunResult): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView | undefined): void => {
    if (a && a.buffer instanceof ArrayBuffer && a.buffer.byteLength > 0) out.add(a.buffer);
  };
  add(result.series);
  add(result.summary);
  add(result.nodes?.values);
  const t = result.trace;
  if (t) {
    add(t.providerActive);
    add(t.providerTrust);
    add(t.commissionerTrust);
    add(t.providerWorkers);
    add(t.providerKind);
    add(t.workforceFlows);
    add(t.ties);
    add(t.tieTrust);
  }
  return [...out];
}
