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
  return (
    <div className="timeline" aria-label="Timeline of phases and events">
      <div className="tl-phases">
        {d.phases.map((p, i) => {
          const end = i + 1 < d.phases.length ? d.phases[i + 1].startYear : Y;
          return (
            <button
              type="button"
              key={i}
              className={i === ph ? 'tl-phase on' : 'tl-phase'}
              style={{
                left: `${(Math.max(0, p.startYear) / Y) * 100}%`,
                width: `${(Math.max(0.05, end - p.startYear) / Y) * 100}%`,
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
            style={{ left: `${(Math.min(Y, Math.max(0, Number(e.year) || 0)) / Y) * 100}%` }}
            title={String(e.type ?? e.intervention)}
          >
            ▲
          </span>
        ))}
      </div>
      <div className="tl-axis" aria-hidden="true">
        {Array.from({ length: Y + 1 }, (_, y) => (
          <span key={y} style={{ left: `${(y / Y) * 100}%` }}>
            year {y}
          </span>
        ))}
      </div>
    </div>
  );
}
