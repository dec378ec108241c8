/** The message schema: every field checked, with a reason that names the field; text stays text. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseClientMessage, parseShock, cleanText, peekId, type Refusal } from '../../sim/node.ts';

function refused(m: unknown): Refusal {
  const r = parseClientMessage(typeof m === 'string' ? m : JSON.stringify(m));
  if (r.ok) throw new Error(`accepted ${JSON.stringify(m)}`);
  return r.error;
}

const create = {
  t: 'create',
  scenario: 'midshire-status-quo',
  tables: 2,
  rounds: 4,
  roundWeeks: 13,
  roundSeconds: 300,
  roles: ['commissioner'],
};

describe('parseClientMessage', () => {
  it('accepts well-formed messages', () => {
    expect(parseClientMessage(JSON.stringify(create)).ok).toBe(true);
    expect(parseClientMessage('{"t":"join","code":"abc234","name":"Sam"}')).toMatchObject({
      ok: true,
      value: { code: 'ABC234' },
    });
    expect(
      parseClientMessage('{"t":"decide","table":1,"round":2,"values":{"wage":null,"accept":0.5},"note":"ok"}').ok,
    ).toBe(true);
    expect(
      parseClientMessage(
        '{"t":"shock","table":"all","shock":{"type":"demand_surge","need_group":"mental_health","share":0.3}}',
      ).ok,
    ).toBe(true);
    expect(parseClientMessage('{"t":"reveal","table":0,"role":"all","metric":"margin_mean","show":true}').ok).toBe(
      true,
    );
  });

  it('refuses each bad field by name, with what would be valid', () => {
    expect(refused({ ...create, tables: 9 })).toMatchObject({ code: 'invalid', field: 'tables' });
    expect(refused({ ...create, rounds: 0 }).message).toContain('from 1 to 40');
    expect(refused({ ...create, roundWeeks: 2.5 }).field).toBe('roundWeeks');
    expect(refused({ ...create, roles: ['mayor'] }).field).toBe('roles[0]');
    expect(refused({ ...create, roles: ['nhs', 'nhs'] }).field).toBe('roles');
    expect(refused({ ...create, yaml: 'x: 1' }).field).toBe('scenario');
    expect(refused({ t: 'join', code: 'O0O0O0', name: 'x' }).field).toBe('code');
    expect(refused({ t: 'join', code: 'ABC234', name: '   ' }).field).toBe('name');
    expect(refused({ t: 'rejoin', code: 'ABC234', seatToken: '../../etc' }).field).toBe('seatToken');
    expect(refused({ t: 'decide', table: 0, round: 0, values: { wage: 'high' } }).field).toBe('values.wage');
    expect(refused({ t: 'decide', table: 0, round: 0, values: { 'a b': 1 } }).field).toBe('values');
    expect(refused({ t: 'decide', table: 0, round: 0, values: [] }).field).toBe('values');
    expect(refused({ t: 'reveal', table: 0, role: 'all', metric: 'secrets', show: true }).field).toBe('metric');
    expect(refused({ t: 'shock', table: 0, shock: { type: 'sickness_wave', share: 0.2 } }).field).toBe('shock.weeks');
    expect(refused({ t: 'shock', table: 0, shock: { type: 'set_param', param: 'x', value: 1 } }).field).toBe(
      'shock.type',
    );
    expect(refused({ t: 'ping', extra: true }).field).toBe('extra');
    expect(refused('{"t":"ping"').message).toContain('not valid JSON');
  });

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.anything().map((x) => {
            try {
              return JSON.stringify(x);
            } catch {
              return '';
            }
          }),
        ),
        (text) => {
          const r = parseClientMessage(text);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('text and shocks', () => {
  it('text is kept as text: markup is not removed or run, control and direction characters are', () => {
    expect(cleanText('<script>alert(1)</script>', 'note', 100, false)).toBe('<script>alert(1)</script>');
    expect(cleanText('a\u0000b\u202Ec\n', 'note', 100, false)).toBe('a b c');
    expect(() => cleanText('x'.repeat(41), 'name', 40, true)).toThrow(/at most 40/);
  });

  it('shocks become the model events of the scenario format, at the round week', () => {
    expect(parseShock({ type: 'provider_collapse' }, 27)).toEqual({
      week: 27,
      type: 'provider_collapse',
      largest: true,
      share: 0,
    });
    expect(parseShock({ type: 'demand_surge', need_group: 'learning_disability', share: 0.2 }, 1)).toEqual({
      week: 1,
      type: 'demand_surge',
      needGroup: 1,
      share: 0.2,
    });
    expect(parseShock({ type: 'competing_employer', wage_rise: 0.1 }, 5)).toEqual({
      week: 5,
      type: 'competing_employer',
      wageRise: 0.1,
    });
    expect(() => parseShock({ type: 'budget_cut', share: 0.95 }, 1)).toThrow(/from 0 to 0.9/);
  });
});

describe('a refusal carries the id of the message it refuses', () => {
  it('when the message had one', () => {
    expect(refused({ t: 'decide', id: 42, table: 0, round: 0, values: { wage: 'x' } }).id).toBe(42);
    expect(refused({ id: 7, t: 'nonsense' }).id).toBe(7);
    expect(refused('{"t":"ping"').id).toBeUndefined();
    expect(peekId('{"t":"ping","id":12}')).toBe(12);
    expect(peekId('{"id": 3, "t":"ping"}')).toBe(3);
    expect(peekId('{"t":"ping"}')).toBeUndefined();
  });
});
