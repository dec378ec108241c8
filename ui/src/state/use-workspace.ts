/**
 * The workspace as React state: the work saved in this browser (else the Midshire example), saved again at once
 * after every change. A share link never replaces it silently: the user chooses to add the link's scenarios or to
 * replace theirs, and a copy of the work before the link is saved first. Another tab's change and a failed save
 * are told, not hidden.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ScenarioIssue } from '../../../sim/index.ts';
import { lib } from './library.ts';
import { sharedFutureSentence } from './shared-future.ts';
import { readShareHash, sharedRunSentence, type ShareOutcome } from './share.ts';
import { loadDraft, saveDraft, saveNamed } from './store.ts';
import {
  defaultWorkspace,
  MAX_SCENARIOS,
  rangesOf,
  withScenarios,
  withSlots,
  type ComparedWorkspace,
  type Workspace,
} from './workspace.ts';

/** A choice offered in a notice (a button). */
export interface NoticeAction {
  label: string;
  run: () => void;
}

/** A message for the user about their workspace (a share link opened or refused, a file imported, a failed save). */
export type Notice = { kind: 'error' | 'info'; text: string; issues?: ScenarioIssue[]; actions?: NoticeAction[] };

/** The name of the saved copy kept before something (a share link, a saved comparison) replaces the workspace. */
export function backupName(what = 'the shared link', now = new Date()): string {
  return `Before ${what} of ${now.toISOString().slice(0, 16).replace('T', ' ')}`;
}

const CHANNEL = 'commsim-workspace';

/** Whether a workspace read from storage can be used (one scenario is enough: a one-scenario link is kept). */
export function usableDraft(d: Workspace | undefined): d is Workspace {
  return !!d && d.version === 1 && Array.isArray(d.scenarios) && d.scenarios.length >= 1;
}

export function useWorkspace(setNotice: (n: Notice | null) => void): {
  ws: Workspace | null;
  setWs: (w: Workspace) => void;
  /** change the workspace (nothing happens before it is loaded) */
  update: (f: (w: Workspace) => Workspace) => void;
} {
  const [ws, setRaw] = useState<Workspace | null>(null);
  // the one way the workspace changes: every version keeps its scenarios' colour slots
  const setWsState = useCallback(
    (v: Workspace | null | ((w: Workspace | null) => Workspace | null)) =>
      setRaw((w) => {
        const next = typeof v === 'function' ? v(w) : v;
        return next ? withSlots(next) : next;
      }),
    [],
  );
  /** the savedAt this tab last wrote or loaded: a broadcast with another is another tab's work */
  const mine = useRef(0);
  /** a workspace read from storage (at start, or another tab's): already saved, so not written back */
  const unchanged = useRef<Workspace | null>(null);
  const channel = useRef<BroadcastChannel | null>(null);

  const setWs = useCallback((w: Workspace) => setWsState(w), [setWsState]);
  const update = useCallback((f: (w: Workspace) => Workspace) => setWsState((w) => (w ? f(w) : w)), [setWsState]);

  // Start: the work saved in this browser, else the example; then a share link, if any, is offered. Once per
  // page: the effect was seen to run twice on one load, and the second run, reading the workspace the first had
  // just opened from the link and saved, asked "Nothing has changed yet" about a link already opened
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const shared = readShareHash(location.hash);
      const draft = await loadDraft();
      const current = usableDraft(draft) ? draft : defaultWorkspace();
      mine.current = current.savedAt ?? 0;
      if (usableDraft(draft)) unchanged.current = draft;
      if (shared && !shared.ok) setNotice({ kind: 'error', text: shared.message, issues: shared.issues });
      if (!shared?.ok) {
        setWsState(current);
        return;
      }
      const clearHash = (): void => history.replaceState(null, '', location.pathname + location.search);
      if (!usableDraft(draft)) {
        // nothing of the user's to lose: open the link as the workspace
        setWsState(openShared(current, shared, true));
        clearHash();
        setNotice({ kind: 'info', text: openedText(shared, true) });
        return;
      }
      setWsState(current);
      const choose = (replace: boolean) => () => {
        setNotice(null);
        clearHash();
        const backup = backupName();
        void saveNamed(backup, current)
          .catch(() => undefined)
          .then(() => {
            setWsState((w) => openShared(w ?? current, shared, replace));
            setNotice({
              kind: 'info',
              text: `${openedText(shared, replace, current.scenarios.length)} A copy of your work before the link is saved as “${backup}” under Keep and share.`,
            });
          });
      };
      setNotice({
        kind: 'info',
        text: `This link holds ${count(shared.drafts.length)} that passed validation. Nothing has changed yet: add them to your scenarios, or replace yours with them (a copy of your work is saved first).${settingsNote(shared)}`,
        actions: [
          { label: 'Add to my scenarios', run: choose(false) },
          { label: 'Replace my scenarios', run: choose(true) },
          {
            label: 'Ignore the link',
            run: () => {
              setNotice(null);
              clearHash();
            },
          },
        ],
      });
    })();
    // both are stable (a state setter and a callback with none), so this runs once, at start
  }, [setNotice, setWsState]);

  // Another tab saved the workspace: say so, and offer its version.
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const ch = new BroadcastChannel(CHANNEL);
    channel.current = ch;
    ch.onmessage = (ev: MessageEvent<{ savedAt?: number }>) => {
      if (!ev.data?.savedAt || ev.data.savedAt === mine.current) return;
      setNotice({
        kind: 'error',
        text: 'Another tab has changed this workspace. Your next change here will replace its work; load its version to carry on from it.',
        actions: [
          {
            label: 'Load the other tab’s version',
            run: () =>
              void loadDraft().then((d) => {
                if (!usableDraft(d)) return;
                mine.current = d.savedAt ?? 0;
                unchanged.current = d;
                setWsState(d);
                setNotice(null);
              }),
          },
          { label: 'Keep mine', run: () => setNotice(null) },
        ],
      });
    };
    return () => {
      ch.close();
      channel.current = null;
    };
  }, [setNotice, setWsState]);

  // Save at once after every change (synchronously to localStorage, then IndexedDB); a failure is shown.
  useEffect(() => {
    if (!ws || ws === unchanged.current) return;
    const stamped: Workspace = { ...ws, savedAt: Math.max(Date.now(), mine.current + 1) };
    mine.current = stamped.savedAt ?? 0;
    void saveDraft(stamped)
      .then(() => {
        channel.current?.postMessage({ savedAt: stamped.savedAt });
        // when the last change was stored for good (IndexedDB), readable by tests and by anyone diagnosing a loss
        if (typeof document !== 'undefined') document.documentElement.dataset.savedAt = String(stamped.savedAt);
      })
      .catch((e: unknown) =>
        setNotice({
          kind: 'error',
          text: `Your latest change could not be saved in this browser (${e instanceof Error ? e.message : String(e)}). It is kept while this tab stays open: free some space, or download your scenarios under Keep and share.`,
        }),
      );
  }, [ws, setNotice]);

  return { ws, setWs, update };
}

function count(n: number): string {
  return n === 1 ? 'one scenario' : `${n} scenarios`;
}

/** Before the user chooses: what else the link will set (its seed and ranges), if it carries them. */
function settingsNote(shared: Extract<ShareOutcome, { ok: true }>): string {
  const what = [shared.seed !== undefined ? 'seed' : '', shared.ranges ? 'ranges' : ''].filter(Boolean).join(' and ');
  return what ? ` Either way the comparison then uses the sender’s ${what}, so you see what they saw.` : '';
}

/**
 * After the link is opened: what now holds, what did not fit beside the user's `own` scenarios, and the sender's
 * seed and ranges (share.ts).
 */
export function openedText(shared: Extract<ShareOutcome, { ok: true }>, replace: boolean, own = 0): string {
  const run = sharedRunSentence(shared);
  const n = shared.drafts.length;
  const added = Math.min(n, MAX_SCENARIOS - (replace ? 0 : own));
  const left =
    added < n
      ? ` ${count(n - added)} did not fit (a comparison holds at most ${MAX_SCENARIOS}): remove some of yours and open the link again to add ${n - added === 1 ? 'it' : 'them'}.`
      : '';
  const view = replace && shared.view ? ' The charts are shown as the sender had them.' : '';
  return `Opened ${count(added)} from the link; they passed validation and are now ${replace ? 'your workspace' : 'added beside yours, marked “(from the link)” where a title was already used'}.${left}${run ? ` ${run}` : ''}${view}`;
}

/**
 * The workspace with a share link's scenarios added or in place of its own, set to the link's settings: its place,
 * years, runs, and (version 2 links) its seed and ranges, so the sender's comparison comes out the same; in place of
 * its own, also the sender's chart view.
 */
export function openShared(ws: Workspace, shared: Extract<ShareOutcome, { ok: true }>, replace: boolean): Workspace {
  const next = { ...withScenarios(ws, shared.drafts, shared.settings, replace, 'from the link'), runs: shared.runs };
  if (shared.seed !== undefined) next.seed = shared.seed;
  if (shared.ranges) next.ranges = shared.ranges;
  // the link's council figures replace the workspace's when its scenarios do, or when the workspace has none
  if (shared.numbers && (replace || !ws.numbers)) next.numbers = shared.numbers;
  // the sender's chart view when their scenarios replace the user's; added beside, the user's own view stays
  if (shared.view && replace) {
    const { focus, ...rest } = shared.view;
    const key = focus !== undefined ? next.scenarios[focus]?.key : undefined;
    next.compareView = { ...rest, ...(key ? { focus: key } : {}) };
  }
  return next;
}

/**
 * What the Compare screen shows of the workspace (names, run count), the same object until one of those changes:
 * a lever edited on the Strategies screen then does not re-render the hidden charts' screen.
 */
export function useComparedWorkspace(ws: Workspace | null): ComparedWorkspace | null {
  const labelsKey = ws
    ? ws.scenarios.map((d) => `${d.key}\u0001${d.id}\u0001${d.title}\u0001${d.slot}`).join('\u0000')
    : '';
  const sharedFuture = ws ? sharedFutureSentence(ws) : '';
  return useMemo(
    () =>
      ws
        ? {
            runs: ws.runs,
            ranges: rangesOf(ws),
            sharedFuture,
            placeName: lib().places.get(ws.placeId)?.name ?? 'Your place',
            view: ws.compareView ?? {},
            scenarios: ws.scenarios.map(({ key, id, title, slot }, i) => ({ key, id, title, slot: slot ?? i })),
          }
        : null,
    // keyed on what it shows, not on `ws`, on purpose: a lever edited elsewhere must not re-render the Compare screen
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
    [labelsKey, ws?.runs, ws?.ranges, sharedFuture, ws?.placeId, ws?.compareView],
  );
}
