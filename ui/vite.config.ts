import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLibrary, libraryToJson, readScenarioFiles } from '../sim/node.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

/**
 * A fingerprint of the engine and the scenario library: results cached in the browser (IndexedDB) are keyed by
 * it, so a retuned engine never shows stale numbers as if they were fresh.
 */
function engineFingerprint(): string {
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|yaml)$/.test(name)) h.update(name).update(readFileSync(p));
    }
  };
  walk(join(root, 'sim'));
  walk(join(root, 'scenarios'));
  return h.digest('hex').slice(0, 16);
}

/**
 * plotly.js is imported on demand (ui/src/charts/plotly.ts) so its evaluation does not hold up the start; this
 * preloads its chunk from the page's first moment, so it is downloaded and compiled (off the main thread) by the
 * time the app asks for it.
 */
function preloadPlotly(): Plugin {
  return {
    name: 'preload-plotly',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && /plotly/.test(c.fileName));
        return chunk
          ? [
              {
                tag: 'link',
                attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` },
                injectTo: 'head',
              },
            ]
          : [];
      },
    },
  };
}

/**
 * The scenario library, built and checked from scenarios/ when the app is built (or served), and shipped as
 * JSON: the page then parses a string instead of thirty YAML files before it can start the first runs. A broken
 * library file fails the build with the CLI's error message.
 */
function prebuiltLibrary(): Plugin {
  const id = 'virtual:commsim-library';
  return {
    name: 'prebuilt-library',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(loaded) {
      if (loaded !== `\0${id}`) return undefined;
      const dir = join(root, 'scenarios');
      const files = readScenarioFiles(dir);
      for (const f of files) this.addWatchFile(join(dir, f.path));
      return `export default ${JSON.stringify(libraryToJson(buildLibrary(files)))};`;
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), preloadPlotly(), prebuiltLibrary()],
  define: { __ENGINE_ID__: JSON.stringify(engineFingerprint()) },
  server: { fs: { allow: [root] }, host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  worker: { format: 'es' },
  build: { outDir: resolve(here, 'dist'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
  optimizeDeps: { include: ['plotly.js-basic-dist-min', 'react', 'react-dom', 'comlink', 'idb', 'yaml'] },
});
