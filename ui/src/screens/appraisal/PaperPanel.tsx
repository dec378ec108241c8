import { useState } from 'react';
import { downloadText } from '../../common/download.ts';
import type { AppraisalState } from '../../runs/appraisal-session.ts';
import type { Workspace } from '../../state/workspace.ts';

/**
 * The options appraisal paper: one button opens it as a printable A4 page (print it, or save it as PDF, from the
 * browser), one downloads it for Word; the appraisal itself downloads as JSON (what `commsim appraise` writes).
 */
export function PaperPanel({
  ws,
  st,
  stale,
  goToFit,
}: {
  ws: Workspace;
  st: AppraisalState;
  stale: boolean;
  goToFit: () => void;
}) {
  const a = st.outcome?.appraisal ?? null;
  const [message, setMessage] = useState('');
  if (!a)
    return (
      <section aria-labelledby="ap-paper-h">
        <h3 id="ap-paper-h">The options appraisal paper</h3>
        <p>
          The paper reports an appraisal, so run one first.{' '}
          <button type="button" className="link" onClick={goToFit}>
            Go to Fit
          </button>
        </p>
      </section>
    );
  const slug = a.place.id || ws.placeId;
  return (
    <section aria-labelledby="ap-paper-h">
      <h3 id="ap-paper-h">The options appraisal paper</h3>
      <p>
        A paper a Cabinet member or a partnership board can read: the place and the question, the options, what each
        needs, the results with ranges and pounds, the recommended path with its milestones and early warnings, where
        the plan breaks, what the model leaves out and how far to trust it, and the sources.
      </p>
      {stale ? (
        <p className="notice" role="status">
          The paper reports the last appraisal, made before your place, numbers or choices last changed.
        </p>
      ) : null}
      <div className="row card">
        <button
          type="button"
          onClick={() => {
            downloadText(`options-appraisal-${slug}.json`, JSON.stringify(a, null, 2), 'application/json');
            setMessage('The appraisal was saved as JSON.');
          }}
        >
          Download the appraisal (JSON)
        </button>
      </div>
      <p className="muted small" role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
