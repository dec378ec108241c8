import { METRIC_BY_ID, type TableSummary } from '../../../../sim/index.ts';
import { fmt } from '../../common/format.ts';
import { Timer } from './RoleDesk.tsx';

/** One table at a glance: its round, who has decided, and its headline figures against where it started. */
export function TableCard({
  n,
  summary,
  paused,
  deadline,
  seats,
}: {
  /** the table's number (1-based) */
  n: number;
  summary: TableSummary;
  paused?: boolean;
  /** when the round's timer runs out (ms since 1970), if one is running */
  deadline?: number | null;
  /** who sits in each played seat, and whether they are connected (the host's seats) */
  seats?: readonly { role: string; name: string | null; connected: boolean }[];
}) {
  const state =
    summary.phase === 'lobby'
      ? 'not started'
      : summary.phase === 'ended'
        ? 'ended'
        : `round ${summary.round + 1} of ${summary.rounds}${paused ? ', paused' : ''}`;
  return (
    <section className="ws-table-card card" aria-label={`Table ${n}`}>
      <h4>
        Table {n} <span className="muted small">· {state}</span>
      </h4>
      {deadline && summary.phase === 'deciding' && !paused ? <Timer deadline={deadline} /> : null}
      <ul className="plain ws-who">
        {summary.played.map((p) => {
          const seat = seats?.find((s) => s.role === p.role);
          return (
            <li key={p.role} className={p.decided ? 'decided' : 'waiting'}>
              <span aria-hidden="true">{p.decided ? '✔' : '…'}</span> {p.label}
              {seat?.name ? (
                <span className="small muted">
                  {' '}
                  ({seat.name}
                  {seat.connected ? '' : ', disconnected'})
                </span>
              ) : seats ? (
                <span className="small muted"> (empty seat: the model plays it until someone joins)</span>
              ) : null}
              <span className="sr-only">{p.decided ? ': decided' : ': not decided yet'}</span>
            </li>
          );
        })}
      </ul>
      <table className="ws-headline">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">At the start</th>
            <th scope="col">Now</th>
          </tr>
        </thead>
        <tbody>
          {summary.headline.map((h) => {
            const def = METRIC_BY_ID.get(h.id);
            return (
              <tr key={h.id}>
                <th scope="row">{h.label}</th>
                <td className="num">{h.start === null ? '–' : fmt(def, h.start)}</td>
                <td className="num">{h.value === null ? '–' : fmt(def, h.value)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {summary.shocks ? <p className="small">Shocks dropped in: {summary.shocks}</p> : null}
    </section>
  );
}
