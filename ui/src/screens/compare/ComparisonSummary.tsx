import { useMemo } from 'react';
import { summariseAgainstBaseline, summarySentence } from '../../state/comparison-summary.ts';
import type { EnsembleData } from '../../state/results.ts';
import type { ComparedWorkspace } from '../../state/workspace.ts';
import { Term } from '../../common/Term.tsx';

/** One sentence per scenario against the baseline, above the charts. */
export function ComparisonSummary({
  ws,
  datas,
  stale,
}: {
  ws: ComparedWorkspace;
  datas: (EnsembleData | undefined)[];
  stale: boolean[];
}) {
  const sentences = useMemo(() => {
    const base = datas[0];
    if (!base || stale[0]) return [];
    return ws.scenarios.slice(1).flatMap((s, k) => {
      const d = datas[k + 1];
      const sum = d && !stale[k + 1] ? summariseAgainstBaseline(base, d) : null;
      return sum ? [{ key: s.key, text: summarySentence(s.title, sum) }] : [];
    });
  }, [ws, datas, stale]);
  if (!sentences.length) return null;
  return (
    <section className="card summary" aria-labelledby="summary-h">
      <h3 id="summary-h">In short</h3>
      <ul>
        {sentences.map((s) => (
          <li key={s.key}>{s.text}</li>
        ))}
      </ul>
      <p className="muted small">
        Better or worse where the 90% interval <Term id="interval" /> of the paired runs’ mean difference lies on one
        side; costs are the council’s spend on care, community, monitoring and procurement, against the baseline’s{' '}
        <Term id="baseline" />.
      </p>
    </section>
  );
}
