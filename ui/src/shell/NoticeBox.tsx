import type { Notice } from '../state/use-workspace.ts';

/** A message about the workspace (a share link offered, opened or refused; another tab's change; a failed save), with its problems listed, until dismissed. */
export function NoticeBox({ notice, dismiss }: { notice: Notice; dismiss: () => void }) {
  return (
    <div
      className={notice.kind === 'error' ? 'notice error' : 'notice'}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      <p>{notice.text}</p>
      {notice.issues?.length ? (
        <ul>
          {notice.issues.slice(0, 20).map((i, k) => (
            <li key={k}>
              {i.line ? `line ${i.line}: ` : ''}
              {i.path ? `${i.path}: ` : ''}
              {i.message}
            </li>
          ))}
        </ul>
      ) : null}
      {notice.actions?.length ? (
        <div className="row">
          {notice.actions.map((a) => (
            <button key={a.label} type="button" onClick={a.run}>
              {a.label}
            </button>
          ))}
        </div>
      ) : (
        <button type="button" onClick={dismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
