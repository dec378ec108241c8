/**
 * The last stress test, kept in IndexedDB (a database of its own, so the main store's schema is untouched):
 * a reload shows it again at once.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { StressOutcome } from '../runs/stress-runner.ts';

let dbp: Promise<IDBPDatabase> | undefined;
function db(): Promise<IDBPDatabase> {
  dbp ??= openDB('commsim-stress', 1, {
    upgrade(d) {
      d.createObjectStore('outcomes');
    },
  });
  return dbp;
}

export async function saveStress(o: StressOutcome): Promise<void> {
  await (await db()).put('outcomes', o, 'last');
}

export async function loadStress(): Promise<StressOutcome | undefined> {
  try {
    const o = (await (await db()).get('outcomes', 'last')) as (StressOutcome & { engine?: string }) | undefined;
    return o && o.result && o.importance ? o : undefined;
  } catch {
    return undefined;
  }
}
