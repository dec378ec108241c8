/**
 * Node-only: read the scenario library from disk. Everything else in sim/scenario/ is runtime-neutral.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLibrary } from './build-library.ts';
import type { Library } from './library.ts';

/** <repo>/scenarios, found from this file's location. */
export const DEFAULT_SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');

/** All YAML files under dir, as paths relative to dir with '/' separators, sorted. */
export function readScenarioFiles(dir: string = DEFAULT_SCENARIO_DIR): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (d: string, depth: number): void => {
    if (depth > 4) return;
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full, depth + 1);
      else if (/\.ya?ml$/i.test(name))
        out.push({ path: relative(dir, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(dir, 0);
  return out;
}

/** Build the library from the YAML files under dir (default: the repository's scenarios/). */
export function loadNodeLibrary(dir: string = DEFAULT_SCENARIO_DIR): Library {
  return buildLibrary(readScenarioFiles(dir));
}
