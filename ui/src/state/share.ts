/**
 * Share links: the scenarios of a comparison as YAML, in the URL hash. On load the text is only parsed and
 * validated by the scenario loader (which evaluates no code: expressions are a small arithmetic language);
 * anything too large, malformed or invalid is refused with a message and nothing runs.
 */
import {
  loadScenario,
  numbersIssues,
  ScenarioError,
  MAX_FILE_CHARS,
  type PlaceNumbers,
  type ScenarioIssue,
} from '../../../sim/index.ts';
import { lib } from './library.ts';
import {
  draftFromLoaded,
  draftToYaml,
  MAX_SCENARIOS,
  settingsOfLoaded,
  type ScenarioDraft,
  type Workspace,
} from './workspace.ts';

export const MAX_SHARE_CHARS = 60_000;
/** A link holds as many scenarios as a comparison does, so every one it carries is kept. */
export const MAX_SHARED_SCENARIOS = MAX_SCENARIOS;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('the link contains characters a share link never has');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The hash of a share link to this workspace (without the '#'): the scenarios as YAML, base64url-encoded. */
export function shareHash(ws: Workspace): string {
  const payload = JSON.stringify({
    v: 1,
    runs: ws.runs,
    scenarios: ws.scenarios.map((d) => draftToYaml(ws, d)),
    // the council's own figures (Your numbers) travel with the link: plain numbers, checked again when read
    ...(ws.numbers ? { numbers: ws.numbers } : {}),
  });
  return `share=${toBase64Url(payload)}`;
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
      /** the council's figures the link carried, if any passed the same checks as the form's */
      numbers?: PlaceNumbers;
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
  let payload: unknown;
  try {
    payload = JSON.parse(fromBase64Url(m[1]));
  } catch {
    return refuse('This share link is damaged or was not made by this simulator, so it was not opened.');
  }
  if (
    !payload ||
    typeof payload !== 'object' ||
    (payload as { v?: unknown }).v !== 1 ||
    !Array.isArray((payload as { scenarios?: unknown }).scenarios)
  )
    return refuse('This share link does not contain scenarios in a format this simulator knows, so it was not opened.');
  const p = payload as { runs?: unknown; scenarios: unknown[]; numbers?: unknown };
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
  return { ok: true, drafts, settings, runs, ...(numbers ? { numbers } : {}) };
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
