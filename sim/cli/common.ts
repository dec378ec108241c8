/**
 * What the commsim commands share: reading the files users name, the program's version and date stamp, the
 * scenario library, progress on the terminal, and a backend with Ctrl-C.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RunProgress } from '../node.ts';
import type { Library } from '../node.ts';
import { createBackend, isAbortError, type SimBackend } from '../node.ts';
import { DEFAULT_SCENARIO_DIR, loadNodeLibrary } from '../node.ts';
import { UsageError } from './errors.ts';
import type { Opts } from './options.ts';
import { withInjectedFaults } from './fault-injection.ts';

/** Why a file could not be read, in a few words. */
export function unreadable(e: unknown): string {
  return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
}

/** A file the user named, as text; a usage error (exit 1) if it cannot be read. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read '${path}': ${unreadable(e)}`, 1);
  }
}

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The run's date; SOURCE_DATE_EPOCH (seconds) pins it, as for reproducible builds. */
export function stampDate(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}

let libraryCache: { dir: string; lib: Library } | undefined;

/** The scenario library: --library DIR, else COMMSIM_LIBRARY, else the shipped scenarios/ (loaded once). */
export function library(o: Opts): Library {
  const dir = (o.library as string | undefined) ?? process.env.COMMSIM_LIBRARY ?? DEFAULT_SCENARIO_DIR;
  if (libraryCache?.dir !== dir) {
    if (!existsSync(dir)) throw new UsageError(`scenario library folder '${dir}' does not exist.`, 1);
    libraryCache = { dir, lib: loadNodeLibrary(dir) };
  }
  return libraryCache.lib;
}

/** A progress bar on stderr, only when it is a terminal (COMMSIM_PROGRESS=1 forces it, for tests). */
export function progressBar(): ((p: RunProgress) => void) | undefined {
  if (!process.stderr.isTTY && process.env.COMMSIM_PROGRESS !== '1') return undefined;
  let last = 0;
  const started = Date.now();
  return (p) => {
    const now = Date.now();
    if (now - last < 200 && p.done < p.total) return;
    last = now;
    const width = 30;
    const filled = Math.round((width * p.done) / Math.max(1, p.total));
    const eta = p.done > 0 ? Math.round((((now - started) / p.done) * (p.total - p.done)) / 1000) : 0;
    // our own text only (no titles), with the carriage return that redraws the bar
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total} runs${p.failed ? ` (${p.failed} failed)` : ''}${p.done < p.total ? `, ~${eta}s left ` : '          '}`,
    );
    if (p.done === p.total) process.stderr.write('\n');
  };
}

/**
 * Runs `work` on a backend (`workers`: 0 in-thread, n a pool of n, undefined one per core). Ctrl-C cancels and
 * terminates the workers (exit 130); a second Ctrl-C exits at once.
 */
export async function withBackend<T>(
  workers: number | undefined,
  work: (backend: SimBackend, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = (): void => {
    if (++interrupts > 1) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  // a scheduler's stop (Slurm, Kubernetes) cancels like Ctrl-C: the workers are terminated, not orphaned
  process.on('SIGTERM', onSigint);
  let backend: SimBackend | undefined;
  try {
    backend = withInjectedFaults(await createBackend({ workers }));
    return await work(backend, controller.signal);
  } catch (e) {
    if (isAbortError(e)) throw new UsageError('cancelled.', 130);
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    await backend?.close();
  }
}
