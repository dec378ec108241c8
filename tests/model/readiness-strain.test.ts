/**
 * T5 readiness strain (sim/model/practice.ts `readinessStrain`, docs/model.md 7.9): collective practice carried out
 * below the trust it needs strains relationships. The strain follows each practice actually in use and its own need,
 * not the approach's readiness lever alone: a practice asked for but not yet built strains nothing.
 */
import { describe, expect, it } from 'vitest';
import { config, ensembleMean } from '../sim-helpers.ts';
import { createRng } from '../../sim/core/random.ts';
import { createState } from '../../sim/model/setup.ts';
import { updatePhase } from '../../sim/model/commissioner.ts';
import { practiceTrustNeed, readinessStrain } from '../../sim/model/practice.ts';
import { LEVER_BY_ID } from '../../sim/model/levers.ts';
import type { State } from '../../sim/model/state.ts';
import type { RunConfig } from '../../sim/types.ts';

function stateOf(c: RunConfig): State {
  const s = createState(c, createRng(1), false);
  s.week = 0;
  updatePhase(s);
  return s;
}

describe('readiness strain follows the collective practice in use (T5)', () => {
  it('each practice needs trust in proportion to how far it is asked; the approach can ask for more', () => {
    const s = stateOf(config({ levers: { collaboration_incentive: 0.8, readiness_trust: 0 } }));
    const def = LEVER_BY_ID.get('collaboration_incentive').default; // its status quo
    const reach = (0.8 - def) / (1 - def);
    expect(practiceTrustNeed(s, 'collaboration_incentive')).toBeCloseTo(s.params.practice_readiness_trust * reach, 9);
    expect(practiceTrustNeed(s, 'coproduction')).toBe(0); // asked at its status quo: no need of its own
    s.levers.readiness_trust = 0.5;
    expect(practiceTrustNeed(s, 'collaboration_incentive')).toBe(0.5);
  });

  it('scales with the practice in place, not what is asked: none at the status quo, 8x from 0.1 to 0.8 built', () => {
    const s = stateOf(config({ levers: { collaboration_incentive: 0.8, readiness_trust: 0 } }));
    const need = practiceTrustNeed(s, 'collaboration_incentive');
    s.effective.collaboration_incentive = 0.1; // asked, not yet built
    const early = readinessStrain(s, 0.2);
    expect(early).toBeCloseTo(s.params.readiness_strain * (need - 0.2) * 0.1, 9);
    s.effective.collaboration_incentive = 0.8; // built
    expect(readinessStrain(s, 0.2)).toBeCloseTo(8 * early, 9);
    // trust at or above what the practice needs: no strain
    expect(readinessStrain(s, need + 0.01)).toBe(0);
    // the status quo strains nothing, whatever the trust
    const sq = stateOf(config());
    expect(readinessStrain(sq, 0)).toBe(0);
  });

  it('an alliance in a low-trust place loses trust to strain; with the strain off it keeps more (paired runs)', () => {
    const levers = { collaboration_incentive: 0.9, coproduction: 0.6, readiness_trust: 0.5 };
    const initial = { trust_providers_to_commissioner: 0.2 };
    const strained = ensembleMean(config({ levers, initial }), 'trust_providers_to_commissioner', 3);
    const free = ensembleMean(
      config({ levers, initial, params: { readiness_strain: 0 } }),
      'trust_providers_to_commissioner',
      3,
    );
    expect(strained).toBeLessThan(free);
    expect(free - strained).toBeGreaterThan(0.005);
  });
});
