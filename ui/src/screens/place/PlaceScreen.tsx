import {
  CONTEXT_ASPECTS,
  CONTEXT_MAP,
  contextToInitial,
  INITIAL_BY_ID,
  listPlaces,
  type ContextAspectId,
} from '../../../../sim/index.ts';
import { inputAxis, inputValueWords } from '../../state/lever-units.ts';
import { lib } from '../../state/library.ts';
import { contextDefaults, withPlace, type Workspace } from '../../state/workspace.ts';
import { YourNumbers } from './YourNumbers.tsx';
import { Term } from '../../common/Term.tsx';

/** The Your place screen: a library place to start from, and eight questions that set the starting state. */
export function PlaceScreen({ ws, update }: { ws: Workspace; update: (f: (w: Workspace) => Workspace) => void }) {
  const places = listPlaces(lib());
  const initial = contextToInitial(ws.context);
  return (
    <section aria-labelledby="place-h">
      <h2 id="place-h">Describe your place</h2>
      <p>
        Start from a place in the library, then answer eight questions about yours. Each answer sets the starting state
        of the simulation (shown under “What it sets”). Answer 3 is a typical English council area. Then give{' '}
        <button
          type="button"
          className="link"
          onClick={() => document.getElementById('your-numbers')?.scrollIntoView()}
        >
          your numbers
        </button>{' '}
        (people supported, fee, care workers, budget …) if you have them.
      </p>
      <div className="row">
        <label htmlFor="place-select">Start from a place</label>
        <select
          id="place-select"
          value={ws.placeId}
          onChange={(e) => {
            const id = e.target.value;
            update((w) => withPlace(w, id));
          }}
        >
          {places.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}: {p.config.people.toLocaleString('en-GB')} people, {p.config.workers.toLocaleString('en-GB')}{' '}
              care workers, {p.config.providers} providers
            </option>
          ))}
        </select>
        <button type="button" onClick={() => update((w) => ({ ...w, context: contextDefaults(w.placeId) }))}>
          Reset answers to this place
        </button>
      </div>
      <p className="muted small">{lib().places.get(ws.placeId)?.description}</p>
      <ol className="aspects">
        {CONTEXT_ASPECTS.map((a, n) => {
          const value = ws.context[a.id] ?? 3;
          return (
            <li key={a.id} className="card">
              <fieldset>
                <legend>
                  <span className="muted">{n + 1}.</span> {a.question}
                </legend>
                <div
                  className="answers"
                  role="radiogroup"
                  aria-label={`${a.question} (answer 1 hardest to 5 most favourable)`}
                >
                  {a.answers.map((label, i) => (
                    <label key={i} className={value === i + 1 ? 'answer chosen' : 'answer'}>
                      <input
                        type="radio"
                        name={`ctx-${a.id}`}
                        value={i + 1}
                        checked={value === i + 1}
                        onChange={() => update((w) => ({ ...w, context: { ...w.context, [a.id]: i + 1 } }))}
                      />
                      <span className="answer-n">{i + 1}</span> {label}
                    </label>
                  ))}
                </div>
                <details>
                  <summary>Why this matters and what it sets</summary>
                  <p>
                    <strong>Why this matters:</strong> {a.why}
                  </p>
                  <p>
                    <strong>What it sets:</strong> {a.sets}.
                  </p>
                  <ul className="small">
                    {Object.entries(initial)
                      .filter(([id]) => setsBy(a.id, id))
                      .map(([id, v]) => {
                        const d = INITIAL_BY_ID.get(id);
                        // as people read it: trust out of 100, shares in %, £ an hour (lever-units.ts)
                        const axis = inputAxis(`initial.${id}`);
                        return (
                          <li key={id}>
                            {d?.label ?? id}: {inputValueWords(v, axis, undefined, d?.unit)}
                            {axis.term ? (
                              <>
                                {' '}
                                <Term id={axis.term} />
                              </>
                            ) : null}
                          </li>
                        );
                      })}
                  </ul>
                </details>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <YourNumbers ws={ws} update={update} />
    </section>
  );
}

function setsBy(aspect: string, initialId: string): boolean {
  return (CONTEXT_MAP[aspect as ContextAspectId] ?? []).some((r) => r.initial === initialId);
}
