import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'commsim.mjs');
let dir = '';
let lib = '';

const PLACE =
  '{name: Testshire, people: 80, workers: 40, providers: 5, community_orgs: 3, need_groups: {older_physical: 0.6, learning_disability: 0.25, mental_health: 0.15}}';

function cli(args: string[], env: Record<string, string> = {}): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, COMMSIM_LIBRARY: lib, ...env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
const noDate = (s: string): string => s.replace(/"date": "[^"]*"/, '"date": ""');

beforeAll(() => {
  // a tiny library of our own so these tests do not depend on the shipped scenarios
  dir = mkdtempSync(join(tmpdir(), 'commsim-cli-'));
  lib = join(dir, 'lib');
  mkdirSync(join(lib, 'approaches'), { recursive: true });
  mkdirSync(join(lib, 'scenarios'), { recursive: true });
  writeFileSync(
    join(lib, 'approaches', 'time-and-task.yaml'),
    'id: time-and-task\nname: Time and task\nsummary: Visits bought by the minute.\ndefines: paid by the visit minute\nsource: test\nlevers: {fee_level: 1}\n',
  );
  writeFileSync(
    join(lib, 'scenarios', 'lib-a.yaml'),
    `id: lib-a\ntitle: Library A\nplace: ${PLACE}\nyears: 1\nstrategy: {approach: time-and-task}\n`,
  );
  writeFileSync(
    join(dir, 'a.yaml'),
    `id: a\ntitle: A\nplace: ${PLACE}\nyears: 1\nstrategy: {approach: time-and-task}\n`,
  );
  writeFileSync(
    join(dir, 'b.yaml'),
    `id: b\ntitle: B\nplace: ${PLACE}\nyears: 1\nstrategy: {approach: time-and-task, levers: {fee_level: 1.1}}\n`,
  );
  writeFileSync(join(dir, 'bad.yaml'), 'id: bad\nplace: nowhere\nstrategy: {approach: nope}\n');
});

describe('commsim CLI', { timeout: 180_000 }, () => {
  it('--help and list', () => {
    const h = cli(['run', '--help']);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/--runs N/);
    const l = cli(['list']);
    expect(l.code).toBe(0);
    expect(l.out).toMatch(/time-and-task/);
    expect(l.out).toMatch(/lib-a/);
    expect(l.out).toMatch(/unmet_need_share\s+share of assessed hours/);
  });

  it('validate: exit 0 for good files, 1 with each error and no stack trace for bad ones', () => {
    expect(cli(['validate', 'a.yaml', 'b.yaml'])).toMatchObject({ code: 0 });
    const bad = cli(['validate', 'a.yaml', 'bad.yaml', 'missing.yaml']);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/a\.yaml: ok/);
    expect(bad.out).toMatch(/bad\.yaml:3:\d+: strategy\.approach: unknown approach/);
    expect(bad.out).toMatch(/missing\.yaml: cannot read/);
    expect(bad.out + bad.err).not.toMatch(/\n\s+at /);
  });

  it('bad flags and files: non-zero, one paragraph, no stack trace', () => {
    for (const args of [
      ['run', 'a.yaml', '--bogus'],
      ['run', 'bad.yaml'],
      ['merge', 'a.yaml'],
      ['sweep', 'a.yaml', '--param', 'levers.nope', '--values', '1,2'],
    ]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err.length, args.join(' ')).toBeGreaterThan(0);
      expect(r.err, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  });

  it('run: the same seed gives byte-identical JSON (apart from metadata.date), whatever the workers', () => {
    const a = cli(['run', 'a.yaml', '--runs', '4', '--years', '1', '--seed', '9', '--workers', '0']);
    const b = cli(['run', 'a.yaml', '--runs', '4', '--years', '1', '--seed', '9', '--workers', '2']);
    expect(a.code).toBe(0);
    expect(noDate(a.out)).toBe(noDate(b.out));
    const j = JSON.parse(a.out);
    expect(j.metadata).toMatchObject({ tool: 'commsim', scenario: 'a', seed: '9', runs: 4, weeks: 52 });
    expect(j.metadata.version).toMatch(/^\d+\.\d+/);
    expect(typeof j.metadata.date).toBe('string');
    expect(j.runs).toHaveLength(4);
    expect(j.summary.find((s: { metric: string }) => s.metric === 'unmet_need_share')).toHaveProperty('p95');
    const pinned = cli(['run', 'lib-a', '--runs', '2', '--format', 'csv'], { SOURCE_DATE_EPOCH: '0' });
    expect(pinned.out.split('\n')[0]).toBe('metric,unit,mean,p5,p50,p95,n');
  });

  it('shards merge into the single-machine JSON', () => {
    for (const i of [1, 2])
      expect(
        cli(['run', 'a.yaml', '--runs', '20', '--years', '0.5', '--series', '--shard', `${i}/2`, '--out', `s${i}.json`])
          .code,
      ).toBe(0);
    const merged = cli(['merge', 's2.json', 's1.json']);
    const single = cli(['run', 'a.yaml', '--runs', '20', '--years', '0.5', '--series']);
    expect(merged.code).toBe(0);
    expect(noDate(merged.out)).toBe(noDate(single.out));
  });

  it('--ranges: chance+parameters by default, chance on request, recorded; a bad value is refused; merge refuses mixed shards', () => {
    const run = (extra: string[]) =>
      cli(['run', 'a.yaml', '--runs', '3', '--years', '0.25', '--workers', '0', ...extra]);
    const both = JSON.parse(run([]).out);
    const chance = JSON.parse(run(['--ranges', 'chance']).out);
    expect(both.metadata.ranges).toBe('chance+parameters');
    expect(chance.metadata.ranges).toBe('chance');
    expect(chance.runs.map((r: { seed: number }) => r.seed)).toEqual(both.runs.map((r: { seed: number }) => r.seed));
    expect(chance.runs[0].summary).not.toEqual(both.runs[0].summary);
    expect(run(['--ranges', 'chance', '--format', 'table']).out).toMatch(/The ranges show chance only/);
    const bad = cli(['compare', 'a.yaml', 'b.yaml', '--ranges', 'seeds']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--ranges must be chance\+parameters or chance .*got 'seeds'/);
    expect(cli(['sweep', 'a.yaml', '--param', 'levers.fee_level', '--values', '1', '--ranges', 'x']).code).toBe(2);
    expect(run(['--shard', '1/2', '--out', 'r1.json']).code).toBe(0);
    expect(run(['--shard', '2/2', '--ranges', 'chance', '--out', 'r2.json']).code).toBe(0);
    const mixed = cli(['merge', 'r1.json', 'r2.json']);
    expect(mixed.code).not.toBe(0);
    expect(mixed.err).toMatch(/r2\.json shows ranges of 'chance', r1\.json of 'chance\+parameters'/);
  });

  it('compare prints a table of paired differences; sweep a table of points', () => {
    const c = cli(['compare', 'a.yaml', 'b.yaml', '--runs', '4', '--years', '1']);
    expect(c.code).toBe(0);
    expect(c.out).toMatch(/b − a/);
    expect(c.out).toMatch(/90% interval \(paired\)/);
    expect(c.out).toMatch(/unmet_need_share/);
    const s = cli([
      'sweep',
      'a.yaml',
      '--param',
      'levers.fee_level',
      '--values',
      '0.9,1.1',
      '--runs',
      '2',
      '--years',
      '0.5',
      '--format',
      'csv',
    ]);
    expect(s.code).toBe(0);
    const lines = s.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^levers\.fee_level,people_supported_mean/);
  });
});
