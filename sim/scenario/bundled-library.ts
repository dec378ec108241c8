/**
 * The scenario library bundled by Vite (browser app, workers, vitest): every YAML file under scenarios/ imported
 * as raw text at build time. Vite-only (uses `import.meta.glob`); Node code uses node-library.ts instead.
 */
import { buildLibrary, type Library } from './library.ts';

const RAW = import.meta.glob('../../scenarios/**/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The YAML files as {path relative to scenarios/, text}, sorted by path. */
export function bundledScenarioFiles(): { path: string; text: string }[] {
  return Object.entries(RAW)
    .map(([key, text]) => ({ path: key.replace(/^.*?\/scenarios\//, ''), text }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

let cached: Library | undefined;

/** The library built from the bundled files (built once, then cached). Throws ScenarioError if a file is broken. */
export function loadBundledLibrary(): Library {
  cached ??= buildLibrary(bundledScenarioFiles());
  return cached;
}
