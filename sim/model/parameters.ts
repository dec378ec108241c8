/**
 * Mechanism parameters: default, plausible range, unit, and source or "assumption". This table is the single
 * source for docs/model.md's parameter table, for scenario validation (`params:` overrides), and for the
 * default ranges of uncertainties in stress tests.
 */
export interface ParamDef {
  id: string;
  /** mechanism id from the model brief (W1..W9, P1..P7, C1..C4, T1..T5, N1..N4, M1..M2, or X for context) */
  mechanism: string;
  default: number;
  min: number;
  max: number;
  unit: string;
  source: string;
  description: string;
}

export const PARAMETERS: readonly ParamDef[] = [
  // filled in with the engine
];

export const PARAM_IDS: readonly string[] = PARAMETERS.map((p) => p.id);
export const PARAM_BY_ID: ReadonlyMap<string, ParamDef> = new Map(PARAMETERS.map((p) => [p.id, p]));

export function defaultParams(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of PARAMETERS) out[p.id] = p.default;
  return out;
}
