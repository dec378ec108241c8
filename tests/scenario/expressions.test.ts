import { describe, expect, it } from 'vitest';
import { evaluateExpression, ExpressionError, MAX_EXPRESSION_LENGTH } from '../../sim/scenario/expressions.ts';

const inputs = { cost_inflation: 0.06, a: 2, b: 3 };

function refusal(expr: string, where?: string): string {
  try {
    evaluateExpression(expr, inputs, where);
  } catch (e) {
    expect(e).toBeInstanceOf(ExpressionError);
    return (e as Error).message;
  }
  throw new Error(`expected ${expr} to be refused`);
}

describe('restricted expressions: valid', () => {
  it.each([
    ['cost_inflation - 0.02', 0.04],
    ['a * b + 1', 7],
    ['2 ^ 3', 8],
    ['max(a, b) - min(a, b)', 1],
    ['abs(-1.5) + sqrt(16) + round(2.4) + floor(2.9) + ceil(0.1)', 1.5 + 4 + 2 + 2 + 1],
    ['exp(0) + log(e) + pow(2, 2)', 1 + 1 + 4],
    ['(a + b) / 5', 1],
    ['a > 1 ? 10 : 20', 10],
    ['2a', 4],
    ['pi', Math.PI],
    ['0.5', 0.5],
  ])('%s = %d', (expr, want) => {
    expect(evaluateExpression(expr, inputs)).toBeCloseTo(want, 12);
  });
});

describe('restricted expressions: refused', () => {
  it.each([
    ['import("fs")', 'import'],
    ['createUnit("x")', 'createUnit'],
    ['evaluate("1")', 'evaluate'],
    ['parse("1")', 'parse'],
    ['compile("1")', 'compile'],
    ['simplify("x")', 'simplify'],
    ['derivative("x", "x")', 'derivative'],
    ['chain(1)', 'chain'],
    ['f(x) = x', 'function definition'],
    ['x = 3', 'assignment'],
    ['a.constructor', 'property or index access'],
    ['a["constructor"]', 'property or index access'],
    ['[1,2][1]', 'property or index access'],
    ['[1,2]', 'list or matrix'],
    ['{a:1}', 'object'],
    ['1; 2', 'several statements'],
    ['unknown_thing + 1', '`unknown_thing`'],
    ['cos(1)', '`cos`'],
    ['5 cm', '`cm`'],
    ['"text"', 'not a number'],
    ['1:3', 'range'],
  ])('%s', (expr, word) => {
    const msg = refusal(expr);
    expect(msg).toContain(word);
    expect(msg).toMatch(/not allowed|not a number/);
    expect(msg).toContain('allowed: + - * / ^');
    expect(msg).toContain('inputs cost_inflation, a, b');
    expect(msg).toContain('functions abs, min, max');
  });

  it('refuses non-finite results', () => {
    expect(refusal('1 / 0')).toMatch(/finite number.*Infinity/);
    expect(refusal('0 / 0')).toMatch(/finite number.*NaN/);
    expect(refusal('sqrt(-1)')).toMatch(/finite number.*Complex/);
    expect(refusal('a > 1')).toMatch(/finite number.*truth value/);
  });

  it('refuses very long input before parsing it', () => {
    const long = '1+'.repeat(MAX_EXPRESSION_LENGTH) + '1';
    expect(refusal(long)).toMatch(/characters long; the limit is 500/);
  });

  it('refuses empty input and syntax errors clearly', () => {
    expect(refusal('   ')).toMatch(/empty/);
    expect(refusal('1 +')).toMatch(/cannot be read/);
  });

  it('names the field when asked', () => {
    expect(refusal('import("fs")', 'strategy.phases[0].levers.fee_level')).toMatch(
      /^expression for strategy\.phases\[0\]\.levers\.fee_level uses `import`, which is not allowed; allowed:/,
    );
  });

  it('cannot reach the disabled functions even through the instance', () => {
    // A second call after refusals still evaluates normally (no state leaks between calls).
    expect(evaluateExpression('a + 1', { a: 1 })).toBe(2);
  });
});
