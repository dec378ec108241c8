/**
 * The command line's one output writer: --format (json, csv or table) and --out (a file, else standard output).
 * Every command's result leaves through emit; CSV is the simulation's one writer (toCsv).
 */
import { writeFileSync } from 'node:fs';
import { toCsv } from '../node.ts';
import { UsageError } from './errors.ts';
import type { Opts } from './options.ts';

export type Format = 'json' | 'csv' | 'table';

/** --format F, or `dflt`. */
export function formatOpt(o: Opts, dflt: Format): Format {
  const f = (o.format as string | undefined) ?? dflt;
  if (f !== 'json' && f !== 'csv' && f !== 'table')
    throw new UsageError(`--format must be json, csv or table, got '${f}'.`);
  return f;
}

/** Writes to --out PATH, or to stdout. */
export function emit(text: string, o: Opts): void {
  const out = o.out as string | undefined;
  if (out) {
    try {
      writeFileSync(out, text);
    } catch (e) {
      throw new UsageError(`cannot write '${out}': ${(e as Error).message}`, 1);
    }
  } else process.stdout.write(text);
}

/** A JSON document as the command line writes it: one space of indent, a final newline. */
export function json(doc: unknown): string {
  return JSON.stringify(doc, null, 1) + '\n';
}

/** A table (columns, then rows) as CSV. */
export function csvTable(t: { columns: readonly string[]; rows: readonly (readonly unknown[])[] }): string {
  return toCsv([t.columns, ...t.rows]);
}

/** A plain-text table: first column left-aligned, the others right-aligned, a rule under the header. */
export function textTable(header: string[], rows: string[][]): string {
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]): string =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n') + '\n';
}
