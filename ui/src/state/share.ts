/**
 * Share links: the scenarios of a comparison as YAML, with the runs, seed and what the ranges show, in the URL
 * hash. Links are made compressed (version 2: `#share=2.` then the DEFLATE-compressed JSON, base64url); links of
 * version 1 (the JSON uncompressed, no seed or ranges) still open. On load the text is only inflated (never beyond
 * MAX_SHARE_INFLATED bytes), parsed and validated by the scenario loader (which evaluates no code: expressions are
 * a small arithmetic language); anything too large, malformed or invalid is refused with a message and nothing
 * runs.
 */
import { deflateSync, Inflate } from 'fflate';
import {
  isRangeKind,
  loadScenario,
  METRIC_IDS,
  numbersIssues,
  ScenarioError,
  MAX_FILE_CHARS,
  type PlaceNumbers,
  type RangeKind,
  type ScenarioIssue,
} from '../../../sim/index.ts';
import { lib } from './library.ts';
import {
  draftFromLoaded,
  draftToYaml,
  MAX_SCENARIOS,
  MAX_SEED_CHARS,
  rangesOf,
  settingsOfLoaded,
  type CompareView,
  type ScenarioDraft,
  type Workspace,
} from './workspace.ts';

export const MAX_SHARE_CHARS = 60_000;
/**
 * The most a compressed link may inflate to (bytes of JSON): ten times what an uncompressed link could hold, far
 * more than eight scenarios need, and small enough that a "zip bomb" (a few kB inflating to gigabytes) is refused
 * after at most this much memory.
 */
export const MAX_SHARE_INFLATED = 500_000;
/** What starts the data of a compressed (version 2) link; '.' is never in base64url, so a version 1 link never does. */
const V2 = '2.';
/** A link holds as many scenarios as a comparison does, so every one it carries is kept. */
export const MAX_SHARED_SCENARIOS = MAX_SCENARIOS;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('the link contains characters a share link never has');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

const utf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

/** Thrown when a compressed link would inflate beyond MAX_SHARE_INFLATED. */
class TooLarge extends Error {}

/**
 * DEFLATE-compressed bytes inflated, fed in small pieces so that no more than about MAX_SHARE_INFLATED bytes (plus
 * one piece's worth, at most about 1 MB) are ever held: a piece of 1 kB inflates to at most about 1 MB.
 */
export function inflateBounded(data: Uint8Array, limit = MAX_SHARE_INFLATED): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) throw new TooLarge();
    parts.push(chunk);
    if (final) done = true;
  });
  const PIECE = 1024;
  for (let at = 0; at < data.length; at += PIECE) {
    const end = Math.min(at + PIECE, data.length);
    inflater.push(data.subarray(at, end), end === data.length);
  }
  if (!done) throw new Error('the compressed data ends early');
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** What a link carries, as JSON (version 2; version 1 had no seed or ranges). */
function payloadOf(ws: Workspace): Record<string, unknown> {
  return {
    v: 2,
    runs: ws.runs,
    seed: ws.seed,
    ranges: rangesOf(ws),
    scenarios: ws.scenarios.map((d) => draftToYaml(ws, d)),
    // the council's own figures (Your numbers) travel with the link: plain numbers, checked again when read
    ...(ws.numbers ? { numbers: ws.numbers } : {}),
    // how the sender's charts were shown: the outcomes, quarterly or weekly, and the scenario in focus by its place
    // in the link (its key belongs to the sender's browser)
    ...(ws.compareView ? { view: viewOf(ws) } : {}),
  };
}

/** The chart view a link carries (share.ts readShareHash reads it back): focus as the scenario's index. */
export interface SharedView {
  metrics?: string[];
  time?: CompareView['time'];
  focus?: number;
}

function viewOf(ws: Workspace): SharedView {
  const v = ws.compareView ?? {};
  const focus = ws.scenarios.findIndex((d) => d.key === v.focus);
  return {
    ...(v.metrics ? { metrics: v.metrics } : {}),
    ...(v.time ? { time: v.time } : {}),
    ...(focus >= 0 ? { focus } : {}),
  };
}

/**
 * A link's chart view, with what this simulator does not know left out (an unknown outcome, a time view or a focus
 * outside the link's scenarios): the view only changes how results are drawn, so a damaged part is dropped, not
 * refused. Undefined if the link carries none.
 */
function sharedView(v: unknown, scenarios: number): SharedView | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const raw = v as { metrics?: unknown; time?: unknown; focus?: unknown };
  const known = new Set<string>(METRIC_IDS);
  const metrics = Array.isArray(raw.metrics)
    ? raw.metrics.filter((m): m is string => typeof m === 'string' && known.has(m)).slice(0, METRIC_IDS.length)
    : [];
  const out: SharedView = {};
  if (metrics.length) out.metrics = [...new Set(metrics)];
  if (raw.time === 'quarterly' || raw.time === 'weekly') out.time = raw.time;
  if (typeof raw.focus === 'number' && Number.isInteger(raw.focus) && raw.focus >= 0 && raw.focus < scenarios)
    out.focus = raw.focus;
  return Object.keys(out).length ? out : undefined;
}

/**
 * The hash of a share link to this workspace (without the '#'): the scenarios as YAML with the runs, seed and
 * ranges, as JSON compressed with DEFLATE and base64url-encoded (about a fifth of the uncompressed length).
 */
export function shareHash(ws: Workspace): string {
  const json = new TextEncoder().encode(JSON.stringify(payloadOf(ws)));
  return `share=${V2}${toBase64Url(deflateSync(json, { level: 9 }))}`;
}

/** The hash of a version 1 link (uncompressed, no seed or ranges): what links were before; for tests and measuring. */
export function shareHashV1(ws: Workspace): string {
  const { v: _v, seed: _s, ranges: _r, view: _w, ...rest } = payloadOf(ws);
  return `share=${toBase64Url(new TextEncoder().encode(JSON.stringify({ v: 1, ...rest })))}`;
}

/** A link to this page that opens the workspace's scenarios (readShareHash reads it). */
export function shareLink(ws: Workspace, href = window.location.href): string {
  const url = new URL(href);
  url.hash = shareHash(ws);
  return url.toString();
}

export type ShareOutcome =
  | {
      ok: true;
      drafts: ScenarioDraft[];
      settings: ReturnType<typeof settingsOfLoaded>;
      runs: number;
      /** the sender's seed (absent in version 1 links: the recipient's own is kept) */
      seed?: string;
      /** what the sender's ranges showed (absent in version 1 links: the recipient's choice is kept) */
      ranges?: RangeKind;
      /** the council's figures the link carried, if any passed the same checks as the form's */
      numbers?: PlaceNumbers;
      /** how the sender's charts were shown (outcomes, quarterly or weekly, the scenario in focus), if carried */
      view?: SharedView;
    }
  | { ok: false; message: string; issues: ScenarioIssue[] };

/** Reads a share link's hash. Never runs anything; returns drafts only if every scenario validates. */
export function readShareHash(hash: string): ShareOutcome | null {
  const m = /^#?share=(.*)$/s.exec(hash);
  if (!m) return null;
  const refuse = (message: string, issues: ScenarioIssue[] = []): ShareOutcome => ({ ok: false, message, issues });
  if (m[1].length > MAX_SHARE_CHARS)
    return refuse(
      `This share link is too long (${m[1].length.toLocaleString('en-GB')} characters; at most ${MAX_SHARE_CHARS.toLocaleString('en-GB')}). It was not opened.`,
    );
  const compressed = m[1].startsWith(V2);
  let payload: unknown;
  try {
    const bytes = compressed ? inflateBounded(fromBase64Url(m[1].slice(V2.length))) : fromBase64Url(m[1]);
    payload = JSON.parse(utf8(bytes));
  } catch (e) {
    if (e instanceof TooLarge)
      return refuse(
        `This share link unpacks to more than ${MAX_SHARE_INFLATED.toLocaleString('en-GB')} characters, far more than any comparison needs, so it was not opened.`,
      );
    return refuse('This share link is damaged or was not made by this simulator, so it was not opened.');
  }
  if (
    !payload ||
    typeof payload !== 'object' ||
    (payload as { v?: unknown }).v !== (compressed ? 2 : 1) ||
    !Array.isArray((payload as { scenarios?: unknown }).scenarios)
  )
    return refuse('This share link does not contain scenarios in a format this simulator knows, so it was not opened.');
  const p = payload as {
    runs?: unknown;
    seed?: unknown;
    ranges?: unknown;
    scenarios: unknown[];
    numbers?: unknown;
    view?: unknown;
  };
  if (p.scenarios.length === 0 || p.scenarios.length > MAX_SHARED_SCENARIOS)
    return refuse(
      `A share link holds between 1 and ${MAX_SHARED_SCENARIOS} scenarios; this one has ${p.scenarios.length}. It was not opened.`,
    );
  const drafts: ScenarioDraft[] = [];
  const issues: ScenarioIssue[] = [];
  let settings: ReturnType<typeof settingsOfLoaded> | undefined;
  p.scenarios.forEach((text, i) => {
    if (typeof text !== 'string' || text.length > MAX_FILE_CHARS) {
      issues.push({ file: `shared scenario ${i + 1}`, line: 0, column: 0, path: '', message: 'not a scenario text' });
      return;
    }
    try {
      const loaded = loadScenario(text, `shared scenario ${i + 1}`, lib());
      drafts.push(draftFromLoaded(loaded));
      if (i === 0) settings = settingsOfLoaded(loaded);
    } catch (e) {
      if (e instanceof ScenarioError) issues.push(...e.issues);
      else issues.push({ file: `shared scenario ${i + 1}`, line: 0, column: 0, path: '', message: String(e) });
    }
  });
  if (issues.length || !settings)
    return refuse(
      'This share link contains scenarios that do not pass validation, so nothing was opened or run.',
      issues,
    );
  const runs = typeof p.runs === 'number' && Number.isInteger(p.runs) && p.runs >= 5 && p.runs <= 500 ? p.runs : 30;
  const numbers = sharedNumbers(p.numbers);
  if (numbers === null)
    return refuse('This share link carries council figures that do not pass the checks, so nothing was opened or run.');
  const seed = sharedSeed(p.seed);
  if (seed === null)
    return refuse(
      `This share link carries a seed that is not a word of at most ${MAX_SEED_CHARS} characters, so it was not opened.`,
    );
  if (p.ranges !== undefined && !isRangeKind(p.ranges))
    return refuse('This share link asks for ranges this simulator does not know, so it was not opened.');
  const view = sharedView(p.view, drafts.length);
  return {
    ok: true,
    drafts,
    settings,
    runs,
    ...(seed !== undefined ? { seed } : {}),
    ...(p.ranges !== undefined ? { ranges: p.ranges } : {}),
    ...(numbers ? { numbers } : {}),
    ...(view ? { view } : {}),
  };
}

/** A link's seed: undefined if it has none, null if it is not a short line of text. */
function sharedSeed(raw: unknown): string | undefined | null {
  if (raw === undefined) return undefined;
  // a seed is plain text: no control characters
  const plain = (s: string): boolean => [...s].every((c) => c >= ' ' && c !== '\u007f');
  return typeof raw === 'string' && raw.length <= MAX_SEED_CHARS && plain(raw) ? raw : null;
}

/**
 * A link's council figures, rebuilt from plain numbers only (nothing else of what it carries is kept): undefined if
 * it has none, null if they do not pass the checks the form applies.
 */
function sharedNumbers(raw: unknown): PlaceNumbers | undefined | null {
  if (raw === undefined) return undefined;
  if (!raw || typeof raw !== 'object' || !Array.isArray((raw as { years?: unknown }).years)) return null;
  const years = (raw as { years: unknown[] }).years.slice(0, 4).map((y) => {
    const o = (y ?? {}) as { year?: unknown; values?: unknown };
    const values: Record<string, number> = {};
    if (o.values && typeof o.values === 'object')
      for (const [k, v] of Object.entries(o.values as Record<string, unknown>)) values[k] = v as number;
    return { year: String(o.year), values };
  });
  const numbers = { years } as PlaceNumbers;
  return numbersIssues(numbers, 'shared figures').length ? null : numbers;
}

/**
 * What a link sets besides its scenarios, in one sentence for the notice the user sees ('' for a version 1 link,
 * which carries neither: the recipient's own seed and ranges stay).
 */
export function sharedRunSentence(shared: { seed?: string; ranges?: RangeKind }): string {
  const seed = shared.seed !== undefined ? `the sender’s seed “${shared.seed}” (so it replays the same runs)` : '';
  const ranges =
    shared.ranges === undefined
      ? ''
      : shared.ranges === 'chance'
        ? 'ranges that show chance only (the model’s assumed coefficients held at their defaults)'
        : 'ranges that show chance and what we don’t know about the model’s assumed coefficients';
  if (!seed && !ranges) return '';
  return `This comparison uses ${[seed, ranges].filter(Boolean).join(' and ')}, as set under Run settings.`;
}
