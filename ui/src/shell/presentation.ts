import { useSyncExternalStore } from 'react';

/**
 * Presentation mode, for a projector: large type and the full width of the screen (the page's class `present`),
 * and charts drawn with larger text. Kept in this browser, so a facilitator's laptop stays in it.
 */
const KEY = 'commsim-presentation';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

let on = typeof localStorage === 'undefined' ? false : read();
if (typeof document !== 'undefined') document.documentElement.classList.toggle('present', on);

export function setPresentation(v: boolean): void {
  on = v;
  try {
    localStorage.setItem(KEY, v ? '1' : '0');
  } catch {
    /* a private window: for this visit only */
  }
  document.documentElement.classList.toggle('present', v);
  for (const f of listeners) f();
}

/** Whether presentation mode is on; the component re-renders when it changes. */
export function usePresentation(): boolean {
  return useSyncExternalStore(
    (f) => {
      listeners.add(f);
      return () => listeners.delete(f);
    },
    () => on,
    // the same when a screen is rendered to HTML (tests render screens with charts so)
    () => on,
  );
}

/** The font size of chart text: larger on a projector. */
export function chartFontSize(present: boolean): number {
  return present ? 18 : 12;
}
