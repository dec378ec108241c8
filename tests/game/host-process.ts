/**
 * A workshop host in a process of its own, for the restart test: `node bin/run-ts.mjs tests/game/host-process.ts
 * DB_FILE`. Prints `PORT n` once listening; killed by the test.
 */
import { loadNodeLibrary, startWorkshopServer } from '../../sim/node.ts';

const db = process.argv[2];
if (!db) throw new Error('usage: host-process.ts DB_FILE');
const srv = await startWorkshopServer({ port: 0, lan: false, dbFile: db, library: loadNodeLibrary(), appDir: null });
process.stdout.write(`PORT ${srv.port}\n`);
