/** The engine knows nothing of the UI: sim/ never imports React, plotly, ui/ or the DOM, and never uses Math.random. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|mjs)$/.test(f) ? [p] : [];
  });
}

describe('separation', () => {
  const sim = files(new URL('../sim', import.meta.url).pathname);
  it('sim/ does not import the UI, React, plotly or the DOM', () => {
    for (const f of sim) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/from ['"](react|react-dom|plotly\.js[^'"]*)['"]/);
      expect(text, f).not.toMatch(/from ['"](\.\.\/)+ui\//);
      expect(text, f).not.toMatch(/\b(document|window)\./);
    }
  });
  it('sim/ never uses Math.random', () => {
    for (const f of sim) expect(readFileSync(f, 'utf8'), f).not.toMatch(/Math\.random\(/);
  });
});
