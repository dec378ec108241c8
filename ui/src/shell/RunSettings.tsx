import { NumberBox } from '../common/NumberBox.tsx';
import type { Workspace } from '../state/workspace.ts';

/** Runs per scenario, years simulated and the experiment seed, below every screen. */
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
          maxLength={40}
          value={ws.seed}
          onChange={(e) => update((w) => ({ ...w, seed: e.target.value }))}
        />
      </div>
    </section>
  );
}
