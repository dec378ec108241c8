/**
 * The hostile-input suite the project keeps (issue 19): scenario files, share links, sweep paths and values, shard
 * files and histograms, CSV fields and terminal text, each tried as an attacker or a careless user would write
 * them. Every case must be handled cleanly: accepted, or refused with a message in words (never a foreign
 * exception such as a TypeError, never a hang). The count of cases tried and handled is printed at the end.
 * (Browser faults — closes, two tabs, full storage — are in tests/e2e/work-kept.test.ts; process faults — kills
 * during writes, failed runs — in tests/cli/faults.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, resolvePath, validateScenario, configRangeIssues, applyPath } from '../sim/index.ts';
import { loadNodeLibrary, scenarioFromLibrary } from '../sim/node.ts';
import { terminalText } from '../sim/cli/terminal.ts';
import { EXPERIMENT_SHARD_KINDS, ENSEMBLE_SHARDS } from '../sim/experiment/merge.ts';
import { makeShardFile, parseShardFile } from '../sim/experiment/shard.ts';
import { LogHistogram } from '../sim/experiment/stats.ts';
import { readShareHash } from '../ui/src/state/share.ts';
import { plotText } from '../ui/src/charts/plot-text.ts';
import { provideTestLibrary } from './ui/ui-test-setup.ts';

const lib = loadNodeLibrary();
const config = scenarioFromLibrary('midshire-status-quo', lib).config;
const tally = { tried: 0, handled: 0 };
const failures: string[] = [];

/** a foreign exception is one a user could not act on: a bug, not a refusal */
const foreign = (e: unknown): boolean =>
  e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError || !(e instanceof Error);

function tryCase(name: string, run: () => void, budgetMs = 5000): void {
  tally.tried++;
  const t = performance.now();
  try {
    run();
  } catch (e) {
    if (foreign(e)) {
      failures.push(`${name}: ${String(e)}`);
      return;
    }
    if (!(e as Error).message || (e as Error).message.length < 10) {
      failures.push(`${name}: a refusal without words`);
      return;
    }
  }
  if (performance.now() - t > budgetMs) {
    failures.push(`${name}: took ${Math.round(performance.now() - t)} ms`);
    return;
  }
  tally.handled++;
}

const base = 'id: h\nstrategy: {approach: alliance}\n';
const HOSTILE_FILES: [string, string][] = [
  ['empty', ''],
  ['a list', '- 1\n- 2\n'],
  ['a number', '42\n'],
  ['alias bomb', 'a: &a [1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b]\n'],
  ['deep flow nesting', '['.repeat(5000) + ']'.repeat(5000)],
  ['deep block nesting', Array.from({ length: 300 }, (_, i) => ' '.repeat(i) + 'a:').join('\n')],
  ['two documents', `${base}---\n${base}`],
  ['__proto__ key', `${base}__proto__: {polluted: 1}\n`],
  ['constructor key', `${base}constructor: 1\n`],
  ['event type toString', `${base}events: [{year: 1, type: toString}]\n`],
  ['event type __proto__', `${base}events: [{year: 1, type: __proto__}]\n`],
  ['event as a number', `${base}events: [1]\n`],
  ['place toString', `${base}place: toString\n`],
  [
    'inline place of nonsense',
    `${base}place: {name: X, people: -1, workers: 1e300, providers: .nan, community_orgs: .inf, need_groups: {}}\n`,
  ],
  ['years 1e308', `${base}years: 1e308\n`],
  ['years as an expression with code', `${base}years: "constructor.constructor('return 1')()"\n`],
  ['expression with import', `${base}inputs: {a: "import('fs')"}\nyears: a\n`],
  ['expression 10k long', `${base}years: "${'1+'.repeat(5000)}1"\n`],
  ['lever 1e308', `id: h\nstrategy: {approach: alliance, levers: {fee_level: 1e308}}\n`],
  ['unknown lever toString', `id: h\nstrategy: {approach: alliance, levers: {toString: 1}}\n`],
  ['binary junk', '\u0000\u0001\u0002\uffff\ud800'],
  ['duplicate keys', `${base}title: a\ntitle: b\n`],
  ['tags', `${base}title: !!js/function "function(){}"\n`],
  ['100k unknown keys', base + Array.from({ length: 60_000 }, (_, i) => `k${i}: 1\n`).join('')],
  ['a 2 MB file', `${base}description: "${'x'.repeat(2_000_000)}"\n`],
];

beforeAll(provideTestLibrary);

afterAll(() => {
  console.log(`hostile-input suite: ${tally.handled} of ${tally.tried} cases handled cleanly`);
});

describe('the hostile-input suite', () => {
  it('handles hostile scenario files', () => {
    for (const [name, text] of HOSTILE_FILES) tryCase(`file: ${name}`, () => validateScenario(text, 'h.yaml', lib));
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('handles hostile share links', () => {
    const enc = (v: unknown): string => `#share=${Buffer.from(JSON.stringify(v)).toString('base64url')}`;
    const links: [string, string][] = [
      ['not base64', '#share=%%%'],
      ['not JSON', `#share=${Buffer.from('{').toString('base64url')}`],
      ['null', enc(null)],
      ['wrong version', enc({ v: 2, scenarios: [] })],
      ['scenarios not a list', enc({ v: 1, scenarios: 'x' })],
      ['nine scenarios', enc({ v: 1, scenarios: Array(9).fill(base) })],
      ['a number as a scenario', enc({ v: 1, scenarios: [1] })],
      [
        '__proto__ payload',
        `#share=${Buffer.from('{"v":1,"__proto__":{"x":1},"scenarios":["' + 'id: h\\nstrategy: {approach: alliance}\\n' + '"]}').toString('base64url')}`,
      ],
      ['runs 1e9', enc({ v: 1, runs: 1e9, scenarios: [base] })],
      ['too long', `#share=${'A'.repeat(70_000)}`],
      ...HOSTILE_FILES.slice(0, 20).map(([n, t]): [string, string] => [`file: ${n}`, enc({ v: 1, scenarios: [t] })]),
      ['html title', enc({ v: 1, scenarios: [`${base}title: "<img src=x onerror=alert(1)><span style='x'>"\n`] })],
    ];
    for (const [name, hash] of links)
      tryCase(`link: ${name}`, () => {
        const out = readShareHash(hash);
        if (out && !out.ok && out.message.length < 10) throw new Error('x');
      });
  });

  it('handles hostile sweep paths and values', () => {
    const paths = [
      '__proto__.x',
      'phases.__proto__.length',
      'constructor.prototype',
      'events[99999].share',
      'place.people.x',
      'a'.repeat(10_000),
      '[0]',
      'params.toString',
      'levers.valueOf',
      'weeks[0]',
      '',
    ];
    for (const p of paths) tryCase(`path: ${p.slice(0, 30)}`, () => void resolvePath(config, p));
    for (const [p, v] of [
      ['levers.fee_level', 1e308],
      ['weeks', -1],
      ['place.people', 1e10],
      ['params.quit_base_rate', -5],
      ['weeks', NaN],
    ] as const)
      tryCase(`value: ${p} = ${v}`, () => {
        const issues = configRangeIssues(applyPath(config, p, v));
        if (!issues.length) throw new TypeError(`${p} = ${v} accepted`);
      });
    expect(([] as unknown[]).length).toBe(0);
  });

  it('handles hostile shard files and histograms', () => {
    const good = JSON.stringify(makeShardFile(ENSEMBLE_SHARDS, { index: 1, count: 1 }, { runs: 1 }, { partials: [] }));
    const mutate = (f: (o: Record<string, unknown>) => void): string => {
      const o = JSON.parse(good) as Record<string, unknown>;
      f(o);
      return JSON.stringify(o);
    };
    const shards: [string, string][] = [
      ['not JSON', '{'],
      ['null', 'null'],
      ['empty object', '{}'],
      ['count 1e9', mutate((o) => (o.shard = { index: 1, count: 1e9 }))],
      ['index 0', mutate((o) => (o.shard = { index: 0, count: 1 }))],
      ['shard a string', mutate((o) => (o.shard = 'x'))],
      ['no digest', mutate((o) => delete o.contentDigest)],
      ['metadata changed', mutate((o) => (o.metadata = { runs: 2 }))],
      ['partials a string', mutate((o) => (o.partials = 'x'))],
      ['__proto__ kind', mutate((o) => (o.kind = '__proto__'))],
    ];
    for (const [name, text] of shards)
      tryCase(`shard: ${name}`, () => void parseShardFile(text, 's.json', EXPERIMENT_SHARD_KINDS));
    const hists: number[][] = [
      [0, 0, 1e308, 1, 1, 0, 0],
      [0, 0, 0, 1e9, 1, 0, 0],
      [1e20, 0, 0, 0, 0, 0],
      [-1, 0, 0, 0, 0, 0],
      [0, 0, 0.5, 1, 1, 0, 0],
      [],
      [0, 0, 0, 0, 0, 2 ** 31],
    ];
    for (const h of hists)
      tryCase(`histogram: ${JSON.stringify(h).slice(0, 30)}`, () => void LogHistogram.fromArray(h, 100), 1000);
  });

  it('writes user text safely to CSV, charts and the terminal', () => {
    const texts = ['=1+1', '\r=1+1', '\t@x', ' -1+1', '+cmd', '\u001b[2J', '\u009b31m', '<span style="x">', '&lt;'];
    for (const t of texts) {
      tryCase(`csv: ${JSON.stringify(t)}`, () => {
        const f = csvField(t);
        const inner = f.startsWith('"') ? f.slice(1) : f;
        if (/^[=+\-@\t\r]/.test(inner.trimStart()) && !inner.startsWith("'")) throw new TypeError('formula passed');
      });
      tryCase(`chart: ${JSON.stringify(t)}`, () => {
        if (/[<>]/.test(plotText(t))) throw new TypeError('markup passed');
      });
      tryCase(`terminal: ${JSON.stringify(t)}`, () => {
        // eslint-disable-next-line no-control-regex
        if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(terminalText(t))) throw new TypeError('escape passed');
      });
    }
    expect(failures).toEqual([]);
    expect(tally.handled).toBe(tally.tried);
  });
});
