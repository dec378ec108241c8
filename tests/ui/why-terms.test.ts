/**
 * The Why? screen's words (ui/src/screens/why): each research term is explained once where it is first used on a
 * part of the screen, not twice in two sentences a few lines apart (the causal map was linked from the screen's
 * own sentence and again from the map's).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainInputs } from '../../ui/src/screens/why/explain-inputs.ts';
import { WhyScreen } from '../../ui/src/screens/why/WhyScreen.tsx';
import { defaultWorkspace } from '../../ui/src/state/workspace.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

const links = (html: string, term: string): number => html.split(`aria-label="What “${term}” means"`).length - 1;

describe('the Why? screen’s map part', () => {
  it('links “causal map” to the glossary once, and each term beside it once', () => {
    const ws = defaultWorkspace();
    // the map alone (no scenario resolves, so nothing runs): the sentence under the map's settings shows
    const explain = explainInputs(ws, []);
    const html = renderToStaticMarkup(createElement(WhyScreen, { explain, open: 'map' }));
    expect(html).toContain('Each box is part of the system the model simulates');
    expect(links(html, 'Causal map')).toBe(1);
    expect(links(html, 'Mechanism')).toBe(1);
  });
});
