/**
 * Editing a development path (ui/src/state/path-edits.ts): phases stay in start order with the first at year 0,
 * events stay sorted, and the moves in words always describe the path as it now is (each event and each phase
 * once), whatever sequence of edits is made.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DevelopmentPath } from '../../sim/index.ts';
import {
  addEvent,
  addPhase,
  copyPath,
  editEvent,
  editPhase,
  eventWords,
  rebuildMoves,
  removeEvent,
  removePhase,
} from '../../ui/src/state/path-edits.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

function buildThenMove(): DevelopmentPath {
  return {
    id: 'build-then-move',
    name: 'Build readiness for 2 years, then move',
    description: '',
    target: { approach: 'alliance' },
    phases: [
      { start_year: 0, label: 'Building readiness', blend: { 'time-and-task': 0.8, 'price-tender': 0.2 } },
      { start_year: 2, label: 'Alliance contracting', approach: 'alliance' },
    ],
    events: [
      { year: 0.25, intervention: 'future-search' },
      { year: 1, intervention: 'open-negotiation' },
    ],
    moves: [
      { year: 0.25, kind: 'whole_system_event', what: 'Future Search: the whole system looks back', closes: 'trust' },
      { year: 1, kind: 'whole_system_event', what: 'Open Negotiation: council and providers', closes: 'trust' },
      { year: 0, kind: 'capability', what: 'funded learning loops', closes: 'capability' },
      { year: 2, kind: 'switch', what: 'move to Alliance contracting', closes: null },
    ],
  };
}

describe('editing a path', () => {
  it('keeps the why of moves still there and says a new one in words', () => {
    let p = addEvent(buildThenMove(), 'intervention:world-cafe', 0.5);
    const words = p.moves.map((m) => m.what);
    expect(words).toContain('Future Search: the whole system looks back');
    expect(words.some((w) => w.startsWith('World Café') || w.startsWith('World Cafe'))).toBe(true);
    expect(words).toContain('funded learning loops');
    expect(words).toContain('move to Alliance contracting');
    p = addEvent(p, 'fee_change', 1.5);
    expect(eventWords(p.events[p.events.length - 1])).toBe('A funded fee rise of 3%');
  });

  it('moving the switch earlier moves its phase and keeps the first phase at year 0', () => {
    const p = editPhase(buildThenMove(), 1, { start_year: 1 });
    expect(p.phases.map((x) => x.start_year)).toEqual([0, 1]);
    expect(p.moves.find((m) => m.kind === 'switch' && m.year === 1)?.what).toBe('move to Alliance contracting');
    const q = editPhase(p, 1, { approach: 'neighbourhood-teams' });
    expect(q.moves.some((m) => m.what.includes('neighbourhood teams'))).toBe(true);
  });

  it('a copy has its own id and name', () => {
    const c = copyPath(buildThenMove(), ['build-then-move', 'build-then-move-edited']);
    expect(c.id).toBe('build-then-move-edited-2');
    expect(c.name).toContain('(edited)');
  });

  it('after any edits, phases are ordered from 0 and every event and phase is said once', () => {
    const edit = fc.oneof(
      fc.record({ k: fc.constant('addPhase' as const) }),
      fc.record({ k: fc.constant('removePhase' as const), i: fc.nat(3) }),
      fc.record({
        k: fc.constant('movePhase' as const),
        i: fc.nat(3),
        y: fc.integer({ min: 1, max: 19 }).map((x) => x / 4),
      }),
      fc.record({
        k: fc.constant('addEvent' as const),
        c: fc.constantFrom('intervention:future-search', 'intervention:open-space', 'fee_change'),
        y: fc.integer({ min: 0, max: 19 }).map((x) => x / 4),
      }),
      fc.record({ k: fc.constant('removeEvent' as const), i: fc.nat(4) }),
      fc.record({
        k: fc.constant('moveEvent' as const),
        i: fc.nat(4),
        y: fc.integer({ min: 0, max: 19 }).map((x) => x / 4),
      }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        let p = buildThenMove();
        for (const e of edits) {
          if (e.k === 'addPhase') p = addPhase(p, 5);
          else if (e.k === 'removePhase') p = removePhase(p, e.i % p.phases.length);
          else if (e.k === 'movePhase' && p.phases.length > 1)
            p = editPhase(p, 1 + (e.i % (p.phases.length - 1)), { start_year: e.y });
          else if (e.k === 'addEvent') p = addEvent(p, e.c, e.y);
          else if (e.k === 'removeEvent' && p.events.length) p = removeEvent(p, e.i % p.events.length);
          else if (e.k === 'moveEvent' && p.events.length) p = editEvent(p, e.i % p.events.length, { year: e.y });
        }
        expect(p.phases[0].start_year).toBe(0);
        const starts = p.phases.map((x) => x.start_year);
        expect([...starts].sort((a, b) => a - b)).toEqual(starts);
        const years = p.events.map((x) => Number(x.year));
        expect([...years].sort((a, b) => a - b)).toEqual(years);
        const moves = rebuildMoves(p);
        const eventMoves = moves.filter((m) => m.kind === 'whole_system_event' || m.kind === 'fee_change');
        expect(eventMoves.length).toBe(p.events.length);
        expect(moves.filter((m) => m.kind === 'switch' || m.kind === 'pilot').length).toBe(p.phases.length);
        expect(moves.map((m) => m.year)).toEqual([...moves.map((m) => m.year)].sort((a, b) => a - b));
      }),
      { numRuns: 150 },
    );
  });
});
