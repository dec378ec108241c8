/**
 * The stress test's session, outside React: a run keeps going (and its result is saved) when the user switches
 * to another tab, and the Stress test screen picks it up again when they come back. It lives with the runs
 * because it starts and cancels them; what it holds (settings, the last outcome) is defined in state/.
 */
import { useSyncExternalStore } from 'react';
import { isAbortError } from '../../../sim/index.ts';
import type { StressSettings } from '../state/stress-settings.ts';
import { loadStress, saveStress, type StressOutcome } from '../state/stress-store.ts';
import type { Workspace } from '../state/workspace.ts';
import { runStressTest, type StressProgress } from './stress-runner.ts';

export interface StressState {
  settings: StressSettings | null;
  outcome: StressOutcome | null;
  progress: StressProgress | null;
  busy: boolean;
  error: string | null;
  /** for the polite live region */
  message: string;
}

let state: StressState = { settings: null, outcome: null, progress: null, busy: false, error: null, message: '' };
const listeners = new Set<() => void>();
let controller: AbortController | null = null;
let loaded = false;

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function setStress(patch: Partial<StressState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function useStress(): StressState {
  // the same snapshot when a screen is rendered to HTML (tests render the Stress test screen so)
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => state,
  );
}

/** Shows the stress test kept in this browser, once per page load. */
export function loadSavedOnce(onLoaded: (o: StressOutcome) => void): void {
  if (loaded) return;
  loaded = true;
  void loadStress().then((o) => {
    if (o && !state.outcome && !state.busy) {
      setStress({ outcome: o, message: 'Showing the last stress test kept in this browser.' });
      onLoaded(o);
    }
  });
}

export async function startStress(ws: Workspace, settings: StressSettings): Promise<void> {
  controller?.abort();
  const ac = new AbortController();
  controller = ac;
  setStress({
    busy: true,
    error: null,
    progress: { done: 0, total: 1, failed: 0, phase: 'futures' },
    message: 'Stress test started.',
  });
  let last = 0;
  try {
    const o = await runStressTest(ws, settings, {
      signal: ac.signal,
      onProgress: (p) => {
        const now = performance.now();
        if (now - last < 150 && p.done < p.total) return;
        last = now;
        setStress({ progress: p });
      },
    });
    if (controller !== ac) return;
    setStress({
      outcome: o,
      busy: false,
      progress: null,
      message: `Stress test finished: ${o.result.header.futures} futures in ${o.seconds.toFixed(1)} seconds.`,
    });
    void saveStress(o).catch(() => undefined);
  } catch (e) {
    if (controller !== ac) return;
    if (isAbortError(e) || ac.signal.aborted)
      setStress({ busy: false, message: 'Stress test cancelled; nothing was kept from it.' });
    else
      setStress({
        busy: false,
        error: e instanceof Error ? e.message : String(e),
        message: 'The stress test could not run.',
      });
  }
}

export function cancelStress(): void {
  controller?.abort();
}
