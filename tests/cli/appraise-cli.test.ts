/**
 * commsim appraise: the files it writes, its errors, and that its figures are those of commsim compare on the
 * scenario files it writes (same seed, same runs).
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'commsim.mjs');
let dir = '';

function cli(args: string[], env: Record<string, string> = {}): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '0', ...env },
    timeout: 300_000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const PLACE = `# Question: a tiny place for tests
id: testshire
name: Testshire
people: 80
workers: 60
providers: 5
community_orgs: 2
need_groups: {older_physical: 0.7, learning_disability: 0.15, mental_health: 0.15}
context: {relationships: 2, health_partnership: 1}
`;

const NUMBERS = `source,measure,year,value
ASC-FR,people_supported,2025/26,80
ASC-WDS,care_workers,2025/26,60
council,providers,2025/26,5
council,fee_per_hour,2025/26,£23.00
ASC-FR,people_supported,2024/25,78
ASC-WDS,care_workers,2024/25,58
council,providers,2024/25,5
council,fee_per_hour,2024/25,£22.00
`;

const FAST = ['--runs', '4', '--futures', '2', '--years', '1', '--workers', '0'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'commsim-appraise-'));
  writeFileSync(join(dir, 'testshire.yaml'), PLACE);
  writeFileSync(join(dir, 'numbers.csv'), NUMBERS);
  writeFileSync(
    join(dir, 'bad.csv'),
    'source,measure,year,value\nx,people_supported,2025/26,80\nx,care_wrkers,2025/26,60\n',
  );
});

describe('commsim appraise', () => {
  let json: Record<string, unknown> & {
    fit: {
      runs: number;
      ranking: { id: string; metrics: { metric: string; diff: { mean: number; low: number } }[] }[];
    };
  };
  it('writes appraisal.json, paper.html, paper.docx and the scenarios', () => {
    const r = cli(['appraise', 'testshire.yaml', '--numbers', 'numbers.csv', ...FAST, '--no-pdf', '--out', 'out']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Best fit: .+ \(score -?\d+\.\d\d, 4 runs per option/);
    json = JSON.parse(readFileSync(join(dir, 'out', 'appraisal.json'), 'utf8'));
    expect(json.format).toBe('commsim-appraisal');
    expect(json.fit.ranking).toHaveLength(12);
    const html = readFileSync(join(dir, 'out', 'paper.html'), 'utf8');
    for (const id of ['place', 'question', 'options', 'needs', 'results', 'plan', 'breaks', 'limits', 'sources'])
      expect(html).toContain(`<section id="${id}">`);
    expect(html).toContain('<svg');
    const docx = readFileSync(join(dir, 'out', 'paper.docx'));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const files = readdirSync(join(dir, 'out', 'scenarios'));
    expect(files).toEqual(
      expect.arrayContaining(['testshire-status-quo.yaml', 'testshire-alliance.yaml', 'testshire-go-now.yaml']),
    );
    expect(existsSync(join(dir, 'out', 'paper.pdf'))).toBe(false);
  }, 300_000);

  it('its figures are those of commsim compare on the scenario files it wrote', () => {
    const r = cli([
      'compare',
      'out/scenarios/testshire-status-quo.yaml',
      'out/scenarios/testshire-alliance.yaml',
      '--runs',
      String(json.fit.runs),
      '--seed',
      '1',
      '--workers',
      '0',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out) as { differences: { metrics: { metric: string; mean: number; low: number }[] }[] };
    const alliance = json.fit.ranking.find((f) => f.id === 'alliance')!;
    for (const metric of ['wellbeing_mean', 'unmet_need_share', 'turnover_rate']) {
      const ours = alliance.metrics.find((m) => m.metric === metric)!;
      const theirs = c.differences[0].metrics.find((m) => m.metric === metric)!;
      expect(ours.diff.mean).toBeCloseTo(theirs.mean, 12);
      expect(ours.diff.low).toBeCloseTo(theirs.low, 12);
    }
  }, 120_000);

  it('an edited path is evaluated again (--paths), and a broken one refused with where it is broken', () => {
    const j = JSON.parse(readFileSync(join(dir, 'out', 'appraisal.json'), 'utf8'));
    const defs = j.plan.definitions as { id: string; name: string; phases: { start_year: number }[] }[];
    expect(defs.map((d) => d.id)).toEqual(['go-now', 'build-then-move', 'pilot-then-spread']);
    const edited = defs[1];
    edited.id = 'build-longer';
    edited.name = 'Build for longer';
    edited.phases[1].start_year = 0.6;
    writeFileSync(join(dir, 'paths.json'), JSON.stringify([defs[0], edited]));
    const r = cli(['appraise', 'testshire.yaml', ...FAST, '--no-pdf', '--paths', 'paths.json', '--out', 'edited']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const e = JSON.parse(readFileSync(join(dir, 'edited', 'appraisal.json'), 'utf8'));
    expect(e.plan.paths.map((p: { id: string }) => p.id)).toEqual(['go-now', 'build-longer']);
    expect(e.plan.definitions[1].phases[1].start_year).toBe(0.6);
    edited.phases[1].start_year = 9;
    writeFileSync(join(dir, 'bad-paths.json'), JSON.stringify([edited]));
    const b = cli(['appraise', 'testshire.yaml', ...FAST, '--no-pdf', '--paths', 'bad-paths.json', '--out', 'x']);
    expect(b.code).toBe(1);
    expect(b.err).toMatch(
      /--paths bad-paths\.json: invalid paths:\n {2}- paths\[0\] \(Build for longer\): .*strategy\.phases\[1\]\.start_year: must be a number between 0 and 1 years/,
    );
  }, 300_000);

  it('a bad figures file: exit 1 with file, line, column and what is valid', () => {
    const r = cli(['appraise', 'testshire.yaml', '--numbers', 'bad.csv', ...FAST, '--no-pdf', '--out', 'bad-out']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.csv:3:2: measure: unknown measure `care_wrkers`; did you mean `care_workers`\?/);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('bad flags: exit 2 naming the flag and what is valid', () => {
    const w = cli(['appraise', 'testshire.yaml', '--weights', 'happiness=3', '--out', 'x']);
    expect(w.code).toBe(2);
    expect(w.err).toMatch(/--weights: unknown metric 'happiness'.*valid: .*wellbeing_mean/);
    const c = cli(['appraise', 'testshire.yaml', '--context', 'relationships=7', '--out', 'x']);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/--context: relationships must be an answer from 1 to 5/);
    const o = cli(['appraise', 'testshire.yaml']);
    expect(o.code).toBe(2);
    expect(o.err).toMatch(/needs --out DIR/);
    const a = cli(['appraise', 'testshire.yaml', '--approach', 'aliance', '--out', 'x']);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/unknown approach 'aliance'; valid: .*alliance/);
    const p = cli(['appraise', 'nowhere', '--out', 'x']);
    expect(p.code).toBe(1);
    expect(p.err).toMatch(/neither a file nor a library place or scenario id \(places: county, midshire/);
  });

  it('no Chromium: a clear error after the other files are written', () => {
    const r = cli(['appraise', 'testshire.yaml', ...FAST, '--out', 'nochrome'], {
      CHROMIUM_PATH: join(dir, 'no-chromium'),
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /cannot make paper\.pdf: no Chromium at .*no-chromium\. Install it with 'npm run install:browser'.*--no-pdf/,
    );
    expect(existsSync(join(dir, 'nochrome', 'appraisal.json'))).toBe(true);
    expect(existsSync(join(dir, 'nochrome', 'paper.html'))).toBe(true);
  }, 300_000);

  it.skipIf(!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'))(
    'prints the PDF (A4) and puts the charts in the .docx as pictures',
    () => {
      const r = cli(['appraise', 'testshire.yaml', ...FAST, '--approach', 'grants', '--out', 'pdf']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const pdf = readFileSync(join(dir, 'pdf', 'paper.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // A4 is 595 × 842 points
      const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
      expect(Number(box![1])).toBeCloseTo(595, 0);
      expect(Number(box![2])).toBeCloseTo(842, 0);
      const docx = readFileSync(join(dir, 'pdf', 'paper.docx')).toString('latin1');
      expect(docx).toMatch(/word\/media\/[^"]+\.png/);
      const j = JSON.parse(readFileSync(join(dir, 'pdf', 'appraisal.json'), 'utf8'));
      expect(j.plan.target).toMatch(/Grant funding/);
    },
    300_000,
  );
});
