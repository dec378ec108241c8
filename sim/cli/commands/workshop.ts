/**
 * commsim workshop: start the Open Simulation workshop host (issue 18) on this machine. It serves the app (built
 * first if ui/dist is missing) and the players' WebSocket, and keeps every game in a SQLite file so a crash or a
 * closed laptop loses nothing: start it again with the same --db and every game resumes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '../command.ts';
import {
  GameError,
  HEADLINE_METRICS,
  METRIC_BY_ID,
  builtAppDir,
  formatNumber,
  runGameExplain,
  startWorkshopServer,
  verifyRecord,
  type GameRecord,
} from '../../node.ts';
import { library } from '../common.ts';
import { COMMON, intOpt } from '../options.ts';
import { UsageError } from '../errors.ts';
import { writeErr, writeOut } from '../terminal.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEFAULT_DB = join(homedir(), '.commsim', 'workshop.sqlite');

export const workshop: Command = {
  name: 'workshop',
  help: `Usage: commsim workshop [--port P] [--lan] [--db FILE] [--library DIR]
       commsim workshop --replay RECORD.json [--explain]

Starts a workshop host: open the address it prints, create a session as the facilitator, and give players the
session code. Players need only a browser.

  --port P      port to listen on (default 8787)
  --lan         listen on this machine's network addresses so players on the same network can join
                (default: this machine only, 127.0.0.1)
  --db FILE     SQLite file the games are kept in (default ${DEFAULT_DB});
                start again with the same file and every game resumes where it was
  --library DIR scenario library (default: the shipped scenarios)
  --replay FILE replay a table's workshop record (the JSON the console exports) from its scenario, seed and
                decisions, print where it ended, and check it gives the same figures as when it was saved
                (exit 0 if it does, 1 if not)
  --explain     with --replay: also say what drove the table's result — each role's share of its difference from
                the model alone on the headline figures (the game replayed without that role's decisions, with the
                same random numbers), and the causal map's dominant loop round by round, as the debrief does

Stop it with Ctrl+C; nothing is lost.`,
  options: {
    ...COMMON,
    port: { type: 'string' },
    lan: { type: 'boolean' },
    db: { type: 'string' },
    replay: { type: 'string' },
    explain: { type: 'boolean' },
  },
  run: async (_args, o) => {
    if (typeof o.replay === 'string') return replay(o.replay, o.explain === true);
    if (o.explain === true) throw new UsageError("--explain goes with --replay FILE (a table's workshop record).");
    const port = intOpt(o, 'port', 0, 65535) ?? 8787;
    const dbFile = typeof o.db === 'string' ? o.db : DEFAULT_DB;
    if (dbFile.trim() === '') throw new UsageError('--db needs a file name.');
    const lib = library(o);
    let appDir = builtAppDir(ROOT);
    if (appDir === null) {
      writeErr('The app has not been built yet: building it (a minute or two, once)…\n');
      const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
      const r = spawnSync(process.execPath, [vite, 'build', '--config', 'ui/vite.config.ts', '--logLevel', 'error'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
      appDir = builtAppDir(ROOT);
      if (r.status !== 0 || appDir === null)
        throw new UsageError('building the app failed (see above); try `npm run build`, then run this again.', 1);
    }
    const srv = await startWorkshopServer({ port, lan: o.lan === true, dbFile, library: lib, appDir });
    const st = srv.host.stats();
    writeOut(
      [
        `Workshop host running. Games are kept in ${dbFile}` +
          (st.sessions > 0
            ? ` (resumed ${st.sessions} session${st.sessions === 1 ? '' : 's'}, ${st.tables} tables)`
            : ''),
        o.lan
          ? `Players on this network open: ${srv.urls.join('  or  ')}`
          : `Open ${srv.urls[0]} (this machine only; add --lan so players on the same network can join)`,
        ...(st.broken.length > 0
          ? [
              `Could not restore ${st.broken.length} workshop${st.broken.length === 1 ? '' : 's'} from the file (${st.broken.join(', ')}): kept there untouched.`,
            ]
          : []),
        'Stop with Ctrl+C: nothing is lost; start again with the same --db to carry on.',
        '',
      ].join('\n'),
    );
    await new Promise<void>((done) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void srv.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    writeOut('Workshop host stopped.\n');
    return 0;
  },
};

const MAX_RECORD_BYTES = 20 * 2 ** 20;

/** commsim workshop --replay FILE: rebuild a table's game from its record and check it against its fingerprint. */
function replay(file: string, explain = false): number {
  if (!existsSync(file)) throw new UsageError(`--replay: no file '${file}'.`, 1);
  if (statSync(file).size > MAX_RECORD_BYTES)
    throw new UsageError(`--replay: '${file}' is larger than a workshop record can be (20 MB).`, 1);
  let record: GameRecord;
  try {
    record = JSON.parse(readFileSync(file, 'utf8')) as GameRecord;
  } catch {
    throw new UsageError(
      `--replay: '${file}' is not JSON (export the table's record from the facilitator's console).`,
      1,
    );
  }
  if (
    typeof record !== 'object' ||
    record === null ||
    !Array.isArray(record.actions) ||
    typeof record.setup !== 'object'
  )
    throw new UsageError(`--replay: '${file}' is not a workshop record (it needs "setup" and "actions").`, 1);
  let result: ReturnType<typeof verifyRecord>;
  try {
    result = verifyRecord(record);
  } catch (e) {
    const why = e instanceof GameError ? e.message : (e as Error).message;
    writeErr(`commsim workshop --replay: the record could not be replayed: ${why}\n`);
    return 1;
  }
  const { game, same, expected, actual } = result;
  const s = game.summary();
  const decisions = record.actions.filter((a) => a.kind === 'decide').length;
  const lines = [
    `${s.title}: ${s.round} of ${s.rounds} rounds of ${game.setup.roundWeeks} weeks played (week ${s.week}), seed ${game.setup.seed}`,
    `${decisions} decision${decisions === 1 ? '' : 's'} by ${game.played.length} played roles; ${s.shocks} shock${s.shocks === 1 ? '' : 's'} injected`,
    '',
    'Where it ended (start → now):',
    ...HEADLINE_METRICS.map((id) => {
      const h = s.headline.find((x) => x.id === id);
      const unit = METRIC_BY_ID.get(id).unit;
      const f = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : formatNumber(v));
      return `  ${METRIC_BY_ID.get(id).label}: ${f(h?.start)} → ${f(h?.value)} ${unit}`;
    }),
    '',
    same === null
      ? `The record carries no fingerprint to compare with (replayed fingerprint ${actual}).`
      : same
        ? `Replayed exactly: every figure of every week is the same as when the record was saved (fingerprint ${actual}).`
        : `NOT the same: the record was saved with fingerprint ${expected} at week ${record.check?.week}; the replay gives ${actual} at week ${game.week}.`,
    '',
  ];
  if (explain) {
    const x = runGameExplain(record);
    lines.push(
      `What drove this table's result (${x.replays} replays of the record; the model alone is the same place, seed and shocks with nobody's decisions):`,
    );
    for (const id of HEADLINE_METRICS) {
      const a = x.outcomes[id];
      if (a) lines.push('', ...a.sentences.map((t) => `  ${t}`));
    }
    lines.push('', 'The loop that carried most change, round by round:', ...x.rounds.map((r) => `  ${r.sentence}`), '');
  }
  writeOut(lines.join('\n'));
  return same === false ? 1 : 0;
}
