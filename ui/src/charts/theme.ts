/**
 * The one look of every chart: palette, line dashes, fonts, grid and background, and the colour scales. The fan
 * charts, the stress test's charts, the trust network and the flow bars all take their colours from here, so a
 * colour changed here changes everywhere.
 */

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  green: '#009E73',
  black: '#000000',
  pink: '#CC79A7',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
} as const;

/** Okabe–Ito, reordered so the first four have at least 3:1 contrast on white (WCAG 1.4.11). */
export const PALETTE = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.green,
  OKABE_ITO.black,
  OKABE_ITO.pink,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
];
export const DASHES = ['solid', 'dash', 'dot', 'dashdot', 'longdash', 'longdashdot', 'solid'];

/** text, axes and outlines (the page's --ink) */
export const INK = '#1a1a1a';
/** secondary text in a chart (the page's --muted) */
export const MUTED_INK = '#555555';
/** the page's --accent */
export const ACCENT = '#0b5394';
export const GRID = '#e4e4e4';
export const BACKGROUND = '#ffffff';
/** lines that join points, not data (the stress test's peeling path) */
export const CONNECTOR = '#777777';

export const FONT = { family: 'system-ui, sans-serif', size: 12, color: INK };

/** What every plotly chart's layout starts from. */
export const BASE_LAYOUT = { font: FONT, paper_bgcolor: BACKGROUND, plot_bgcolor: BACKGROUND, hovermode: 'closest' };

/** plotly's options for every chart: no toolbar, resized with the page */
export const CHART_CONFIG = { displayModeBar: false, responsive: true };

/** A scenario's colour, by its position in the comparison. */
export function colourOf(i: number): string {
  return PALETTE[i % PALETTE.length];
}

/** A scenario's line dash, by its position (plotly's names). */
export function dashOf(i: number): string {
  return DASHES[i % DASHES.length];
}

export function rgba(hex: string, a: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${a})`;
}

function mix(a: readonly number[], b: readonly number[], f: number): number[] {
  return a.map((v, i) => Math.round(v + (b[i] - v) * f));
}

/** Trust 0..1 on a colour-blind-safe diverging scale: vermillion (low) → grey → blue (high). */
export function trustColour(t: number): string {
  const x = Math.max(0, Math.min(1, t));
  const lo = [213, 94, 0];
  const mid = [150, 150, 150];
  const hi = [0, 114, 178];
  const c = x < 0.5 ? mix(lo, mid, x / 0.5) : mix(mid, hi, (x - 0.5) / 0.5);
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/**
 * A table cell's tint by rank, 0 (best) to 1 (worst): light blue → white → light orange. Light tints only, so
 * black text keeps well over 4.5:1 contrast.
 */
export function rankTint(rank: number): string {
  const x = Math.max(0, Math.min(1, rank));
  const good = [207, 226, 243];
  const bad = [251, 215, 190];
  const mid = [255, 255, 255];
  const c = x < 0.5 ? mix(good, mid, x / 0.5) : mix(mid, bad, (x - 0.5) / 0.5);
  return `rgb(${c.join(',')})`;
}

/** The trust network's own marks (Inside a run). */
export const NETWORK = {
  council: ACCENT,
  councilText: BACKGROUND,
  community: '#f3f3f3',
  communityStroke: '#333333',
  providerFill: BACKGROUND,
  /** an in-house provider's fill */
  inHouse: '#333333',
  closedFill: '#dddddd',
  closedStroke: '#767676',
  closedCross: MUTED_INK,
} as const;

/** The workforce flow bars (Inside a run): hired, left for another care employer, left the sector, off sick. */
export const FLOW_COLOURS = [OKABE_ITO.green, OKABE_ITO.orange, OKABE_ITO.vermillion, OKABE_ITO.skyBlue];
