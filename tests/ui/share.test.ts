/**
 * Share links (ui/src/state/share.ts): a workspace travels in the link's hash and comes back with the same
 * scenarios; anything too long, damaged, of another format or failing validation is refused with a message, and
 * nothing from it is returned.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_SHARE_CHARS,
  MAX_SHARED_SCENARIOS,
  readShareHash,
  shareHash,
  shareLink,
} from '../../ui/src/state/share.ts';
import { defaultWorkspace, resolveDraft, type ScenarioDraft, type Workspace } from '../../ui/src/state/workspace.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

const encode = (payload: unknown): string => `#share=${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;

function configs(ws: Workspace, drafts: ScenarioDraft[]) {
  return drafts.map((d) => {
    const r = resolveDraft(ws, d);
    if (!r.ok) throw new Error(r.issues[0].message);
    return r.config;
  });
}

describe('a share link', () => {
  it('opens the same scenarios, place, years and runs', () => {
    const ws: Workspace = { ...defaultWorkspace(), years: 4, runs: 45 };
    ws.scenarios[1] = {
      ...ws.scenarios[1],
      title: 'Tender at a higher fee',
      phases: ws.scenarios[1].phases.map((p) => ({ ...p, levers: { ...p.levers, fee_level: 1.3 } })),
    };
    const out = readShareHash(`#${shareHash(ws)}`);
    expect(out?.ok).toBe(true);
    if (!out?.ok) return;
    expect(out.drafts.map((d) => d.title)).toEqual(ws.scenarios.map((d) => d.title));
    expect([out.settings.placeId, out.settings.years, out.runs]).toEqual(['midshire', 4, 45]);
    expect(out.settings.context).toEqual(ws.context);
    const opened: Workspace = {
      ...ws,
      placeId: out.settings.placeId ?? ws.placeId,
      context: out.settings.context,
      years: out.settings.years,
      runs: out.runs,
      scenarios: out.drafts,
    };
    expect(configs(opened, opened.scenarios)).toEqual(configs(ws, ws.scenarios));
    expect(configs(opened, opened.scenarios)[1].phases[0].levers.fee_level).toBe(1.3);
  });

  it('is this page with the workspace in its hash, whatever hash the page had', () => {
    const ws = defaultWorkspace();
    const link = shareLink(ws, 'https://example.org/commsim/?lang=en#compare');
    expect(link.startsWith('https://example.org/commsim/?lang=en#share=')).toBe(true);
    expect(new URL(link).hash).toBe(`#${shareHash(ws)}`);
    // base64url: nothing that needs escaping in a URL
    expect(shareHash(ws)).toMatch(/^share=[A-Za-z0-9_-]+$/);
  });

  it('carries text beyond ASCII intact', () => {
    const ws = defaultWorkspace();
    ws.scenarios[0] = { ...ws.scenarios[0], title: 'Café “alliance” — £ & ü' };
    const out = readShareHash(shareHash(ws));
    expect(out?.ok && out.drafts[0].title).toBe('Café “alliance” — £ & ü');
  });
});

describe('refusing a share link', () => {
  it('ignores a hash that is not a share link', () => {
    expect(readShareHash('#compare')).toBeNull();
    expect(readShareHash('')).toBeNull();
  });

  const refused = (hash: string): string => {
    const out = readShareHash(hash);
    expect(out).not.toBeNull();
    expect(out!.ok).toBe(false);
    return out!.ok ? '' : out!.message;
  };

  it('refuses one that is too long before reading it', () => {
    expect(refused(`#share=${'A'.repeat(MAX_SHARE_CHARS + 1)}`)).toMatch(/too long/);
  });

  it('refuses one that is damaged or not base64url JSON', () => {
    expect(refused('#share=%%%not-base64')).toMatch(/damaged/);
    expect(refused(`#share=${Buffer.from('not json').toString('base64url')}`)).toMatch(/damaged/);
    // bytes that are not UTF-8
    expect(refused(`#share=${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}`)).toMatch(/damaged/);
  });

  it('refuses another format or version', () => {
    expect(refused(encode({ v: 2, scenarios: ['id: x'] }))).toMatch(/format this simulator knows/);
    expect(refused(encode({ v: 1, scenarios: 'id: x' }))).toMatch(/format this simulator knows/);
    expect(refused(encode([1, 2, 3]))).toMatch(/format this simulator knows/);
  });

  it(`refuses none or more than ${MAX_SHARED_SCENARIOS} scenarios`, () => {
    expect(refused(encode({ v: 1, scenarios: [] }))).toMatch(/this one has 0/);
    const many = Array.from({ length: MAX_SHARED_SCENARIOS + 1 }, () => 'id: x\nstrategy: { approach: alliance }\n');
    expect(refused(encode({ v: 1, scenarios: many }))).toMatch(new RegExp(`this one has ${MAX_SHARED_SCENARIOS + 1}`));
  });

  it('refuses scenarios that fail validation, listing every problem, and returns no drafts', () => {
    const bad =
      'id: broken\ntitle: Broken\nstrategy: { approach: aliance }\nevents: [{ year: 1, type: "<script>alert(1)</script>" }]\n';
    const good = 'id: fine\ntitle: Fine\nstrategy: { approach: alliance }\n';
    const out = readShareHash(encode({ v: 1, scenarios: [good, bad, 42] }));
    expect(out?.ok).toBe(false);
    if (!out || out.ok) return;
    expect(out.message).toMatch(/do not pass validation/);
    expect('drafts' in out).toBe(false);
    const text = out.issues.map((i) => `${i.file} ${i.path}: ${i.message}`).join('\n');
    expect(text).toMatch(/did you mean `alliance`/);
    expect(text).toMatch(/events/);
    expect(text).toMatch(/shared scenario 3 : not a scenario text/);
  });

  it('falls back to 30 runs when the link asks for a number out of range', () => {
    const ws = defaultWorkspace();
    const payload = JSON.parse(Buffer.from(shareHash(ws).slice('share='.length), 'base64url').toString('utf8')) as {
      runs: number;
    };
    for (const runs of [4, 501, 12.5]) {
      const out = readShareHash(encode({ ...payload, runs }));
      expect(out?.ok && out.runs).toBe(30);
    }
    const ok = readShareHash(encode({ ...payload, runs: 500 }));
    expect(ok?.ok && ok.runs).toBe(500);
  });
});
