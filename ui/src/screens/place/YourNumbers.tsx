import { useId, useState } from 'react';
import { NUMBER_FIELDS, pounds, type NumberField, type PlaceNumbers } from '../../../../sim/index.ts';
import { downloadText } from '../../common/download.ts';
import { NumberBox } from '../../common/NumberBox.tsx';
import {
  figureOf,
  figuresIssues,
  financialYear,
  hasFigures,
  importNumbersCsv,
  issueAt,
  keptValue,
  numbersCsv,
  shownValue,
  withFigure,
  withLatestYear,
  yearBefore,
  yearLabels,
  type CsvImport,
} from '../../state/place-numbers.ts';
import type { Workspace } from '../../state/workspace.ts';
import { BaselineCheckPanel } from './BaselineCheckPanel.tsx';
import '../appraisal/appraisal.css';

/** Where a figure usually comes from, in words. */
const SOURCE_WORDS: Record<NumberField['source'], string> = {
  'ASC-FR': 'adult social care finance return',
  'ASC-WDS': 'Skills for Care workforce data (local summary)',
  council: 'your own records',
};

/** Largest CSV read (a return of three years is a few kilobytes). */
const MAX_CSV_BYTES = 1_000_000;

/** The unit a figure is typed in: shares as percentages. */
function unitShown(f: NumberField): string {
  return f.share ? '%' : f.unit;
}

/**
 * Your numbers (on Your place): the council's own figures, typed in a form (one column a year: this year, and
 * optionally the two before it for the baseline check) or imported from a CSV of its returns. Kept in the workspace,
 * so they survive a reload. Problems are listed naming the figure, the year (or the file's line) and what is valid.
 */
export function YourNumbers({ ws, update }: { ws: Workspace; update: (f: (w: Workspace) => Workspace) => void }) {
  const numbers = ws.numbers;
  const labels = yearLabels(numbers);
  const issues = figuresIssues(numbers);
  const [imported, setImported] = useState<(CsvImport & { file: string; before?: PlaceNumbers }) | null>(null);
  const fileId = useId();
  const setNumbers = (f: (n: PlaceNumbers | undefined) => PlaceNumbers | undefined): void =>
    update((w) => {
      const next = f(w.numbers);
      const out = { ...w };
      if (next && hasFigures(next)) out.numbers = next;
      else delete out.numbers;
      return out;
    });
  const thisYear = financialYear();
  const yearChoices = [-1, 0, 1, 2, 3].map((k) => yearBefore(thisYear, k)).filter((y, i, a) => a.indexOf(y) === i);
  if (!yearChoices.includes(labels[0])) yearChoices.unshift(labels[0]);

  const readFile = async (file: File): Promise<void> => {
    if (file.size > MAX_CSV_BYTES) {
      setImported({
        ok: false,
        file: file.name,
        issues: [
          {
            file: file.name,
            line: 0,
            column: 0,
            path: '',
            message: `the file is ${(file.size / 1e6).toFixed(1)} MB; a return of figures is at most 1 MB`,
          },
        ],
      });
      return;
    }
    const r = importNumbersCsv(await file.text(), file.name);
    setImported({ ...r, file: file.name, before: numbers });
    if (r.ok) setNumbers(() => r.numbers);
  };

  return (
    <section aria-labelledby="num-h" className="card numbers" id="your-numbers">
      <h3 id="num-h">Your numbers</h3>
      <p>
        Your council’s own figures, as in your returns. The latest year sizes the place and sets its starting state
        (they win over the answers above); the two years before it are optional and are used to check that the model,
        started two years back, reproduces what happened. Leave a box empty if you do not have the figure: the place’s
        own value is used. Shares are in per cent.
      </p>
      <div className="row">
        <label htmlFor="num-year">Latest financial year</label>
        <select id="num-year" value={labels[0]} onChange={(e) => setNumbers((n) => withLatestYear(n, e.target.value))}>
          {yearChoices.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <label htmlFor={fileId}>Import from your returns (CSV)</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void readFile(f);
          }}
        />
        <button type="button" onClick={() => downloadText('your-numbers.csv', numbersCsv(numbers), 'text/csv')}>
          {hasFigures(numbers) ? 'Download your numbers (CSV)' : 'Download a blank form (CSV)'}
        </button>
        {hasFigures(numbers) ? (
          <button type="button" onClick={() => setNumbers(() => undefined)}>
            Clear all figures
          </button>
        ) : null}
      </div>
      <p className="muted small">
        The CSV has one figure a line, with the columns <code>source, measure, year, value, note</code> (the long shape
        in which the finance return and the workforce data’s local summary are published). Download the blank form to
        see every measure.
      </p>
      {imported ? (
        imported.ok ? (
          <p className="notice" role="status">
            Imported {imported.count} figures for {imported.numbers.years.map((y) => y.year).join(', ')} from{' '}
            {imported.file}.{' '}
            {imported.before ? (
              <button
                type="button"
                className="link"
                onClick={() => {
                  const before = imported.before;
                  setNumbers(() => before);
                  setImported(null);
                }}
              >
                Put back the figures you had
              </button>
            ) : null}
          </p>
        ) : (
          <div className="notice error" role="alert">
            <p>
              <strong>
                {imported.file} was not imported:{' '}
                {imported.issues.length === 1 ? 'one problem' : `${imported.issues.length} problems`}.
              </strong>{' '}
              Your figures are as they were. Mend the file and import it again.
            </p>
            <ul className="issues">
              {imported.issues.map((i, n) => (
                <li key={n}>{issueWords(i)}</li>
              ))}
            </ul>
          </div>
        )
      ) : null}
      <div className="table-wrap" role="region" aria-labelledby="num-h" tabIndex={0}>
        <table className="diff numbers-table">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              {labels.map((y, k) => (
                <th scope="col" key={y}>
                  {y}
                  <span className="muted small block">{k === 0 ? 'latest (required)' : 'optional'}</span>
                </th>
              ))}
              <th scope="col">Usually from</th>
            </tr>
          </thead>
          <tbody>
            {NUMBER_FIELDS.map((f) => (
              <tr key={f.id}>
                <th scope="row">
                  {f.label} <span className="muted">({unitShown(f)})</span>
                  <span className="muted small block">Sets {f.sets}.</span>
                </th>
                {labels.map((y, k) => {
                  const v = figureOf(numbers, k, f.id);
                  const issue = issueAt(issues, k, f.id);
                  return (
                    <td key={y} className={issue ? 'has-issue' : undefined}>
                      <NumberBox
                        label={`${f.label}, ${y} (${unitShown(f)})`}
                        value={v === undefined ? undefined : shownValue(f.id, v)}
                        min={f.share ? f.min * 100 : f.min}
                        max={f.share ? f.max * 100 : f.max}
                        whole={['people_supported', 'providers', 'care_workers', 'vacancies'].includes(f.id)}
                        invalid={!!issue}
                        onChange={(x) => setNumbers((n) => withFigure(n, k, f.id, keptValue(f.id, x)))}
                        onClear={() => setNumbers((n) => withFigure(n, k, f.id, undefined))}
                      />
                      {v !== undefined && f.id === 'vacancies' && figureOf(numbers, k, 'care_workers') ? (
                        <span className="muted small block">
                          {((v / (v + figureOf(numbers, k, 'care_workers')!)) * 100).toFixed(1)}% of posts
                        </span>
                      ) : null}
                      {v !== undefined && f.unit === '£ a year' ? (
                        <span className="muted small block">{pounds(v)}</span>
                      ) : null}
                      {issue ? <span className="field-hint block">{issue.message}</span> : null}
                    </td>
                  );
                })}
                <td className="small">{SOURCE_WORDS[f.source]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {issues.length ? (
        <div className="notice error" role="status" aria-live="polite">
          <p>
            <strong>Your figures are kept but not used until these are put right:</strong>
          </p>
          <ul className="issues">
            {issues.map((i, n) => (
              <li key={n}>{issueWords(i, labels)}</li>
            ))}
          </ul>
        </div>
      ) : hasFigures(numbers) ? (
        <p className="muted small" role="status">
          Your figures are complete enough to use: the options appraisal starts from them.
        </p>
      ) : null}
      <BaselineCheckPanel ws={ws} usable={hasFigures(numbers) && issues.length === 0} />
    </section>
  );
}

/** An issue in words: a file's line and column, or the figure and year of the form. */
function issueWords(
  i: { file: string; line: number; column: number; path: string; message: string },
  labels?: string[],
): string {
  const m = /^years\[(\d)\]\.(\w+)$/.exec(i.path);
  if (labels && m) {
    const f = NUMBER_FIELDS.find((x) => x.id === m[2]);
    return `${f?.label ?? m[2]}, ${labels[Number(m[1])] ?? ''}: ${i.message}`;
  }
  if (i.line > 0)
    return `Line ${i.line}${i.column > 0 ? `, column ${i.column}` : ''}${i.path ? `, ${i.path}` : ''}: ${i.message}`;
  return `${i.path ? `${i.path}: ` : ''}${i.message}`;
}
