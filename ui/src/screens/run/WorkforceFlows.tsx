import { useMemo } from 'react';
import type { RunResult } from '../../../../sim/index.ts';
import { FLOW_COLOURS } from '../../charts/theme.ts';

/** The care workforce's flows in one week, as numbers and bars scaled to the run's largest week. */
export function WorkforceFlows({ run, week }: { run: RunResult; week: number }) {
  const f = run.trace!.workforceFlows;
  const labels = ['Hired', 'Left for another care employer', 'Left the sector', 'Off sick'];
  const vals = [0, 1, 2, 3].map((k) => f[week * 4 + k]);
  // bar scales for the whole run, computed once per run
  const { max, maxSick } = useMemo(() => {
    let flows = 1;
    let sick = 1;
    for (let t = 0; t < run.weeks; t++) {
      flows = Math.max(flows, f[t * 4], f[t * 4 + 1], f[t * 4 + 2]);
      sick = Math.max(sick, f[t * 4 + 3]);
    }
    return { max: flows, maxSick: sick };
  }, [run, f]);
  return (
    <table className="flows small">
      <caption className="sr-only">Care workforce flows in week {week}</caption>
      <tbody>
        {labels.map((l, k) => (
          <tr key={l}>
            <th scope="row">{l}</th>
            <td className="num">{Math.round(vals[k])}</td>
            <td className="bar-cell" aria-hidden="true">
              <span
                className="bar"
                style={{ width: `${(vals[k] / (k === 3 ? maxSick : max)) * 100}%`, background: FLOW_COLOURS[k] }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
