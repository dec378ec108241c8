/**
 * Shard files: one machine's slice of an experiment (ensemble, comparison or sweep), as mergeable partial
 * results. A shard i/n runs the replicate blocks b with b mod n = i − 1 (ensemble.ts shardReplicates) of every
 * ensemble in the experiment. Typed arrays are stored as base64 of their bytes, so numbers survive exactly.
 */
import { LogHistogram } from './stats.ts';
import type { EnsemblePartial, Shard } from './ensemble.ts';
import type { SweepAxis } from './sweep.ts';

export type ExperimentKind = 'ensemble' | 'compare' | 'sweep';

export const SHARD_FORMAT = 'commsim-shard';
export const SHARD_FORMAT_VERSION = 1;

export interface ShardFile {
  format: typeof SHARD_FORMAT;
  formatVersion: number;
  kind: ExperimentKind;
  shard: Shard;
  /** describes the experiment; identical in every shard of it (no date: merge stamps its own) */
  metadata: Record<string, unknown>;
  /** sweeps only */
  axes?: SweepAxis[];
  points?: Record<string, number>[];
  partials: SerializedPartial[];
}

/** An EnsemblePartial as JSON: typed arrays as base64, histograms as plain counts. */
export type SerializedPartial = Omit<EnsemblePartial, 'blocks' | 'hist' | 'trajectories'> & {
  blocks: { index: number; sums: string }[];
  hist: number[][] | null;
  trajectories: { replicate: number; seed: number; series: string }[];
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
    trajectories: p.trajectories.map((t) => ({ replicate: t.replicate, seed: t.seed, series: toBase64(t.series) })),
  };
}

export function deserializePartial(s: SerializedPartial): EnsemblePartial {
  return {
    ...s,
    blocks: s.blocks.map((b) => ({ index: b.index, sums: f64(b.sums) })),
    hist: s.hist ? s.hist.map((a) => LogHistogram.fromArray(a)) : null,
    trajectories: s.trajectories.map((t) => ({ replicate: t.replicate, seed: t.seed, series: f32(t.series) })),
  };
}

export function makeShardFile(
  kind: ExperimentKind, shard: Shard, metadata: Record<string, unknown>, partials: readonly EnsemblePartial[],
  sweep?: { axes: SweepAxis[]; points: Record<string, number>[] },
): ShardFile {
  return { format: SHARD_FORMAT, formatVersion: SHARD_FORMAT_VERSION, kind, shard, metadata, ...(sweep ?? {}), partials: partials.map(serializePartial) };
}

/** Parses and checks a shard file's text; `name` is used in error messages. */
export function parseShardFile(text: string, name: string): ShardFile {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Error(`${name}: not a shard file (invalid JSON: ${(e as Error).message})`);
  }
  const f = v as Partial<ShardFile>;
  if (!f || f.format !== SHARD_FORMAT) throw new Error(`${name}: not a shard file (expected "format": "${SHARD_FORMAT}"; write one with --shard i/n)`);
  if (f.formatVersion !== SHARD_FORMAT_VERSION) throw new Error(`${name}: shard format version ${f.formatVersion}, this program reads ${SHARD_FORMAT_VERSION}`);
  if (!f.shard || !Array.isArray(f.partials) || !f.kind) throw new Error(`${name}: shard file is incomplete`);
  return f as ShardFile;
}
