import { describe, expect, it } from 'vitest';
import { loadNodeLibrary } from '../../sim/scenario/node-library.ts';
import { loadScenario, validateScenario, ScenarioError, type ScenarioIssue } from '../../sim/scenario/index.ts';

const lib = loadNodeLibrary();
const FILE = 'bad.yaml';

/** Load text expecting a ScenarioError; return its issues. */
function issuesOf(text: string): ScenarioIssue[] {
  let err: unknown;
  try {
    loadScenario(text, FILE, lib);
  } catch (e) {
    err = e;
  }
  expect(err, 'expected a ScenarioError').toBeInstanceOf(ScenarioError);
  return (err as ScenarioError).issues;
}

/** The one issue for `path` (or the first issue), checked to name the file and a line. */
function issueAt(text: string, path: string, line: number): ScenarioIssue {
  const all = issuesOf(text);
  const hit = all.find((i) => i.path === path);
  expect(
    hit,
    `no issue at ${path}; got:\n${all.map((i) => `${i.line} ${i.path}: ${i.message}`).join('\n')}`,
  ).toBeDefined();
  expect(hit!.file).toBe(FILE);
  expect(hit!.line).toBe(line);
  expect(hit!.column).toBeGreaterThan(0);
  return hit!;
}

const OK = `id: fine
strategy:
  approach: time-and-task
`;

describe('scenario validation: good input', () => {
  it('a minimal scenario loads (default place midshire, 5 years)', () => {
    const { config } = loadScenario(OK, 'ok.yaml', lib);
    expect(config.weeks).toBe(260);
    expect(config.place.name).toBe('Midshire');
    expect(validateScenario(OK, 'ok.yaml', lib)).toEqual([]);
  });
});

describe('scenario validation: bad files name file, line and field', () => {
  it('wrong types', () => {
    const i = issueAt(`id: t\nyears: [1, 2]\nstrategy: { approach: framework }\n`, 'years', 2);
    expect(i.message).toMatch(/must be a number between 1 and 20 years .*not a list/);
    const j = issueAt(`id: t\nstrategy: framework\n`, 'strategy', 2);
    expect(j.message).toMatch(/must be a mapping/);
    const k = issueAt(
      `id: t\nstrategy: { approach: framework }\nevents:\n  - { year: 1, type: provider_collapse, largest: "yes" }\n`,
      'events[0].largest',
      4,
    );
    expect(k.message).toMatch(/true or false/);
  });

  it('unknown fields, with a suggestion and the valid fields', () => {
    const i = issueAt(
      `id: t\nstrategy:\n  approach: framework\n  levers:\n    fee_levle: 1.1\n`,
      'strategy.levers.fee_levle',
      5,
    );
    expect(i.message).toMatch(
      /unknown lever `fee_levle`; did you mean `fee_level`\? valid: fee_level, uplift_vs_inflation/,
    );
    const j = issueAt(`id: t\nyeers: 3\nstrategy: { approach: framework }\n`, 'yeers', 2);
    expect(j.message).toMatch(/unknown field `yeers`; did you mean `years`\? valid: id, title/);
    const k = issueAt(
      `id: t\nstrategy: { approach: framework }\ncontext: { relationship: 2 }\n`,
      'context.relationship',
      3,
    );
    expect(k.message).toMatch(/did you mean `relationships`/);
    const l = issueAt(
      `id: t\nstrategy: { approach: framework }\ninitial:\n  fee_per_hr: 20\n`,
      'initial.fee_per_hr',
      4,
    );
    expect(l.message).toMatch(/did you mean `fee_per_hour`/);
  });

  it('unknown approach', () => {
    const i = issueAt(`id: t\nstrategy:\n  approach: aliance\n`, 'strategy.approach', 3);
    expect(i.message).toMatch(/unknown approach `aliance`; did you mean `alliance`\? valid: .*time-and-task/);
    const j = issueAt(
      `id: t\nstrategy:\n  blend: { time-and-task: 0.5, frmework: 0.5 }\n`,
      'strategy.blend.frmework',
      3,
    );
    expect(j.message).toMatch(/did you mean `framework`/);
  });

  it('out-of-range values', () => {
    expect(issueAt(`id: t\nyears: 30\nstrategy: { approach: framework }\n`, 'years', 2).message).toMatch(
      /between 1 and 20 years; got 30/,
    );
    expect(
      issueAt(`id: t\nstrategy:\n  approach: framework\n  levers: { fee_level: 3 }\n`, 'strategy.levers.fee_level', 4)
        .message,
    ).toMatch(/between 0.6 and 1.6; got 3/);
    expect(
      issueAt(
        `id: t\nstrategy: { approach: framework }\nevents:\n  - { year: 1, type: sickness_wave, share: 1.5, weeks: 8 }\n`,
        'events[0].share',
        4,
      ).message,
    ).toMatch(/between 0 and 1; got 1.5/);
    expect(
      issueAt(
        `id: t\nstrategy: { approach: framework }\nevents:\n  - { year: 1, type: sickness_wave, share: 0.3, weeks: 200 }\n`,
        'events[0].weeks',
        4,
      ).message,
    ).toMatch(/between 1 and 104 weeks/);
    expect(
      issueAt(`id: t\nstrategy: { approach: framework }\ncontext: { money: 0 }\n`, 'context.money', 3).message,
    ).toMatch(/between 1 and 5/);
    expect(
      issueAt(
        `id: t\nstrategy: { approach: framework }\nevents:\n  - { year: -1, type: fee_change, share: -0.05 }\n`,
        'events[0].year',
        4,
      ).message,
    ).toMatch(/history_years is 0/);
  });

  it('blend shares not summing to 1', () => {
    const i = issueAt(`id: t\nstrategy:\n  blend:\n    time-and-task: 0.6\n    framework: 0.3\n`, 'strategy.blend', 3);
    expect(i.message).toMatch(/must sum to 1 \(±0.001\); they sum to 0.9/);
  });

  it('hostile expressions', () => {
    const i = issueAt(
      `id: t\nstrategy:\n  approach: framework\n  levers:\n    fee_level: 'import("fs")'\n`,
      'strategy.levers.fee_level',
      5,
    );
    expect(i.message).toMatch(/uses `import`, which is not allowed; allowed:/);
    const j = issueAt(
      `id: t\ninputs: { a: 1 }\nstrategy:\n  approach: framework\n  levers:\n    fee_level: "a.constructor"\n`,
      'strategy.levers.fee_level',
      6,
    );
    expect(j.message).toMatch(/property or index access/);
    const k = issueAt(`id: t\ninputs: { e: 1 }\nstrategy: { approach: framework }\n`, 'inputs.e', 2);
    expect(k.message).toMatch(/clashes with the built-in/);
  });

  it('a YAML alias bomb is refused quickly', () => {
    const bomb = [
      'id: t',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
      'i: [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
    ].join('\n');
    const t0 = Date.now();
    const all = issuesOf(bomb);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(all[0].file).toBe(FILE);
    expect(all[0].line).toBe(3);
    expect(all[0].message).toMatch(/aliases .* are not allowed/);
  });

  it('a file over 1 MB is refused', () => {
    const big = `id: t\ndescription: "${'x'.repeat(1_100_000)}"\n`;
    const all = issuesOf(big);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ file: FILE, line: 1 });
    expect(all[0].message).toMatch(/the limit is 1 MB/);
  });

  it('deep nesting is refused quickly', () => {
    const t0 = Date.now();
    expect(issuesOf(`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}`)[0].message).toMatch(/deep/);
    expect(issuesOf(`a:\n  ${'- '.repeat(100_000)}x`)[0].message).toMatch(/deep/);
    expect(issuesOf(`a: ${'{b: '.repeat(40)}1${'}'.repeat(40)}`)[0].message).toMatch(/deep/);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('a non-mapping root is refused', () => {
    for (const text of ['- a\n- b\n', '42\n', '', 'just text']) {
      const all = issuesOf(text);
      expect(all[0]).toMatchObject({ file: FILE, line: 1 });
      expect(all[0].message).toMatch(/must be a mapping of fields/);
    }
  });

  it('duplicate keys', () => {
    const all = issuesOf(`id: t\nstrategy: { approach: framework }\nyears: 3\nyears: 4\n`);
    expect(all[0]).toMatchObject({ file: FILE, line: 4 });
    expect(all[0].message).toMatch(/duplicate key `years`/);
  });

  it('bad YAML syntax', () => {
    const all = issuesOf(`id: t\nstrategy: { approach: framework\nyears: 3\n`);
    expect(all[0].file).toBe(FILE);
    expect(all[0].line).toBeGreaterThan(0);
    expect(all[0].message).toMatch(/YAML syntax error/);
  });

  it('collects several issues, one per line in the message, as file:line:col: path: message', () => {
    const text = `id: Bad_Id\nyears: 0\nstrategy:\n  approach: nope\nevents:\n  - { year: 1, type: shock }\n`;
    let err: ScenarioError | undefined;
    try {
      loadScenario(text, FILE, lib);
    } catch (e) {
      err = e as ScenarioError;
    }
    expect(err!.issues.length).toBeGreaterThanOrEqual(4);
    const lines = err!.message.split('\n').slice(1);
    expect(lines).toHaveLength(err!.issues.length);
    expect(lines[0]).toMatch(/^bad\.yaml:1:\d+: id: .*kebab-case/);
    expect(err!.message).toMatch(/bad\.yaml:2:\d+: years: must be a number between 1 and 20/);
    expect(err!.message).toMatch(/bad\.yaml:4:\d+: strategy\.approach: unknown approach `nope`/);
    expect(err!.message).toMatch(/bad\.yaml:6:\d+: events\[0\]\.type: unknown event type `shock`/);
  });

  it('strategy forms: exactly one of approach, blend, phases', () => {
    expect(
      issueAt(`id: t\nstrategy:\n  approach: framework\n  blend: { framework: 1 }\n`, 'strategy', 2).message,
    ).toMatch(/only one of/);
    expect(issueAt(`id: t\nstrategy: {}\n`, 'strategy', 2).message).toMatch(/give one of/);
    expect(
      issueAt(
        `id: t\nstrategy:\n  phases:\n    - approach: framework\n    - approach: alliance\n`,
        'strategy.phases[1]',
        5,
      ).message,
    ).toMatch(/start_year/);
    expect(
      issueAt(
        `id: t\nstrategy:\n  phases:\n    - approach: framework\n    - { start_year: 2, approach: alliance }\n    - { start_year: 1, approach: grants }\n`,
        'strategy.phases[2]',
        6,
      ).message,
    ).toMatch(/time order/);
  });

  it('events: unknown fields per type, need groups, interventions, levers', () => {
    const base = `id: t\nstrategy: { approach: framework }\nevents:\n`;
    expect(
      issueAt(`${base}  - { year: 1, type: budget_cut, share: 0.1, shar: 2 }\n`, 'events[0].shar', 4).message,
    ).toMatch(/unknown budget_cut field `shar`; did you mean `share`\?/);
    expect(
      issueAt(`${base}  - { year: 1, type: demand_surge, need_group: mental, share: 0.2 }\n`, 'events[0].need_group', 4)
        .message,
    ).toMatch(/valid: older_physical, learning_disability, mental_health/);
    expect(
      issueAt(`${base}  - { year: 1, intervention: future-serch }\n`, 'events[0].intervention', 4).message,
    ).toMatch(/did you mean `future-search`/);
    expect(
      issueAt(`${base}  - { week: 30, type: set_lever, lever: monitoring, value: 0.3 }\n`, 'events[0].lever', 4)
        .message,
    ).toMatch(/unknown lever `monitoring`/);
    expect(
      issueAt(`${base}  - { week: 30, type: set_lever, lever: fee_level, value: 5 }\n`, 'events[0].value', 4).message,
    ).toMatch(/between 0.6 and 1.6/);
    expect(
      issueAt(`${base}  - { week: 30, type: set_param, param: no_such_param, value: 1 }\n`, 'events[0].param', 4)
        .message,
    ).toMatch(/unknown parameter `no_such_param`/);
    expect(issueAt(`${base}  - { year: 1, week: 3, type: budget_cut, share: 0.1 }\n`, 'events[0]', 4).message).toMatch(
      /either `year` or `week`/,
    );
  });

  it('params: unknown ids are refused', () => {
    expect(
      issueAt(`id: t\nstrategy: { approach: framework }\nparams:\n  not_a_param: 1\n`, 'params.not_a_param', 4).message,
    ).toMatch(/unknown parameter/);
  });

  it('extends: unknown parent, loops and issues located in the right file', () => {
    expect(issueAt(`id: t\nextends: midshire-status-qo\n`, 'extends', 2).message).toMatch(
      /did you mean `midshire-status-quo`/,
    );
    expect(
      issueAt(`id: t\nextends: midshire-status-quo\ninitial:\n  vacancy_rate: 0.9\n`, 'initial.vacancy_rate', 4)
        .message,
    ).toMatch(/between 0 and 0.3/);
    expect(issueAt(`id: midshire-status-quo\nextends: midshire-alliance\n`, 'extends', 2).message).toMatch(/loop/);
  });

  it('inline place: need groups must sum to 1', () => {
    const text = `id: t\nstrategy: { approach: framework }\nplace:\n  name: Smallton\n  people: 100\n  workers: 80\n  providers: 5\n  community_orgs: 2\n  need_groups: { older_physical: 0.5, learning_disability: 0.2, mental_health: 0.2 }\n`;
    expect(issueAt(text, 'place.need_groups', 9).message).toMatch(/sum to 1/);
  });

  it('never throws anything but ScenarioError, whatever the input', () => {
    const nasty = [
      '\u0000',
      '{',
      '[',
      '"',
      '!!js/function "x"',
      '? [a]: b',
      'id: t\n__proto__: { x: 1 }',
      'id: !!binary aGVsbG8=',
      '*x',
      'id: t\nstrategy: { approach: framework }\nevents: [1, null, "x", [1]]',
      'id: t\nstrategy: { phases: [null, 3] }',
      'id: t\nstrategy: { approach: framework }\ninputs: { a: "a + 1" }',
      'id: t\nstrategy:\n  approach: framework\n  levers: { fee_level: .nan }',
    ];
    for (const t of nasty) {
      try {
        loadScenario(t, FILE, lib);
      } catch (e) {
        expect(e, t).toBeInstanceOf(ScenarioError);
      }
    }
  });
});
