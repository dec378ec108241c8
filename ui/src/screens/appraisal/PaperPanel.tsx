import { useState } from 'react';
import { paperHtml, paperModel, type Appraisal } from '../../../../sim/index.ts';
import { downloadText } from '../../common/download.ts';
import type { AppraisalState } from '../../runs/appraisal-session.ts';
import { appraiseCommand, numbersUsed } from '../../state/appraisal-draft.ts';
import type { Workspace } from '../../state/workspace.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The date of the appraisal as the paper prints it (the paper reads no clock of its own). */
function dateOf(savedAt: number): string {
  return new Date(savedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** The paper of an appraisal as one printable A4 HTML page (the simulation's paperHtml: the same as the CLI's). */
export function paperPage(a: Appraisal, savedAt: number): string {
  return paperHtml(paperModel(a, { date: dateOf(savedAt) }));
}

/**
 * The options appraisal paper: one button opens it as a printable A4 page in a new tab (print it, or save it as
 * PDF, from there), one downloads it for Word to paste into the council's own template; the appraisal itself
 * downloads as JSON (what `commsim appraise` writes). Text in the paper is escaped by the simulation's writer; the
 * page allows no scripts.
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
  const savedAt = st.outcome?.savedAt ?? 0;
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
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
  const open = (print: boolean): void => {
    const html = paperPage(a, savedAt);
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    const w = window.open(url, '_blank');
    if (!w) {
      downloadText(`options-appraisal-${slug}.html`, html, 'text/html');
      setMessage(
        'Your browser kept the paper from opening in a new tab, so it was saved as a file: open it, then print it or save it as PDF.',
      );
    } else {
      if (print) w.addEventListener('load', () => w.print(), { once: true });
      setMessage(
        'The paper opened in a new tab. To make a PDF, print it (Ctrl+P, or ⌘P on a Mac) and choose “Save as PDF”; it is laid out for A4.',
      );
    }
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  const word = async (): Promise<void> => {
    setBusy(true);
    setMessage('Making the Word document…');
    try {
      const { wordDocument } = await import('./word.ts');
      const bytes = await wordDocument(paperModel(a, { date: dateOf(savedAt) }));
      downloadText(`options-appraisal-${slug}.docx`, bytes, DOCX);
      setMessage('The paper was saved for Word (.docx): its headings, tables and charts paste into your own template.');
    } catch (e) {
      setMessage(`The Word document could not be made: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const rec = a.plan.paths.find((p) => p.id === a.plan.recommended);
  return (
    <section aria-labelledby="ap-paper-h">
      <h3 id="ap-paper-h">The options appraisal paper</h3>
      <p>
        A paper a Cabinet member or a partnership board can read: the place and the question, the options, what each
        needs, the results with ranges and pounds, the recommended path with its milestones and early warnings, where
        the plan breaks, what the model leaves out and how far to trust it, and the sources. It reports the appraisal of{' '}
        {dateOf(savedAt)}: best fit {a.fit.ranking[0]?.name}
        {rec ? `; recommended path “${rec.name}”` : ''}.
      </p>
      {stale ? (
        <p className="notice" role="status">
          The paper reports the last appraisal, made before your place, numbers or choices last changed. Run the
          appraisal again (under Fit) for a paper of what you have now.
        </p>
      ) : null}
      <div className="row card">
        <button type="button" onClick={() => open(false)}>
          Open the paper (A4, to print or save as PDF)
        </button>
        <button type="button" onClick={() => open(true)}>
          Print the paper
        </button>
        <button type="button" disabled={busy} onClick={() => void word()}>
          Download for Word (.docx)
        </button>
        <button
          type="button"
          onClick={() => {
            downloadText(`options-appraisal-${slug}.json`, JSON.stringify(a, null, 2), 'application/json');
            setMessage('The appraisal was saved as JSON: the figures behind every number in the paper.');
          }}
        >
          Download the appraisal (JSON)
        </button>
      </div>
      <p className="muted small" role="status" aria-live="polite">
        {message}
      </p>
      <details>
        <summary>The same appraisal from the command line</summary>
        <p className="small">
          For an analyst: this runs the appraisal as the app did (same place, answers, weights, runs, futures, seed and
          ranges), so the paper’s figures can be checked and re-run on more runs.
          {numbersUsed(ws) ? ' Download your numbers (CSV) under Your place first.' : ''}
          {st.outcome?.paths ? ' Your edited paths come from the appraisal’s JSON: download it above.' : ''}
          {stale ? ' It describes your current choices, not the appraisal shown.' : ''}
        </p>
        <pre className="command">
          {appraiseCommand(ws, st.outcome?.paths ? { pathsFile: `options-appraisal-${slug}.json` } : {})}
        </pre>
      </details>
    </section>
  );
}
