/**
 * commsim workshop: start the Open Simulation workshop host (issue 18) on this machine. It serves the app (built
 * first if ui/dist is missing) and the players' WebSocket, and keeps every game in a SQLite file so a crash or a
 * closed laptop loses nothing: start it again with the same --db and every game resumes.
 */
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '../command.ts';
import { builtAppDir, startWorkshopServer } from '../../node.ts';
import { library } from '../common.ts';
import { COMMON, intOpt } from '../options.ts';
import { UsageError } from '../errors.ts';
import { writeErr, writeOut } from '../terminal.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEFAULT_DB = join(homedir(), '.commsim', 'workshop.sqlite');

export const workshop: Command = {
  name: 'workshop',
  help: `Usage: commsim workshop [--port P] [--lan] [--db FILE] [--library DIR]

Starts a workshop host: open the address it prints, create a session as the facilitator, and give players the
session code. Players need only a browser.

  --port P      port to listen on (default 8787)
  --lan         listen on this machine's network addresses so players on the same network can join
                (default: this machine only, 127.0.0.1)
  --db FILE     SQLite file the games are kept in (default ${DEFAULT_DB});
                start again with the same file and every game resumes where it was
  --library DIR scenario library (default: the shipped scenarios)

Stop it with Ctrl+C; nothing is lost.`,
  options: { ...COMMON, port: { type: 'string' }, lan: { type: 'boolean' }, db: { type: 'string' } },
  run: async (_args, o) => {
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
