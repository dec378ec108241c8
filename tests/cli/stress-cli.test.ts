import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'commsim.mjs');
let dir = '';
let lib = '';

const PLACE =
  '{name: Testshire, people: 60, workers: 30, providers: 4, community_orgs: 2, need_groups: {older_physical: 0.6, learning_disability: 0.25, mental_health: 0.15}}';

function cli(args: string[], env: Record<string, string> = {}): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, COMMSIM_LIBRARY: lib, SOURCE_DATE_EPOCH: '0', ...env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const SPEC = `# Question: does the plan survive?
id: tiny-plan
plan: a.yaml
alternatives: [lib-b]
years: 0.08
futures: 4
uncertainties:
  - params.outside_wage_growth
  - {path: levers.fee_level, min: 0.8, max: 1.2}
failure:
  any:
    - unmet_need_share > 0.02 for 2 weeks
    - summary.turnover_rate > 0.3
robustness:
  - {metric: unmet_need_share, threshold: 0.1}
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'commsim-stress-cli-'));
  lib = join(dir, 'lib');
  mkdirSync(join(lib, 'approaches'), { recursive: true });
  writeFileSync(
    join(lib, 'approaches', 'time-and-task.yaml'),
    'id: time-and-task\nname: Time and task\nsummary: Visits bought by the minute.\ndefines: paid by the visit minute\nsource: test\nlevers: {fee_level: 1}\n',
  );
  writeFileSync(
    join(lib, 'lib-b.yaml'),
    `id: lib-b\ntitle: Library B\nplace: ${PLACE}\nyears: 1\nstrategy: {approach: time-and-task, levers: {fee_level: 1.1}}\n`,
  );
  writeFileSync(
    join(dir, 'a.yaml'),
    `id: a\ntitle: A\nplace: ${PLACE}\nyears: 1\nstrategy: {approach: time-and-task}\n`,
  );
  writeFileSync(join(dir, 'spec.yaml'), SPEC);
  writeFileSync(
    join(dir, 'bad.yaml'),
    SPEC.replace('params.outside_wage_growth', 'params.outside_wages').replace(
      'summary.turnover_rate',
      'summary.turnover',
    ),
  );
});

const noDate = (s: string): string => s.replace(/"date": "[^"]*"/, '"date": ""');

describe('commsim stress', () => {
  it('runs a tiny spec: JSON with rows, discovery and robustness; CSV rows; exit 0', () => {
    const r = cli(['stress', 'spec.yaml', '--workers', '0']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.metadata).toMatchObject({
      command: 'stress',
      spec: 'tiny-plan',
      futures: 4,
      approaches: ['a', 'lib-b'],
    });
    expect(doc.rows).toHaveLength(4);
    expect(Object.keys(doc.rows[0].inputs)).toEqual(['outside_wage_growth', 'fee_level']);
    expect(Object.keys(doc.rows[0].outcomes)).toEqual(['a', 'lib-b']);
    expect(doc.discovery).toHaveLength(2);
    expect(doc.robustness.approaches).toHaveLength(2);
    const c = cli(['stress', 'spec.yaml', '--workers', '0', '--format', 'csv', '--futures', '3']);
    expect(c.code).toBe(0);
    const lines = c.out.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^future,seed,outside_wage_growth,fee_level,a\.failed,a\.fail_share/);
  }, 300_000);

  it('same output with 0 and 2 workers', () => {
    const a = cli(['stress', 'spec.yaml', '--workers', '0']);
    const b = cli(['stress', 'spec.yaml', '--workers', '2']);
    expect(b.code).toBe(0);
    expect(noDate(b.out)).toBe(noDate(a.out));
  }, 300_000);

  it('shards merged with commsim merge equal the single run', () => {
    const args = ['stress', 'spec.yaml', '--workers', '0', '--futures', '20', '--years', '0.04'];
    const single = cli(args);
    expect(single.code).toBe(0);
    expect(cli([...args, '--shard', '1/2', '--out', 's1.json']).code).toBe(0);
    expect(cli([...args, '--shard', '2/2', '--out', 's2.json']).code).toBe(0);
    expect(readFileSync(join(dir, 's1.json'), 'utf8')).toMatch(/^\{"format":"commsim-stress-shard"/);
    const merged = cli(['merge', 's2.json', 's1.json']);
    expect(merged.err).toBe('');
    expect(merged.code).toBe(0);
    expect(noDate(merged.out)).toBe(noDate(single.out));
    const missing = cli(['merge', 's1.json']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/missing shard 2\/2/);
  }, 300_000);

  it('bad spec: exit 1, every error with file, line and field, no stack trace', () => {
    const r = cli(['stress', 'bad.yaml', '--workers', '0']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.yaml:8:\d+: uncertainties\[0\]: .*unknown parameter 'outside_wages'/);
    expect(r.err).toMatch(/bad\.yaml:13:\d+: failure\.any\[1\]: .*unknown metric 'turnover'/);
    expect(r.err).not.toMatch(/\n\s+at /);
  }, 300_000);

  it('bad flags and files: non-zero, one line, no stack trace', () => {
    for (const args of [
      ['stress'],
      ['stress', 'spec.yaml', '--futures', '0'],
      ['stress', 'nothing.yaml'],
      ['stress', 'spec.yaml', '--shard', '3/2'],
      ['sensitivity', 'spec.yaml', '--samples', '8'],
    ]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err, args.join(' ')).toMatch(/^commsim: /);
      expect(r.err, args.join(' ')).not.toMatch(/\n\s+at /);
    }
    expect(cli(['stress', '--help']).out).toMatch(/--runs-per-future R/);
  }, 300_000);

  it('Ctrl-C cancels: exit 130, workers gone', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'stress', 'spec.yaml', '--workers', '2', '--futures', '400', '--years', '1'],
      { cwd: dir, env: { ...process.env, COMMSIM_LIBRARY: lib, COMMSIM_PROGRESS: '1' } },
    );
    let err = '';
    let started: () => void = () => {};
    const running = new Promise<void>((r) => (started = r));
    child.stderr.on('data', (d) => {
      err += String(d);
      if (/ runs/.test(err)) started(); // progress shown: runs are under way on the workers
    });
    await running;
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(err).toMatch(/cancelled/);
  }, 300_000);
});

describe('commsim sensitivity', () => {
  it('ranks inputs per metric (json, csv and table)', () => {
    const r = cli([
      'sensitivity',
      'spec.yaml',
      '--workers',
      '0',
      '--trajectories',
      '3',
      '--metrics',
      'fee_per_hour,turnover_rate',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.header.points).toBe(9);
    expect(doc.metrics.map((m: { metric: string }) => m.metric)).toEqual(['fee_per_hour', 'turnover_rate']);
    expect(doc.metrics[0].ranking[0].uncertainty).toBe('fee_level');
    const c = cli([
      'sensitivity',
      'spec.yaml',
      '--workers',
      '0',
      '--method',
      'sobol',
      '--samples',
      '4',
      '--metrics',
      'fee_per_hour',
      '--format',
      'csv',
    ]);
    expect(c.code).toBe(0);
    expect(c.out.split('\n')[0]).toBe('metric,rank,uncertainty,ST,low,high,S1,S1_low,S1_high');
  }, 300_000);
});

describe('shipped example spec', () => {
  it('stress/midshire-alliance-plan.yaml is valid and runs (tiny settings)', () => {
    const r = spawnSync(
      process.execPath,
      [
        BIN,
        'stress',
        join(ROOT, 'stress', 'midshire-alliance-plan.yaml'),
        '--futures',
        '2',
        '--years',
        '0.04',
        '--workers',
        '0',
        '--format',
        'table',
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Failure rate by approach/);
  }, 300_000);
});
