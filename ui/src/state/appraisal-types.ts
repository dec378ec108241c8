/**
 * The options appraisal's choices as the workspace keeps them (Workspace.appraisal); appraisal-draft.ts reads and
 * changes them. A file of its own so the workspace can name the type without importing what uses the workspace.
 */
import type { DevelopmentPath, OutcomeWeights } from '../../../sim/index.ts';

export interface AppraisalDraft {
  /** metric id → weight (0 = does not count); absent: the simulation's default weights */
  weights?: OutcomeWeights;
  /** runs per approach and path */
  runs?: number;
  /** let the runs grow from `runs` (doubling, up to MAX_ADAPTIVE_RUNS) until the order holds when they are halved */
  adaptive?: boolean;
  /** futures for the robustness of approaches and paths */
  futures?: number;
  /** the approach or blend the development plan builds towards; absent: the best-ranked approach */
  target?: { approach?: string; blend?: Record<string, number> };
  /** paths the user edited: evaluated instead of the three candidates */
  paths?: DevelopmentPath[];
}
