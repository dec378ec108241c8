/**
 * The project's import graph, read from the sources (no compiler needed): which file imports which, whether an
 * import is for types only, which part of the code (dep-policy.json) each file belongs to, the imports the
 * policy forbids, and import circles. Used by tests/architecture.test.ts and by tools/gen-architecture.ts, which
 * draws docs/architecture.md.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..');
export const ARCHITECTURE_ROOTS = ['sim', 'ui', 'bench', 'tools', 'bin', 'tests'];

export interface Import {
  /** repo-relative path of the imported file */
  target: string;
  typeOnly: boolean;
}
export type ImportGraph = Map<string, Import[]>;

export interface Policy {
  parts: Record<string, string[]>;
  nodeOnly: { files: string[] };
}

const CODE = /\.(ts|tsx|mjs)$/;
/** static `import … from '…'`, `export … from '…'`, side-effect `import '…'`, and dynamic `import('…')` with a literal */
const IMPORT =
  /(?:^|[\s;])(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function codeFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    if (f === 'node_modules' || f === 'dist' || f.startsWith('.')) return [];
    const p = join(dir, f);
    return statSync(p).isDirectory() ? codeFiles(p) : CODE.test(f) ? [p] : [];
  });
}

/** Imports of one file's text, resolved to repo-relative paths (relative specifiers to code files only). */
export function importsOf(file: string, text: string): Import[] {
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = (m[3] ?? m[4] ?? '').replace(/[?#].*$/, '');
    if (!spec.startsWith('.')) continue;
    const target = normalize(join(dirname(file), spec))
      .split('\\')
      .join('/');
    if (!CODE.test(target)) continue;
    out.push({ target, typeOnly: m[2] !== undefined });
  }
  return out;
}

export function importGraph(roots: readonly string[], root = REPO_ROOT): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const r of roots) {
    for (const abs of codeFiles(join(root, r))) {
      const file = relative(root, abs).split('\\').join('/');
      graph.set(file, importsOf(file, readFileSync(abs, 'utf8')));
    }
  }
  return graph;
}

export function loadPolicy(root = REPO_ROOT): Policy {
  return JSON.parse(readFileSync(join(root, 'dep-policy.json'), 'utf8')) as Policy;
}

/** The part a file belongs to: the longest part name that is the file or a folder containing it. */
export function partOf(file: string, policy: Policy): string | undefined {
  let best: string | undefined;
  for (const p of Object.keys(policy.parts)) {
    if ((file === p || file.startsWith(`${p}/`)) && (best === undefined || p.length > best.length)) best = p;
  }
  return best;
}

export interface Violation {
  from: string;
  to: string;
  fromPart: string;
  toPart: string;
}

/** Imports the policy does not allow (tests/ may import anything: they test the internals). */
export function violations(graph: ImportGraph, policy: Policy): Violation[] {
  const out: Violation[] = [];
  for (const [from, imports] of graph) {
    if (from.startsWith('tests/')) continue;
    const fromPart = partOf(from, policy) ?? '(none)';
    for (const { target } of imports) {
      const toPart = partOf(target, policy) ?? '(none)';
      if (toPart === fromPart || (policy.parts[fromPart] ?? []).includes(toPart)) continue;
      out.push({ from, to: target, fromPart, toPart });
    }
  }
  return out;
}

/** Strongly connected components with more than one member (or a self-import): each is an import circle. */
export function findCycles(graph: ReadonlyMap<string, readonly Import[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const { target: w } of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      const selfLoop = (graph.get(v) ?? []).some((i) => i.target === v);
      if (scc.length > 1 || selfLoop) out.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}
