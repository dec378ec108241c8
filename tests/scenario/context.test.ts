import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CONTEXT_ASPECTS, CONTEXT_ASPECT_IDS, CONTEXT_MAP, contextToInitial } from '../../sim/scenario/context.ts';
import { INITIAL_BY_ID, defaultInitial, type InitialId } from '../../sim/model/initial-conditions.ts';

describe('context assessment', () => {
  it('has the eight aspects of the brief, each with a question, why, sets and five answers', () => {
    expect(CONTEXT_ASPECTS.map((a) => a.id)).toEqual([
      'relationships',
      'market',
      'workforce',
      'money',
      'health_partnership',
      'community',
      'commissioner_power',
      'learning_culture',
    ]);
    for (const a of CONTEXT_ASPECTS) {
      expect(a.question.length).toBeGreaterThan(20);
      expect(a.why.length).toBeGreaterThan(20);
      expect(a.sets.length).toBeGreaterThan(5);
      expect(a.answers).toHaveLength(5);
    }
  });

  it('maps onto real initial conditions, each set by at most one aspect, anchors inside [min, max]', () => {
    const seen = new Set<string>();
    for (const id of CONTEXT_ASPECT_IDS) {
      expect(CONTEXT_MAP[id].length).toBeGreaterThan(0);
      for (const m of CONTEXT_MAP[id]) {
        const def = INITIAL_BY_ID.get(m.initial);
        expect(def, m.initial).toBeDefined();
        expect(seen.has(m.initial), `${m.initial} set twice`).toBe(false);
        seen.add(m.initial);
        for (const v of m.values) {
          expect(v).toBeGreaterThanOrEqual(def!.min);
          expect(v).toBeLessThanOrEqual(def!.max);
        }
      }
    }
  });

  it('answer 3 everywhere gives the status-quo defaults', () => {
    const all3 = Object.fromEntries(CONTEXT_ASPECT_IDS.map((id) => [id, 3]));
    const got = contextToInitial(all3);
    const def = defaultInitial();
    for (const [k, v] of Object.entries(got)) expect(v, k).toBeCloseTo(def[k as InitialId], 9);
  });

  it('unanswered aspects set nothing', () => {
    expect(contextToInitial({})).toEqual({});
    const got = contextToInitial({ money: 1 });
    expect(Object.keys(got).sort()).toEqual(CONTEXT_MAP.money.map((m) => m.initial).sort());
  });

  it('every mapping is monotone in the answer and stays in range (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CONTEXT_ASPECT_IDS),
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        (aspect, x, y) => {
          const lo = Math.min(x, y);
          const hi = Math.max(x, y);
          const a = contextToInitial({ [aspect]: lo });
          const b = contextToInitial({ [aspect]: hi });
          for (const m of CONTEXT_MAP[aspect]) {
            const def = INITIAL_BY_ID.get(m.initial)!;
            const increasing = m.values[4] >= m.values[0];
            for (const v of [a[m.initial], b[m.initial]]) {
              expect(v).toBeGreaterThanOrEqual(def.min);
              expect(v).toBeLessThanOrEqual(def.max);
            }
            if (increasing) expect(b[m.initial]).toBeGreaterThanOrEqual(a[m.initial]! - 1e-9);
            else expect(b[m.initial]).toBeLessThanOrEqual(a[m.initial]! + 1e-9);
          }
        },
      ),
    );
  });

  it('anchors themselves are monotone', () => {
    for (const id of CONTEXT_ASPECT_IDS) {
      for (const m of CONTEXT_MAP[id]) {
        const d = m.values.slice(1).map((v, i) => v - m.values[i]);
        const up = d.every((x) => x >= 0);
        const down = d.every((x) => x <= 0);
        expect(up || down, `${id}.${m.initial}`).toBe(true);
      }
    }
  });

  it('interpolates linearly between anchors and clamps answers outside 1..5', () => {
    const m = CONTEXT_MAP.relationships[0];
    const got = contextToInitial({ relationships: 2.5 });
    expect(got[m.initial]).toBeCloseTo((m.values[1] + m.values[2]) / 2, 9);
    expect(contextToInitial({ relationships: 9 })[m.initial]).toBeCloseTo(m.values[4], 9);
  });
});
