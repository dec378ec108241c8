/**
 * The causal map's layout: nodes placed and links routed by dagre (a layered layout, causes left of effects as
 * far as the loops allow), node labels wrapped to fit their boxes. Pure: the same graph gives the same picture,
 * in the app and in the tests.
 */
import { graphlib, layout } from '@dagrejs/dagre';

export interface MapNodeIn {
  id: string;
  label: string;
}
export interface MapLinkIn {
  from: string;
  to: string;
}

export interface PlacedNode {
  id: string;
  /** centre */
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

export interface PlacedLink {
  from: string;
  to: string;
  points: { x: number; y: number }[];
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: Map<string, PlacedNode>;
  links: PlacedLink[];
}

const CHAR_W = 6.6;
const LINE_H = 15;
const PAD_X = 10;
const PAD_Y = 7;
const WRAP = 18;

/** A label broken into lines of at most `width` characters, at spaces (a longer word keeps its own line). */
export function wrapLabel(text: string, width = WRAP): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.length ? out : [''];
}

export function layoutMap(
  nodes: readonly MapNodeIn[],
  links: readonly MapLinkIn[],
  opts: { rankdir?: 'LR' | 'TB' } = {},
): MapLayout {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: opts.rankdir ?? 'LR', nodesep: 22, ranksep: 60, edgesep: 12, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const wrapped = new Map<string, string[]>();
  for (const n of nodes) {
    const lines = wrapLabel(n.label);
    wrapped.set(n.id, lines);
    const width = Math.ceil(Math.max(...lines.map((l) => l.length)) * CHAR_W + 2 * PAD_X);
    g.setNode(n.id, { width, height: lines.length * LINE_H + 2 * PAD_Y });
  }
  links.forEach((l, i) => {
    if (g.hasNode(l.from) && g.hasNode(l.to)) g.setEdge(l.from, l.to, {}, `e${i}`);
  });
  layout(g);
  const placed = new Map<string, PlacedNode>();
  for (const n of nodes) {
    const p = g.node(n.id) as { x: number; y: number; width: number; height: number };
    placed.set(n.id, { id: n.id, x: p.x, y: p.y, width: p.width, height: p.height, lines: wrapped.get(n.id)! });
  }
  const out: PlacedLink[] = [];
  links.forEach((l, i) => {
    if (!g.hasNode(l.from) || !g.hasNode(l.to)) return;
    const e = g.edge({ v: l.from, w: l.to, name: `e${i}` }) as { points?: { x: number; y: number }[] } | undefined;
    out.push({ from: l.from, to: l.to, points: e?.points ?? [] });
  });
  const gr = g.graph() as { width?: number; height?: number };
  return { width: gr.width ?? 0, height: gr.height ?? 0, nodes: placed, links: out };
}

/** An SVG path through a link's points: straight to the first, then smooth curves through the midpoints. */
export function linkPath(points: readonly { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  if (points.length < 3) return `M${points.map((p) => `${r(p.x)},${r(p.y)}`).join('L')}`;
  let d = `M${r(points[0].x)},${r(points[0].y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const mx = (points[i].x + points[i + 1].x) / 2;
    const my = (points[i].y + points[i + 1].y) / 2;
    d += `Q${r(points[i].x)},${r(points[i].y)} ${r(mx)},${r(my)}`;
  }
  const last = points[points.length - 1];
  return `${d}L${r(last.x)},${r(last.y)}`;
}

const r = (x: number): number => Math.round(x * 10) / 10;
