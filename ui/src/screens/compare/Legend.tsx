import { colourOf, dashOf } from '../../charts/theme.ts';
import type { EnsembleData } from '../../state/results.ts';
import type { ComparedWorkspace } from '../../state/workspace.ts';

/** a plotly dash as a CSS border style, for the legend's swatches */
function dashCss(i: number): 'solid' | 'dotted' | 'dashed' {
  const d = dashOf(i);
  return d === 'solid' ? 'solid' : d === 'dot' ? 'dotted' : 'dashed';
}

/**
 * The scenarios compared: colour and dash, name, and the runs drawn of each. With a scenario in focus (Compare's
 * "Focus on"), it says which one's ranges are drawn, and the others' swatches are thin like their lines.
 */
export function Legend({
  ws,
  datas,
  stale,
  focusKey,
}: {
  ws: ComparedWorkspace;
  datas: (EnsembleData | undefined)[];
  stale?: boolean[];
  /** the key of the scenario in focus, if any */
  focusKey?: string;
}) {
  return (
    <ul className="legend" aria-label="Scenarios being compared">
      {ws.scenarios.map((s, i) => (
        <li key={s.key} className={focusKey ? (s.key === focusKey ? 'in-focus' : 'out-of-focus') : undefined}>
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
            {focusKey === s.key ? <strong> · in focus: its ranges are shaded</strong> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
