import { isRangeKind } from '../../../sim/index.ts';
import { NumberBox } from '../common/NumberBox.tsx';
import { MAX_SEED_CHARS, rangesOf, type Workspace } from '../state/workspace.ts';

/** The choices of what ranges show, in plain words. */
export const RANGE_CHOICES = [
  { value: 'chance+parameters', label: 'Chance and what we don’t know about the model (recommended)' },
  { value: 'chance', label: 'Chance only (for teaching: the model’s assumptions held fixed)' },
] as const;

/** Runs per scenario, years simulated, the experiment seed and what the ranges show, below every screen. */
export function RunSettings({ ws, update }: { ws: Workspace; update: (f: (w: Workspace) => Workspace) => void }) {
  return (
    <section className="settings card" aria-labelledby="settings-h">
      <h2 id="settings-h" className="h3">
        Run settings
      </h2>
      <div className="row">
        <label htmlFor="set-runs">Runs per scenario (5 to 500)</label>
        <NumberBox
          id="set-runs"
          min={5}
          max={500}
          whole
          value={ws.runs}
          onChange={(n) => update((w) => ({ ...w, runs: n }))}
        />
        <label htmlFor="set-years">Years simulated (1 to 20)</label>
        <NumberBox
          id="set-years"
          min={1}
          max={20}
          whole
          value={ws.years}
          onChange={(n) => update((w) => ({ ...w, years: n }))}
        />
        <label htmlFor="set-seed">Seed: any word (the same word replays exactly the same runs)</label>
        <input
          id="set-seed"
          type="text"
          maxLength={MAX_SEED_CHARS}
          value={ws.seed}
          onChange={(e) => update((w) => ({ ...w, seed: e.target.value }))}
        />
        <label htmlFor="set-ranges">Ranges show</label>
        <select
          id="set-ranges"
          value={rangesOf(ws)}
          onChange={(e) => {
            const v = e.target.value;
            if (isRangeKind(v)) update((w) => ({ ...w, ranges: v }));
          }}
        >
          {RANGE_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
