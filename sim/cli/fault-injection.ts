/**
 * A fault for tests of the command line (the fault suite): COMMSIM_FAULT_FAIL_REPLICATES=0,3 makes the runs of
 * those replicates fail as a crashed run would, without touching the model. Unset, the backend is returned as is.
 */
import type { SimBackend } from '../node.ts';

export function withInjectedFaults(backend: SimBackend): SimBackend {
  const spec = process.env.COMMSIM_FAULT_FAIL_REPLICATES;
  if (!spec) return backend;
  const failing = new Set(spec.split(',').map((s) => Number(s.trim())));
  return {
    concurrency: backend.concurrency,
    close: () => backend.close(),
    async runBatch(tasks, opts) {
      const kept: number[] = [];
      let failed = 0;
      tasks.forEach((t, i) => {
        if (!failing.has(t.replicate)) kept.push(i);
        else {
          failed++;
          opts.onError?.({
            index: i,
            replicate: t.replicate,
            seed: t.seed,
            scenarioId: t.config.scenarioId,
            error: 'injected fault (COMMSIM_FAULT_FAIL_REPLICATES)',
          });
        }
      });
      const out = await backend.runBatch(
        kept.map((i) => tasks[i]),
        {
          ...opts,
          onResult: (j, r) => opts.onResult(kept[j], r),
          onError: (e) => opts.onError?.({ ...e, index: kept[e.index] }),
        },
      );
      return { completed: out.completed, failed: out.failed + failed };
    },
  };
}
