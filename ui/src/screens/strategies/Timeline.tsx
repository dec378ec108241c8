import type { ScenarioDraft, Workspace } from '../../state/workspace.ts';

/** The scenario's phases (buttons that choose the phase to edit) and events on a line of years. */
export function Timeline({
  ws,
  d,
  ph,
  setPh,
}: {
  ws: Workspace;
  d: ScenarioDraft;
  ph: number;
  setPh: (i: number) => void;
}) {
  const Y = ws.years;
  // years simulated before today (not recorded): drawn to the left of year 0, shaded
  const H = typeof d.extra.history_years === 'number' ? Math.round(d.extra.history_years) : 0;
  const at = (y: number): string => `${((Math.min(Y, Math.max(-H, y)) + H) / (Y + H)) * 100}%`;
  return (
    <div className="timeline" aria-label="Timeline of phases and events">
      {H > 0 ? (
        <div className="tl-back">
          <div className="tl-history" style={{ width: at(0) }}>
            <span className="small">before today</span>
          </div>
        </div>
      ) : null}
      <div className="tl-phases">
        {d.phases.map((p, i) => {
          const end = i + 1 < d.phases.length ? d.phases[i + 1].startYear : Y;
          return (
            <button
              type="button"
              key={i}
              className={i === ph ? 'tl-phase on' : 'tl-phase'}
              style={{
                left: at(Math.max(0, p.startYear)),
                width: `${(Math.max(0.05, end - Math.max(0, p.startYear)) / (Y + H)) * 100}%`,
              }}
              aria-pressed={i === ph}
              onClick={() => setPh(i)}
            >
              {p.label || `Phase ${i + 1}`} <span className="small">from year {p.startYear}</span>
            </button>
          );
        })}
      </div>
      <div className="tl-events" aria-hidden="true">
        {d.events.map((e, i) => (
          <span
            key={i}
            className="tl-event"
            style={{ left: at(Number(e.year) || 0) }}
            title={String(e.type ?? e.intervention)}
          >
            ▲
          </span>
        ))}
      </div>
      <div className="tl-axis" aria-hidden="true">
        {Array.from({ length: Y + H + 1 }, (_, k) => k - H).map((y) => (
          <span key={y} style={{ left: at(y) }}>
            year {y < 0 ? `−${-y}` : y}
          </span>
        ))}
      </div>
    </div>
  );
}
