/**
 * Your numbers (ui/src/state/place-numbers.ts): figures typed in the form land in the right year and unit, an
 * emptied box clears its figure, renaming the latest year moves every column, the CSV the app writes is read back
 * by the same reader to the same figures, a bad CSV is refused naming its line, and the appraisal's place takes
 * the figures only when they check out.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { NUMBER_FIELDS, type NumberId, type PlaceNumbers } from '../../sim/index.ts';
import { appraisalPlaceOf, inputsKey, numbersUsed } from '../../ui/src/state/appraisal-draft.ts';
import {
  figureOf,
  figuresIssues,
  importNumbersCsv,
  keptValue,
  numbersCsv,
  shownValue,
  withFigure,
  withLatestYear,
  yearLabels,
} from '../../ui/src/state/place-numbers.ts';
import { defaultWorkspace } from '../../ui/src/state/workspace.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

/** The four figures the latest year needs, as a form would give them. */
function minimal(): PlaceNumbers {
  let n = withLatestYear(undefined, '2025/26');
  n = withFigure(n, 0, 'people_supported', 1450);
  n = withFigure(n, 0, 'care_workers', 1250);
  n = withFigure(n, 0, 'providers', 38);
  n = withFigure(n, 0, 'fee_per_hour', 23.1);
  return n;
}

describe('the numbers form', () => {
  it('keeps each figure in its year, latest first, and clears an emptied one', () => {
    let n = minimal();
    n = withFigure(n, 2, 'people_supported', 1500);
    expect(n.years.map((y) => y.year)).toEqual(['2025/26', '2024/25', '2023/24']);
    expect(figureOf(n, 2, 'people_supported')).toBe(1500);
    expect(figureOf(n, 1, 'people_supported')).toBeUndefined();
    n = withFigure(n, 2, 'people_supported', undefined);
    // the earlier years with nothing in them are dropped
    expect(n.years.map((y) => y.year)).toEqual(['2025/26']);
    expect(figuresIssues(n)).toEqual([]);
  });

  it('shows shares as per cent and keeps them as shares', () => {
    expect(shownValue('turnover_rate', 0.29)).toBe(29);
    expect(keptValue('turnover_rate', 29)).toBeCloseTo(0.29, 12);
    expect(shownValue('fee_per_hour', 23.1)).toBe(23.1);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (x) => {
        expect(keptValue('zero_hours_share', shownValue('zero_hours_share', x))).toBeCloseTo(x, 6);
      }),
    );
  });

  it('moves every column when the latest year is renamed', () => {
    const n = withLatestYear(withFigure(minimal(), 1, 'fee_per_hour', 22.2), '2026/27');
    expect(yearLabels(n)).toEqual(['2026/27', '2025/26', '2024/25']);
    expect(figureOf(n, 1, 'fee_per_hour')).toBe(22.2);
    expect(figureOf(n, 0, 'fee_per_hour')).toBe(23.1);
  });

  it('names a missing required figure by its year', () => {
    const n = withFigure(minimal(), 0, 'fee_per_hour', undefined);
    const issues = figuresIssues(n);
    expect(issues.map((i) => i.path)).toContain('years[0].fee_per_hour');
  });
});

describe('the CSV of the returns', () => {
  it('reads back what the app writes, for any figures in range', () => {
    const ids: NumberId[] = ['people_supported', 'care_workers', 'providers', 'fee_per_hour'];
    fc.assert(
      fc.property(
        fc.record({
          people: fc.integer({ min: 100, max: 20_000 }),
          workers: fc.integer({ min: 100, max: 20_000 }),
          providers: fc.integer({ min: 1, max: 400 }),
          fee: fc.integer({ min: 1500, max: 4500 }).map((x) => x / 100),
          turnover: fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
        }),
        (r) => {
          let n = withLatestYear(undefined, '2025/26');
          [r.people, r.workers, r.providers, r.fee].forEach((v, i) => (n = withFigure(n, 0, ids[i], v)));
          n = withFigure(n, 1, 'turnover_rate', r.turnover);
          n = withFigure(n, 1, 'people_supported', r.people);
          const back = importNumbersCsv(numbersCsv(n), 'x.csv');
          expect(back.ok).toBe(true);
          if (back.ok) expect(back.numbers.years).toEqual(n.years);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('writes a blank form naming every measure when no figure is given', () => {
    const csv = numbersCsv(undefined).trim().split('\n');
    expect(csv[0]).toBe('source,measure,year,value,note');
    expect(csv.length).toBe(1 + NUMBER_FIELDS.length);
  });

  it('refuses a bad line, naming the line and column', () => {
    const text =
      'source,measure,year,value\nASC-FR,people_supported,2025/26,1450\ncouncil,fee_per_hour,2025/26,twenty\n';
    const r = importNumbersCsv(text, 'bad.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].line).toBe(3);
      expect(r.issues[0].column).toBe(4);
      expect(r.issues[0].message).toContain("'twenty' is not a number");
    }
  });
});

describe('the place the appraisal runs in', () => {
  it('takes the figures only when they check out, and the inputs key follows them', () => {
    const ws = defaultWorkspace();
    const without = appraisalPlaceOf(ws);
    expect(numbersUsed(ws)).toBe(false);
    const bad = { ...ws, numbers: withFigure(minimal(), 0, 'fee_per_hour', undefined) };
    expect(numbersUsed(bad)).toBe(false);
    expect(appraisalPlaceOf(bad).applied).toEqual([]);
    const good = { ...ws, numbers: minimal() };
    expect(numbersUsed(good)).toBe(true);
    const place = appraisalPlaceOf(good);
    expect((place.base.place as { people: number }).people).toBe(1450);
    expect(place.applied.length).toBeGreaterThan(0);
    expect((without.base.place as { people: number }).people).not.toBe(1450);
    expect(inputsKey(good)).not.toBe(inputsKey(ws));
    // a figure with problems does not change what the appraisal runs on
    expect(inputsKey(bad)).toBe(inputsKey(ws));
  });
});
