/** The plain-language log of what happened in a run ("week 63: a provider handed back 40 packages ..."). */
import type { State } from './state.ts';

const MAX_ENTRIES = 2000;

export function logEvent(s: State, text: string): void {
  if (!s.logEnabled || s.log.length >= MAX_ENTRIES) return;
  s.log.push({ week: s.week, text });
}
