/**
 * IndexedDB persistence (idb): the current workspace (autosaved draft), named saved workspaces, and ensemble
 * results by configuration hash, so a reload or a closed tab loses nothing and redraws at once.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { Workspace } from './workspace.ts';
import type { EnsembleData, RunLite } from './results.ts';

export interface SavedWorkspace {
  name: string;
  savedAt: number;
  workspace: Workspace;
}

interface StoredResult {
  hash: string;
  weeks: number;
  metricIds: string[];
  runs: RunLite[];
  savedAt: number;
}

let dbp: Promise<IDBPDatabase> | undefined;
function db(): Promise<IDBPDatabase> {
  dbp ??= openDB('commsim', 1, {
    upgrade(d) {
      d.createObjectStore('drafts');
      d.createObjectStore('saved', { keyPath: 'name' });
      d.createObjectStore('results', { keyPath: 'hash' });
      d.createObjectStore('resultMeta');
    },
  });
  return dbp;
}

/** The localStorage key of the synchronous copy of the current workspace (written on every change). */
export const DRAFT_KEY = 'commsim.workspace';

/** The workspace as last saved in this browser: the newer of the IndexedDB draft and the localStorage copy. */
export async function loadDraft(): Promise<Workspace | undefined> {
  let fromIdb: Workspace | undefined;
  try {
    fromIdb = (await (await db()).get('drafts', 'current')) as Workspace | undefined;
  } catch {
    fromIdb = undefined;
  }
  let fromLocal: Workspace | undefined;
  try {
    const text = typeof localStorage !== 'undefined' ? localStorage.getItem(DRAFT_KEY) : null;
    fromLocal = text ? (JSON.parse(text) as Workspace) : undefined;
  } catch {
    fromLocal = undefined;
  }
  if (!fromIdb) return fromLocal;
  if (!fromLocal) return fromIdb;
  return (fromLocal.savedAt ?? 0) > (fromIdb.savedAt ?? 0) ? fromLocal : fromIdb;
}

/**
 * Saves the workspace at once: synchronously to localStorage (so a close or a crash a moment later loses
 * nothing), then to IndexedDB. Throws (or rejects) when IndexedDB could not keep it, e.g. when storage is full.
 */
export async function saveDraft(ws: Workspace): Promise<void> {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(ws));
  } catch {
    try {
      localStorage.removeItem(DRAFT_KEY); // an older copy must not win over the IndexedDB one on the next load
    } catch {
      /* nothing more to do */
    }
  }
  await (await db()).put('drafts', ws, 'current');
}

export async function listSaved(): Promise<SavedWorkspace[]> {
  const all = (await (await db()).getAll('saved')) as SavedWorkspace[];
  return all.sort((a, b) => b.savedAt - a.savedAt);
}

export async function saveNamed(name: string, ws: Workspace): Promise<void> {
  await (await db()).put('saved', { name, savedAt: Date.now(), workspace: ws } satisfies SavedWorkspace);
}

export async function deleteSaved(name: string): Promise<void> {
  await (await db()).delete('saved', name);
}

/** runs per ensemble as last written or read: an ensemble that has not grown is not written again */
const stored = new Map<string, number>();

/** the hashes of the ensembles kept, read once: a lever change to new settings then costs no read at all */
let keptHashes: Promise<Set<string>> | undefined;
function kept(): Promise<Set<string>> {
  keptHashes ??= db().then(async (d) => new Set((await d.getAllKeys('resultMeta')) as string[]));
  return keptHashes;
}

export async function loadResults(hashes: string[]): Promise<EnsembleData[]> {
  const have = await kept();
  const wanted = hashes.filter((h) => have.has(h));
  if (wanted.length === 0) return [];
  const d = await db();
  const out: EnsembleData[] = [];
  for (const h of wanted) {
    const r = (await d.get('results', h)) as StoredResult | undefined;
    if (r) {
      out.push({
        hash: r.hash,
        weeks: r.weeks,
        metricIds: r.metricIds,
        runs: new Map(r.runs.map((x) => [x.replicate, x])),
      });
      stored.set(r.hash, r.runs.length);
    }
  }
  return out;
}

const KEEP_RESULTS = 80;

/**
 * Keeps ensembles in IndexedDB. Only ensembles with runs not yet stored are written (a comparison's four
 * ensembles of 50 runs are about 16 MB to clone); the others are only marked as recently used.
 */
export async function saveResults(list: EnsembleData[]): Promise<void> {
  const d = await db();
  const tx = d.transaction(['results', 'resultMeta'], 'readwrite');
  const now = Date.now();
  const written: [string, number][] = [];
  for (const e of list) {
    if (stored.get(e.hash) !== e.runs.size) {
      void tx.objectStore('results').put({
        hash: e.hash,
        weeks: e.weeks,
        metricIds: e.metricIds,
        runs: [...e.runs.values()],
        savedAt: now,
      } satisfies StoredResult);
      written.push([e.hash, e.runs.size]);
    }
    void tx.objectStore('resultMeta').put(now, e.hash);
  }
  await tx.done;
  const have = await kept();
  for (const [hash, n] of written) {
    stored.set(hash, n);
    have.add(hash);
  }
  const keys = (await d.getAllKeys('resultMeta')) as string[];
  if (keys.length > KEEP_RESULTS) {
    const times = (await d.getAll('resultMeta')) as number[];
    const order = keys
      .map((k, i) => [k, times[i]] as const)
      .sort((a, b) => a[1] - b[1])
      .slice(0, keys.length - KEEP_RESULTS);
    const del = d.transaction(['results', 'resultMeta'], 'readwrite');
    for (const [k] of order) {
      stored.delete(k);
      have.delete(k);
      void del.objectStore('results').delete(k);
      void del.objectStore('resultMeta').delete(k);
    }
    await del.done;
  }
}

/** ensembles waiting to be saved, by hash */
const waiting = new Map<string, EnsembleData>();

function saveWaiting(): void {
  if (waiting.size === 0) return;
  const list = [...waiting.values()];
  waiting.clear();
  void saveResults(list).catch(() => undefined);
}

/**
 * saveResults once the page is idle (after the charts are drawn), so writing never delays a redraw; at once if
 * the page is being hidden or closed first.
 */
export function saveResultsWhenIdle(list: EnsembleData[]): void {
  const first = waiting.size === 0;
  for (const e of list) waiting.set(e.hash, e);
  if (!first) return;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(saveWaiting, { timeout: 3000 });
  else setTimeout(saveWaiting, 500);
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', saveWaiting);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saveWaiting();
  });
}
