/**
 * Levers in the units people use: a fee level as pounds an hour (the place's fee × the lever), shares as
 * percentages. The model keeps its own units; only what is shown and typed is converted.
 */
import {
  INITIAL_BY_ID,
  LEVER_BY_ID,
  PARAM_BY_ID,
  isInitialId,
  isLeverId,
  isParamId,
  type LeverDef,
} from '../../../sim/index.ts';
import { resolveDraft, type Workspace } from './workspace.ts';

export interface LeverView {
  /** the unit shown, in words */
  unit: string;
  /** for how much of a practice (relational levers): a word beside the percentage, "none" to "nearly all" */
  intensity?: boolean;
  /** shown = model value × k */
  k: number;
  /** the step of the typed box, in shown units */
  step: number;
  /** decimals shown */
  digits: number;
  /** the lever's description in the shown units, where the model's (in its own units) would mislead */
  description?: string;
}

/** Today's fee in the default place, £ an hour (the fee level's 1). */
export const FEE_TODAY: number = INITIAL_BY_ID.get('fee_per_hour').default;

/**
 * Today's fee in the workspace's place, £ an hour: its baseline's starting fee, which follows the place and its
 * answer about the market (19.50 to 30.50 in the answers' table), or the default place's when it cannot be resolved.
 * The fee level lever is a ratio to this.
 */
export function placeFeeOf(ws: Workspace): number {
  const d = ws.scenarios[0];
  const r = d ? resolveDraft(ws, d) : null;
  const fee = r?.ok ? r.config.initial.fee_per_hour : undefined;
  return typeof fee === 'number' && fee > 0 ? fee : FEE_TODAY;
}

/** A fee level (a ratio to the place's fee) in words: "about 95% of today’s fee (about £22.90 an hour)". */
export function feeLevelWords(v: number, placeFee: number): string {
  return `about ${Math.round(v * 100)}% of today’s fee (about £${(v * placeFee).toFixed(2)} an hour)`;
}

/** A model unit 'share …' as a percentage unit: 'share' → '%', 'share a year' → '% a year', 'share of fee' → '% of fee'. */
function percentUnit(unit: string): string {
  const rest = unit.replace(/^share\s*/, '').replace(/^0-1$/, '');
  return rest === '' ? '%' : rest === 'per year' ? '% a year' : `% ${rest}`;
}

/** The unit of a parameter, initial condition or lever named by its path ('params.quit_base_rate'). */
function unitOfPath(path: string): string | undefined {
  const [kind, id] = [path.slice(0, path.indexOf('.')), path.slice(path.indexOf('.') + 1)];
  if (kind === 'params' && isParamId(id)) return PARAM_BY_ID.get(id).unit;
  if (kind === 'initial' && isInitialId(id)) return INITIAL_BY_ID.get(id).unit;
  if (kind === 'levers' && isLeverId(id)) return LEVER_BY_ID.get(id).unit;
  return undefined;
}

/** How a model input is shown, typed and drawn: shown value = model value × k, in `unit`, with a glossary entry. */
export interface InputAxis {
  k: number;
  /** the unit in words ('£ an hour', '% a year', 'out of 100', '× wages', '×'); null: a number as the model has it */
  unit: string | null;
  /** the glossary entry that explains what the input measures (trust), if any */
  term?: string;
}

/**
 * How a stress test's uncertain input or a place's starting condition is shown, typed and drawn on a chart's axis,
 * as people read it: the fee level in £ an hour (k: the place's fee), shares as percentages, a 0 to 1 scale (trust,
 * capability) out of 100, a multiple as "× wages" or "×" (the model's 1.2 reads ×1.2), the budget against its
 * expected cost as a percentage of it; anything else as it is (k 1, no unit).
 */
export function inputAxis(path: string, placeFee = FEE_TODAY): InputAxis {
  if (path === 'levers.fee_level') return { k: placeFee, unit: '£ an hour' };
  const unit = unitOfPath(path);
  if (!unit) return { k: 1, unit: null };
  if (unit === '£/hour') return { k: 1, unit: '£ an hour' };
  if (unit.startsWith('share')) return { k: 100, unit: percentUnit(unit) };
  if (unit === '0-1') return { k: 100, unit: 'out of 100', ...(path.includes('trust') ? { term: 'trust' } : {}) };
  if (path === 'initial.budget_headroom') return { k: 100, unit: '% of the expected cost' };
  const multiple = /^(?:extra )?multiple(?: of (.+))?$/.exec(unit);
  if (multiple) return { k: 1, unit: multiple[1] ? `× ${multiple[1]}` : '×' };
  if (unit === 'ratio') return { k: 1, unit: '×' };
  return { k: 1, unit: null };
}

/** A number as typed and shown for an input: at most two decimals (a model 0.35 is 35 out of 100, not 35.000001). */
export function shownInput(v: number, axis: InputAxis): number {
  return axis.k === 1 ? v : Math.round(v * axis.k * 100) / 100;
}

/** A shown number back in the model's units (what the user typed, divided by k). */
export function modelInput(shown: number, axis: InputAxis): number {
  return shown / axis.k;
}

/**
 * An input's value in words: "£22.77 an hour", "4% a year", "35 out of 100", "×1.2", "1.22 × wages"; to two decimals,
 * or `digits` significant digits; a unit the model has no plainer words for ("8 weeks of revenue") as it is.
 */
export function inputValueWords(v: number, axis: InputAxis, digits?: number, modelUnit = ''): string {
  const raw = shownInput(v, axis);
  const x = String(digits === undefined ? Math.round(raw * 100) / 100 : Number(raw.toPrecision(digits)));
  if (axis.unit === '£ an hour') return `£${raw.toFixed(2)} an hour`;
  if (axis.unit === '×') return `×${x}`;
  if (!axis.unit) return `${x} ${modelUnit}`.trimEnd();
  return axis.unit.startsWith('%') ? `${x}${axis.unit}` : `${x} ${axis.unit}`;
}

/** An input's range in words: "£14.46 to £38.56 an hour", "0% to 8% a year", "15 to 60 out of 100", "×0.4 to ×2". */
export function inputRangeWords(min: number, max: number, axis: InputAxis, modelUnit = ''): string {
  const [a, b] = [shownInput(min, axis), shownInput(max, axis)];
  if (axis.unit === '£ an hour') return `£${a.toFixed(2)} to £${b.toFixed(2)} an hour`;
  if (axis.unit === '×') return `×${a} to ×${b}`;
  if (axis.unit?.startsWith('%')) return `${a}% to ${b}${axis.unit}`;
  return `${a} to ${b} ${axis.unit ?? modelUnit}`.trimEnd();
}

export function leverView(
  l: Pick<LeverDef, 'id' | 'unit' | 'min' | 'max' | 'relational'>,
  placeFee = FEE_TODAY,
): LeverView {
  if (l.id === 'fee_level')
    return {
      unit: '£ an hour',
      k: placeFee,
      step: 0.05,
      digits: 2,
      description:
        `The fee paid for an hour of care (£${placeFee.toFixed(2)} an hour in this place today). In-house hours are ` +
        'costed, not paid. A change passes partly to care-worker pay over months, and quality follows the fee against ' +
        'the cost of care.',
    };
  if (l.unit.startsWith('share')) {
    const unit = percentUnit(l.unit);
    return { unit, k: 100, step: 1, digits: 1, intensity: !!l.relational && unit === '%' };
  }
  return { unit: l.unit, k: 1, step: l.max - l.min > 5 ? 1 : 0.01, digits: 3 };
}

/** A model value as shown (rounded to the view's digits). */
export function shownValue(v: number, view: LeverView): number {
  const f = 10 ** view.digits;
  return Math.round(v * view.k * f) / f;
}

/** A lever's range in words, in shown units: "£14.46 to £38.56", "0% to 100%". */
export function rangeWords(l: Pick<LeverDef, 'min' | 'max'>, view: LeverView): string {
  const a = shownValue(l.min, view);
  const b = shownValue(l.max, view);
  if (view.unit === '£ an hour') return `£${a.toFixed(2)} to £${b.toFixed(2)}`;
  if (view.k === 100) return `${a}% to ${b}%`;
  return `${a} to ${b}`;
}

/**
 * How much of a practice, in words: none (under 5%), a little (under 35%), some (under 65%), most (under 95%),
 * nearly all. The percentage stays beside it; the words are for reading at a glance.
 */
export function intensityWord(v: number): string {
  if (v < 0.05) return 'none';
  if (v < 0.35) return 'a little';
  if (v < 0.65) return 'some';
  if (v < 0.95) return 'most';
  return 'nearly all';
}

/** A model value in words: "£33.74 an hour", "15% (a little)", "3 years". */
export function valueWords(v: number, view: LeverView): string {
  const x = shownValue(v, view);
  if (view.unit === '£ an hour') return `£${x.toFixed(2)} an hour`;
  if (view.k === 100) {
    const pct = `${x}${view.unit.slice(1) ? `%${view.unit.slice(1)}` : '%'}`;
    return view.intensity ? `${pct} (${intensityWord(v)})` : pct;
  }
  return `${x} ${view.unit}`;
}
