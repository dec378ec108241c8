/**
 * The scenario library (places, approaches, interventions, scenarios) the app works with. main.tsx provides it
 * from the JSON that ui/vite.config.ts builds from scenarios/; tests provide one built from the files. It is
 * parsed on first use, not when provided, so the page's start does not wait for it.
 */
import type { Library } from '../../../sim/index.ts';

let load: (() => Library) | undefined;
let library: Library | undefined;

export function provideLibrary(loader: () => Library): void {
  load = loader;
  library = undefined;
}

export function lib(): Library {
  if (!library) {
    if (!load) throw new Error('no scenario library: call provideLibrary first (main.tsx does)');
    library = load();
  }
  return library;
}
