/**
 * The one shard file format: one machine's slice of an experiment, as mergeable partial results. Every kind of
 * experiment writes the same envelope (format, formatVersion, kind, shard i/n, metadata) followed by its partial
 * result's own fields; a ShardKind says how its partials are written, read, merged and finalised. Ensembles,
 * comparisons and sweeps are defined in merge.ts; stress tests and sensitivity studies in sim/analysis (which may
 * import this module; this module knows nothing of them). merge.ts's mergeShards is the one entry point that
 * merges files of any kind.
 *
 * A shard i/n runs the replicate blocks (or futures, or design points) b with b mod n = i − 1
 * (ensemble.ts shardReplicates). Typed arrays are stored as base64 of their bytes, so numbers survive exactly.
 */
import { digest } from '../core/digest.ts';
import { LogHistogram } from './stats.ts';
import type { EnsemblePartial, Shard } from './ensemble.ts';

/** The `format` of ensemble, comparison and sweep shards. */
export const SHARD_FORMAT = 'commsim-shard';
export const SHARD_FORMAT_VERSION = 1;

export interface ShardFile {
  /** SHARD_FORMAT, or the format a kind has kept since before there was one format ('commsim-stress-shard') */
  format: string;
  formatVersion: number;
  kind: string;
  shard: Shard;
  /** describes the experiment; identical in every shard of it (no date: merge stamps its own) */
  metadata: Record<string, unknown>;
  /** digest of the experiment (format, kind, number of shards, metadata): the same in every shard of it */
  experimentDigest?: string;
  /** digest of the whole file but this field: a changed row, count or label no longer matches */
  contentDigest?: string;
  /** the partial result, as the kind writes it */
  [field: string]: unknown;
}

/** What a kind of experiment brings to the shard format. */
export interface ShardKind<K extends string = string, P = unknown, R = unknown> {
  /** the file's `kind` */
  readonly kind: K;
  /** the file's `format`: SHARD_FORMAT unless files of the kind were written under another name before */
  readonly format: string;
  /** the partial result as the fields that follow the envelope */
  encode(partial: P): Record<string, unknown>;
  /** the partial result from a file's fields; throws if they are missing */
  decode(file: ShardFile): P;
  /**
   * checks one file's partial against its shard label, its metadata and the first file's partial (`first`, absent
   * for the first file itself): the runs it should hold and nothing else, values a run can produce. Throws a
   * message naming the field at fault; mergeShards puts the file's name in front.
   */
  verify?(partial: P, shard: Shard, metadata: Record<string, unknown>, first?: { name: string; partial: P }): void;
  /** the partials of every shard (in shard order) combined; throws if they do not belong together */
  merge(parts: readonly P[]): P;
  /** the result one machine would have produced */
  finalize(partial: P): R;
}

/** The file of one shard of an experiment of the given kind. */
export function makeShardFile<P>(
  kind: ShardKind<string, P>,
  shard: Shard,
  metadata: Record<string, unknown>,
  partial: P,
): ShardFile {
  const file: ShardFile = {
    format: kind.format,
    formatVersion: SHARD_FORMAT_VERSION,
    kind: kind.kind,
    shard,
    metadata,
    experimentDigest: experimentDigestOf(kind.format, kind.kind, shard.count, metadata),
    ...kind.encode(partial),
  };
  return { ...file, contentDigest: digest(JSON.stringify(file)) };
}

/** The most shards an experiment may be split into (README, "Limits"). */
export const MAX_SHARDS = 10_000;

/** The digest that names an experiment: what every one of its shards shares. */
export function experimentDigestOf(
  format: string,
  kind: string,
  count: number,
  metadata: Record<string, unknown>,
): string {
  return digest(JSON.stringify({ format, kind, count, metadata }));
}

/** Parses and checks a shard file's text against the kinds this program knows; `name` is used in error messages. */
export function parseShardFile(text: string, name: string, kinds: readonly ShardKind[]): ShardFile {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Error(`${name}: not a shard file (invalid JSON: ${(e as Error).message})`, { cause: e });
  }
  const f = v as Partial<ShardFile> | null;
  const formats = [...new Set(kinds.map((k) => k.format))];
  if (!f || typeof f !== 'object' || !formats.includes(f.format as string))
    throw new Error(
      `${name}: not a shard file (expected "format": ${formats.map((x) => `"${x}"`).join(' or ')}; write one with --shard i/n)`,
    );
  if (f.formatVersion !== SHARD_FORMAT_VERSION)
    throw new Error(`${name}: shard format version ${f.formatVersion}, this program reads ${SHARD_FORMAT_VERSION}`);
  if (!f.shard || !f.kind || !f.metadata) throw new Error(`${name}: shard file is incomplete`);
  const { index, count } = f.shard as Partial<Shard>;
  if (
    !Number.isInteger(count) ||
    !Number.isInteger(index) ||
    (count as number) < 1 ||
    (count as number) > MAX_SHARDS ||
    (index as number) < 1 ||
    (index as number) > (count as number)
  )
    throw new Error(
      `${name}: shard ${String(index)}/${String(count)} is not a shard label (i/n with 1 ≤ i ≤ n ≤ ${MAX_SHARDS.toLocaleString('en-GB')})`,
    );
  // the digests: the file as written (nothing changed in it), and the experiment it says it belongs to
  if (typeof f.contentDigest !== 'string' || typeof f.experimentDigest !== 'string')
    throw new Error(`${name}: the shard file carries no digest (written by an older commsim, or edited); run it again`);
  const { contentDigest, ...rest } = f as ShardFile;
  if (digest(JSON.stringify(rest)) !== contentDigest)
    throw new Error(
      `${name}: the shard file was altered after it was written (its content does not match its digest); run the shard again`,
    );
  if (experimentDigestOf(f.format as string, f.kind as string, count as number, f.metadata) !== f.experimentDigest)
    throw new Error(`${name}: the shard's experiment digest does not match its metadata; run the shard again`);
  if (!kinds.some((k) => k.kind === f.kind && k.format === f.format))
    throw new Error(
      `${name}: a '${f.kind}' shard, which this program cannot merge (it merges ${kinds.map((k) => k.kind).join(', ')})`,
    );
  return f as ShardFile;
}

/** An EnsemblePartial as JSON: typed arrays as base64, histograms as plain counts. */
export type SerializedPartial = Omit<EnsemblePartial, 'blocks' | 'hist' | 'runSeries'> & {
  blocks: { index: number; sums: string }[];
  hist: number[][] | null;
  runSeries: { replicate: number; seed: number; series: string }[];
};

function toBase64(a: ArrayBufferView): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const B = (globalThis as { Buffer?: typeof Buffer }).Buffer;
  if (B) return B.from(bytes).toString('base64');
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(s: string): Uint8Array {
  const B = (globalThis as { Buffer?: typeof Buffer }).Buffer;
  if (B) return new Uint8Array(B.from(s, 'base64'));
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const f64 = (s: string): Float64Array => new Float64Array(fromBase64(s).slice().buffer);
const f32 = (s: string): Float32Array => new Float32Array(fromBase64(s).slice().buffer);

export function serializePartial(p: EnsemblePartial): SerializedPartial {
  return {
    ...p,
    blocks: p.blocks.map((b) => ({ index: b.index, sums: toBase64(b.sums) })),
    hist: p.hist ? p.hist.map((h) => h.toArray()) : null,
    runSeries: p.runSeries.map((t) => ({ replicate: t.replicate, seed: t.seed, series: toBase64(t.series) })),
  };
}

export function deserializePartial(s: SerializedPartial): EnsemblePartial {
  return {
    ...s,
    blocks: s.blocks.map((b) => ({ index: b.index, sums: f64(b.sums) })),
    // each metric-week's histogram holds at most one value per run
    hist: s.hist ? s.hist.map((a) => LogHistogram.fromArray(a, s.runs)) : null,
    runSeries: s.runSeries.map((t) => ({ replicate: t.replicate, seed: t.seed, series: f32(t.series) })),
  };
}
