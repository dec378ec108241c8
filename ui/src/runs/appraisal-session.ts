/**
 * The options appraisal's session, outside React: the appraisal keeps running (and its result is saved) when the
 * user opens another screen, and the Options appraisal screen picks it up when they come back. It runs on the
 * appraisal's own pool (pools.ts); the simulation (runAppraisal) plans the runs, pairs them and does the
 * statistics; this only hands over the place and the choices, shows each approach's fit as it comes, and keeps
 * the finished appraisal (state/appraisal-store.ts).
 */
import { useSyncExternalStore } from 'react';
import {
  isAbortError,
  runAppraisal,
  type Appraisal,
  type AppraisalProgress,
  type AppraisalStage,
  type ApproachFit,
  type DevelopmentPath,
  type PathResult,
} from '../../../sim/index.ts';
import { appraisalOptionsOf, appraisalPlaceOf, inputsKey } from '../state/appraisal-draft.ts';
import { loadAppraisal, saveAppraisal, type AppraisalOutcome } from '../state/appraisal-store.ts';
import { lib } from '../state/library.ts';
import type { Workspace } from '../state/workspace.ts';
import { appraisalPool } from './pools.ts';

export interface AppraisalState {
  /** the last finished appraisal (from this session or kept in the browser) */
  outcome: AppraisalOutcome | null;
  /** while running: each approach's fit as it comes (refined as more runs arrive), and the stages done */
  live: { fits: ApproachFit[]; paths: PathResult[]; stage: AppraisalStage; partial: Partial<Appraisal> } | null;
  progress: AppraisalProgress | null;
  busy: boolean;
  error: string | null;
  /** for the polite live region */
  message: string;
}

let state: AppraisalState = {
  outcome: null,
  live: null,
  progress: null,
  busy: false,
  error: null,
  message: '',
};
const listeners = new Set<() => void>();
let controller: AbortController | null = null;
let loaded = false;

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

function set(patch: Partial<AppraisalState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function useAppraisal(): AppraisalState {
  return useSyncExternalStore(subscribe, () => state);
}

/** Shows the appraisal kept in this browser, once per page load. */
export function loadSavedAppraisalOnce(): void {
  if (loaded) return;
  loaded = true;
  void loadAppraisal().then((o) => {
    if (o && !state.outcome && !state.busy)
      set({ outcome: o, message: 'Showing the last options appraisal kept in this browser.' });
  });
}

/**
 * Runs the whole appraisal (baseline check, fit, robustness across futures, development paths) for the workspace.
 * With `paths` (the candidates and the user's edited ones), those are the paths evaluated: the runs are seeded as
 * before, so the fit comes out the same and the paths are scored on its scale.
 */
export async function startAppraisal(ws: Workspace, paths?: DevelopmentPath[]): Promise<void> {
  controller?.abort();
  const ac = new AbortController();
  controller = ac;
  const inputs = inputsKey(ws);
  set({
    busy: true,
    error: null,
    live: { fits: [], paths: [], stage: 'readiness', partial: {} },
    progress: { stage: 'readiness', done: 0, total: 1 },
    message: 'Options appraisal started.',
  });
  let last = 0;
  try {
    const place = appraisalPlaceOf(ws);
    const backend = await appraisalPool();
    const appraisal = await runAppraisal(backend, place, lib(), {
      ...appraisalOptionsOf(ws),
      ...(paths?.length ? { paths } : {}),
      signal: ac.signal,
      onProgress: (p) => {
        if (controller !== ac) return;
        const now = performance.now();
        if (now - last < 150 && p.done < p.total) return;
        last = now;
        set({ progress: p });
      },
      onApproach: (fit) => {
        if (controller !== ac || !state.live) return;
        const fits = [...state.live.fits.filter((f) => f.id !== fit.id), fit];
        set({ live: { ...state.live, fits } });
      },
      onPath: (path) => {
        if (controller !== ac || !state.live) return;
        set({ live: { ...state.live, paths: [...state.live.paths.filter((p) => p.id !== path.id), path] } });
      },
      onStage: (stage, partial) => {
        if (controller !== ac || !state.live) return;
        set({ live: { ...state.live, stage, partial: { ...state.live.partial, ...partial } } });
      },
    });
    if (controller !== ac) return;
    const target = appraisalOptionsOf(ws).target;
    const outcome: AppraisalOutcome = {
      appraisal,
      inputs,
      savedAt: Date.now(),
      ...(target ? { target } : {}),
      ...(paths?.length ? { paths } : {}),
    };
    set({
      outcome,
      busy: false,
      live: null,
      progress: null,
      message: `Options appraisal finished: ${appraisal.cost.runs.toLocaleString('en-GB')} runs in ${appraisal.cost.seconds.toFixed(0)} seconds.`,
    });
    void saveAppraisal(outcome).catch(() => undefined);
  } catch (e) {
    if (controller !== ac) return;
    if (isAbortError(e) || ac.signal.aborted)
      set({ busy: false, live: null, progress: null, message: 'Options appraisal cancelled; the last one is kept.' });
    else
      set({
        busy: false,
        live: null,
        progress: null,
        error: e instanceof Error ? e.message : String(e),
        message: 'The options appraisal could not run.',
      });
  }
}

export function cancelAppraisal(): void {
  controller?.abort();
}
