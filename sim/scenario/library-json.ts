/**
 * The scenario library as JSON, so the web app can ship it built and checked at build time instead of parsing
 * and checking its YAML on the page at every start (about 110 ms of main thread before the first runs).
 * Runtime-neutral. Maps are written as lists of entries; a number that JSON cannot hold exactly (NaN, ±Infinity)
 * stops the build rather than turning into null.
 */
import type { Library } from './library.ts';

const MAP = '__map__';

export function libraryToJson(lib: Library): string {
  return JSON.stringify(lib, (key, value: unknown) => {
    if (value instanceof Map) return { [MAP]: [...value.entries()] };
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new Error(`library field '${key}' is ${value}, which JSON cannot hold`);
    return value;
  });
}

export function libraryFromJson(text: string): Library {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && MAP in value)
      return new Map((value as Record<string, [unknown, unknown][]>)[MAP]);
    return value;
  }) as Library;
}
