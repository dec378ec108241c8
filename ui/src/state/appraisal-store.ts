/**
 * The last options appraisal: what it produced (the simulation's Appraisal, plain data) with the inputs it was
 * run on, kept in IndexedDB (a database of its own, so the main store's schema is untouched): a reload shows it
 * again at once, and the screen says when the place, the figures or the weights have changed since.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { Appraisal, DevelopmentPath } from '../../../sim/index.ts';

export interface AppraisalOutcome {
  appraisal: Appraisal;
  /** the inputs it was run on (inputsKey): differs from the workspace's once the place or the choices change */
  inputs: string;
  savedAt: number;
  /** the approach or blend the plan was built towards (absent: the best-ranked approach) */
  target?: DevelopmentPath['target'];
  /** the paths evaluated when the user gave them (candidates and edited ones), as they were then */
  paths?: DevelopmentPath[];
}

let dbp: Promise<IDBPDatabase> | undefined;
function db(): Promise<IDBPDatabase> {
  dbp ??= openDB('commsim-appraisal', 1, {
    upgrade(d) {
      d.createObjectStore('outcomes');
    },
  });
  return dbp;
}

export async function saveAppraisal(o: AppraisalOutcome): Promise<void> {
  await (await db()).put('outcomes', o, 'last');
}

export async function loadAppraisal(): Promise<AppraisalOutcome | undefined> {
  try {
    const o = (await (await db()).get('outcomes', 'last')) as AppraisalOutcome | undefined;
    return o && o.appraisal?.format === 'commsim-appraisal' && o.appraisal.fit ? o : undefined;
  } catch {
    return undefined;
  }
}
