/** `commsim workshop`: its help, a bad option named, and (when the app is built) the real command serving it. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Game, lanAddresses } from '../../sim/node.ts';
import { Client, smallSetup, tempDb } from './helpers.ts';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'commsim.mjs');

describe('commsim workshop', () => {
  it('explains itself and names a bad option', () => {
    const help = spawnSync(process.execPath, [BIN, 'workshop', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    for (const o of ['--port', '--lan', '--db']) expect(help.stdout).toContain(o);
    const bad = spawnSync(process.execPath, [BIN, 'workshop', '--port', '70000'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--port must be a whole number from 0 to 65535/);
  });

  it('replays a saved record and says whether it gives the same figures', () => {
    const g = new Game(smallSetup(3, 13));
    g.apply({ kind: 'start' });
    g.apply({ kind: 'decide', round: 0, role: 'provider-1', values: { wage: 15 }, note: '' });
    g.apply({ kind: 'shock', round: 0, shock: { type: 'budget_cut', share: 0.1 } });
    g.apply({ kind: 'advance', round: 0, reason: 'timer' });
    const dir = mkdtempSync(join(tmpdir(), 'commsim-replay-'));
    const file = join(dir, 'table-1.json');
    writeFileSync(file, JSON.stringify(g.record()));
    const ok = spawnSync(process.execPath, [BIN, 'workshop', '--replay', file], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('1 of 3 rounds of 13 weeks played');
    expect(ok.stdout).toContain('Replayed exactly');
    const rec = g.record();
    (rec.actions[1] as { values: Record<string, number> }).values.wage = 15.01;
    writeFileSync(file, JSON.stringify(rec));
    const changed = spawnSync(process.execPath, [BIN, 'workshop', '--replay', file], { encoding: 'utf8' });
    expect(changed.status).toBe(1);
    expect(changed.stdout).toContain('NOT the same');
    writeFileSync(file, '{"setup": {}, "actions": []}');
    const junk = spawnSync(process.execPath, [BIN, 'workshop', '--replay', file], { encoding: 'utf8' });
    expect(junk.status).toBe(1);
    expect(junk.stderr).toMatch(/could not be replayed/);
  });

  it("--explain says what drove the table: each deciding role's share, Together and the loop of each round", () => {
    const g = new Game(smallSetup(3, 13));
    g.apply({ kind: 'start' });
    g.apply({ kind: 'decide', round: 0, role: 'provider-1', values: { wage: 16 }, note: '' });
    g.apply({ kind: 'advance', round: 0, reason: 'timer' });
    g.apply({ kind: 'advance', round: 1, reason: 'timer' });
    const dir = mkdtempSync(join(tmpdir(), 'commsim-explain-'));
    const file = join(dir, 'table-1.json');
    writeFileSync(file, JSON.stringify(g.record()));
    const r = spawnSync(process.execPath, [BIN, 'workshop', '--replay', file, '--explain'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("What drove this table's result (9 replays");
    // one role decided: it carries the whole difference on every headline figure that moved
    expect(r.stdout).toMatch(/What home care provider A decided: 100% of the difference in/);
    expect(r.stdout).not.toMatch(/Together/);
    expect(r.stdout).toMatch(/Round 1 \(weeks 1–13\): /);
    expect(r.stdout).toMatch(/Round 2 \(weeks 14–26\): /);
    const alone = spawnSync(process.execPath, [BIN, 'workshop', '--explain'], { encoding: 'utf8' });
    expect(alone.status).toBe(2);
    expect(alone.stderr).toMatch(/--explain goes with --replay/);
  });

  it.skipIf(!existsSync(join(ROOT, 'ui', 'dist', 'index.html')))(
    'serves the app and the WebSocket on 127.0.0.1 only, and stops cleanly',
    async () => {
      const proc = spawn(process.execPath, [BIN, 'workshop', '--port', '0', '--db', tempDb()], { cwd: ROOT });
      let out = '';
      const url = await new Promise<string>((ok, fail) => {
        proc.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /Open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) ok(m[1]);
        });
        proc.once('exit', () => fail(new Error(out)));
      });
      try {
        const page = await fetch(url);
        expect(page.headers.get('content-type')).toContain('text/html');
        expect(await page.text()).toContain('<div id="root">');
        const c = await Client.open(url.replace('http', 'ws') + 'workshop');
        expect(await c.wait((m) => m.t === 'hello')).toMatchObject({ protocol: 1 });
        c.close();
        const port = new URL(url).port;
        for (const ip of lanAddresses()) await expect(fetch(`http://${ip}:${port}/`)).rejects.toThrow();
      } finally {
        proc.kill('SIGINT');
        await new Promise((ok) => proc.once('exit', ok));
      }
      expect(out).toContain('Workshop host stopped.');
    },
    60_000,
  );
});
