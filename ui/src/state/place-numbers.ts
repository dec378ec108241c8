/**
 * "Your numbers": the council's own figures as the workspace keeps them (Workspace.numbers, the engine's
 * PlaceNumbers: the latest year first, then up to two earlier years), edited in a form (one column a year) or
 * imported from a CSV in the shape of the public returns. What each figure is, its range and what it sets come from
 * the simulation (NUMBER_FIELDS); checking and reading a CSV are the simulation's too (numbersIssues,
 * parseNumbersCsv), so the app and `commsim appraise` accept the same figures.
 */
import {
  NUMBER_FIELDS,
  normaliseYear,
  numbersIssues,
  parseNumbersCsv,
  ScenarioError,
  toCsv,
  type NumberId,
  type PlaceNumbers,
  type ScenarioIssue,
} from '../../../sim/index.ts';

/** The columns of the form: this year, last year, the year before. */
export const YEAR_COLUMNS = 3;

/** The financial year a date falls in (April to March), as `2025/26`. */
export function financialYear(d = new Date()): string {
  const y = d.getMonth() >= 3 ? d.getFullYear() : d.getFullYear() - 1;
  return `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
}

/** The year `back` years before `latest` (`2025/26`, 1 → `2024/25`). */
export function yearBefore(latest: string, back: number): string {
  const a = Number((normaliseYear(latest) ?? financialYear()).slice(0, 4)) - back;
  return `${a}/${String((a + 1) % 100).padStart(2, '0')}`;
}

/** The three year labels of the form, latest first. */
export function yearLabels(numbers: PlaceNumbers | undefined): string[] {
  const latest = numbers?.years[0]?.year ?? financialYear();
  return Array.from({ length: YEAR_COLUMNS }, (_, k) => yearBefore(latest, k));
}

/** A figure as the form shows it: a share as a percentage (0.085 → 8.5), the rest as they are. */
export function shownValue(id: NumberId, v: number): number {
  const f = NUMBER_FIELDS.find((x) => x.id === id);
  return f?.share ? Math.round(v * 100 * 1e6) / 1e6 : v;
}

/** A figure as the form takes it back (8.5 → 0.085 for a share). */
export function keptValue(id: NumberId, shown: number): number {
  const f = NUMBER_FIELDS.find((x) => x.id === id);
  return f?.share ? Math.round((shown / 100) * 1e9) / 1e9 : shown;
}

/** A figure of one year (column k, 0 = latest), or undefined if not given. */
export function figureOf(numbers: PlaceNumbers | undefined, k: number, id: NumberId): number | undefined {
  const label = yearLabels(numbers)[k];
  return numbers?.years.find((y) => y.year === label)?.values[id];
}

/**
 * The figures with one changed (undefined clears it). Years are kept latest first and consecutive; a year left
 * with no figures is dropped, except the latest, which always stays (it names the years).
 */
export function withFigure(
  numbers: PlaceNumbers | undefined,
  k: number,
  id: NumberId,
  value: number | undefined,
): PlaceNumbers {
  const labels = yearLabels(numbers);
  const years = labels.map((label) => {
    const had = numbers?.years.find((y) => y.year === label)?.values ?? {};
    return { year: label, values: { ...had } };
  });
  if (value === undefined) delete years[k].values[id];
  else years[k].values[id] = value;
  return tidy({ ...numbers, years });
}

/** The figures with the latest year renamed (every year moves with it, each keeping its figures). */
export function withLatestYear(numbers: PlaceNumbers | undefined, latest: string): PlaceNumbers {
  const year = normaliseYear(latest) ?? financialYear();
  const old = yearLabels(numbers);
  const years = old.map((label, k) => ({
    year: yearBefore(year, k),
    values: { ...(numbers?.years.find((y) => y.year === label)?.values ?? {}) },
  }));
  return tidy({ ...numbers, years });
}

/** Earlier years with no figures are dropped (from the end, so the years stay consecutive). */
function tidy(n: PlaceNumbers): PlaceNumbers {
  const years = [...n.years];
  while (years.length > 1 && Object.keys(years[years.length - 1].values).length === 0) years.pop();
  // a middle year with no figures would break the run of years: keep it only if an earlier one has figures
  return { ...n, years };
}

/** Whether any figure is given. */
export function hasFigures(numbers: PlaceNumbers | undefined): boolean {
  return !!numbers && numbers.years.some((y) => Object.keys(y.values).length > 0);
}

/** The problems with the figures (none when no figure is given: the place's own values are used then). */
export function figuresIssues(numbers: PlaceNumbers | undefined): ScenarioIssue[] {
  if (!hasFigures(numbers)) return [];
  // a year in the middle with no figures is dropped from what is checked and used
  return numbersIssues(usedNumbers(numbers!), 'Your numbers');
}

/** The figures as the simulation takes them: years with no figures left out, the latest always kept. */
export function usedNumbers(numbers: PlaceNumbers): PlaceNumbers {
  const years: PlaceNumbers['years'] = [];
  for (const [k, y] of numbers.years.entries()) {
    if (k > 0 && Object.keys(y.values).length === 0) break;
    years.push(y);
  }
  return { ...numbers, years };
}

/** The issue that names a figure of a year (path `years[k].id`), if any. */
export function issueAt(issues: readonly ScenarioIssue[], k: number, id: NumberId): ScenarioIssue | undefined {
  return issues.find((i) => i.path === `years[${k}].${id}`);
}

export type CsvImport = { ok: true; numbers: PlaceNumbers; count: number } | { ok: false; issues: ScenarioIssue[] };

/** Reads a CSV of the council's figures; every problem names its line, column and what would be valid. */
export function importNumbersCsv(text: string, file: string): CsvImport {
  try {
    const numbers = parseNumbersCsv(text, file);
    const count = numbers.years.reduce((n, y) => n + Object.keys(y.values).length, 0);
    return { ok: true, numbers, count };
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
    return { ok: false, issues: [{ file, line: 0, column: 0, path: '', message: String(e) }] };
  }
}

/**
 * A CSV of the figures in the shape the import reads (source, measure, year, value, note): the form's figures, or
 * every measure with an empty value to fill in when none is given.
 */
export function numbersCsv(numbers: PlaceNumbers | undefined): string {
  const rows: unknown[][] = [['source', 'measure', 'year', 'value', 'note']];
  const labels = yearLabels(numbers);
  const given = hasFigures(numbers);
  for (const [k, label] of labels.entries())
    for (const f of NUMBER_FIELDS) {
      const v = numbers?.years.find((y) => y.year === label)?.values[f.id];
      if (given ? v !== undefined : k === 0) rows.push([f.source, f.id, label, v ?? '', `${f.label} (${f.unit})`]);
    }
  return toCsv(rows);
}
