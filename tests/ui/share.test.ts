/**
 * Share links (ui/src/state/share.ts): a workspace travels in the link's hash, compressed, and comes back with the
 * same scenarios, seed and ranges; old uncompressed links still open; anything too long, damaged, of another format,
 * failing validation or inflating beyond the limit is refused with a message, and nothing from it is returned.
 */
import { deflateSync, inflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_SHARE_CHARS,
  MAX_SHARE_INFLATED,
  MAX_SHARED_SCENARIOS,
  inflateBounded,
  readShareHash,
  shareHash,
  shareHashV1,
  shareLink,
  sharedRunSentence,
} from '../../ui/src/state/share.ts';
import { openShared, openedText } from '../../ui/src/state/use-workspace.ts';
import { MAX_SCENARIOS } from '../../ui/src/state/workspace.ts';
import { defaultWorkspace, resolveDraft, type ScenarioDraft, type Workspace } from '../../ui/src/state/workspace.ts';
import { provideTestLibrary } from './ui-test-setup.ts';

beforeAll(provideTestLibrary);

/** A version 1 (uncompressed) link's hash. */
const encode = (payload: unknown): string => `#share=${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
/** A version 2 (compressed) link's hash of any bytes. */
const encode2 = (bytes: Uint8Array): string => `#share=2.${Buffer.from(deflateSync(bytes)).toString('base64url')}`;
/** The JSON a version 2 link's hash carries. */
const decode2 = (hash: string): Record<string, unknown> =>
  JSON.parse(
    Buffer.from(inflateSync(Buffer.from(hash.replace(/^#?share=2\./, ''), 'base64url'))).toString('utf8'),
  ) as Record<string, unknown>;

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
    // base64url after the version mark: nothing that needs escaping in a URL
    expect(shareHash(ws)).toMatch(/^share=2\.[A-Za-z0-9_-]+$/);
  });

  it('carries text beyond ASCII intact', () => {
    const ws = defaultWorkspace();
    ws.scenarios[0] = { ...ws.scenarios[0], title: 'Café “alliance” — £ & ü' };
    const out = readShareHash(shareHash(ws));
    expect(out?.ok && out.drafts[0].title).toBe('Café “alliance” — £ & ü');
  });
});

describe('a compressed share link', () => {
  it('is at most half as long as an uncompressed one for the Midshire comparison of four scenarios', () => {
    const ws = defaultWorkspace();
    expect(ws.scenarios).toHaveLength(4);
    const v1 = shareHashV1(ws).length;
    const v2 = shareHash(ws).length;
    // measured when made: 3,569 characters uncompressed, 959 compressed (with the seed and ranges added)
    expect(v2).toBeLessThanOrEqual(v1 / 2);
  });

  it.each([
    ['a seed and ranges of chance only', 'my seed – £ ü', 'chance'],
    ['the default seed and ranges', 'commsim', 'chance+parameters'],
    ['an empty seed', '', 'chance+parameters'],
  ] as const)('carries %s, and opening it applies them and says so', (_what, seed, ranges) => {
    const sender: Workspace = { ...defaultWorkspace(), seed, ranges };
    const out = readShareHash(`#${shareHash(sender)}`);
    expect(out?.ok).toBe(true);
    if (!out?.ok) return;
    expect([out.seed, out.ranges]).toEqual([seed, ranges]);
    // the recipient has work of their own, with another seed and the other kind of range: the link adds beside it
    const mine: Workspace = {
      ...defaultWorkspace(),
      seed: 'mine',
      ranges: ranges === 'chance' ? 'chance+parameters' : 'chance',
      scenarios: defaultWorkspace().scenarios.slice(0, 2),
    };
    const opened = openShared(mine, out, false);
    const own = new Set(mine.scenarios.map((d) => d.title));
    expect(opened.scenarios.map((d) => d.title)).toEqual([
      ...mine.scenarios.map((d) => d.title),
      ...sender.scenarios.map((d) => (own.has(d.title) ? `${d.title} (from the link)` : d.title)),
    ]);
    expect([opened.seed, opened.ranges]).toEqual([seed, ranges]);
    const text = openedText(out, false);
    expect(text).toContain(`This comparison uses the sender’s seed “${seed}”`);
    expect(text).toContain(
      ranges === 'chance' ? 'ranges that show chance only' : 'ranges that show chance and what we don’t know',
    );
  });

  it('adds beside a full comparison without dropping the user’s own (their baseline stays first), and says what did not fit', () => {
    const sender = defaultWorkspace();
    const out = readShareHash(`#${shareHash(sender)}`);
    if (!out?.ok) throw new Error('the link did not open');
    const base = defaultWorkspace();
    const six: Workspace = { ...base, scenarios: [...base.scenarios, ...base.scenarios.slice(0, 2)] };
    const opened = openShared(six, out, false);
    expect(opened.scenarios).toHaveLength(MAX_SCENARIOS);
    // before, the oldest were dropped to make room: the user's baseline went first
    expect(opened.scenarios.slice(0, 6).map((d) => d.key)).toEqual(six.scenarios.map((d) => d.key));
    expect(opened.scenarios.slice(6).map((d) => d.title)).toEqual(
      sender.scenarios.slice(0, 2).map((d) => `${d.title} (from the link)`),
    );
    expect(openedText(out, false, six.scenarios.length)).toMatch(
      /^Opened 2 scenarios from the link.* 2 scenarios did not fit/,
    );
  });

  it('still opens an old uncompressed link, keeping the recipient’s own seed and ranges', () => {
    const sender: Workspace = { ...defaultWorkspace(), seed: 'theirs', ranges: 'chance' };
    const out = readShareHash(`#${shareHashV1(sender)}`);
    expect(out?.ok).toBe(true);
    if (!out?.ok) return;
    expect(out.drafts.map((d) => d.title)).toEqual(sender.scenarios.map((d) => d.title));
    expect('seed' in out || 'ranges' in out).toBe(false);
    const mine: Workspace = { ...defaultWorkspace(), seed: 'mine', ranges: 'chance+parameters' };
    const opened = openShared(mine, out, false);
    expect([opened.seed, opened.ranges]).toEqual(['mine', 'chance+parameters']);
    expect(sharedRunSentence(out)).toBe('');
    expect(openedText(out, false)).not.toMatch(/sender’s seed/);
  });

  it('refuses a link that would unpack to more than the limit (a zip bomb), without unpacking it all', () => {
    // 40 MB of one byte compresses to about 39 kB of DEFLATE (52,000 characters), under the length limit of a link
    const bomb = encode2(new Uint8Array(40_000_000).fill(0x20));
    expect(bomb.length).toBeLessThan(MAX_SHARE_CHARS);
    const out = readShareHash(bomb);
    expect(out?.ok).toBe(false);
    if (out && !out.ok) expect(out.message).toMatch(/unpacks to more than 500,000 characters.*not opened/);
    // the guard stops once past the limit: it never holds the whole
    expect(() => inflateBounded(deflateSync(new Uint8Array(MAX_SHARE_INFLATED + 1)))).toThrow();
    expect(inflateBounded(deflateSync(new Uint8Array(MAX_SHARE_INFLATED))).length).toBe(MAX_SHARE_INFLATED);
  });

  it('refuses a compressed link that is damaged, of version 1 inside, or with a hostile seed or ranges', () => {
    const ws = defaultWorkspace();
    const payload = decode2(shareHash(ws));
    const enc2 = (p: unknown) => encode2(new TextEncoder().encode(JSON.stringify(p)));
    const message = (hash: string) => {
      const out = readShareHash(hash);
      return out && !out.ok ? out.message : 'opened';
    };
    expect(message('#share=2.eNo')).toMatch(/damaged/);
    expect(message(`#share=2.${Buffer.from('not deflate at all').toString('base64url')}`)).toMatch(/damaged/);
    expect(message(enc2({ ...payload, v: 1 }))).toMatch(/format this simulator knows/);
    expect(message(enc2({ ...payload, seed: 'x'.repeat(41) }))).toMatch(/seed/);
    expect(message(enc2({ ...payload, seed: 42 }))).toMatch(/seed/);
    expect(message(enc2({ ...payload, seed: 'a\u0000b' }))).toMatch(/seed/);
    expect(message(enc2({ ...payload, ranges: 'everything' }))).toMatch(/ranges/);
    expect(message(enc2(payload))).toBe('opened');
  });
});

describe('the chart view in a share link', () => {
  const viewed = (): Workspace => {
    const ws = defaultWorkspace();
    return {
      ...ws,
      compareView: { metrics: ['wellbeing_mean', 'spend_per_week'], time: 'weekly', focus: ws.scenarios[2].key },
    };
  };

  it('shows the sender’s outcomes, time view and focus when their scenarios replace the user’s', () => {
    const sender = viewed();
    const out = readShareHash(`#${shareHash(sender)}`);
    if (!out?.ok) throw new Error('the link did not open');
    // the focus travels as the scenario's place in the link: its key belongs to the sender's browser
    expect(out.view).toEqual({ metrics: ['wellbeing_mean', 'spend_per_week'], time: 'weekly', focus: 2 });
    const opened = openShared(defaultWorkspace(), out, true);
    expect(opened.compareView?.metrics).toEqual(['wellbeing_mean', 'spend_per_week']);
    expect(opened.compareView?.time).toBe('weekly');
    const focused = opened.scenarios.find((d) => d.key === opened.compareView?.focus);
    expect(focused?.title).toBe(sender.scenarios[2].title);
    expect(openedText(out, true)).toMatch(/charts are shown as the sender had them/);
  });

  it('leaves the user’s own view alone when the scenarios are added beside theirs', () => {
    const out = readShareHash(`#${shareHash(viewed())}`);
    if (!out?.ok) throw new Error('the link did not open');
    const mine: Workspace = { ...defaultWorkspace(), compareView: { time: 'quarterly', metrics: ['turnover_rate'] } };
    expect(openShared(mine, out, false).compareView).toEqual(mine.compareView);
    expect(openedText(out, false)).not.toMatch(/as the sender had them/);
  });

  it('drops what it does not know from a view (an unknown outcome, time view or focus) and still opens the link', () => {
    const payload = decode2(shareHash(viewed()));
    const enc2 = (p: unknown) => encode2(new TextEncoder().encode(JSON.stringify(p)));
    const out = readShareHash(
      enc2({ ...payload, view: { metrics: ['wellbeing_mean', 'not_a_metric', 3], time: 'hourly', focus: 99 } }),
    );
    expect(out?.ok).toBe(true);
    if (out?.ok) expect(out.view).toEqual({ metrics: ['wellbeing_mean'] });
    const none = readShareHash(enc2({ ...payload, view: 'charts' }));
    expect(none?.ok && none.view).toBe(undefined);
    // a link made without a view carries none
    expect('view' in decode2(shareHash(defaultWorkspace()))).toBe(false);
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
    const payload = JSON.parse(Buffer.from(shareHashV1(ws).slice('share='.length), 'base64url').toString('utf8')) as {
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
