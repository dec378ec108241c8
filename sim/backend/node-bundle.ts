/**
 * Node only: the pool workers' code (worker-entry.ts and the engine it imports) as one esbuild bundle, so a
 * worker starts in about 0.1 s instead of loading every module through tsx (0.5-1.5 s per worker, paid again
 * whenever a pool starts or restarts workers). The bundle is built in memory once per process from the current
 * sources (about 30 ms; never stale) and written under node_modules/.cache/commsim/ with its content hash in the
 * name, next to node_modules so the packages it leaves external (comlink, seedrandom) resolve as usual. If
 * esbuild or the directory is unavailable, or COMMSIM_WORKER_TSX=1, the pool boots workers through tsx instead
 * (worker-node.mjs); the code run is the same either way. The browser never loads this file.
 */
import type * as Esbuild from 'esbuild';

let bundle: Promise<URL | null> | undefined;

/** file URL of the worker bundle, or null to boot workers through tsx */
export function workerBundle(): Promise<URL | null> {
  if (process.env.COMMSIM_WORKER_TSX === '1') return Promise.resolve(null);
  return (bundle ??= build().catch(() => null));
}

/** bundles not used for this long are removed when a new one is written */
const KEEP_MS = 7 * 24 * 3600 * 1000;

async function build(): Promise<URL | null> {
  const [esbuild, fs, path, url, crypto] = await Promise.all([
    import('esbuild') as Promise<typeof Esbuild>,
    import('node:fs'),
    import('node:path'),
    import('node:url'),
    import('node:crypto'),
  ]);
  const entry = url.fileURLToPath(new URL('./worker-entry.ts', import.meta.url));
  const root = path.resolve(path.dirname(entry), '..', '..');
  const out = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
    absWorkingDir: root,
  });
  const code = out.outputFiles[0].contents;
  const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
  const dir = path.join(root, 'node_modules', '.cache', 'commsim');
  const file = path.join(dir, `worker-${hash}.mjs`);
  if (fs.existsSync(file)) {
    const now = new Date();
    fs.utimesSync(file, now, now); // in use: keep it
  } else {
    fs.mkdirSync(dir, { recursive: true });
    // write then rename, so a process starting workers at the same moment never reads half a file
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, file);
    for (const f of fs.readdirSync(dir)) {
      const p = path.join(dir, f);
      try {
        if (p !== file && /^worker-.*\.mjs$/.test(f) && Date.now() - fs.statSync(p).mtimeMs > KEEP_MS)
          fs.rmSync(p, { force: true });
      } catch {
        // another process removed it first
      }
    }
  }
  return url.pathToFileURL(file);
}
