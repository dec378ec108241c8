/**
 * CSV (RFC 4180, with '\n' line ends): the one writer behind the command line's `--format csv` and the web app's
 * downloads, so a table reads the same wherever it was saved.
 */

export interface CsvOptions {
  /**
   * Put a ' before text a spreadsheet could run as a formula: text starting with = + - or @, also after leading
   * white space or control characters (a carriage return, line feed or tab first), and text starting with a tab
   * or a carriage return. On unless set false: every table may hold a title a user typed (numbers, and numbers
   * written as text, are never changed).
   */
  guardFormulas?: boolean;
}

/** One field: empty for null, undefined and numbers that are not finite; quoted when it holds a comma, quote or line break. */
export function csvField(value: unknown, opts: CsvOptions = {}): string {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '';
  let s = String(value);
  if (opts.guardFormulas !== false && typeof value === 'string' && mayRunAsFormula(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Text a spreadsheet could read as a formula (OWASP's list, and the same after any leading white space). */
export function mayRunAsFormula(s: string): boolean {
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return false; // a plain number written as text
  // eslint-disable-next-line no-control-regex
  return /^[\s\u0000-\u001f\u007f\u00a0\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(s) || /^[\t\r\n]/.test(s);
}

/** Rows (the header first, if any) as CSV text, each line ended by '\n'. */
export function toCsv(rows: readonly (readonly unknown[])[], opts: CsvOptions = {}): string {
  return rows.map((r) => r.map((v) => csvField(v, opts)).join(',')).join('\n') + '\n';
}

/** One record of a CSV file read by parseCsv: its fields and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Reads CSV text (RFC 4180: quoted fields may hold commas, quotes doubled, and line breaks; '\n' or '\r\n' line
 * ends; a leading byte-order mark is dropped). Blank lines are skipped. Throws an Error naming the line of an
 * unclosed quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    for (;;) {
      if (i >= src.length) {
        if (quoted) throw new Error(`line ${start}: a quoted field is not closed`);
        fields.push(field);
        break;
      }
      const c = src[i];
      if (quoted) {
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (c === '\n') line++;
          field += c;
          i++;
        }
      } else if (c === '"' && field === '') {
        quoted = true;
        i++;
      } else if (c === ',') {
        fields.push(field);
        field = '';
        i++;
      } else if (c === '\n' || c === '\r') {
        fields.push(field);
        i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
        line++;
        break;
      } else {
        field += c;
        i++;
      }
    }
    if (fields.length > 1 || fields[0].trim() !== '') out.push({ line: start, fields });
  }
  return out;
}
