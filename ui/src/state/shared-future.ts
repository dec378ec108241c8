/**
 * Shared futures: a comparison is fair only if every strategy meets the same shocks. Shocks from outside (a
 * sickness wave, a provider collapse, a pay floor) are added to every scenario by default; the commissioner's own
 * decisions (a fee change, a lever changed, a whole-system event) belong to one strategy. The Compare screen says
 * whether the scenarios share their future, and which shocks differ.
 */
import { EVENT_LABELS } from './event-kinds.ts';
import type { EventDraft, ScenarioDraft, Workspace } from './workspace.ts';

/** Events that are the commissioner's own decisions, part of a strategy rather than of the future it meets. */
const DECISIONS = new Set(['fee_change', 'set_lever']);

/** Whether an event is a shock from outside (shared by default) rather than a decision of the strategy. */
export function isOutsideShock(e: EventDraft): boolean {
  return !e.intervention && typeof e.type === 'string' && !DECISIONS.has(e.type);
}

/** Whether a kind chosen in the events editor's list is a shock from outside. */
export function isOutsideShockKind(kind: string): boolean {
  return !kind.startsWith('intervention:') && !DECISIONS.has(kind);
}

/** A key equal for the same event written in any key order. */
export function eventKey(e: EventDraft): string {
  return JSON.stringify(
    Object.keys(e)
      .sort()
      .map((k) => [k, e[k]]),
  );
}

/** Add an event to a scenario unless it is already there, keeping the timeline in order of year. */
export function withEvent(d: ScenarioDraft, e: EventDraft): ScenarioDraft {
  const k = eventKey(e);
  if (d.events.some((x) => eventKey(x) === k)) return d;
  return { ...d, events: [...d.events, { ...e }].sort((a, b) => Number(a.year) - Number(b.year)) };
}

/** Whether every scenario of the workspace has this event. */
export function inEveryScenario(ws: Workspace, e: EventDraft): boolean {
  const k = eventKey(e);
  return ws.scenarios.every((d) => d.events.some((x) => eventKey(x) === k));
}

/**
 * A shared event edited in one place: every scenario that has `old` gets `next` in its stead, where it was (not
 * re-sorted, so a field being typed into keeps its place). Used when `old` is in every scenario, so the scenarios
 * keep meeting the same future however the shock is changed.
 */
export function withEventReplaced(d: ScenarioDraft, old: EventDraft, next: EventDraft): ScenarioDraft {
  const k = eventKey(old);
  const at = d.events.findIndex((x) => eventKey(x) === k);
  if (at < 0) return d;
  return { ...d, events: d.events.map((x, i) => (i === at ? { ...next } : x)) };
}

/** A shared event removed from every scenario that has it. */
export function withoutEvent(d: ScenarioDraft, e: EventDraft): ScenarioDraft {
  const k = eventKey(e);
  return d.events.some((x) => eventKey(x) === k) ? { ...d, events: d.events.filter((x) => eventKey(x) !== k) } : d;
}

/** A shock in words, for the Compare screen's note. */
function shockWords(e: EventDraft): string {
  const type = String(e.type);
  return `${(EVENT_LABELS[type] ?? type).toLowerCase()} in year ${e.year}`;
}

/**
 * One sentence: do the scenarios meet the same shocks from outside? If not, which shocks only some of them meet
 * (at most three named).
 */
export function sharedFutureSentence(ws: Workspace): string {
  const shocks = new Map<string, { e: EventDraft; titles: string[] }>();
  for (const d of ws.scenarios)
    for (const e of d.events.filter(isOutsideShock)) {
      const k = eventKey(e);
      const hit = shocks.get(k) ?? { e, titles: [] };
      if (!hit.titles.includes(d.title)) hit.titles.push(d.title);
      shocks.set(k, hit);
    }
  const n = ws.scenarios.length;
  if (shocks.size === 0) return `No shocks: all ${n} scenarios meet the same calm future.`;
  const partial = [...shocks.values()].filter((s) => s.titles.length < n);
  if (partial.length === 0)
    return `All ${n} scenarios meet the same shocks: ${[...shocks.values()].map((s) => shockWords(s.e)).join('; ')}.`;
  const named = partial
    .slice(0, 3)
    .map((s) => `${shockWords(s.e)} (only in ${s.titles.join(', ')})`)
    .join('; ');
  return `The scenarios do not meet the same future, so differences are partly the shocks’: ${named}${partial.length > 3 ? `; and ${partial.length - 3} more` : ''}.`;
}
