/**
 * docs/model.md must stay true to the code: every parameter, lever and metric id appears in it, and the generated
 * reference tables between the markers match what tools/gen-model-tables.ts prints from the code tables now.
 * When a default, range or source changes, re-run `npm run docs:tables` (and re-read
 * the prose around the changed mechanism).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARAMETERS } from '../sim/model/parameters.ts';
import { LEVERS } from '../sim/model/levers.ts';
import { METRICS } from '../sim/model/metrics.ts';
import {
  BEGIN,
  END,
  MODEL_DOC,
  SCHEDULE_BEGIN,
  SCHEDULE_END,
  WELLBEING_BEGIN,
  WELLBEING_END,
  generateWellbeingTable,
  extractTables,
  generateModelTables,
  generateScheduleTable,
} from '../tools/gen-model-tables.ts';
import { CAUSAL_DOC, generateCausalMapDoc } from '../tools/gen-causal-map.ts';
import { WEEKLY_STEPS } from '../sim/model/schedule.ts';

const doc = readFileSync(MODEL_DOC, 'utf8');
const FIX = 'run `npm run docs:tables` to regenerate the tables in docs/model.md';

describe('docs/model.md', () => {
  it('has the generated-tables markers', () => {
    expect(doc.includes(BEGIN) && doc.includes(END), `markers ${BEGIN} / ${END} missing`).toBe(true);
  });

  it('names every PARAMETERS, LEVERS and METRICS id', () => {
    const missing = [
      ...PARAMETERS.map((p) => `parameter ${p.id}`).filter((_, i) => !doc.includes(`\`${PARAMETERS[i].id}\``)),
      ...LEVERS.map((l) => `lever ${l.id}`).filter((_, i) => !doc.includes(`\`${LEVERS[i].id}\``)),
      ...METRICS.map((m) => `metric ${m.id}`).filter((_, i) => !doc.includes(`\`${METRICS[i].id}\``)),
    ];
    expect(missing, `ids missing from docs/model.md (${FIX})`).toEqual([]);
  });

  it('has reference tables identical to those generated from the code', () => {
    const inDoc = extractTables(doc);
    expect(inDoc, 'no tables between the markers').not.toBeNull();
    const generated = generateModelTables().trim();
    if (inDoc !== generated) {
      // point at the first differing line, so the drift is easy to see
      const a = (inDoc ?? '').split('\n');
      const b = generated.split('\n');
      let k = 0;
      while (k < Math.min(a.length, b.length) && a[k] === b[k]) k++;
      expect.fail(
        `docs/model.md tables differ from the code at table line ${k + 1}:\n  doc:  ${a[k] ?? '(end)'}\n  code: ${b[k] ?? '(end)'}\n${FIX}`,
      );
    }
  });

  it('has the weekly schedule table generated from WEEKLY_STEPS', () => {
    expect(extractTables(doc, SCHEDULE_BEGIN, SCHEDULE_END), FIX).toBe(generateScheduleTable().trim());
  });

  it('has the wellbeing weights generated from the ASCOT domains (WELLBEING_DOMAINS)', () => {
    expect(extractTables(doc, WELLBEING_BEGIN, WELLBEING_END), FIX).toBe(generateWellbeingTable().trim());
  });
});

describe('the weekly schedule (sim/model/schedule.ts)', () => {
  it('each step calls every function it names, so its row in docs/model.md says what runs', () => {
    for (const step of WEEKLY_STEPS) {
      const named = [...step.functions.matchAll(/`(\w+)`/g)].map((m) => m[1]);
      expect(named.length, step.n).toBeGreaterThan(0);
      const source = step.run.toString();
      // the step's source names each function (the test runner's transform may write `(0, module.f)(…)` for `f(…)`)
      for (const f of named) expect(source, `step ${step.n} names ${f}`).toMatch(new RegExp(`\\b${f}\\b`));
    }
  });
  it('numbers the steps in order, without repeats', () => {
    const ns = WEEKLY_STEPS.map((s) => s.n);
    expect(new Set(ns).size).toBe(ns.length);
    const key = (n: string): number => parseInt(n, 10) + (/[a-z]$/.test(n) ? 0.5 : 0);
    expect([...ns].sort((a, b) => key(a) - key(b))).toEqual(ns);
  });
});

describe('links in the Markdown docs', () => {
  const mdFiles = [
    'README.md',
    'CONTRIBUTING.md',
    ...readdirSync('docs', { recursive: true }).map((f) => join('docs', String(f))),
  ].filter((f) => f.endsWith('.md') && existsSync(f));
  it('every relative link points at a file that exists', () => {
    const dead: string[] = [];
    for (const f of mdFiles) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = m[1];
        if (/^[a-z]+:/.test(target)) continue; // http:, https:, mailto:
        if (!existsSync(join(dirname(f), target))) dead.push(`${f}: ${target}`);
      }
    }
    expect(mdFiles.length).toBeGreaterThan(4);
    expect(dead).toEqual([]);
  });
});

describe('docs/causal-map.md', () => {
  it('is the causal map generated from sim/model/causal-map.ts', () => {
    const text = readFileSync(CAUSAL_DOC, 'utf8');
    expect(text === generateCausalMapDoc(), 'run `npm run docs:tables` to regenerate docs/causal-map.md').toBe(true);
  });
});
