/**
 * The last stress test: what it produced (StressOutcome), kept in IndexedDB (a database of its own, so the main
 * store's schema is untouched): a reload shows it again at once.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { SensitivityResult, StressResult } from '../../../sim/index.ts';
import type { StressSettings } from './stress-settings.ts';

/** What the tornado shows. */
export interface Importance {
  /** 'morris': μ* with a 95% bootstrap interval; 'rank': Spearman rank correlation over the futures */
  method: 'morris' | 'rank';
  metric: string;
  /** most important first */
  bars: { id: string; label: string; value: number; low: number; high: number; signed: number }[];
  note: string | null;
}

/** A finished stress test, as shown and as kept. */
export interface StressOutcome {
  settings: StressSettings;
  titles: Record<string, string>;
  result: StressResult;
  sensitivity: SensitivityResult | null;
  importance: Importance;
  savedAt: number;
  /** wall-clock seconds */
  seconds: number;
  /**
   * today's fee in the place it was run on, £ an hour (lever-units.ts, placeFeeOf): its fee levels are read in it;
   * absent in results kept before it was stored
   */
  placeFee?: number;
}

/** The fee a stress test's fee levels are read against: the one it was run with, else (older results) `current`. */
export function feeOfOutcome(o: StressOutcome, current: number): number {
  return typeof o.placeFee === 'number' && Number.isFinite(o.placeFee) && o.placeFee > 0 ? o.placeFee : current;
}

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
