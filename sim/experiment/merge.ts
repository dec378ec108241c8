/**
 * Merging shard files into exactly the result one machine would have produced: partials are merged per
 * ensemble (rows by replicate, block sums in block order, histogram counts added) and finalized by the same
 * code as a single run.
 */
import { finalizeEnsemble, mergePartials, type EnsemblePartial, type EnsembleResult } from './ensemble.ts';
import { compareFromPartials, type ComparisonResult } from './compare.ts';
import { sweepFromPartials, type SweepAxis, type SweepResult } from './sweep.ts';
import { deserializePartial, type ExperimentKind, type ShardFile } from './shard.ts';

export type ExperimentResult =
  | { kind: 'ensemble'; result: EnsembleResult }
  | { kind: 'compare'; result: ComparisonResult }
  | { kind: 'sweep'; result: SweepResult };

/** Final result of an experiment from its (complete, merged) partials. */
export function finalizeExperiment(
  kind: ExperimentKind, partials: readonly EnsemblePartial[], sweep?: { axes: SweepAxis[]; points: Record<string, number>[] },
): ExperimentResult {
  if (kind === 'ensemble') return { kind, result: finalizeEnsemble(partials[0]) };
  if (kind === 'compare') return { kind, result: compareFromPartials(partials) };
  if (!sweep) throw new Error('sweep shards carry no axes');
  return { kind, result: sweepFromPartials(sweep.axes, sweep.points, partials) };
}

const canonical = (v: unknown): string => JSON.stringify(v);

export interface MergedShards {
  kind: ExperimentKind;
  metadata: Record<string, unknown>;
  experiment: ExperimentResult;
}

/** Checks that the files are all the shards of one experiment, each once, and merges them. */
export function mergeShards(files: readonly { name: string; file: ShardFile }[]): MergedShards {
  if (files.length === 0) throw new Error('merge needs at least one shard file');
  const first = files[0].file;
  const n = first.shard.count;
  const seen = new Map<number, string>();
  for (const { name, file } of files) {
    if (file.kind !== first.kind) throw new Error(`${name} is a ${file.kind} shard, ${files[0].name} a ${first.kind} shard: not the same experiment`);
    if (canonical(file.metadata) !== canonical(first.metadata) || canonical(file.axes) !== canonical(first.axes))
      throw new Error(`${name} and ${files[0].name} come from different experiments (metadata differs: scenario, seed, runs, years or options)`);
    if (file.shard.count !== n) throw new Error(`${name} is shard ${file.shard.index}/${file.shard.count}, ${files[0].name} is one of ${n}`);
    if (file.partials.length !== first.partials.length) throw new Error(`${name}: wrong number of ensembles`);
    const other = seen.get(file.shard.index);
    if (other) throw new Error(`shard ${file.shard.index}/${n} given twice (${other} and ${name})`);
    seen.set(file.shard.index, name);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) throw new Error(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')}`);
  const ordered = [...files].sort((a, b) => a.file.shard.index - b.file.shard.index);
  const partials = first.partials.map((_, k) => mergePartials(ordered.map((f) => deserializePartial(f.file.partials[k]))));
  const sweep = first.axes && first.points ? { axes: first.axes, points: first.points } : undefined;
  return { kind: first.kind, metadata: first.metadata, experiment: finalizeExperiment(first.kind, partials, sweep) };
}
