/** The causal map as the Why? screen draws it: nodes, signed links and named loops, with their explanations. */

export type NodeKind = 'lever' | 'stock' | 'agents' | 'outcome' | 'outside';

export interface ViewNode {
  id: string;
  label: string;
  kind: NodeKind;
  /** what it is and how the model moves it, in plain words */
  explain: string;
}

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
}

export interface MapView {
  nodes: ViewNode[];
  links: ViewLink[];
  loops: ViewLoop[];
}

/** What a loop does, in a few words. */
export function loopKindWords(kind: ViewLoop['kind']): string {
  return kind === 'reinforcing' ? 'reinforcing: it feeds on itself' : 'balancing: it pushes back';
}

/** The sign of a link as the map prints it. */
export function signText(sign: 1 | -1): string {
  return sign > 0 ? '+' : '−';
}
