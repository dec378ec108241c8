import { useMemo, useState } from 'react';
import { ACCENT, INK, MUTED_INK, OKABE_ITO, rgba } from '../../charts/theme.ts';
import { layoutMap, linkPath } from './map-layout.ts';
import { signText, type MapView, type NodeKind } from './map-view.ts';

const NODE_FILL: Record<NodeKind, string> = {
  lever: '#dbe9f6',
  stock: '#ffffff',
  agents: '#f3f3f3',
  outcome: '#e3f4ec',
};

export const NODE_KIND_WORDS: Record<NodeKind, string> = {
  lever: "the council's levers",
  stock: 'things that build up or run down',
  agents: "people's, workers' and providers' states",
  outcome: 'outcomes',
};

/**
 * The causal map drawn in SVG: boxes for the model's stocks, agents' states, levers and outcomes; arrows for
 * the mechanisms, signed + (more leads to more) or − (more leads to less). Each box is reachable with the
 * keyboard and explains itself on focus or hover. With `weights` (0-1 by link), each arrow's width and strength
 * show how much of the change it carried; with `loop` (the links of a loop), that loop's arrows stand out and the
 * others fade.
 */
export function CausalMap({
  view,
  weights,
  loop,
  label,
}: {
  view: MapView;
  weights?: ReadonlyMap<string, number>;
  loop?: readonly string[] | null;
  label: string;
}) {
  const [focus, setFocus] = useState<string | null>(null);
  const placed = useMemo(() => layoutMap(view.nodes, view.links), [view]);
  const inLoop = useMemo(() => (loop ? new Set(loop) : null), [loop]);
  const nodeOf = useMemo(() => new Map(view.nodes.map((n) => [n.id, n])), [view]);
  const focused = focus ? nodeOf.get(focus) : undefined;
  const links = view.links.map((l, i) => ({ l, p: placed.links[i] }));
  const touches = (id: string): boolean => links.some(({ l }) => inLoop?.has(l.id) && (l.from === id || l.to === id));

  return (
    <div className="causal-map">
      <svg
        viewBox={`0 0 ${Math.ceil(placed.width)} ${Math.ceil(placed.height)}`}
        role="group"
        aria-label={label}
        className="causal-map-svg"
      >
        <defs>
          {['ink', 'pos', 'neg', 'faint'].map((k) => (
            <marker
              key={k}
              id={`arrow-${k}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="9"
              markerHeight="9"
              markerUnits="userSpaceOnUse"
              orient="auto-start-reverse"
            >
              <path
                d="M0,0L10,5L0,10z"
                fill={k === 'pos' ? ACCENT : k === 'neg' ? OKABE_ITO.vermillion : k === 'faint' ? '#c8c8c8' : INK}
              />
            </marker>
          ))}
        </defs>
        {links.map(({ l, p }) => {
          if (!p || p.points.length < 2) return null;
          const w = weights?.get(l.id);
          const faded = inLoop ? !inLoop.has(l.id) : weights && !(w! > 0.02);
          const strong = inLoop?.has(l.id) || (focus && (l.from === focus || l.to === focus));
          const colour = faded ? '#c8c8c8' : l.sign > 0 ? ACCENT : OKABE_ITO.vermillion;
          const width = weights ? 1 + 7 * Math.min(1, w ?? 0) : strong ? 2.5 : 1.4;
          const end = p.points[p.points.length - 1];
          const prev = p.points[p.points.length - 2];
          const t = 0.55;
          const sx = end.x + (prev.x - end.x) * t;
          const sy = end.y + (prev.y - end.y) * t;
          return (
            <g key={l.id} className="map-link" data-link={l.id} data-weight={w?.toFixed(3)}>
              <title>{`${nodeOf.get(l.from)?.label} → ${nodeOf.get(l.to)?.label} (${l.sign > 0 ? 'more leads to more' : 'more leads to less'}): ${l.explain}${w !== undefined ? `. Carried ${Math.round(w * 100)}% as much as the busiest link.` : ''}`}</title>
              <path
                d={linkPath(p.points)}
                fill="none"
                stroke={colour}
                strokeWidth={width}
                strokeDasharray={l.sign < 0 ? '5 3' : undefined}
                markerEnd={`url(#arrow-${faded ? 'faint' : l.sign > 0 ? 'pos' : 'neg'})`}
              />
              <text
                x={sx}
                y={sy - 4}
                className="map-sign"
                fill={faded ? '#9a9a9a' : colour}
                textAnchor="middle"
                aria-hidden="true"
              >
                {signText(l.sign)}
              </text>
            </g>
          );
        })}
        {view.nodes.map((n) => {
          const p = placed.nodes.get(n.id);
          if (!p) return null;
          const faded = inLoop && !touches(n.id);
          return (
            <g
              key={n.id}
              className={`map-node${focus === n.id ? ' focused' : ''}`}
              data-node={n.id}
              tabIndex={0}
              role="button"
              aria-label={`${n.label}: ${n.explain}`}
              onFocus={() => setFocus(n.id)}
              onBlur={() => setFocus((f) => (f === n.id ? null : f))}
              onMouseEnter={() => setFocus(n.id)}
              opacity={faded ? 0.35 : 1}
            >
              <rect
                x={p.x - p.width / 2}
                y={p.y - p.height / 2}
                width={p.width}
                height={p.height}
                rx={6}
                fill={NODE_FILL[n.kind]}
                stroke={focus === n.id ? ACCENT : n.kind === 'outcome' ? OKABE_ITO.green : MUTED_INK}
                strokeWidth={focus === n.id ? 3 : 1.2}
              />
              <text textAnchor="middle" className="map-label">
                {p.lines.map((line, i) => (
                  <tspan key={i} x={p.x} y={p.y - ((p.lines.length - 1) * 15) / 2 + i * 15 + 4}>
                    {i < p.lines.length - 1 ? `${line} ` : line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="map-explain" aria-live="polite">
        {focused ? (
          <>
            <h4>{focused.label}</h4>
            <p>{focused.explain}</p>
            <Neighbours view={view} id={focused.id} />
          </>
        ) : (
          <p className="muted">
            Point at a box, or move to it with the Tab key, to read what it is and what it pushes. Solid blue arrows
            (+): more of one leads to more of the other. Dashed red arrows (−): more of one leads to less of the other.
          </p>
        )}
        <p className="small map-kinds">
          {(Object.keys(NODE_KIND_WORDS) as NodeKind[])
            .filter((k) => view.nodes.some((n) => n.kind === k))
            .map((k) => (
              <span key={k}>
                <span className="map-kind-swatch" style={{ background: NODE_FILL[k] }} aria-hidden="true" />{' '}
                {NODE_KIND_WORDS[k]}{' '}
              </span>
            ))}
        </p>
      </div>
    </div>
  );
}

function Neighbours({ view, id }: { view: MapView; id: string }) {
  const name = (x: string): string => view.nodes.find((n) => n.id === x)?.label ?? x;
  const out = view.links.filter((l) => l.from === id);
  const into = view.links.filter((l) => l.to === id);
  return (
    <ul className="small">
      {into.map((l) => (
        <li key={`i${l.id}`}>
          {name(l.from)} {l.sign > 0 ? 'raises' : 'lowers'} it: {l.explain}
        </li>
      ))}
      {out.map((l) => (
        <li key={`o${l.id}`}>
          It {l.sign > 0 ? 'raises' : 'lowers'} {name(l.to)}: {l.explain}
        </li>
      ))}
    </ul>
  );
}

/** a colour for a loop's kind in lists */
export function loopColour(kind: 'reinforcing' | 'balancing'): string {
  return kind === 'reinforcing' ? rgba(OKABE_ITO.vermillion, 1) : rgba(OKABE_ITO.blue, 1);
}
