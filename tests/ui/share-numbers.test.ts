/**
 * Your numbers in a share link (ui/src/state/share.ts): the council's figures travel with the scenarios and come
 * back the same; figures that would not pass the form's checks (a fee of £500, a script where a number belongs, an
 * unknown figure) make the link refused, so nothing from it is opened or run.
 */
import { deflateSync, inflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readShareHash, shareHash } from '../../ui/src/state/share.ts';
import { withFigure, withLatestYear } from '../../ui/src/state/place-numbers.ts';
import { defaultWorkspace, type Workspace } from '../../ui/src/state/workspace.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

function withNumbers(): Workspace {
  let n = withLatestYear(undefined, '2025/26');
  n = withFigure(n, 0, 'people_supported', 1450);
  n = withFigure(n, 0, 'care_workers', 1250);
  n = withFigure(n, 0, 'providers', 38);
  n = withFigure(n, 0, 'fee_per_hour', 23.1);
  n = withFigure(n, 1, 'fee_per_hour', 22.2);
  return { ...defaultWorkspace(), numbers: n };
}

/** The link's payload with its figures changed. */
function tampered(
  ws: Workspace,
  f: (numbers: { years: { year: unknown; values: Record<string, unknown> }[] }) => void,
) {
  const packed = Buffer.from(shareHash(ws).slice('share=2.'.length), 'base64url');
  const payload = JSON.parse(Buffer.from(inflateSync(packed)).toString('utf8'));
  f(payload.numbers);
  return `#share=2.${Buffer.from(deflateSync(Buffer.from(JSON.stringify(payload)))).toString('base64url')}`;
}

describe('your numbers in a share link', () => {
  it('come back the same', () => {
    const ws = withNumbers();
    const out = readShareHash(`#${shareHash(ws)}`);
    expect(out?.ok).toBe(true);
    if (out?.ok) expect(out.numbers).toEqual({ years: ws.numbers!.years });
  });

  it('are absent when the workspace has none', () => {
    const out = readShareHash(`#${shareHash(defaultWorkspace())}`);
    expect(out?.ok && out.numbers).toBeFalsy();
  });

  it.each([
    [
      'a fee out of range',
      (n: { years: { values: Record<string, unknown> }[] }) => (n.years[0].values.fee_per_hour = 500),
    ],
    [
      'markup where a number belongs',
      (n: { years: { values: Record<string, unknown> }[] }) =>
        (n.years[0].values.providers = '<img src=x onerror=alert(1)>'),
    ],
    ['an unknown figure', (n: { years: { values: Record<string, unknown> }[] }) => (n.years[0].values.secret = 1)],
    ['a year that is not one', (n: { years: { year: unknown }[] }) => (n.years[0].year = 'next year')],
  ])('refuse the whole link with %s', (_what, f) => {
    const out = readShareHash(tampered(withNumbers(), f as never));
    expect(out?.ok).toBe(false);
    if (out && !out.ok) expect(out.message).toMatch(/council figures/);
  });
});
