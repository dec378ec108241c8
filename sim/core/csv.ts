/**
 * CSV (RFC 4180, with '\n' line ends): the one writer behind the command line's `--format csv` and the web app's
 * downloads, so a table reads the same wherever it was saved.
 */

export interface CsvOptions {
  /**
   * Put a ' before text starting with = + - or @, which spreadsheets would otherwise run as a formula (for files
   * built from what users typed; numbers are never changed).
   */
  guardFormulas?: boolean;
}

/** One field: empty for null, undefined and numbers that are not finite; quoted when it holds a comma, quote or line break. */
export function csvField(value: unknown, opts: CsvOptions = {}): string {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '';
  let s = String(value);
  if (opts.guardFormulas && typeof value === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (the header first, if any) as CSV text, each line ended by '\n'. */
export function toCsv(rows: readonly (readonly unknown[])[], opts: CsvOptions = {}): string {
  return rows.map((r) => r.map((v) => csvField(v, opts)).join(',')).join('\n') + '\n';
}
