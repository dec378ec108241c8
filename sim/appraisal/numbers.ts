/**
 * The place in its numbers: a council's own figures (people supported, hours, providers, fee, care workers,
 * vacancies, turnover, budget, savings), read from a form or from a CSV in the long shape of the public returns
 * (one figure per line: source, measure, year, value — as the adult social care finance return and the Skills for
 * Care workforce data set's local summary are published), checked with errors naming line, column and what is
 * valid, and mapped onto the place and its starting conditions. docs/appraisal.md lists the measures.
 */
import type { InitialId, PlaceConfig } from '../types.ts';
import { INITIAL_BY_ID } from '../model/initial-conditions.ts';
import { parseCsv } from '../core/csv.ts';
import { didYouMean } from '../core/did-you-mean.ts';
import { ScenarioError, type ScenarioIssue } from '../scenario/errors.ts';
import { MAX_FILE_CHARS } from '../scenario/source.ts';
import type { AppliedFigure, NumberId, PlaceNumbers, YearFigures } from './types.ts';

export interface NumberField {
  id: NumberId;
  label: string;
  unit: string;
  /** a share: written 0.085 or 8.5% */
  share: boolean;
  min: number;
  max: number;
  /** the return it is usually taken from */
  source: 'ASC-FR' | 'ASC-WDS' | 'council';
  /** what it sets in the place, in plain words */
  sets: string;
  /** other names accepted in the `measure` column */
  aliases: readonly string[];
}

export const NUMBER_FIELDS: readonly NumberField[] = [
  {
    id: 'people_supported',
    label: 'People supported',
    unit: 'people',
    share: false,
    min: 10,
    max: 2_000_000,
    source: 'ASC-FR',
    sets: 'the number of people receiving long-term support in the community at the start',
    aliases: ['clients_long_term_community', 'long_term_support_clients'],
  },
  {
    id: 'hours_per_week',
    label: 'Hours of care a week',
    unit: 'hours a week',
    share: false,
    min: 1,
    max: 100_000_000,
    source: 'council',
    sets: 'nothing directly (the model sizes need from the workforce); compared in the baseline check',
    aliases: ['homecare_hours_per_week', 'hours_commissioned_per_week'],
  },
  {
    id: 'providers',
    label: 'Providers',
    unit: 'providers',
    share: false,
    min: 1,
    max: 20_000,
    source: 'council',
    sets: 'the number of independent providers at the start',
    aliases: ['providers_active', 'independent_providers'],
  },
  {
    id: 'largest_three_share',
    label: 'Share of hours with the three largest providers',
    unit: 'share',
    share: true,
    min: 0,
    max: 1,
    source: 'council',
    sets: 'market concentration (the spread of provider sizes)',
    aliases: ['top_three_share', 'largest_3_share'],
  },
  {
    id: 'fee_per_hour',
    label: 'Fee paid',
    unit: '£ an hour',
    share: false,
    min: 15,
    max: 45,
    source: 'council',
    sets: 'the fee per hour',
    aliases: ['hourly_rate', 'fee_rate', 'homecare_fee_per_hour'],
  },
  {
    id: 'care_workers',
    label: 'Care workers',
    unit: 'workers',
    share: false,
    min: 5,
    max: 2_000_000,
    source: 'ASC-WDS',
    sets: 'the number of care workers at the start',
    aliases: ['filled_posts', 'care_worker_filled_posts', 'filled_posts_care_worker'],
  },
  {
    id: 'vacancies',
    label: 'Vacancies',
    unit: 'posts',
    share: false,
    min: 0,
    max: 1_000_000,
    source: 'ASC-WDS',
    sets: 'the starting vacancy rate (vacancies ÷ (care workers + vacancies))',
    aliases: ['vacant_posts', 'care_worker_vacancies'],
  },
  {
    id: 'turnover_rate',
    label: 'Staff turnover',
    unit: 'share a year',
    share: true,
    min: 0,
    max: 1,
    source: 'ASC-WDS',
    sets: 'nothing directly (turnover comes out of the model); compared in the baseline check',
    aliases: ['turnover', 'care_worker_turnover_rate'],
  },
  {
    id: 'care_wage',
    label: 'Care worker pay',
    unit: '£ an hour',
    share: false,
    min: 10,
    max: 20,
    source: 'ASC-WDS',
    sets: "care workers' pay at the start",
    aliases: ['median_hourly_pay', 'care_worker_pay'],
  },
  {
    id: 'zero_hours_share',
    label: 'Care workers on zero-hours contracts',
    unit: 'share',
    share: true,
    min: 0,
    max: 1,
    source: 'ASC-WDS',
    sets: 'the share of care workers on zero-hours contracts',
    aliases: ['zero_hours', 'zero_hours_contracts_share'],
  },
  {
    id: 'budget',
    label: 'Budget',
    unit: '£ a year',
    share: false,
    min: 10_000,
    max: 100_000_000_000,
    source: 'council',
    sets: 'the budget against expected cost (budget ÷ spend)',
    aliases: ['net_budget', 'care_budget'],
  },
  {
    id: 'spend',
    label: 'Spend',
    unit: '£ a year',
    share: false,
    min: 10_000,
    max: 100_000_000_000,
    source: 'ASC-FR',
    sets: 'the budget against expected cost (budget ÷ spend); compared in the baseline check',
    aliases: ['gross_current_expenditure', 'gross_expenditure', 'expenditure'],
  },
  {
    id: 'savings_asked',
    label: 'Savings asked',
    unit: '£ a year',
    share: false,
    min: 0,
    max: 10_000_000_000,
    source: 'council',
    sets: 'the savings required each year (savings ÷ budget)',
    aliases: ['savings_target', 'savings_required'],
  },
];

export const NUMBER_FIELD_BY_ID: ReadonlyMap<string, NumberField> = new Map(NUMBER_FIELDS.map((f) => [f.id, f]));

const BY_NAME: ReadonlyMap<string, NumberField> = new Map(
  NUMBER_FIELDS.flatMap((f) => [f.id, ...f.aliases].map((n) => [n, f] as const)),
);

/** The CSV's columns: `measure`, `year` and `value` are required, `source` and `note` optional. */
export const CSV_COLUMNS = ['source', 'measure', 'year', 'value', 'note'] as const;
const REQUIRED_COLUMNS = ['measure', 'year', 'value'] as const;

/** `2025/26`, `2025-26`, `2025-2026` or `2025` → `2025/26`; undefined if it is not a year. */
export function normaliseYear(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2].length === 4 ? m[2].slice(2) : m[2]);
    if ((a + 1) % 100 !== b) return undefined;
    return `${a}/${String(b).padStart(2, '0')}`;
  }
  m = /^(\d{4})$/.exec(t);
  if (m) {
    const a = Number(m[1]);
    return `${a}/${String((a + 1) % 100).padStart(2, '0')}`;
  }
  return undefined;
}

function yearStart(year: string): number {
  return Number(year.slice(0, 4));
}

/**
 * A figure as written: `1,480`, `£22.40`, `8.5%` (shares), `0.085`. Returns the number or a message saying what
 * would be valid.
 */
export function readFigure(f: NumberField, text: string): { value?: number; error?: string } {
  const t = text.trim().replace(/^£/, '').replace(/,/g, '').replace(/\s+/g, '');
  const valid = f.share
    ? `a share from ${f.min} to ${f.max}, written as 0.085 or 8.5%`
    : `a number from ${fmt(f.min)} to ${fmt(f.max)} (${f.unit})`;
  if (t === '') return { error: `is empty; expected ${valid}` };
  const pct = t.endsWith('%');
  const num = Number(pct ? t.slice(0, -1) : t);
  if (!Number.isFinite(num) || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i.test(t))
    return { error: `'${text.trim()}' is not a number; expected ${valid}` };
  if (pct && !f.share) return { error: `'${text.trim()}' is a percentage; expected ${valid}` };
  let v = pct ? num / 100 : num;
  if (f.share && !pct && v > 1 && v <= 100)
    return { error: `${v} is more than 1; write a share as 0.085 or 8.5% (did you mean ${v}%?)` };
  if (v < f.min || v > f.max) return { error: `${text.trim()} is outside ${valid}` };
  if (f.id === 'people_supported' || f.id === 'providers' || f.id === 'care_workers' || f.id === 'vacancies')
    v = Math.round(v);
  return { value: v };
}

function fmt(n: number): string {
  return n.toLocaleString('en-GB');
}

/**
 * Reads a council's figures from CSV text. Every problem is collected and thrown together as one ScenarioError,
 * each naming the file, line, column and field, and saying what would be valid.
 */
export function parseNumbersCsv(text: string, file = 'numbers.csv'): PlaceNumbers {
  const issues: ScenarioIssue[] = [];
  const add = (line: number, column: number, path: string, message: string): void => {
    if (issues.length < 200) issues.push({ file, line, column, path, message });
  };
  if (text.length > MAX_FILE_CHARS)
    throw new ScenarioError([
      {
        file,
        line: 0,
        column: 0,
        path: '',
        message: `the file has ${text.length.toLocaleString('en-GB')} characters; a figures file holds at most ${MAX_FILE_CHARS.toLocaleString('en-GB')}`,
      },
    ]);
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    const m = /^line (\d+): (.*)$/.exec((e as Error).message);
    throw new ScenarioError([
      { file, line: m ? Number(m[1]) : 0, column: 0, path: '', message: m ? m[2] : (e as Error).message },
    ]);
  }
  if (records.length === 0)
    throw new ScenarioError([
      {
        file,
        line: 0,
        column: 0,
        path: '',
        message: `the file is empty; the first line names the columns ${CSV_COLUMNS.join(', ')}`,
      },
    ]);
  const head = records[0];
  const cols = head.fields.map((h) => h.trim().toLowerCase());
  const index = new Map<string, number>();
  cols.forEach((c, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(c)) {
      const guess = didYouMean(c, CSV_COLUMNS, { max: 1, quote: '`' });
      add(
        head.line,
        i + 1,
        c,
        `unknown column \`${c}\`${guess ? `; ${guess}` : ''}; the columns are ${CSV_COLUMNS.join(', ')}`,
      );
    } else if (index.has(c)) add(head.line, i + 1, c, `column \`${c}\` appears twice`);
    else index.set(c, i);
  });
  for (const r of REQUIRED_COLUMNS)
    if (!index.has(r))
      add(
        head.line,
        0,
        r,
        `column \`${r}\` is missing; the first line must name at least ${REQUIRED_COLUMNS.join(', ')}`,
      );
  if (issues.length) throw new ScenarioError(issues);
  const col = (k: string): number => index.get(k)!;
  const byYear = new Map<
    string,
    { values: Partial<Record<NumberId, number>>; lines: Partial<Record<NumberId, number>> }
  >();
  for (const rec of records.slice(1)) {
    const cell = (k: string): string => rec.fields[col(k)] ?? '';
    if (rec.fields.length > cols.length)
      add(rec.line, cols.length + 1, '', `this line has ${rec.fields.length} fields; the header has ${cols.length}`);
    const measureText = cell('measure').trim();
    const key = measureText.toLowerCase().replace(/[\s-]+/g, '_');
    const field = BY_NAME.get(key);
    if (!field) {
      const guess = didYouMean(key, [...BY_NAME.keys()], { max: 1, quote: '`' });
      add(
        rec.line,
        col('measure') + 1,
        'measure',
        `unknown measure \`${measureText}\`${guess ? `; ${guess}` : ''}; valid: ${NUMBER_FIELDS.map((f) => f.id).join(', ')}`,
      );
      continue;
    }
    const year = normaliseYear(cell('year'));
    if (!year) {
      add(
        rec.line,
        col('year') + 1,
        'year',
        `'${cell('year').trim()}' is not a financial year; write it as 2025/26 (or 2025-26, or 2025)`,
      );
      continue;
    }
    const r = readFigure(field, cell('value'));
    if (r.error) {
      add(rec.line, col('value') + 1, `value (${field.id})`, r.error);
      continue;
    }
    const y = byYear.get(year) ?? { values: {}, lines: {} };
    if (y.lines[field.id] !== undefined) {
      add(
        rec.line,
        col('measure') + 1,
        'measure',
        `${field.id} for ${year} is already given on line ${y.lines[field.id]}; give each figure once a year`,
      );
      continue;
    }
    y.values[field.id] = r.value!;
    y.lines[field.id] = rec.line;
    byYear.set(year, y);
  }
  if (issues.length) throw new ScenarioError(issues);
  if (byYear.size === 0)
    throw new ScenarioError([
      { file, line: head.line, column: 0, path: '', message: 'no figures after the header line' },
    ]);
  const years = [...byYear.keys()].sort((a, b) => yearStart(b) - yearStart(a));
  if (years.length > 3)
    throw new ScenarioError([
      {
        file,
        line: 0,
        column: col('year') + 1,
        path: 'year',
        message: `figures for ${years.length} years (${years.join(', ')}); give this year and at most the two before it`,
      },
    ]);
  for (let k = 1; k < years.length; k++)
    if (yearStart(years[k - 1]) - yearStart(years[k]) !== 1)
      throw new ScenarioError([
        {
          file,
          line: 0,
          column: col('year') + 1,
          path: 'year',
          message: `years ${years.join(', ')} are not consecutive; give this year and the one or two just before it`,
        },
      ]);
  const numbers: PlaceNumbers = {
    years: years.map((y) => ({ year: y, values: byYear.get(y)!.values })),
    source: file,
  };
  const problems = numbersIssues(numbers, file, (yi, id) => byYear.get(years[yi])?.lines[id] ?? 0);
  if (problems.length) throw new ScenarioError(problems);
  return numbers;
}

/**
 * Checks figures from a form or a file: the latest year has the required figures, each is in range, and the
 * figures agree with each other (vacancy rate, savings against budget). Issues carry paths such as
 * `years[0].fee_per_hour`.
 */
export function numbersIssues(
  numbers: PlaceNumbers,
  file = '<numbers>',
  lineOf: (year: number, id: NumberId) => number = () => 0,
): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (yi: number, id: NumberId | '', message: string): void => {
    issues.push({ file, line: id ? lineOf(yi, id) : 0, column: 0, path: id ? `years[${yi}].${id}` : 'years', message });
  };
  if (!numbers || !Array.isArray(numbers.years) || numbers.years.length === 0) {
    add(0, '', 'give the figures of at least this year');
    return issues;
  }
  if (numbers.years.length > 3) add(0, '', 'give this year and at most the two before it');
  numbers.years.forEach((y: YearFigures, yi) => {
    if (!y || typeof y.year !== 'string' || !normaliseYear(y.year)) {
      add(yi, '', `year ${yi + 1}: '${String(y?.year)}' is not a financial year; write it as 2025/26`);
      return;
    }
    for (const [k, v] of Object.entries(y.values ?? {})) {
      const f = NUMBER_FIELD_BY_ID.get(k);
      if (!f) {
        add(yi, '', `unknown figure '${k}'; valid: ${NUMBER_FIELDS.map((x) => x.id).join(', ')}`);
        continue;
      }
      if (typeof v !== 'number' || !Number.isFinite(v) || v < f.min || v > f.max)
        add(yi, f.id, `${String(v)} is outside ${f.min} to ${f.max} (${f.unit})`);
    }
    const v = y.values ?? {};
    if (v.vacancies !== undefined && v.care_workers !== undefined) {
      const rate = v.vacancies / (v.care_workers + v.vacancies);
      if (rate > 0.3)
        add(
          yi,
          'vacancies',
          `${v.vacancies} vacancies against ${v.care_workers} care workers is a vacancy rate of ${(rate * 100).toFixed(1)}%; the model takes at most 30%`,
        );
    }
    if (v.savings_asked !== undefined && v.budget !== undefined && v.savings_asked > 0.1 * v.budget)
      add(
        yi,
        'savings_asked',
        `savings of £${fmt(v.savings_asked)} are more than 10% of the budget (£${fmt(v.budget)}); the model takes at most 10% a year`,
      );
    if (v.budget !== undefined && v.spend !== undefined) {
      const h = v.budget / v.spend;
      if (h < 0.7 || h > 1.3)
        add(
          yi,
          'budget',
          `a budget of £${fmt(v.budget)} against spend of £${fmt(v.spend)} is ${(h * 100).toFixed(0)}% of spend; the model takes 70% to 130%`,
        );
    }
  });
  const latest = numbers.years[0]?.values ?? {};
  for (const id of ['people_supported', 'care_workers', 'providers', 'fee_per_hour'] as const)
    if (latest[id] === undefined)
      add(0, id, `${NUMBER_FIELD_BY_ID.get(id)!.label} for the latest year (${numbers.years[0]?.year}) is required`);
  return issues;
}

/** Throws a ScenarioError if the figures have problems. */
export function checkNumbers(numbers: PlaceNumbers, file?: string): void {
  const issues = numbersIssues(numbers, file);
  if (issues.length) throw new ScenarioError(issues);
}

/**
 * Market concentration (0-1) whose provider sizes give the three largest providers `share` of the hours, among
 * `providers` providers. The model sizes providers by a lognormal with spread 0.3 + 1.6 × concentration
 * (sim/model/setup.ts); the expected top-three share is computed on evenly spaced normal quantiles and inverted by
 * bisection.
 */
export function concentrationForTopThree(share: number, providers: number): number {
  const n = Math.max(4, Math.round(providers));
  const z: number[] = [];
  for (let i = 0; i < n; i++) z.push(normalQuantile((i + 0.5) / n));
  const top3 = (c: number): number => {
    const sigma = 0.3 + 1.6 * c;
    const w = z.map((x) => Math.exp(sigma * x));
    const sum = w.reduce((a, b) => a + b, 0);
    return (w[n - 1] + w[n - 2] + w[n - 3]) / sum;
  };
  if (share <= top3(0)) return 0;
  if (share >= top3(1)) return 1;
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (top3(mid) < share) lo = mid;
    else hi = mid;
  }
  return Math.round(((lo + hi) / 2) * 1000) / 1000;
}

/** Acklam's rational approximation of the standard normal quantile. */
function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628274631,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - pl) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * What one year's figures set: the place's size and the starting conditions they determine. Figures not given
 * leave the place as it was (its own values, its context answers). Each applied figure says what it set and how.
 */
export function figuresToPlace(
  values: Partial<Record<NumberId, number>>,
  place: PlaceConfig,
): { place: PlaceConfig; initial: Partial<Record<InitialId, number>>; applied: AppliedFigure[] } {
  const out: PlaceConfig = { ...place, needGroupShares: [...place.needGroupShares] };
  const initial: Partial<Record<InitialId, number>> = {};
  const applied: AppliedFigure[] = [];
  const label = (id: NumberId): string => NUMBER_FIELD_BY_ID.get(id)!.label;
  const clampInitial = (id: InitialId, v: number): number => {
    const d = INITIAL_BY_ID.get(id);
    return Math.round(Math.min(d.max, Math.max(d.min, v)) * 1e6) / 1e6;
  };
  const setInitial = (figure: NumberId, value: number, id: InitialId, v: number, how: string): void => {
    initial[id] = clampInitial(id, v);
    applied.push({ figure, label: label(figure), value, sets: `initial.${id}`, to: initial[id]!, how });
  };
  if (values.people_supported !== undefined) {
    out.people = Math.round(values.people_supported);
    applied.push({
      figure: 'people_supported',
      label: label('people_supported'),
      value: values.people_supported,
      sets: 'place.people',
      to: out.people,
      how: 'as given',
    });
  }
  if (values.care_workers !== undefined) {
    out.workers = Math.round(values.care_workers);
    applied.push({
      figure: 'care_workers',
      label: label('care_workers'),
      value: values.care_workers,
      sets: 'place.workers',
      to: out.workers,
      how: 'as given',
    });
  }
  if (values.providers !== undefined) {
    out.providers = Math.round(values.providers);
    applied.push({
      figure: 'providers',
      label: label('providers'),
      value: values.providers,
      sets: 'place.providers',
      to: out.providers,
      how: 'as given',
    });
  }
  if (values.largest_three_share !== undefined)
    setInitial(
      'largest_three_share',
      values.largest_three_share,
      'market_concentration',
      concentrationForTopThree(values.largest_three_share, out.providers),
      "the concentration whose provider sizes (the model's lognormal, sim/model/setup.ts) give the three largest this share",
    );
  if (values.fee_per_hour !== undefined)
    setInitial('fee_per_hour', values.fee_per_hour, 'fee_per_hour', values.fee_per_hour, 'as given');
  if (values.vacancies !== undefined) {
    const workers = values.care_workers ?? out.workers;
    setInitial(
      'vacancies',
      values.vacancies,
      'vacancy_rate',
      values.vacancies / (workers + values.vacancies),
      'vacancies ÷ (care workers + vacancies)',
    );
  }
  if (values.care_wage !== undefined)
    setInitial('care_wage', values.care_wage, 'care_wage', values.care_wage, 'as given');
  if (values.zero_hours_share !== undefined)
    setInitial('zero_hours_share', values.zero_hours_share, 'zero_hours_share', values.zero_hours_share, 'as given');
  if (values.budget !== undefined && values.spend !== undefined)
    setInitial(
      'budget',
      values.budget,
      'budget_headroom',
      values.budget / values.spend,
      'budget ÷ spend: the budget against what care costs now',
    );
  if (values.savings_asked !== undefined) {
    const base = values.budget ?? values.spend;
    if (base !== undefined)
      setInitial(
        'savings_asked',
        values.savings_asked,
        'savings_per_year',
        values.savings_asked / base,
        `savings ÷ ${values.budget !== undefined ? 'budget' : 'spend'}`,
      );
  }
  return { place: out, initial, applied };
}
