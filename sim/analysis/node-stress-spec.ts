/**
 * Node only: reading a stress-test spec from disk, with the scenario files it names. Scenario references are
 * library ids or paths (relative to the spec, then to the working directory). The command line and the benchmarks
 * reach it through sim/node.ts; the web app builds its spec from the screen instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import type { RunConfig } from '../types.ts';
import { ScenarioError, loadScenario, scenarioFromLibrary, type Library } from '../scenario/index.ts';
import { parseStressSpec, type StressSpec } from './stress-spec.ts';

/** The spec file itself could not be read (missing, unreadable): a usage problem, not a mistake in the spec. */
export class SpecFileError extends Error {}

/** Reads and checks a spec; `years` (if given) replaces every approach's horizon. */
export function readStressSpecFile(file: string, lib: Library, years?: number): StressSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new SpecFileError(`cannot read '${file}': ${why}`, { cause: e });
  }
  const resolver = (ref: string): RunConfig => {
    for (const p of [resolvePath(dirname(file), ref), resolvePath(ref)]) {
      if (/\.ya?ml$/i.test(ref) && existsSync(p)) {
        try {
          return loadScenario(readFileSync(p, 'utf8'), ref, lib).config;
        } catch (e) {
          const message =
            e instanceof ScenarioError
              ? `scenario '${ref}' is invalid:\n${e.message.split('\n').slice(1).join('\n')}`
              : (e as Error).message;
          throw new Error(message, { cause: e });
        }
      }
    }
    if (lib.scenarios.has(ref)) return scenarioFromLibrary(ref, lib).config;
    const ids = [...lib.scenarios.keys()].sort().join(', ');
    throw new Error(`'${ref}' is neither a scenario file nor a library scenario id (library scenarios: ${ids})`);
  };
  const spec = parseStressSpec(text, file, resolver);
  if (years !== undefined) {
    const weeks = Math.max(1, Math.round(years * 52));
    for (const a of spec.approaches) a.config = { ...a.config, weeks };
  }
  return spec;
}
