/**
 * A stress test kept in the browser reads its fee levels in the pounds of the place it was run on
 * (ui/src/runs/stress-runner.ts outcomeOf, ui/src/state/stress-store.ts feeOfOutcome): run where today's fee is
 * £21.80 an hour, it still says £21.80 after the workspace's place has moved to one at £24.10.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectBackend } from '../../sim/backend/direct.ts';
import { finalizeStress, runStress } from '../../sim/index.ts';
import { outcomeOf } from '../../ui/src/runs/stress-runner.ts';
import { setStress } from '../../ui/src/runs/stress-session.ts';
import { StressScreen } from '../../ui/src/screens/stress/StressScreen.tsx';
import { placeFeeOf } from '../../ui/src/state/lever-units.ts';
import { buildSpec, defaultSettings, rowFor, type StressSettings } from '../../ui/src/state/stress-settings.ts';
import { feeOfOutcome } from '../../ui/src/state/stress-store.ts';
import { defaultWorkspace, type Workspace } from '../../ui/src/state/workspace.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);
afterAll(() => setStress({ outcome: null }));

describe('a kept stress test', () => {
  it('shows the fee of the place it was run on, not the place the workspace has now', async () => {
    // a place whose answer about its market is 2: today's fee £21.80 an hour
    const base = defaultWorkspace();
    const tight: Workspace = { ...base, context: { ...base.context, market: 2 } };
    expect([placeFeeOf(tight), placeFeeOf(base)]).toEqual([21.8, 24.1]);
    const d = defaultSettings(tight);
    const settings: StressSettings = {
      ...d,
      alternatives: [],
      uncertainties: [rowFor('levers.fee_level', { label: 'fee level', min: 0.85, max: 1.15 })],
      futures: 4,
      years: 1,
      trajectories: 0,
    };
    const { spec, titles } = buildSpec(tight, settings);
    const result = finalizeStress(await runStress(new DirectBackend(), spec));
    const outcome = outcomeOf(tight, settings, { titles, result, sensitivity: null, seconds: 1 });
    expect(outcome.placeFee).toBe(21.8);
    // kept before the fee was stored: the current place's, as before
    expect(feeOfOutcome({ ...outcome, placeFee: undefined }, 24.1)).toBe(24.1);

    // the workspace has moved on to a place at £24.10; the kept result is shown
    setStress({ outcome, busy: false });
    const html = renderToStaticMarkup(createElement(StressScreen, { ws: base }));
    const results = html.slice(html.indexOf('class="stress-results"'));
    expect(results).toContain('where today’s fee was £21.80 an hour');
    expect(results).not.toContain('£24.10');
  }, 60_000);
});
