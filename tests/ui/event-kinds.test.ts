/**
 * The events a user can add in the app (ui/src/state/event-kinds.ts, shown by the Strategies screen's events
 * editor): every event type of the scenario format has a plain-words label, the England 2025-2028 events are
 * offered, and each starting event resolves exactly as the CLI would resolve it, with no problems.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../sim/index.ts';
import { EVENT_LABELS, eventFieldView, eventTemplate } from '../../ui/src/state/event-kinds.ts';
import { defaultWorkspace, resolveDraft } from '../../ui/src/state/workspace.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

describe('events a user can add', () => {
  it('offers every event type of the format in plain words (whole-system events are listed by name instead)', () => {
    const offered = Object.keys(EVENT_LABELS);
    for (const t of Object.keys(EVENT_TYPES))
      if (t !== 'whole_system_event' && t !== 'set_param') expect(offered).toContain(t);
    for (const label of Object.values(EVENT_LABELS)) expect(label).not.toMatch(/_/);
  });

  it('offers the Fair Pay Agreement, the end of overseas recruitment and day-one sick pay, with labelled fields', () => {
    expect(EVENT_LABELS.pay_floor).toMatch(/Fair Pay Agreement/);
    expect(EVENT_LABELS.recruitment_pool).toMatch(/overseas recruitment/);
    expect(EVENT_LABELS.employer_costs).toMatch(/sick pay/);
    expect(eventFieldView('pay_floor', 'level')).toMatchObject({ label: 'Pay floor', unit: '£ an hour', k: 1 });
  });

  it('shows every field in the units people use: shares as percentages saying what they are of, no 0-1 scales', () => {
    expect(eventFieldView('sickness_wave', 'share')).toMatchObject({
      label: 'Care workers off sick',
      unit: '%',
      k: 100,
    });
    expect(eventFieldView('fee_change', 'funded')).toMatchObject({ unit: '%', k: 100 });
    for (const [t, def] of Object.entries(EVENT_TYPES))
      for (const f of def.fields) {
        const v = eventFieldView(t, f.name);
        expect(v.label, `${t}.${f.name}`).not.toMatch(/_/);
        // a field whose range is within −1…3 and is not weeks or £ is a share: it must be shown as a percentage
        if (
          f.kind === 'number' &&
          f.range &&
          f.range.max <= 3 &&
          !f.range.unit &&
          t !== 'set_lever' &&
          t !== 'set_param'
        )
          expect(v.unit, `${t}.${f.name}`).toBe('%');
      }
  });

  it('each starting event resolves without problems, at the documented dates', () => {
    const ws = defaultWorkspace();
    const d = ws.scenarios[0];
    for (const k of Object.keys(EVENT_LABELS)) {
      const r = resolveDraft(ws, { ...d, events: [eventTemplate(k)] });
      if (!r.ok) throw new Error(`${k}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
      expect(r.config.events.length).toBe(1);
    }
    const weekOf = (k: string): number => {
      const r = resolveDraft(ws, { ...d, events: [eventTemplate(k)] });
      return r.ok ? r.config.events[0].week : NaN;
    };
    expect(weekOf('recruitment_pool')).toBe(16); // 22 July 2025
    expect(weekOf('employer_costs')).toBe(52); // April 2026
    expect(weekOf('pay_floor')).toBe(156); // about April 2028
    expect(eventTemplate('intervention:open-space')).toEqual({ year: 0.5, intervention: 'open-space' });
  });
});
