/** commsim explain and commsim story, end to end through bin/commsim.mjs on a tiny library of our own. */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'commsim.mjs');
let dir = '';
let lib = '';
const PLACE =
  '{name: Testshire, people: 80, workers: 40, providers: 5, community_orgs: 3, need_groups: {older_physical: 0.6, learning_disability: 0.25, mental_health: 0.15}}';

function cli(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, COMMSIM_LIBRARY: lib },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'commsim-explain-'));
  lib = join(dir, 'lib');
  mkdirSync(join(lib, 'approaches'), { recursive: true });
  mkdirSync(join(lib, 'scenarios'), { recursive: true });
  writeFileSync(
    join(lib, 'approaches', 'time-and-task.yaml'),
    'id: time-and-task\nname: Time and task\nsummary: Visits bought by the minute.\ndefines: paid by the visit minute\nsource: test\nlevers: {fee_level: 1}\n',
  );
  writeFileSync(
    join(dir, 'a.yaml'),
    `id: a\ntitle: A\nplace: ${PLACE}\nyears: 1\nstrategy: {approach: time-and-task}\n`,
  );
  writeFileSync(
    join(dir, 'b.yaml'),
    `id: b\ntitle: B\nplace: ${PLACE}\nyears: 1\nstrategy: {approach: time-and-task, levers: {fee_level: 1.2}}\n`,
  );
});

describe('commsim explain and story', { timeout: 180_000 }, () => {
  it('explains a fee rise by the money levers, as a table, JSON and CSV', () => {
    const t = cli([
      'explain',
      'a.yaml',
      'b.yaml',
      '--outcome',
      'fee_per_hour',
      '--by',
      'groups',
      '--runs',
      '3',
      '--workers',
      '0',
    ]);
    expect(t.code, t.err).toBe(0);
    expect(t.out).toMatch(/What drove the difference in fee per hour/i);
    expect(t.out).toMatch(/money levers\s+\+£\d+\.\d\d\s+100%/);
    expect(t.out).toMatch(/whole difference/);
    const j = cli([
      'explain',
      'a.yaml',
      'b.yaml',
      '--outcome',
      'fee_per_hour',
      '--by',
      'groups',
      '--runs',
      '3',
      '--workers',
      '0',
      '--format',
      'json',
      '--out',
      'e.json',
    ]);
    expect(j.code, j.err).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'e.json'), 'utf8')) as {
      metadata: { command: string };
      result: { groups: { parts: { id: string; share: number }[] }; difference: { mean: number } };
    };
    expect(doc.metadata.command).toBe('explain');
    expect(doc.result.groups.parts.find((p) => p.id === 'money')!.share).toBeCloseTo(1, 9);
    const c = cli([
      'explain',
      'a.yaml',
      'b.yaml',
      '--outcome',
      'fee_per_hour',
      '--by',
      'groups',
      '--runs',
      '2',
      '--workers',
      '0',
      '--format',
      'csv',
    ]);
    expect(c.code, c.err).toBe(0);
    expect(c.out.split('\n')[0]).toBe('kind,id,label,part,share,low90,high90,p5,p95');
    expect(c.out).toMatch(/^group,money,money levers,/m);
  });

  it('explains one scenario against its own start', () => {
    const r = cli([
      'explain',
      'b.yaml',
      '--outcome',
      'fee_per_hour',
      '--by',
      'groups',
      '--runs',
      '2',
      '--workers',
      '0',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/kept as at the start/);
  });

  it('says what is wrong with bad input, naming the flag', () => {
    const o = cli(['explain', 'a.yaml', 'b.yaml', '--outcome', 'wellbeing_maen']);
    expect(o.code).toBe(2);
    expect(o.err).toMatch(/--outcome: 'wellbeing_maen' is not an outcome metric; did you mean 'wellbeing_mean'/);
    expect(cli(['explain', 'a.yaml', 'b.yaml', '--by', 'levers']).err).toMatch(/--by must be mechanisms, groups, both/);
    expect(cli(['explain']).err).toMatch(/one or two scenarios/);
    expect(cli(['explain', 'a.yaml', 'b.yaml', '--runs', '1']).err).toMatch(/--runs must be a whole number from 2/);
  });

  it('names the loops that carried the change, year by year', () => {
    const r = cli(['loops', 'a.yaml', '--runs', '2', '--workers', '0']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Live loops: A \(mean of 2 runs\)/);
    expect(r.out).toMatch(/^Year 1: /m);
    const c = cli(['loops', 'a.yaml', '--runs', '2', '--workers', '0', '--period', '26', '--format', 'csv']);
    expect(c.code, c.err).toBe(0);
    expect(c.out.split('\n')[0]).toBe('from_week,to_week,link,sign,from_change,to_change,weight,share');
    expect(c.out).toMatch(/^26,52,fee>pay,1,/m);
    expect(cli(['loops', 'a.yaml', '--period', '2']).err).toMatch(/--period must be a whole number from 4/);
  });

  it('tells a story week by week', () => {
    const r = cli(['story', 'a.yaml', '--who', 'provider', '--pick', 'largest']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/the largest provider, weeks 0–51/);
    expect(r.out).toMatch(/^Week 0: /m);
    const j = cli(['story', 'a.yaml', '--who', 'person', '--format', 'json']);
    expect(j.code, j.err).toBe(0);
    const doc = JSON.parse(j.out) as { story: { who: string; sentences: { week: number; text: string }[] } };
    expect(doc.story.who).toBe('person');
    expect(doc.story.sentences.length).toBeGreaterThan(0);
    expect(cli(['story', 'a.yaml', '--who', 'cat']).err).toMatch(/--who must be person, worker, provider, got 'cat'/);
    expect(cli(['story', 'a.yaml', '--who', 'worker', '--pick', 'exited']).err).toMatch(
      /--pick for a worker must be one of/,
    );
  });
});
