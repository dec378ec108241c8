/**
 * What the UI's unit tests need instead of the browser build: the scenario library read from scenarios/ (the app
 * gets it as JSON from ui/vite.config.ts), and the engine fingerprint that Vite defines as __ENGINE_ID__.
 */
import { loadNodeLibrary } from '../../sim/node.ts';
import { provideLibrary } from '../../ui/src/state/library.ts';

let library: ReturnType<typeof loadNodeLibrary> | undefined;

export function provideTestLibrary(): void {
  library ??= loadNodeLibrary();
  const l = library;
  provideLibrary(() => l);
  (globalThis as { __ENGINE_ID__?: string }).__ENGINE_ID__ = 'unit-test-engine';
}
