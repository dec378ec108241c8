/**
 * Merging shard files into exactly the result one machine would have produced, whatever the kind of experiment:
 * mergeShards checks that the files are all the shards of one experiment, each once, and hands their partials to
 * the kind (ShardKind, shard.ts) to merge and finalise. The kinds of this folder: ensembles, comparisons and
 * sweeps, whose partials are merged per ensemble (rows by replicate, block sums in block order, histogram counts
 * added) and finalised by the same code as a single run.
 */
import {
  blockSizeFor,
  finalizeEnsemble,
  mergePartials,
  type EnsemblePartial,
  type EnsembleResult,
  type Shard,
} from './ensemble.ts';
import { compareFromPartials, type ComparisonResult } from './compare.ts';
import { sweepFromPartials, type SweepAxis, type SweepResult } from './sweep.ts';
import {
  SHARD_FORMAT,
  deserializePartial,
  serializePartial,
  type SerializedPartial,
  type ShardFile,
  type ShardKind,
} from './shard.ts';

export type ExperimentKind = 'ensemble' | 'compare' | 'sweep';

export type ExperimentResult =
  | { kind: 'ensemble'; result: EnsembleResult }
  | { kind: 'compare'; result: ComparisonResult }
  | { kind: 'sweep'; result: SweepResult };

/** A sweep's grid: the axes and every point (first axis slowest). */
export interface SweepGrid {
  axes: SweepAxis[];
  points: Record<string, number>[];
}

/** Final result of an experiment from its (complete, merged) partials. */
export function finalizeExperiment(
  kind: ExperimentKind,
  partials: readonly EnsemblePartial[],
  sweep?: SweepGrid,
): ExperimentResult {
  if (kind === 'ensemble') return { kind, result: finalizeEnsemble(partials[0]) };
  if (kind === 'compare') return { kind, result: compareFromPartials(partials) };
  if (!sweep) throw new Error('sweep shards carry no axes');
  return { kind, result: sweepFromPartials(sweep.axes, sweep.points, partials) };
}

/** The partial result of an ensemble, comparison or sweep: one partial per ensemble (and a sweep's grid). */
export interface ExperimentPartial {
  partials: EnsemblePartial[];
  sweep?: SweepGrid;
}

const canonical = (v: unknown): string => JSON.stringify(v);

function experimentShards<K extends ExperimentKind>(kind: K): ShardKind<K, ExperimentPartial, ExperimentResult> {
  return {
    kind,
    format: SHARD_FORMAT,
    encode: (p) => ({ ...(p.sweep ?? {}), partials: p.partials.map(serializePartial) }),
    decode: (file: ShardFile) => {
      if (!Array.isArray(file.partials)) throw new Error('it holds no partial results');
      const partials = (file.partials as SerializedPartial[]).map(deserializePartial);
      const sweep =
        file.axes && file.points
          ? { axes: file.axes as SweepAxis[], points: file.points as Record<string, number>[] }
          : undefined;
      return sweep ? { partials, sweep } : { partials };
    },
    // a sweep may sweep the horizon itself, so only ensembles and comparisons have one number of weeks
    verify: (p, shard, metadata, first) => verifyExperimentPartial(p, shard, metadata, first, kind !== 'sweep'),
    merge: (parts) => {
      const first = parts[0];
      for (const p of parts) {
        if (canonical(p.sweep) !== canonical(first.sweep))
          throw new Error('the shards come from different sweeps (their axes differ)');
        if (p.partials.length !== first.partials.length)
          throw new Error('the shards hold different numbers of ensembles');
      }
      const partials = first.partials.map((_, k) => mergePartials(parts.map((p) => p.partials[k])));
      // together the shards must hold every run of every ensemble, each once (mergePartials refuses twice)
      partials.forEach((p, k) => {
        const held = p.rows.length + p.failures.length;
        if (held !== p.runs)
          throw new Error(
            `the shards hold ${held} of the ${p.runs} runs of ensemble ${k + 1} (${p.scenarioId}): ${held < p.runs ? 'runs are missing' : 'there are runs too many'}`,
          );
      });
      return first.sweep ? { partials, sweep: first.sweep } : { partials };
    },
    finalize: (p) => finalizeExperiment(kind, p.partials, p.sweep),
  };
}

/**
 * The largest magnitude a run's summary or a block's sum per run may have: far above any metric of the largest place
 * (a county's spend is about 1e9 a year), far below where sums overflow (1e308).
 */
export const MAX_SHARD_VALUE = 1e15;

/** The fields every shard of one ensemble shares. */
const SHARED_FIELDS = ['scenarioId', 'seed', 'stream', 'ranges', 'runs', 'weeks', 'blockSize', 'series'] as const;

/**
 * One file's partials checked on their own (ShardKind.verify): the header agrees with the metadata and the first
 * file, the rows hold exactly the replicates of the file's shard label, each once, and every number is one a run can
 * produce. A digest is not a signature (anyone can recompute it), so these checks are what stop a hand-edited file
 * whose digest was recomputed: a row removed, a lone shard relabelled 1/1, a count of 1e9, values of 1e308.
 */
function verifyExperimentPartial(
  p: ExperimentPartial,
  shard: Shard,
  metadata: Record<string, unknown>,
  first: { name: string; partial: ExperimentPartial } | undefined,
  oneHorizon: boolean,
): void {
  if (first && p.partials.length !== first.partial.partials.length)
    throw new Error(`partials holds ${p.partials.length} ensembles, ${first.name} ${first.partial.partials.length}`);
  p.partials.forEach((e, k) => {
    const at = `partials[${k}]`;
    for (const [field, max] of [
      ['runs', Number.MAX_SAFE_INTEGER],
      ['weeks', 1040],
    ] as const) {
      const v = e[field];
      if (!(Number.isInteger(v) && v >= 1 && v <= max))
        throw new Error(`${at}.${field} is ${String(v)}: not a number of ${field} (a whole number from 1 to ${max})`);
      if ((field === 'runs' || oneHorizon) && typeof metadata[field] === 'number' && v !== metadata[field])
        throw new Error(`${at}.${field} is ${v}, the experiment's metadata says ${String(metadata[field])}`);
    }
    if (e.blockSize !== blockSizeFor(e.runs))
      throw new Error(
        `${at}.blockSize is ${String(e.blockSize)}; ${e.runs} runs are dealt in blocks of ${blockSizeFor(e.runs)}`,
      );
    const ref = first?.partial.partials[k];
    if (ref)
      for (const f of SHARED_FIELDS)
        if (e[f] !== ref[f])
          throw new Error(`${at}.${f} is ${String(e[f])}, in ${first!.name} it is ${String(ref[f])}`);
    // the replicates: exactly those of this shard's blocks (ensemble.ts shardReplicates), each once
    checkShardItems([...e.rows.map((x) => x.replicate), ...e.failures.map((x) => x.replicate)], e.runs, shard, {
      field: `${at}.rows`,
      item: 'replicate',
      items: 'runs',
      unlisted: ' and not listed as failed',
    });
    const m = e.metricIds.length;
    for (const row of e.rows) {
      const s: unknown = row.summary;
      if (!Array.isArray(s) || s.length !== m)
        throw new Error(
          `${at}.rows: replicate ${row.replicate}'s summary has ${Array.isArray(s) ? s.length : 'no'} values for ${m} metrics`,
        );
      for (let j = 0; j < m; j++) {
        const v: unknown = s[j];
        if (v !== null && !(typeof v === 'number' && Math.abs(v) <= MAX_SHARD_VALUE))
          throw new Error(
            `${at}.rows: replicate ${row.replicate}'s ${e.metricIds[j]} is ${String(v)}, not a value a run produces`,
          );
      }
    }
    const b = e.blockSize;
    for (const blk of e.blocks) {
      if (
        !(Number.isInteger(blk.index) && blk.index >= 0 && blk.index * b < e.runs) ||
        blk.index % shard.count !== shard.index - 1
      )
        throw new Error(
          `${at}.blocks: block ${String(blk.index)} is not one of shard ${shard.index}/${shard.count}'s blocks`,
        );
      if (blk.sums.length !== m * e.weeks)
        throw new Error(
          `${at}.blocks: block ${blk.index} has ${blk.sums.length} sums for ${m} metrics × ${e.weeks} weeks`,
        );
      for (const v of blk.sums)
        if (!(Number.isNaN(v) || Math.abs(v) <= MAX_SHARD_VALUE * b))
          throw new Error(`${at}.blocks: block ${blk.index} holds a sum of ${v}, not one its runs can produce`);
    }
  });
}

/**
 * Checks that `keys` are exactly the items of shard i/n among `total` (dealt in blocks as ensemble.ts
 * shardReplicates deals them), each once; throws naming the field, and the first items missing. Work and memory
 * grow with the keys given, not with `total`.
 */
export function checkShardItems(
  keys: readonly unknown[],
  total: number,
  shard: Shard,
  names: { field: string; item: string; items: string; unlisted?: string },
): void {
  if (!(Number.isInteger(total) && total >= 1 && total <= Number.MAX_SAFE_INTEGER))
    throw new Error(`${names.field}: ${String(total)} ${names.items} is not a count`);
  const b = blockSizeFor(total);
  const mine = (r: unknown): r is number =>
    Number.isInteger(r) &&
    (r as number) >= 0 &&
    (r as number) < total &&
    Math.floor((r as number) / b) % shard.count === shard.index - 1;
  let expected = 0;
  for (let block = shard.index - 1; block * b < total; block += shard.count)
    expected += Math.min(total, (block + 1) * b) - block * b;
  const held = new Set<number>();
  for (const r of keys) {
    if (!mine(r))
      throw new Error(
        `${names.field}: ${names.item} ${String(r)} is not one of shard ${shard.index}/${shard.count}'s ${names.items}`,
      );
    if (held.has(r)) throw new Error(`${names.field}: ${names.item} ${r} appears twice`);
    held.add(r);
  }
  if (held.size !== expected) {
    const missing: number[] = [];
    for (let block = shard.index - 1; block * b < total && missing.length < 5; block += shard.count)
      for (let r = block * b; r < Math.min(total, (block + 1) * b) && missing.length < 5; r++)
        if (!held.has(r)) missing.push(r);
    const count = expected - held.size;
    throw new Error(
      `${names.field} holds ${held.size} of the ${expected} ${names.items} of shard ${shard.index}/${shard.count}: ${count} missing${names.unlisted ?? ''} (${names.item} ${missing.join(', ')}${count > missing.length ? ', …' : ''})`,
    );
  }
}

/**
 * ShardKind.verify for keyed partials (stress tests' futures, sensitivity studies' design points): the header is the
 * first file's, and the rows are exactly the items of the file's shard, each once.
 */
export function verifyKeyedPartial<H, Row, Err>(
  p: KeyedPartial<H, Row, Err>,
  shard: Shard,
  first: { name: string; partial: KeyedPartial<H, Row, Err> } | undefined,
  key: (row: Row) => unknown,
  total: (header: H) => number,
  names: { item: string; items: string },
): void {
  if (first && canonical(p.header) !== canonical(first.partial.header))
    throw new Error(`partial.header differs from ${first.name}'s: not the same study`);
  checkShardItems(p.rows.map(key), total(p.header), shard, { field: 'partial.rows', ...names });
}

export const ENSEMBLE_SHARDS = experimentShards('ensemble');
export const COMPARE_SHARDS = experimentShards('compare');
export const SWEEP_SHARDS = experimentShards('sweep');
/** The shard kinds of this folder, by experiment kind. */
export const EXPERIMENT_SHARDS = { ensemble: ENSEMBLE_SHARDS, compare: COMPARE_SHARDS, sweep: SWEEP_SHARDS } as const;
export const EXPERIMENT_SHARD_KINDS = [ENSEMBLE_SHARDS, COMPARE_SHARDS, SWEEP_SHARDS] as const;

/** The merged result of the shards of one experiment of one of the kinds K. */
export type MergedShards<K extends ShardKind> =
  K extends ShardKind<infer N, infer _P, infer R> ? { kind: N; metadata: Record<string, unknown>; result: R } : never;

/**
 * Checks that the files are all the shards of one experiment (the same kind and metadata, each of 1/n … n/n once)
 * and merges them with their kind, one of `kinds`. Throws an Error naming the files at fault.
 */
export function mergeShards<K extends ShardKind>(
  files: readonly { name: string; file: ShardFile }[],
  kinds: readonly K[],
): MergedShards<K> {
  if (files.length === 0) throw new Error('merge needs at least one shard file');
  const { name: firstName, file: first } = files[0];
  const kind = kinds.find((k) => k.kind === first.kind && k.format === first.format);
  if (!kind) throw new Error(`${firstName}: a '${first.kind}' shard, which this program cannot merge`);
  const n = first.shard.count;
  const seen = new Map<number, string>();
  for (const { name, file } of files) {
    if (file.kind !== first.kind || file.format !== first.format)
      throw new Error(
        `${name} is a shard of kind '${file.kind}', ${firstName} of kind '${first.kind}': not the same experiment`,
      );
    if (file.metadata.ranges !== first.metadata.ranges)
      throw new Error(
        `${name} shows ranges of ${rangesName(file.metadata.ranges)}, ${firstName} of ${rangesName(first.metadata.ranges)} (--ranges): shards of one experiment must show the same kind of range`,
      );
    if (canonical(file.metadata) !== canonical(first.metadata))
      throw new Error(
        `${name} and ${firstName} come from different experiments (their metadata differ: scenario or spec, seed, size, horizon or options)`,
      );
    if (file.experimentDigest !== first.experimentDigest)
      throw new Error(`${name} belongs to another experiment than ${firstName} (their experiment digests differ)`);
    if (file.shard.count !== n)
      throw new Error(`${name} is shard ${file.shard.index}/${file.shard.count}, ${firstName} is one of ${n}`);
    const other = seen.get(file.shard.index);
    if (other) throw new Error(`shard ${file.shard.index}/${n} given twice (${other} and ${name})`);
    seen.set(file.shard.index, name);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length)
    throw new Error(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')}`);
  const sorted = [...files].sort((a, b) => a.file.shard.index - b.file.shard.index);
  const parts = sorted.map(({ name, file }) => {
    try {
      return kind.decode(file);
    } catch (e) {
      throw new Error(`${name}: shard file is incomplete (${(e as Error).message})`, { cause: e });
    }
  });
  // each file on its own: the runs its label says it holds, each once, and values a run can produce
  parts.forEach((p, i) => {
    try {
      kind.verify?.(
        p,
        sorted[i].file.shard,
        first.metadata,
        i ? { name: sorted[0].name, partial: parts[0] } : undefined,
      );
    } catch (e) {
      throw new Error(`${sorted[i].name}: ${(e as Error).message}`, { cause: e });
    }
  });
  const result = kind.finalize(kind.merge(parts));
  return { kind: kind.kind, metadata: first.metadata, result } as MergedShards<K>;
}

/** A --ranges value as merge names it. */
function rangesName(v: unknown): string {
  return v === 'chance' ? "'chance'" : v === 'chance+parameters' ? "'chance+parameters'" : 'an unrecorded kind';
}

/** A partial result made of a header (the same in every shard), rows each keyed by a number, and run errors. */
export interface KeyedPartial<H, Row, Err> {
  header: H;
  rows: Row[];
  errors: Err[];
}

/**
 * Combines keyed partials (stress tests' futures, sensitivity studies' design points): the headers must agree,
 * rows are put in key order and each key may come from one shard only, errors are sorted by `errorOrder`.
 * `what` names a key in messages ('future'); `experiments` names what differs ('stress tests').
 */
export function mergeKeyedPartials<H, Row, Err, P extends KeyedPartial<H, Row, Err>>(
  parts: readonly P[],
  key: (row: Row) => number,
  errorOrder: (a: Err, b: Err) => number,
  names: { what: string; experiments: string },
): KeyedPartial<H, Row, Err> {
  if (parts.length === 0) throw new Error('nothing to merge');
  const h = canonical(parts[0].header);
  for (const p of parts)
    if (canonical(p.header) !== h) throw new Error(`the partials come from different ${names.experiments}`);
  const rows = parts.flatMap((p) => p.rows).sort((a, b) => key(a) - key(b));
  for (let i = 1; i < rows.length; i++)
    if (key(rows[i]) === key(rows[i - 1]))
      throw new Error(`${names.what} ${key(rows[i])} appears twice (the same shard given twice?)`);
  return { header: parts[0].header, rows, errors: parts.flatMap((p) => p.errors).sort(errorOrder) };
}
