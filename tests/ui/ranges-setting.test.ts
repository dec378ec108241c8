/**
 * What the ranges show, in the app: a Run settings choice (chance and the model's assumed coefficients by default,
 * or chance only), kept in the workspace, part of the result store's key, reaching every run the app asks for
 * (the same draw as the CLI's replicate), and said in one plain sentence beside the results.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { COMPARE_STREAM, DEFAULT_RANGES, drawAll, isRangeKind, resolveDraw, runSeed } from '../../sim/index.ts';
import { missingRuns, replicateTask } from '../../ui/src/runs/ensemble-runs.ts';
import { configHash, ResultStore } from '../../ui/src/state/results.ts';
import { defaultWorkspace, rangesOf, resolveDraft, type Workspace } from '../../ui/src/state/workspace.ts';
import { RANGE_CHOICES, RunSettings } from '../../ui/src/shell/RunSettings.tsx';
import { HonestNote } from '../../ui/src/common/HonestNote.tsx';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

function firstConfig(ws: Workspace) {
  const r = resolveDraft(ws, ws.scenarios[0]);
  if (!r.ok) throw new Error('does not resolve');
  return r.config;
}

describe('the ranges setting', () => {
  it('defaults to chance and the assumed coefficients, also for workspaces saved before the choice existed', () => {
    const ws = defaultWorkspace();
    expect(rangesOf(ws)).toBe('chance+parameters');
    expect(rangesOf({ ...ws, ranges: undefined })).toBe(DEFAULT_RANGES);
    expect(rangesOf({ ...ws, ranges: 'chance' })).toBe('chance');
    for (const c of RANGE_CHOICES) expect(isRangeKind(c.value)).toBe(true);
  });

  it('offers both kinds in plain words, showing the one chosen', () => {
    const html = (ws: Workspace) => renderToStaticMarkup(createElement(RunSettings, { ws, update: () => undefined }));
    const chance = html({ ...defaultWorkspace(), ranges: 'chance' });
    expect(chance).toMatch(/<label for="set-ranges">Ranges show<\/label>/);
    expect(chance).toMatch(/<option value="chance" selected="">Chance only/);
    expect(html(defaultWorkspace())).toMatch(/<option value="chance\+parameters" selected="">Chance and what we/);
  });

  it('is part of the result key: results of one kind are never shown for the other', () => {
    const ws = defaultWorkspace();
    const c = firstConfig(ws);
    expect(configHash(c, ws.seed, 'chance')).not.toBe(configHash(c, ws.seed, 'chance+parameters'));
    expect(configHash(c, ws.seed)).toBe(configHash(c, ws.seed, 'chance+parameters'));
  });

  it("reaches every run: replicate r takes the CLI compare's seed and draw r, or no draw for chance only", () => {
    const ws = defaultWorkspace();
    const config = firstConfig(ws);
    const cfgs = [{ hash: 'h', config }];
    const both = missingRuns(new ResultStore(), cfgs, 3, ws.seed, 'chance+parameters');
    const chance = missingRuns(new ResultStore(), cfgs, 3, ws.seed, 'chance');
    both.forEach(({ task }, r) => {
      expect(task.seed).toBe(runSeed(ws.seed, COMPARE_STREAM, r));
      expect(resolveDraw(task).params).toEqual(drawAll(ws.seed, r));
      expect(chance[r].task.seed).toBe(task.seed);
      expect(resolveDraw(chance[r].task).params).toBeUndefined();
    });
    // the run played back on the Run screen is the same run as replicate r of the ensemble
    expect(replicateTask(config, ws.seed, 'chance+parameters', 2, { trace: true }).params).toEqual(
      resolveDraw(both[2].task).params,
    );
  });

  it('is said in one plain sentence beside the results', () => {
    const note = (ranges: 'chance' | 'chance+parameters') =>
      renderToStaticMarkup(createElement(HonestNote, { ranges }));
    expect(note('chance+parameters')).toMatch(
      /The bands show chance and what we don’t know about the model’s assumed coefficients\./,
    );
    expect(note('chance')).toMatch(/The bands show chance only/);
  });
});
