/**
 * A restricted expression evaluator. Numeric fields of a scenario may be strings such as
 * `"cost_inflation - 0.02"`: arithmetic over named inputs and a short list of pure math functions. Scenario files
 * may come from anyone (shared links, uploads), so the evaluator is locked down twice: the mathjs instance has
 * its dangerous functions replaced by ones that throw, and every parsed tree is checked node by node against an
 * allow-list before it is compiled. Only numbers come out.
 */
import { create, all } from 'mathjs';
import type { MathNode, MathJsInstance } from 'mathjs';

export const MAX_EXPRESSION_LENGTH = 500;

/** Pure functions an expression may call. */
export const ALLOWED_FUNCTIONS: readonly string[] = [
  'abs',
  'min',
  'max',
  'sqrt',
  'cbrt',
  'exp',
  'log',
  'log10',
  'log2',
  'pow',
  'round',
  'floor',
  'ceil',
  'fix',
  'sign',
  'mod',
  'hypot',
  'mean',
  'median',
];
/** Constants an expression may use. */
export const ALLOWED_CONSTANTS: readonly string[] = ['pi', 'e'];

const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'unaryMinus',
  'unaryPlus',
  'mod',
  'larger',
  'smaller',
  'largerEq',
  'smallerEq',
  'equal',
  'unequal',
  'and',
  'or',
  'not',
]);

const RESERVED: ReadonlySet<string> = new Set([...ALLOWED_FUNCTIONS, ...ALLOWED_CONSTANTS]);

export class ExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}

function refuse(name: string): () => never {
  return () => {
    throw new ExpressionError(`function ${name} is disabled`);
  };
}
const DISABLED = [
  'import',
  'createUnit',
  'evaluate',
  'parse',
  'compile',
  'simplify',
  'simplifyConstant',
  'simplifyCore',
  'derivative',
  'resolve',
  'reviver',
  'replacer',
  'chain',
  'rationalize',
  'leafCount',
  'symbolicEqual',
  'parser',
  'map',
  'forEach',
  'filter',
  'apply',
];

/**
 * The locked-down mathjs instance, made on first use: building it takes about a quarter of a second, which the
 * web app would otherwise spend at start-up although most scenarios have no expressions.
 */
let locked: { math: MathJsInstance; parse: MathJsInstance['parse'] } | null = null;
function lockedMath(): { math: MathJsInstance; parse: MathJsInstance['parse'] } {
  if (locked === null) {
    const math = create(all, { number: 'number' });
    // keep the parser before disabling the public entry points
    const parse = math.parse;
    math.import(Object.fromEntries(DISABLED.map((n) => [n, refuse(n)])), { override: true });
    locked = { math, parse };
  }
  return locked;
}

function describeAllowed(inputs: readonly string[]): string {
  const ins = inputs.length > 0 ? `inputs ${inputs.join(', ')}` : 'no inputs (none are defined)';
  return `allowed: + - * / ^ ( ), comparisons with ? :, numbers, ${ins}, constants ${ALLOWED_CONSTANTS.join(', ')} and functions ${ALLOWED_FUNCTIONS.join(', ')}`;
}

function show(expr: string): string {
  const s = expr.length > 80 ? `${expr.slice(0, 80)}…` : expr;
  return `\`${s}\``;
}

const NODE_WORDS: Record<string, string> = {
  FunctionAssignmentNode: 'a function definition',
  AssignmentNode: 'an assignment',
  AccessorNode: 'property or index access',
  IndexNode: 'indexing',
  ObjectNode: 'an object',
  BlockNode: 'several statements',
  ArrayNode: 'a list or matrix',
  RangeNode: 'a range',
  RelationalNode: 'a chained comparison',
};

/** Check a parsed tree against the allow-list; returns a reason if refused. */
function checkTree(root: MathNode, inputs: ReadonlySet<string>): string | undefined {
  let problem: string | undefined;
  const stack: MathNode[] = [root];
  while (stack.length > 0 && problem === undefined) {
    const node = stack.pop() as MathNode;
    const n = node as unknown as Record<string, unknown>;
    switch (node.type) {
      case 'ConstantNode': {
        const v = n.value;
        if (typeof v !== 'number') problem = `uses the constant ${JSON.stringify(v)}, which is not a number`;
        break;
      }
      case 'SymbolNode': {
        const name = String(n.name);
        if (!inputs.has(name) && !RESERVED.has(name)) problem = `uses \`${name}\`, which is not allowed`;
        break;
      }
      case 'FunctionNode': {
        const fn = n.fn as MathNode;
        if (fn.type !== 'SymbolNode') {
          problem = 'calls something that is not a plain function name';
          break;
        }
        const name = String((fn as unknown as { name: string }).name);
        if (!ALLOWED_FUNCTIONS.includes(name)) {
          problem = `uses \`${name}\`, which is not allowed`;
          break;
        }
        for (const a of n.args as MathNode[]) stack.push(a);
        break;
      }
      case 'OperatorNode': {
        const fn = String(n.fn);
        if (!ALLOWED_OPERATORS.has(fn)) problem = `uses the operator \`${String(n.op)}\` (${fn}), which is not allowed`;
        else for (const a of n.args as MathNode[]) stack.push(a);
        break;
      }
      case 'ParenthesisNode':
        stack.push(n.content as MathNode);
        break;
      case 'ConditionalNode':
        stack.push(n.condition as MathNode, n.trueExpr as MathNode, n.falseExpr as MathNode);
        break;
      default: {
        const what = NODE_WORDS[node.type] ?? node.type;
        problem = `uses ${what}, which is not allowed`;
      }
    }
  }
  return problem;
}

const INPUT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Problems with input names (shape, clash with built-ins); empty if fine. */
export function checkInputName(name: string): string | undefined {
  if (!INPUT_NAME.test(name))
    return `input name \`${name}\` must start with a letter or _ and use only letters, digits and _`;
  if (RESERVED.has(name)) return `input name \`${name}\` clashes with the built-in \`${name}\`; choose another name`;
  return undefined;
}

/**
 * Evaluate a restricted expression to a finite number. `where` (a field path) is put in front of messages.
 * Throws ExpressionError with a message that names the problem and what is allowed.
 */
export function evaluateExpression(
  expr: string,
  inputs: Readonly<Record<string, number>> = {},
  where?: string,
): number {
  const prefix = where ? `expression for ${where}` : `expression ${show(expr)}`;
  const inputNames = Object.keys(inputs);
  if (typeof expr !== 'string') throw new ExpressionError(`${prefix} must be text`);
  if (expr.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(`${prefix} is ${expr.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`);
  }
  if (expr.trim() === '')
    throw new ExpressionError(`${prefix} is empty; give a number or an expression such as \`a * 1.1\``);
  let node: MathNode;
  try {
    node = lockedMath().parse(expr);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new ExpressionError(`${prefix} cannot be read (${msg}); ${describeAllowed(inputNames)}`);
  }
  const problem = checkTree(node, new Set(inputNames));
  if (problem) throw new ExpressionError(`${prefix} ${problem}; ${describeAllowed(inputNames)}`);
  const scope = new Map<string, number>();
  for (const k of inputNames) scope.set(k, inputs[k]);
  let value: unknown;
  try {
    value = node.compile().evaluate(scope);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new ExpressionError(`${prefix} failed: ${msg}`);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    let got: string;
    if (typeof value === 'number') got = String(value);
    else if (typeof value === 'boolean') got = `the truth value ${value}`;
    else {
      const { math } = lockedMath();
      got = math.typeOf(value) + (value != null ? ` ${String(math.format(value as number, { precision: 6 }))}` : '');
    }
    throw new ExpressionError(`${prefix} must give a finite number, but gives ${got}`);
  }
  return value;
}

/** True if a string looks like it is meant to be an expression (any string is treated as one). */
export function isExpression(v: unknown): v is string {
  return typeof v === 'string';
}
