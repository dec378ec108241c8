/**
 * The command line's one output writer: --format (json, csv or table) and --out (a file, else standard output).
 * Every command's result leaves through emit; CSV is the simulation's one writer (toCsv).
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { toCsv } from '../node.ts';
import { UsageError } from './errors.ts';
import type { Opts } from './options.ts';
import { writeOut } from './terminal.ts';

export type Format = 'json' | 'csv' | 'table';

/** --format F, or `dflt`. */
export function formatOpt(o: Opts, dflt: Format): Format {
  const f = (o.format as string | undefined) ?? dflt;
  if (f !== 'json' && f !== 'csv' && f !== 'table')
    throw new UsageError(`--format must be json, csv or table, got '${f}'.`);
  return f;
}

/**
 * Writes to --out PATH, or to stdout. A file is written whole or not at all: to a temporary file beside it,
 * flushed to disk, then renamed over PATH, so a kill or a full disk mid-write leaves the earlier file as it was.
 */
export function emit(text: string, o: Opts): void {
  const out = o.out as string | undefined;
  if (out) writeAtomically(out, text);
  else writeOut(text);
}

/** Writes `text` (or bytes) to `path` through a temporary file and a rename (atomic on one file system). */
export function writeAtomically(path: string, text: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* the temporary file could not be removed; the message below still says what failed */
    }
    throw new UsageError(`cannot write '${path}': ${(e as Error).message}`, 1);
  }
}

/** A JSON document as the command line writes it: one space of indent, a final newline. */
export function json(doc: unknown): string {
  return JSON.stringify(doc, null, 1) + '\n';
}

/** A table (columns, then rows) as CSV; text that a spreadsheet could run as a formula is guarded. */
export function csvTable(t: { columns: readonly string[]; rows: readonly (readonly unknown[])[] }): string {
  return toCsv([t.columns, ...t.rows], { guardFormulas: true });
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
