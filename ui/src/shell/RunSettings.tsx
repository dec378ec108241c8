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
        <input
          id="set-runs"
          type="number"
          min={5}
          max={500}
          step={5}
          value={ws.runs}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (n >= 5 && n <= 500) update((w) => ({ ...w, runs: n }));
          }}
        />
        <label htmlFor="set-years">Years simulated (1 to 20)</label>
        <input
          id="set-years"
          type="number"
          min={1}
          max={20}
          step={1}
          value={ws.years}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (n >= 1 && n <= 20) update((w) => ({ ...w, years: n }));
          }}
        />
        <label htmlFor="set-seed">Experiment seed (any text; the same seed gives the same runs)</label>
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
