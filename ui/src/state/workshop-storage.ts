/**
 * What a workshop keeps in the browser between reloads: the facilitator's secret (in the tab's own storage, so a
 * reload keeps control and another tab does not get it) and each player's seat and rejoin token (kept in the
 * browser's storage, so a player whose phone drops or who closes the page gets their seat back by opening the
 * join address again). Nothing here is shown as HTML; a value that does not parse is ignored.
 */

export interface FacilitatorKey {
  /** the session's join code */
  code: string;
  /** the secret the host gave the facilitator when the session was made */
  secret: string;
}

export interface SeatKey {
  code: string;
  /** the seat the host gave this player */
  seat: string;
  /** the token that lets this player take the seat again */
  token: string;
  /** the name the player gave */
  name: string;
}

const FACILITATOR = 'commsim.workshop.facilitator';
const SEAT = 'commsim.workshop.seat.';

function read<T>(store: Storage | undefined, key: string, check: (v: unknown) => v is T): T | undefined {
  try {
    const raw = store?.getItem(key);
    if (!raw) return undefined;
    const v: unknown = JSON.parse(raw);
    return check(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function write(store: Storage | undefined, key: string, value: unknown): void {
  try {
    if (value === undefined) store?.removeItem(key);
    else store?.setItem(key, JSON.stringify(value));
  } catch {
    /* storage full or blocked: the session still works, a reload just loses it */
  }
}

const isStrings =
  <K extends string>(...keys: K[]) =>
  (v: unknown): v is Record<K, string> =>
    typeof v === 'object' && v !== null && keys.every((k) => typeof (v as Record<string, unknown>)[k] === 'string');

const tab = (): Storage | undefined => (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);
const browser = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

export function loadFacilitator(): FacilitatorKey | undefined {
  return read(tab(), FACILITATOR, isStrings('code', 'secret'));
}

export function saveFacilitator(key: FacilitatorKey | undefined): void {
  write(tab(), FACILITATOR, key);
}

/** Session codes are short, upper-case letters and digits; anything else is not a code. */
export function normaliseCode(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function loadSeat(code: string): SeatKey | undefined {
  return read(browser(), SEAT + normaliseCode(code), isStrings('code', 'seat', 'token', 'name'));
}

export function saveSeat(key: SeatKey): void {
  write(browser(), SEAT + normaliseCode(key.code), key);
}

export function forgetSeat(code: string): void {
  write(browser(), SEAT + normaliseCode(code), undefined);
}

/** The address a player opens to join: this page, with the code in the query, on the Workshop screen. */
export function joinAddress(origin: string, path: string, code: string): string {
  return `${origin}${path}?join=${encodeURIComponent(normaliseCode(code))}#workshop`;
}

/** The code in this page's address, if it was opened from a join address. */
export function codeFromAddress(search: string): string | undefined {
  const c = new URLSearchParams(search).get('join');
  const n = c ? normaliseCode(c) : '';
  return n ? n : undefined;
}
