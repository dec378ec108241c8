/**
 * The causal map's layout: nodes placed and links routed by dagre (a layered layout, causes left of effects as
 * far as the loops allow), node labels wrapped to fit their boxes. Pure: the same graph gives the same picture,
 * in the app and in the tests.
 */
import { graphlib, layout } from '@dagrejs/dagre';

export interface MapNodeIn {
  id: string;
  label: string;
  /** nodes of a lower band sit left of (or above) nodes of a higher band; links within a band do not spread it */
  band?: number;
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
  g.setGraph({ rankdir: opts.rankdir ?? 'LR', nodesep: 16, ranksep: 48, edgesep: 10, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const wrapped = new Map<string, string[]>();
  for (const n of nodes) {
    const lines = wrapLabel(n.label);
    wrapped.set(n.id, lines);
    const width = Math.ceil(Math.max(...lines.map((l) => l.length)) * CHAR_W + 2 * PAD_X);
    g.setNode(n.id, { width, height: lines.length * LINE_H + 2 * PAD_Y });
  }
  const band = new Map(nodes.map((n) => [n.id, n.band]));
  // with bands, each band is one column: an empty anchor before each band and edges anchor → node → next anchor
  // fix every node's rank to its band's
  const bands = [...new Set(nodes.map((n) => n.band).filter((b): b is number => b !== undefined))].sort(
    (a, b) => a - b,
  );
  const anchor = (b: number): string => `\u0000band${b}`;
  if (bands.length) {
    const last = bands[bands.length - 1] + 1;
    for (let b = bands[0]; b <= last; b++) g.setNode(anchor(b), { width: 0, height: 0 });
    for (let b = bands[0]; b < last; b++) g.setEdge(anchor(b), anchor(b + 1), { minlen: 2 }, 'band');
    for (const n of nodes)
      if (n.band !== undefined) {
        g.setEdge(anchor(n.band), n.id, { minlen: 1 }, 'band');
        g.setEdge(n.id, anchor(n.band + 1), { minlen: 1 }, 'band');
      }
  }
  links.forEach((l, i) => {
    if (!g.hasNode(l.from) || !g.hasNode(l.to)) return;
    const a = band.get(l.from);
    const b = band.get(l.to);
    // with bands, only links from a lower band to a higher one are laid out by dagre (they set the ranks); the
    // others are drawn as curves between their boxes (routedLink)
    if (a === undefined || b === undefined || b > a)
      g.setEdge(l.from, l.to, { minlen: b! > a! ? b! - a! : 1 }, `e${i}`);
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
    const e = g.hasEdge(l.from, l.to, `e${i}`)
      ? (g.edge({ v: l.from, w: l.to, name: `e${i}` }) as { points?: { x: number; y: number }[] } | undefined)
      : undefined;
    out.push({
      from: l.from,
      to: l.to,
      points: e?.points ?? routedLink(placed.get(l.from)!, placed.get(l.to)!),
    });
  });
  const gr = g.graph() as { width?: number; height?: number };
  return { width: gr.width ?? 0, height: gr.height ?? 0, nodes: placed, links: out };
}

/** The point where the line from a box's centre towards (x, y) leaves the box. */
function boxEdge(n: PlacedNode, x: number, y: number): { x: number; y: number } {
  const dx = x - n.x;
  const dy = y - n.y;
  if (dx === 0 && dy === 0) return { x: n.x, y: n.y };
  const sx = dx === 0 ? Infinity : n.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : n.height / 2 / Math.abs(dy);
  const k = Math.min(sx, sy);
  return { x: n.x + dx * k, y: n.y + dy * k };
}

/**
 * A link dagre did not lay out (within a band, or back to a lower band): a curve bowed to its right, so the two
 * directions between a pair of boxes do not overlap, from box edge to box edge.
 */
export function routedLink(a: PlacedNode, b: PlacedNode): { x: number; y: number }[] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const bow = Math.min(60, 0.18 * len + 12);
  const mid = { x: (a.x + b.x) / 2 - (dy / len) * bow, y: (a.y + b.y) / 2 + (dx / len) * bow };
  return [boxEdge(a, mid.x, mid.y), mid, boxEdge(b, mid.x, mid.y)];
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
