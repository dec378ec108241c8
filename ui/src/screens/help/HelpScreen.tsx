import { marked } from 'marked';
import { useEffect, useState } from 'react';
import { GLOSSARY } from '../../state/glossary.ts';

/** The project's documents a commissioner may want to read, loaded only when asked for. */
const DOCUMENTS = [
  {
    id: 'model',
    title: 'How the model works',
    what: 'every mechanism, its source or assumption, and what each lever acts on (ODD protocol)',
    load: () => import('../../../../docs/model.md?raw'),
  },
  {
    id: 'validation',
    title: 'How far to trust it',
    what: 'the patterns from English data the model is checked against, and how it does',
    load: () => import('../../../../docs/validation.md?raw'),
  },
  {
    id: 'where-gains-come-from',
    title: 'Where each approach’s advantage comes from',
    what: 'each approach’s gain over the status quo, split by lever group and by mechanism',
    load: () => import('../../../../docs/where-gains-come-from.md?raw'),
  },
  {
    id: 'stress-testing',
    title: 'How stress tests work',
    what: 'futures, thresholds, holding up, and finding where a plan breaks',
    load: () => import('../../../../docs/stress-testing.md?raw'),
  },
] as const;

/**
 * Help: the glossary of words used on the screens (each reachable at #help/<id> from a "?" beside the word) and
 * the model's documents, rendered here so nobody needs the source code to read them.
 */
export function HelpScreen({ focus }: { focus: string | undefined }) {
  const [doc, setDoc] = useState<string | null>(null);
  const [html, setHtml] = useState('');
  const [failed, setFailed] = useState('');

  useEffect(() => {
    if (!focus) return;
    const el = document.getElementById(`term-${focus}`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [focus]);

  const open = (id: string): void => {
    const d = DOCUMENTS.find((x) => x.id === id);
    if (!d) return;
    setDoc(id);
    setHtml('');
    setFailed('');
    d.load().then(
      // our own documents, written in this project: rendered as HTML, never text a user typed
      (m) => setHtml(marked.parse(m.default, { async: false })),
      (e: unknown) => setFailed(`Could not load “${d.title}”: ${e instanceof Error ? e.message : String(e)}.`),
    );
  };

  return (
    <section aria-labelledby="help-h">
      <h2 id="help-h">Help: the words used here, and how the model works</h2>
      <div className="card">
        <h3>Words used here</h3>
        <p className="muted">
          Plain meanings of the words on the screens. A <span className="term">?</span> beside a word anywhere in the
          app leads here.
        </p>
        <dl className="glossary">
          {GLOSSARY.map((g) => (
            <div
              key={g.id}
              id={`term-${g.id}`}
              tabIndex={-1}
              className={focus === g.id ? 'glossary-entry focused' : 'glossary-entry'}
            >
              <dt>
                {g.term}
                {g.aka ? <span className="muted small"> (also called {g.aka})</span> : null}
              </dt>
              <dd>{g.plain}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="card">
        <h3>The model’s documents</h3>
        <p className="muted">
          The simulation shows plausible dynamics, not forecasts. These documents say what it represents, where each
          number comes from, and how far to trust it.
        </p>
        <ul>
          {DOCUMENTS.map((d) => (
            <li key={d.id}>
              <button type="button" className="link" aria-pressed={doc === d.id} onClick={() => open(d.id)}>
                {d.title}
              </button>{' '}
              <span className="muted small">— {d.what}</span>
            </li>
          ))}
        </ul>
        {failed ? <p role="alert">{failed}</p> : null}
        {doc && !html && !failed ? <p role="status">Loading…</p> : null}
        {html ? <article className="doc" dangerouslySetInnerHTML={{ __html: html }} /> : null}
      </div>
    </section>
  );
}
