/**
 * The options appraisal's choices (ui/src/state/appraisal-draft.ts): what the app asks runAppraisal for — the
 * workspace's seed, years and ranges, the user's weights or the defaults, a fixed number of runs or the growing rule
 * — and when a kept appraisal is out of date (the weights or target changed: yes; a path edited: no).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../sim/index.ts';
import {
  appraiseCommand,
  appraisalOptionsOf,
  DEFAULT_APPRAISAL_RUNS,
  inputsKey,
  MAX_ADAPTIVE_RUNS,
  weightsOf,
  withAppraisal,
} from '../../ui/src/state/appraisal-draft.ts';
import { defaultWorkspace } from '../../ui/src/state/workspace.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

describe('the appraisal options', () => {
  it('start from the workspace and the defaults', () => {
    const ws = { ...defaultWorkspace(), seed: 'abc', years: 4 };
    const o = appraisalOptionsOf(ws);
    expect(o.seed).toBe('abc');
    expect(o.years).toBe(4);
    expect(o.runs).toBe(DEFAULT_APPRAISAL_RUNS);
    expect(o.minRuns).toBeUndefined();
    expect(o.weights).toEqual(DEFAULT_WEIGHTS);
    expect(o.target).toBeUndefined();
  });

  it('grow the runs only when asked, from the runs given', () => {
    const ws = withAppraisal(defaultWorkspace(), (d) => ({ ...d, runs: 8, adaptive: true }));
    const o = appraisalOptionsOf(ws);
    expect(o.runs).toBeUndefined();
    expect(o.minRuns).toBe(8);
    expect(o.maxRuns).toBe(MAX_ADAPTIVE_RUNS);
  });

  it('use the weights set, not the defaults', () => {
    const ws = withAppraisal(defaultWorkspace(), (d) => ({ ...d, weights: { wellbeing_mean: 5 } }));
    expect(weightsOf(ws)).toEqual({ wellbeing_mean: 5 });
    expect(appraisalOptionsOf(ws).weights).toEqual({ wellbeing_mean: 5 });
  });

  it('are out of date when the weights or the target change, not when a path is edited', () => {
    const ws = defaultWorkspace();
    const key = inputsKey(ws);
    expect(inputsKey(withAppraisal(ws, (d) => ({ ...d, weights: { wellbeing_mean: 1 } })))).not.toBe(key);
    expect(inputsKey(withAppraisal(ws, (d) => ({ ...d, target: { approach: 'alliance' } })))).not.toBe(key);
    expect(inputsKey({ ...ws, context: { ...ws.context, relationships: 1 } })).not.toBe(key);
    const edited = withAppraisal(ws, (d) => ({
      ...d,
      paths: [
        { id: 'x', name: 'x', description: '', target: { approach: 'alliance' }, phases: [], events: [], moves: [] },
      ],
    }));
    expect(inputsKey(edited)).toBe(key);
  });
});

describe('the same appraisal from the command line', () => {
  it('names only options commsim appraise takes, in the forms it reads', async () => {
    const { appraise, contextOpt } = await import('../../sim/cli/commands/appraise.ts');
    const { parseWeights } = await import('../../sim/index.ts');
    const ws = withAppraisal({ ...defaultWorkspace(), seed: 'xyz' }, (d) => ({
      ...d,
      weights: { wellbeing_mean: 4, spend_per_week: 1, turnover_rate: 0 },
      target: { blend: { alliance: 0.7, 'neighbourhood-teams': 0.3 } },
    }));
    const cmd = appraiseCommand(ws);
    const flags = [...cmd.matchAll(/--([a-z-]+) (\S+)/g)].map((m) => [m[1], m[2]] as const);
    for (const [flag] of flags) expect(Object.keys(appraise.options ?? {}), flag).toContain(flag);
    const get = (f: string): string => flags.find(([k]) => k === f)![1];
    expect(parseWeights(get('weights'))).toEqual({ wellbeing_mean: 4, spend_per_week: 1 });
    expect(contextOpt(get('context'))).toEqual(ws.context);
    expect(get('seed')).toBe('xyz');
    expect(get('blend')).toBe('alliance=0.7,neighbourhood-teams=0.3');
    expect(cmd).not.toContain('--numbers');
  });
});
