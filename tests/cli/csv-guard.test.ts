/**
 * The one CSV writer (sim/core/csv.ts) guards text a spreadsheet would run as a formula (issue 19): also after a
 * leading carriage return, line feed, tab or other white space, and in the command line's tables; numbers stay.
 */
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../sim/index.ts';
import { csvTable } from '../../sim/cli/output.ts';

describe('the CSV formula guard', () => {
  const hostile = [
    '=1+1',
    '+1+1',
    '-1+1',
    '@SUM(A1)',
    '\r=1+1',
    '\n=1+1',
    '\t=1+1',
    ' =1+1',
    '\u00a0=HYPERLINK("x")',
    '\t',
    '\rabc',
    '＝1+1',
  ];
  it.each(hostile)('guards %j', (text) => {
    const field = csvField(text);
    const unquoted = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
    expect(unquoted.startsWith("'")).toBe(true);
  });
  it('leaves numbers, numbers written as text and plain titles alone', () => {
    expect(toCsv([[-1.5, '-2.5', '1e-3', 'Alliance (2 years)', 'a-b']])).toBe(
      '-1.5,-2.5,1e-3,Alliance (2 years),a-b\n',
    );
  });
  it('guards the command line’s tables too', () => {
    expect(csvTable({ columns: ['title'], rows: [['\r=1+1']] })).toBe(`title\n"'\r=1+1"\n`);
  });
});
