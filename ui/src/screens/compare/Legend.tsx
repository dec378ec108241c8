import { colourOf, dashOf } from '../../charts/theme.ts';
import type { EnsembleData } from '../../state/results.ts';
import type { ComparedWorkspace } from '../../state/workspace.ts';

/** a plotly dash as a CSS border style, for the legend's swatches */
function dashCss(i: number): 'solid' | 'dotted' | 'dashed' {
  const d = dashOf(i);
  return d === 'solid' ? 'solid' : d === 'dot' ? 'dotted' : 'dashed';
}

/** The scenarios compared: colour and dash, name, and the runs drawn of each. */
export function Legend({
  ws,
  datas,
  stale,
}: {
  ws: ComparedWorkspace;
  datas: (EnsembleData | undefined)[];
  stale?: boolean[];
}) {
  return (
    <ul className="legend" aria-label="Scenarios being compared">
      {ws.scenarios.map((s, i) => (
        <li key={s.key}>
          <span
            className="swatch"
            style={{ borderTopColor: colourOf(s.slot), borderTopStyle: dashCss(s.slot) }}
            aria-hidden="true"
          />
          <span>
            {i === 0 ? <strong>Baseline: </strong> : null}
            {s.title}{' '}
            <span className="muted">
              {stale?.[i]
                ? `(settings changed: new runs starting; shown meanwhile: the previous settings, ${datas[i]?.runs.size ?? 0} runs)`
                : `(${datas[i]?.runs.size ?? 0} of ${ws.runs} runs)`}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
