/**
 * The facilitator's pack (ui/src/state/workshop-pack.ts): every workshop starts from a scenario the library has,
 * its solo guide names screens the app has, its suggested shocks are shocks the model knows, and
 * docs/facilitators-pack.md holds exactly the pack the app prints.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../sim/index.ts';
import { SCREENS } from '../../ui/src/shell/screens.ts';
import { lib } from '../../ui/src/state/library.ts';
import { packMarkdown, WORKSHOP_PACK } from '../../ui/src/state/workshop-pack.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

describe('the facilitator’s pack', () => {
  it('has the three workshops issue 18 names', () => {
    expect(WORKSHOP_PACK.map((p) => p.title)).toEqual([
      'The fee cut',
      'Going live with an alliance',
      'Outcomes-based payment and Campbell’s law',
    ]);
  });

  it.each(WORKSHOP_PACK.map((p) => [p.title, p] as const))(
    '%s starts from a library scenario and names real screens and shocks',
    (_t, p) => {
      expect(lib().scenarios.has(p.scenario), p.scenario).toBe(true);
      const screens = new Set<string>(SCREENS.map((s) => s.id));
      for (const s of p.solo) expect(screens.has(s.screen), s.screen).toBe(true);
      for (const s of p.shocks) {
        expect(Object.keys(EVENT_TYPES)).toContain(s.kind);
        expect(s.round).toBeGreaterThanOrEqual(1);
        expect(s.round).toBeLessThanOrEqual(p.rounds);
      }
      expect(new Set(p.roles.map((r) => r.role)).size).toBe(p.roles.length);
      expect(p.roles.some((r) => r.role === 'commissioner')).toBe(true);
      expect(p.solo.length).toBeGreaterThanOrEqual(4);
      expect(p.debrief.length).toBeGreaterThanOrEqual(3);
    },
  );

  it('docs/facilitators-pack.md holds exactly the pack the app shows', () => {
    const doc = readFileSync(new URL('../../docs/facilitators-pack.md', import.meta.url), 'utf8');
    const begin = doc.indexOf('-->', doc.indexOf('<!-- pack begins')) + 3;
    const end = doc.indexOf('<!-- pack ends');
    expect(begin).toBeGreaterThan(3);
    expect(end).toBeGreaterThan(begin);
    // regenerate with: write packMarkdown() between the two marks
    expect(doc.slice(begin, end).trim()).toBe(packMarkdown().trim());
  });
});
