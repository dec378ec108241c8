/**
 * Editing a development path (the simulation's DevelopmentPath: phases and events in the scenario format, and its
 * moves in words). Each edit keeps the path valid data: phases stay in order of their start year with the first at
 * year 0, events keep their year inside the run, and the moves in words are rebuilt from the phases and events so
 * the paper never describes a path other than the one simulated.
 */
import type { DevelopmentPath, PathMove } from '../../../sim/index.ts';
import { lib } from './library.ts';

export type PathPhase = DevelopmentPath['phases'][number];

/** The moves a user can add to a path: the whole-system events of the library, and a funded fee rise. */
export function moveChoices(): { id: string; label: string }[] {
  const events = [...lib().interventions.values()].map((i) => ({ id: `intervention:${i.id}`, label: i.name }));
  return [...events, { id: 'fee_change', label: 'A funded fee rise' }];
}

/** An event of a path in words. */
export function eventWords(e: Record<string, unknown>): string {
  if (typeof e.intervention === 'string') return lib().interventions.get(e.intervention)?.name ?? e.intervention;
  if (e.type === 'fee_change') {
    const share = Number(e.share ?? 0);
    return `A ${Number(e.funded ?? 0) >= 1 ? 'funded ' : ''}fee ${share >= 0 ? 'rise' : 'cut'} of ${Math.abs(Math.round(share * 1000) / 10)}%`;
  }
  return String(e.type ?? 'event');
}

/** What a phase commissions, in words. */
export function phaseWhat(p: PathPhase): string {
  if (p.approach) return lib().approaches.get(p.approach)?.name ?? p.approach;
  return Object.entries(p.blend ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([id, s]) => `${Math.round(s * 100)}% ${lib().approaches.get(id)?.name ?? id}`)
    .join(', ');
}

/**
 * The moves in words, rebuilt from the path: each event, each phase after the first (a move to it), and the
 * lever moves of the original path (capability, pooling, community investment) whose phase still starts then.
 */
export function rebuildMoves(path: DevelopmentPath): PathMove[] {
  const starts = new Set(path.phases.map((p) => p.start_year));
  const kept = path.moves.filter(
    (m) => !['whole_system_event', 'fee_change', 'switch', 'pilot'].includes(m.kind) && starts.has(m.year),
  );
  // the original words of an event still in the path are kept (they say why it is there)
  const byEvent = new Map(
    path.moves
      .filter((m) => m.kind === 'whole_system_event' || m.kind === 'fee_change')
      .map((m) => [`${m.kind}@${m.year}`, m]),
  );
  const events: PathMove[] = path.events.map((e) => {
    const year = Number(e.year);
    const kind: PathMove['kind'] = e.type === 'fee_change' ? 'fee_change' : 'whole_system_event';
    const had = byEvent.get(`${kind}@${year}`);
    return had && had.what.startsWith(eventWords(e).split(' ')[0])
      ? had
      : { year, kind, what: eventWords(e), closes: had?.closes ?? null };
  });
  const switches: PathMove[] = path.phases.map((p, i) => ({
    year: p.start_year,
    kind: i === 0 && path.phases.length > 1 && !p.approach ? 'pilot' : 'switch',
    what: i === 0 ? `start: ${phaseWhat(p)}` : `move to ${phaseWhat(p)}`,
    closes: null,
  }));
  return [...switches, ...kept, ...events].sort((a, b) => a.year - b.year);
}

function withMoves(path: DevelopmentPath): DevelopmentPath {
  return { ...path, moves: rebuildMoves(path) };
}

/** Phases in order of start, the first at year 0. */
function ordered(phases: PathPhase[]): PathPhase[] {
  const out = [...phases].sort((a, b) => a.start_year - b.start_year);
  if (out.length) out[0] = { ...out[0], start_year: 0 };
  return out;
}

export function editPhase(path: DevelopmentPath, i: number, patch: Partial<PathPhase>): DevelopmentPath {
  const phases = path.phases.map((p, k) => {
    if (k !== i) return p;
    const next = { ...p, ...patch };
    // choosing an approach replaces the phase's blend (and the reverse)
    if (patch.approach) delete next.blend;
    if (patch.blend) delete next.approach;
    return next;
  });
  return withMoves({ ...path, phases: ordered(phases) });
}

export function addPhase(path: DevelopmentPath, years: number): DevelopmentPath {
  const last = path.phases[path.phases.length - 1];
  const start = Math.min(years - 0.5, (last?.start_year ?? 0) + 1);
  const phase: PathPhase = {
    start_year: Math.max(0.5, Math.round(start * 2) / 2),
    label: 'Next phase',
    ...(path.target.approach ? { approach: path.target.approach } : { blend: { ...(path.target.blend ?? {}) } }),
  };
  return withMoves({ ...path, phases: ordered([...path.phases, phase]) });
}

export function removePhase(path: DevelopmentPath, i: number): DevelopmentPath {
  if (path.phases.length <= 1) return path;
  return withMoves({ ...path, phases: ordered(path.phases.filter((_, k) => k !== i)) });
}

export function addEvent(path: DevelopmentPath, choice: string, year: number): DevelopmentPath {
  const e: Record<string, unknown> = choice.startsWith('intervention:')
    ? { year, intervention: choice.slice('intervention:'.length) }
    : { year, type: 'fee_change', share: 0.03, funded: 1 };
  const events = [...path.events, e].sort((a, b) => Number(a.year) - Number(b.year));
  return withMoves({ ...path, events });
}

export function editEvent(path: DevelopmentPath, i: number, patch: Record<string, unknown>): DevelopmentPath {
  const events = path.events.map((e, k) => (k === i ? { ...e, ...patch } : e));
  return withMoves({ ...path, events: events.sort((a, b) => Number(a.year) - Number(b.year)) });
}

export function removeEvent(path: DevelopmentPath, i: number): DevelopmentPath {
  return withMoves({ ...path, events: path.events.filter((_, k) => k !== i) });
}

/** A copy of a path to edit, with an id and name of its own. */
export function copyPath(path: DevelopmentPath, taken: readonly string[]): DevelopmentPath {
  let id = `${path.id}-edited`;
  for (let k = 2; taken.includes(id); k++) id = `${path.id}-edited-${k}`;
  return { ...structuredClone(path), id, name: `${path.name} (edited)` };
}
