/**
 * The command line under faults (issue 19): a run that fails makes the command exit 3 with each failure listed;
 * `--out` is written whole or not at all, even when the process is killed mid-write (kill -9); and titles reach
 * the terminal with their control and escape characters removed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { terminalText } from '../../sim/cli/terminal.ts';
import { digest } from '../../sim/core/digest.ts';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'commsim.mjs');
const PLACE =
  '{name: Testshire, people: 80, workers: 40, providers: 5, community_orgs: 3, need_groups: {older_physical: 0.6, learning_disability: 0.25, mental_health: 0.15}}';
let dir = '';

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'commsim-faults-'));
  writeFileSync(
    join(dir, 'a.yaml'),
    `id: a\ntitle: A\nplace: ${PLACE}\nyears: 1\nstrategy: {approach: time-and-task}\n`,
  );
  writeFileSync(
    join(dir, 'evil.yaml'),
    `id: evil\ntitle: "\\e[2J\\e]0;owned\\a\\u009b31mEvil\\u202e title"\nplace: ${PLACE}\nyears: 1\nstrategy: {approach: time-and-task}\n`,
  );
});

describe('the command line under faults', { timeout: 180_000 }, () => {
  it('exits 3 and lists every failed run when runs fail, after writing the others’ results', () => {
    const r = cli(['run', 'a.yaml', '--runs', '4', '--workers', '0', '--format', 'json'], {
      COMMSIM_FAULT_FAIL_REPLICATES: '1,2',
    });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/run failed: scenario a, replicate 1,/);
    expect(r.err).toMatch(/run failed: scenario a, replicate 2,/);
    expect(r.err).toMatch(/2 run\(s\) failed/);
    expect(JSON.parse(r.out).completed).toBe(2);
    const ok = cli(['run', 'a.yaml', '--runs', '2', '--workers', '0', '--format', 'json']);
    expect(ok.code).toBe(0);
  });

  it('a worker thread that ends mid-run, or stops answering, fails only its run: the others complete, exit 3 (real workers)', () => {
    for (const [fault, message] of [
      ['exit:5', /replicate 5, seed \d+: the worker stopped during the run/],
      [
        'hang:5',
        /replicate 5, seed \d+: the worker stopped answering: no result after \d+ s where runs like it took about/,
      ],
    ] as const) {
      const t = Date.now();
      const r = cli(['run', 'a.yaml', '--runs', '10', '--workers', '2', '--format', 'json'], {
        COMMSIM_FAULT_WORKER: fault,
      });
      expect(r.code, fault).toBe(3);
      expect(r.err, fault).toMatch(message);
      expect(r.err, fault).toMatch(/^1 run\(s\) failed/m);
      const out = JSON.parse(r.out) as { completed: number; failures: { replicate: number }[] };
      expect(out.completed, fault).toBe(9);
      expect(out.failures.map((f) => f.replicate)).toEqual([5]);
      // noticed by the watchdog (10 s at least for runs this small), not after minutes
      expect(Date.now() - t, fault).toBeLessThan(60_000);
    }
  });

  it('started by npm exec (npm_command=exec), stops when the shell npm ran it under is stopped: no orphan keeps running', async () => {
    // npm exec runs the bin under `sh -c`, and a SIGTERM to npm reaches that shell only; here the shell is stopped
    const child = spawn(
      'sh',
      ['-c', `"${process.execPath}" "${BIN}" run a.yaml --runs 20000 --workers 1 --format json; true`],
      {
        cwd: dir,
        env: { ...process.env, npm_command: 'exec', COMMSIM_PROGRESS: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // wait until runs are going, then find the CLI (the shell's child) and stop the shell alone
    for (let t = 0; t < 120_000 && !/runs/.test(err); t += 100) await new Promise((r) => setTimeout(r, 100));
    expect(err).toMatch(/runs/);
    const cliPid = Number(
      spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n')[0],
    );
    expect(cliPid).toBeGreaterThan(0);
    process.kill(child.pid!, 'SIGTERM');
    const alive = (): boolean => {
      try {
        process.kill(cliPid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const t = Date.now();
    while (alive() && Date.now() - t < 30_000) await new Promise((r) => setTimeout(r, 100));
    const still = alive();
    if (still) process.kill(cliPid, 'SIGKILL');
    expect(still, 'the CLI runs on as an orphan').toBe(false);
  });

  it('refuses a shard file edited by hand with its digest recomputed (a row removed), naming the file and the field, exit 1', () => {
    for (const i of [1, 2])
      expect(
        cli(['run', 'a.yaml', '--runs', '32', '--workers', '0', '--shard', `${i}/2`, '--out', `h${i}.json`]).code,
      ).toBe(0);
    expect(cli(['merge', 'h1.json', 'h2.json', '--out', 'h.json']).code).toBe(0);
    const f = JSON.parse(readFileSync(join(dir, 'h2.json'), 'utf8')) as Record<string, unknown>;
    (f.partials as { rows: unknown[] }[])[0].rows.splice(3, 1);
    delete f.contentDigest;
    writeFileSync(join(dir, 'h2.json'), JSON.stringify({ ...f, contentDigest: digest(JSON.stringify(f)) }));
    const r = cli(['merge', 'h1.json', 'h2.json', '--out', 'h-forged.json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /h2\.json: partials\[0\]\.rows holds 15 of the 16 runs of shard 2\/2: 1 missing .*replicate 19/,
    );
    expect(existsSync(join(dir, 'h-forged.json'))).toBe(false);
  });

  it('refuses sweep values outside the schema’s ranges, a path into a prototype and a huge grid, running nothing', () => {
    const high = cli([
      'sweep',
      'a.yaml',
      '--param',
      'levers.fee_level',
      '--values',
      '1,99',
      '--runs',
      '2',
      '--workers',
      '0',
    ]);
    expect(high.code).toBe(2);
    expect(high.err).toMatch(/1 of 2 point\(s\) are outside what a scenario allows/);
    expect(high.err).toMatch(/levers\.fee_level = 99: phases\[0\]\.levers\.fee_level: 99 is out of range/);
    const proto = cli(['sweep', 'a.yaml', '--param', 'phases.__proto__.length', '--values', '1', '--workers', '0']);
    expect(proto.code).toBe(2);
    expect(proto.err).toMatch(/does not exist in the scenario/);
    const huge = cli([
      'sweep',
      'a.yaml',
      '--param',
      'levers.fee_level',
      '--values',
      '0.6:1.6:1000',
      '--param2',
      'params.quit_base_rate',
      '--values2',
      '0.01:0.02:1000',
    ]);
    expect(huge.code).toBe(2);
    expect(huge.err).toMatch(/at most 10,000 points; this one has 1,000,000/);
    expect(huge.err).not.toMatch(/ {4}at /);
  });

  it('writes titles to the terminal without control or escape characters', () => {
    for (const format of ['table', 'csv']) {
      const r = cli(['run', 'evil.yaml', '--runs', '2', '--workers', '0', '--format', format]);
      expect(r.code).toBe(0);
      if (format === 'table') expect(r.out).toContain('Evil');
      // eslint-disable-next-line no-control-regex
      expect(r.out).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    }
    expect(terminalText('a\r\nb\tc\u001b[2Jd\re')).toBe('a\r\nb\tc[2Jde');
  });

  it('leaves the earlier --out file whole when killed mid-write (kill -9, five times)', async () => {
    const target = join(dir, 'result.json');
    const before = JSON.stringify({ earlier: 'result' }) + '\n';
    const script = join(dir, 'write-big.ts');
    writeFileSync(
      script,
      `import { emit } from ${JSON.stringify(join(ROOT, 'sim/cli/output.ts'))};\n` +
        `emit('[' + '1,'.repeat(60_000_000) + '1]\\n', { out: ${JSON.stringify(target)} });\n`,
    );
    let interrupted = 0;
    for (let i = 0; i < 5; i++) {
      writeFileSync(target, before);
      const names = new Set(readdirSync(dir));
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'run-ts.mjs'), script], { stdio: 'ignore' });
      const exited = new Promise<void>((res) => child.on('exit', () => res()));
      // kill as soon as the write has begun: a new file beside it, or the target changed
      for (let t = 0; t < 20_000; t += 2) {
        const changed = readdirSync(dir).some((n) => !names.has(n)) || statSync(target).size !== before.length;
        if (changed) break;
        await new Promise((r) => setTimeout(r, 2));
      }
      const stillRunning = child.exitCode === null;
      child.kill('SIGKILL');
      await exited;
      if (stillRunning) interrupted++;
      const text = readFileSync(target, 'utf8');
      const whole = text === before || (text.startsWith('[1,') && text.endsWith('1]\n'));
      expect(whole, `after kill ${i + 1}, --out holds ${text.length} characters that are neither result`).toBe(true);
    }
    expect(interrupted).toBeGreaterThan(0);
    // no temporary files left but those of killed writes (hidden, named for the target)
    expect(existsSync(target)).toBe(true);
  });
});
