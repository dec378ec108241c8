/**
 * The causal map as the Why? screen draws it, from the simulation's one declaration (sim/model/causal-map.ts via
 * sim/index.ts): its nodes, signed links and loops, with their plain-words explanations. Nothing here adds to the
 * map; it only chooses what to show (the council's levers or not).
 */
import {
  CAUSAL_LINKS,
  CAUSAL_NODES,
  NAMED_LOOPS,
  causalLoops,
  loopOf,
  type CausalArea,
  type CausalLoop,
  type CausalNodeKind,
} from '../../../../sim/index.ts';

export type NodeKind = CausalNodeKind;

export interface ViewNode {
  id: string;
  label: string;
  kind: NodeKind;
  /** what it is, in plain words */
  explain: string;
  /** its column on the map: the part of the system it belongs to (AREA_ORDER) */
  band: number;
}

/** The map's columns, left to right: the levers, the council and its money, providers, workforce, people, trust. */
export const AREA_ORDER: readonly CausalArea[] = [
  'lever',
  'commissioner',
  'money',
  'providers',
  'workforce',
  'people',
  'relationships',
];

export interface ViewLink {
  id: string;
  from: string;
  to: string;
  /** +1: more of the cause, more of the effect; −1: more of the cause, less of the effect */
  sign: 1 | -1;
  /** the mechanism, in plain words */
  explain: string;
}

export interface ViewLoop {
  id: string;
  name: string;
  /** reinforcing loops amplify a change; balancing loops counter it */
  kind: 'reinforcing' | 'balancing';
  /** the loop's links, in order round the loop */
  links: string[];
  /** the loop as a chain of words ("fee squeeze → low pay → …") */
  chain: string;
  /** why it matters (named loops) */
  story: string;
}

export interface MapView {
  nodes: ViewNode[];
  links: ViewLink[];
  /** the loops the model brief names */
  loops: ViewLoop[];
}

/** The map: the model's nodes and links, with the council's levers and their links when asked. */
export function mapView(withLevers: boolean): MapView {
  const nodes = CAUSAL_NODES.filter((n) => withLevers || n.kind !== 'lever').map((n) => ({
    id: n.id,
    label: n.label,
    kind: n.kind,
    explain: n.meaning,
    band: Math.max(0, AREA_ORDER.indexOf(n.area)),
  }));
  const ids = new Set(nodes.map((n) => n.id));
  const links = CAUSAL_LINKS.filter((l) => ids.has(l.from) && ids.has(l.to)).map((l) => ({
    id: l.id,
    from: l.from,
    to: l.to,
    sign: l.sign,
    explain: l.how,
  }));
  return { nodes, links, loops: NAMED_VIEW_LOOPS };
}

const NAMED_VIEW_LOOPS: ViewLoop[] = NAMED_LOOPS.map((n) => {
  const l = loopOf(n.nodes, n.start);
  return { id: n.id, name: n.title, kind: l.polarity, links: l.links, chain: l.words, story: n.story };
});

/** A loop found in the map as a ViewLoop: its brief's name when it is a named loop, else its chain of words. */
export function viewOfLoop(loop: CausalLoop): ViewLoop {
  const named = namedLoopOf(loop);
  if (named) return named;
  return { id: loop.links.join(','), name: '', kind: loop.polarity, links: loop.links, chain: loop.words, story: '' };
}

/** The named loop with the same links as this one (named loops are loops of the map), if any. */
export function namedLoopOf(loop: CausalLoop): ViewLoop | undefined {
  const key = [...loop.links].sort().join(',');
  return NAMED_VIEW_LOOPS.find((n) => [...n.links].sort().join(',') === key);
}

/** Every loop of the map (up to six links), as ViewLoops. */
export function allLoops(): ViewLoop[] {
  return causalLoops().map(viewOfLoop);
}

/** A loop's name for a sentence: "The staffing spiral" or its chain of words. */
export function loopTitle(l: ViewLoop): string {
  return l.name || l.chain;
}

/** What a loop does, in a few words. */
export function loopKindWords(kind: ViewLoop['kind']): string {
  return kind === 'reinforcing' ? 'reinforcing: it feeds on itself' : 'balancing: it pushes back';
}

/** The sign of a link as the map prints it. */
export function signText(sign: 1 | -1): string {
  return sign > 0 ? '+' : '−';
}
