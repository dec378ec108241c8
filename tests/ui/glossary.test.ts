/**
 * The glossary (ui/src/state/glossary.ts) and the "?" links to it (<Term id="…" />): every entry explains itself in
 * plain words, every link names an entry, and a research word shown on a screen has its "?" on that screen (issue 15:
 * "research terms replaced or explained in a glossary reachable from each use").
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, GLOSSARY_BY_ID } from '../../ui/src/state/glossary.ts';

const UI = fileURLToPath(new URL('../../ui/src/', import.meta.url));

/** every .tsx file under a folder of ui/src */
function tsx(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsx(p) : p.endsWith('.tsx') ? [p] : [];
  });
}

/**
 * What of a file can reach the screen as words: its JSX text and its string literals with a space in them (phrases,
 * not identifiers such as 'reinforcing' in a type), comments and what templates put in left out.
 */
function shown(path: string): string {
  const code = readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const jsxText = [...code.matchAll(/>([^<>{}]+)</g)].map((m) => m[1]);
  const phrases = [...code.matchAll(/'[^'\n]* [^'\n]*'|`[^`]* [^`]*`|"[^"\n]* [^"\n]*"/g)].map((m) =>
    // what a template puts in is code, not words
    m[0].replace(/\$\{[^}]*\}/g, ' '),
  );
  return [...jsxText, ...phrases].join('\n');
}

const FILES = tsx(UI);
/**
 * The screens a commissioner reads: ui/src/screens and the common parts, but not the workshop's views (their own
 * pack and words) nor chart files (a chart's title and label cannot hold a link: the panel around it links the word).
 */
const SCREENS = FILES.filter((f) => {
  const r = relative(UI, f);
  return (
    (r.startsWith('screens/') || r.startsWith('common/')) &&
    !r.startsWith('screens/workshop/') &&
    !/Chart\.tsx$/.test(r)
  );
});

/**
 * Research words as they appear on screens, and the entry that explains each. A screen file that shows one must
 * link its entry with a "?".
 */
const RESEARCH_WORDS: readonly { id: string; words: RegExp }[] = [
  { id: 'causal-map', words: /causal map/i },
  { id: 'loop', words: /\b(reinforcing|balancing)\b/i },
  { id: 'dominant-loop', words: /carried most change|moved together|loop that dominated/i },
  { id: 'switched-off', words: /switched off|switching them off/i },
  { id: 'paired', words: /same random numbers|common random numbers/i },
  { id: 'median', words: /\bmedians?\b/i },
  { id: 'interval', words: /90% interval/i },
  { id: 'regret', words: /\bregret\b/i },
  { id: 'typical-effect', words: /Morris|μ\*/ },
  { id: 'density', words: /\bdensity\b/i },
  { id: 'coverage', words: /\bcoverage\b/i },
];

describe('the glossary', () => {
  it('explains every entry in plain words, once', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(38);
    expect(GLOSSARY_BY_ID.size).toBe(GLOSSARY.length);
    for (const g of GLOSSARY) {
      expect(g.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(g.term.trim().length).toBeGreaterThan(2);
      // a definition of a sentence or more, ending as a sentence ends
      expect(g.plain.length, g.id).toBeGreaterThanOrEqual(60);
      expect(g.plain, g.id).toMatch(/[.)]$/);
      // it does not define a word by itself
      expect(g.plain.toLowerCase().startsWith(g.term.toLowerCase()), g.id).toBe(false);
    }
  });

  it('has an entry for every "?" link in the app', () => {
    const used = new Map<string, string[]>();
    for (const f of FILES)
      for (const m of readFileSync(f, 'utf8').matchAll(/<Term\s+id=["']([^"']+)["']/g))
        used.set(m[1], [...(used.get(m[1]) ?? []), relative(UI, f)]);
    expect(used.size).toBeGreaterThanOrEqual(15);
    const missing = [...used.keys()].filter((id) => !GLOSSARY_BY_ID.has(id));
    expect(missing).toEqual([]);
  });

  it('links each research word shown on a screen to its entry from that screen', () => {
    const unlinked: string[] = [];
    for (const f of SCREENS) {
      const text = shown(f);
      const code = readFileSync(f, 'utf8');
      for (const { id, words } of RESEARCH_WORDS)
        if (words.test(text) && !new RegExp(`<Term\\s+id=["']${id}["']`).test(code))
          unlinked.push(`${relative(UI, f)}: ${id}`);
    }
    expect(unlinked).toEqual([]);
    for (const { id } of RESEARCH_WORDS) expect(GLOSSARY_BY_ID.has(id), id).toBe(true);
  });
});
