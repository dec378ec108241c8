/**
 * The command line's one option parser: the option groups commands are built from, parsing (node:util
 * parseArgs, strict), and readers that check each value and say what would be valid. A mistake is a UsageError
 * (exit 2) naming the flag.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Shard } from '../node.ts';
import { DEFAULT_RANGES, RANGE_KINDS, SCENARIO_RANGES, isRangeKind, type RangeKind } from '../node.ts';
import { UsageError } from './errors.ts';

export type OptionTable = NonNullable<ParseArgsConfig['options']>;
export type Opts = Record<string, string | boolean | undefined>;

export const HELP = { help: { type: 'boolean', short: 'h' } } as const;
/** --format F and --out PATH (output.ts reads them) */
export const OUTPUT = { format: { type: 'string' }, out: { type: 'string' } } as const;
/** every command that reads scenarios */
export const COMMON = { ...HELP, library: { type: 'string' } } as const;
/** every command that runs the simulation */
export const RUNNING = {
  ...COMMON,
  seed: { type: 'string' },
  years: { type: 'string' },
  ...OUTPUT,
  workers: { type: 'string' },
  shard: { type: 'string' },
} as const;

/** --ranges K: what the ranges show (commands that run ensembles or stress tests) */
export const RANGES = { ranges: { type: 'string' } } as const;
/** the help line of --ranges */
export const RANGES_HELP = `--ranges K        what ranges show: chance+parameters (default: each replicate also draws the
                    model's assumed coefficients) or chance (seeds only, for teaching)`;

/** --ranges chance+parameters|chance (default chance+parameters). */
export function rangesOpt(o: Opts): RangeKind {
  const v = o.ranges;
  if (v === undefined) return DEFAULT_RANGES;
  if (!isRangeKind(v))
    throw new UsageError(
      `--ranges must be ${RANGE_KINDS.join(' or ')} (chance and the assumed coefficients, or chance only), got '${String(v)}'.`,
    );
  return v;
}

/** The options and positional arguments of `commsim COMMAND …`. */
export function parseOptions(command: string, options: OptionTable, argv: string[]): { opts: Opts; args: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { opts: values as Opts, args: positionals };
  } catch (e) {
    throw new UsageError(
      `${command}: ${(e as Error).message.replace(/\. To specify a positional.*$/s, '')}. See 'commsim ${command} --help'.`,
    );
  }
}

/** --NAME N, a whole number from min to max; undefined when not given. */
export function intOpt(o: Opts, name: string, min: number, max = 10_000_000): number | undefined {
  const v = o[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${String(v)}'.`);
  return n;
}

/**
 * --years Y: up to the scenario schema's longest horizon (20 years); undefined when not given. Unlike a scenario
 * file's whole `years`, a fraction is allowed for a quick try (0.25 = 13 weeks), down to one week.
 */
export function yearsOpt(o: Opts): number | undefined {
  if (o.years === undefined) return undefined;
  const y = Number(o.years);
  const max = SCENARIO_RANGES.years.max;
  if (!Number.isFinite(y) || y < 1 / 52 || y > max)
    throw new UsageError(
      `--years must be a number from ${(1 / 52).toFixed(3)} (one week; fractions are allowed for a quick try) to ${max}, as a scenario's years, got '${String(o.years)}'.`,
    );
  return y;
}

/** Weeks of a horizon of `years` years. */
export function weeksOf(years: number): number {
  return Math.max(1, Math.round(years * 52));
}

/** --shard i/n */
export function shardOpt(o: Opts): Shard | undefined {
  const s = o.shard as string | undefined;
  if (s === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(s);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || index < 1 || count < 1 || index > count)
    throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n (e.g. --shard 2/8), got '${s}'.`);
  return { index, count };
}

/** --workers N (0: in this thread); by default one per core, or none for fewer than 4 runs. */
export function workersOpt(o: Opts, tasks: number): number | undefined {
  return o.workers === undefined ? (tasks < 4 ? 0 : undefined) : intOpt(o, 'workers', 0, 256);
}
