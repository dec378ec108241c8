/**
 * The walls between the parts of the code hold: every import of every file is allowed by dep-policy.json, no
 * import circle exists (between files or between parts), the web app and the command line reach the simulation
 * only through its doors (sim/index.ts, sim/node.ts), and the simulation knows nothing of the UI.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ARCHITECTURE_ROOTS, findCycles, importGraph, loadPolicy, partOf, violations } from '../tools/import-graph.ts';
import { ARCHITECTURE_DOC, extractGraph, generateGraph } from '../tools/gen-architecture.ts';

const graph = importGraph(ARCHITECTURE_ROOTS);
const policy = loadPolicy();

describe('dependency policy (dep-policy.json)', () => {
  it('finds the files and their imports', () => {
    // a guard against a parser that silently sees nothing
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('sim/model/simulate.ts')?.some((i) => i.target === 'sim/core/random.ts')).toBe(true);
  });

  it('every file belongs to a part named in the policy', () => {
    const orphans = [...graph.keys()].filter((f) => !f.startsWith('tests/') && partOf(f, policy) === undefined);
    expect(orphans, 'files in no part: add their folder to dep-policy.json').toEqual([]);
  });

  it('every import is allowed', () => {
    expect(
      violations(graph, policy).map((v) => `${v.from} imports ${v.to} (${v.fromPart} may not import ${v.toPart})`),
    ).toEqual([]);
  });

  it('no import circle between files', () => {
    expect(findCycles(graph).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('the policy itself has no circle between parts', () => {
    const partGraph = new Map(
      Object.entries(policy.parts).map(([p, allowed]) => [p, allowed.map((target) => ({ target, typeOnly: false }))]),
    );
    expect(findCycles(partGraph).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('docs/architecture.md draws the policy as it is (npm run docs:tables)', () => {
    expect(extractGraph(readFileSync(ARCHITECTURE_DOC, 'utf8'))).toBe(generateGraph(policy).trim());
  });

  it('rejects a deep import from the UI (the check can fail)', () => {
    const fake = new Map(graph);
    fake.set('ui/src/fake.ts', [{ target: 'sim/model/levers.ts', typeOnly: false }]);
    expect(violations(fake, policy).map((v) => v.from)).toContain('ui/src/fake.ts');
    const circle = new Map(graph);
    circle.set('sim/core/random.ts', [{ target: 'sim/model/simulate.ts', typeOnly: false }]);
    expect(findCycles(circle).length).toBeGreaterThan(0);
  });
});

describe('separation', () => {
  const sim = [...graph.keys()].filter((f) => f.startsWith('sim/'));
  it('sim/ does not import the UI, React, plotly or the DOM', () => {
    for (const f of sim) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/from ['"](react|react-dom|plotly\.js[^'"]*)['"]/);
      expect(text, f).not.toMatch(/\b(document|window)\./);
    }
  });
  it('sim/ never uses Math.random', () => {
    for (const f of sim) expect(readFileSync(f, 'utf8'), f).not.toMatch(/Math\.random\(/);
  });
  it("only Node-only files import Node's built-in modules", () => {
    const nodeOnly = policy.nodeOnly.files;
    const offenders = [...graph.keys()].filter(
      (f) =>
        !f.startsWith('tests/') &&
        !nodeOnly.some((n) => f === n || f.startsWith(`${n}/`)) &&
        /^\s*import\s[^;]*?from\s+['"]node:/m.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
