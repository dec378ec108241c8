/**
 * The workspace as React state: opened from a share link (validated, never executed), else the draft autosaved
 * in this browser, else the Midshire example; saved again 300 ms after every change.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ScenarioIssue } from '../../../sim/index.ts';
import { readShareHash } from './share.ts';
import { loadDraft, saveDraft } from './store.ts';
import { defaultWorkspace, MAX_SCENARIOS, type ComparedWorkspace, type Workspace } from './workspace.ts';

/** A message for the user about their workspace (a share link opened or refused, a file imported). */
export type Notice = { kind: 'error' | 'info'; text: string; issues?: ScenarioIssue[] };

export function useWorkspace(setNotice: (n: Notice) => void): {
  ws: Workspace | null;
  setWs: (w: Workspace) => void;
  /** change the workspace (nothing happens before it is loaded) */
  update: (f: (w: Workspace) => Workspace) => void;
} {
  const [ws, setWs] = useState<Workspace | null>(null);

  // Start: a share link (validated, never executed), else the autosaved draft, else the Midshire example.
  useEffect(() => {
    void (async () => {
      const shared = readShareHash(location.hash);
      if (shared && !shared.ok) setNotice({ kind: 'error', text: shared.message, issues: shared.issues });
      if (shared?.ok) {
        const base = defaultWorkspace();
        setWs({
          ...base,
          placeId: shared.placeId,
          context: { ...base.context, ...shared.context },
          years: Math.max(1, Math.min(20, shared.years)),
          runs: shared.runs,
          scenarios: shared.drafts.slice(0, MAX_SCENARIOS),
        });
        setNotice({
          kind: 'info',
          text: `Opened ${shared.drafts.length} shared scenarios. They passed validation and are now in your workspace.`,
        });
        history.replaceState(null, '', location.pathname + location.search);
        return;
      }
      const draft = await loadDraft();
      setWs(draft && draft.version === 1 && draft.scenarios?.length >= 2 ? draft : defaultWorkspace());
    })();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const update = useCallback((f: (w: Workspace) => Workspace) => setWs((w) => (w ? f(w) : w)), []);

  // autosave the draft
  useEffect(() => {
    if (!ws) return;
    const t = setTimeout(() => void saveDraft(ws).catch(() => undefined), 300);
    return () => clearTimeout(t);
  }, [ws]);

  return { ws, setWs, update };
}

/**
 * What the Compare screen shows of the workspace (names, run count), the same object until one of those changes:
 * a lever edited on the Strategies screen then does not re-render the hidden charts' screen.
 */
export function useComparedWorkspace(ws: Workspace | null): ComparedWorkspace | null {
  const labelsKey = ws ? ws.scenarios.map((d) => `${d.key}\u0001${d.id}\u0001${d.title}`).join('\u0000') : '';
  return useMemo(
    () => (ws ? { runs: ws.runs, scenarios: ws.scenarios.map(({ key, id, title }) => ({ key, id, title })) } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [labelsKey, ws?.runs],
  );
}
