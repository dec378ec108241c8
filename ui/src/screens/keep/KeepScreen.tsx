import { useEffect, useState } from 'react';
import { loadScenario, ScenarioError, type ScenarioIssue } from '../../../../sim/index.ts';
import { downloadText } from '../../common/download.ts';
import { lib } from '../../state/library.ts';
import { resultsCsv } from '../../state/results-csv.ts';
import type { EnsembleData } from '../../state/results.ts';
import { shareLink } from '../../state/share.ts';
import { backupName } from '../../state/use-workspace.ts';
import { deleteSaved, listSaved, saveNamed, type SavedWorkspace } from '../../state/store.ts';
import {
  draftFromLoaded,
  draftToYaml,
  settingsOfLoaded,
  withScenarios,
  type Workspace,
} from '../../state/workspace.ts';

/** The Keep and share screen: saved comparisons, exports, share links, and importing a scenario's YAML. */
export function KeepScreen({
  ws,
  setWs,
  datas,
}: {
  ws: Workspace;
  setWs: (w: Workspace) => void;
  /** the current results by scenario, for the CSV export */
  datas: (EnsembleData | undefined)[];
}) {
  const [saved, setSaved] = useState<SavedWorkspace[]>([]);
  const [name, setName] = useState('My comparison');
  const [status, setStatus] = useState('');
  const [yamlText, setYamlText] = useState('');
  const [yamlFile, setYamlFile] = useState('pasted.yaml');
  const [yamlIssues, setYamlIssues] = useState<ScenarioIssue[] | null>(null);
  const [link, setLink] = useState('');
  const refresh = (): void =>
    void listSaved()
      .then(setSaved)
      .catch(() => setSaved([]));
  useEffect(refresh, []);

  const importYaml = (text: string, file: string): void => {
    try {
      const loaded = loadScenario(text, file, lib());
      const d = draftFromLoaded(loaded);
      const settings = settingsOfLoaded(loaded);
      const next = withScenarios(ws, [d], settings, false, 'imported');
      setYamlIssues([]);
      if (next.scenarios.length === ws.scenarios.length) {
        setStatus(
          `“${d.title}” was not imported: the comparison already holds ${ws.scenarios.length} scenarios, the most it can. Remove one under Strategies, then import it again.`,
        );
        return;
      }
      setWs(next);
      const changed = [
        next.years !== ws.years ? `${next.years} years` : '',
        next.placeId !== ws.placeId ? `the place ${next.placeId}` : '',
        JSON.stringify(next.context) !== JSON.stringify(ws.context) ? 'its context answers' : '',
      ].filter(Boolean);
      setStatus(
        `Imported “${d.title}” from ${file}; it is now in the comparison${changed.length ? `, which now uses ${changed.join(', ')} as the scenario does` : ''}.`,
      );
    } catch (e) {
      setYamlIssues(
        e instanceof ScenarioError ? e.issues : [{ file, line: 0, column: 0, path: '', message: String(e) }],
      );
      setStatus('');
    }
  };

  const lines = yamlText.split('\n');
  return (
    <section aria-labelledby="keep-h">
      <h2 id="keep-h">Keep and share</h2>
      <p>
        Everything you change is kept in this browser automatically, and survives a reload or a closed tab. Save a named
        copy to come back to it later.
      </p>
      <p className="status" role="status">
        {status}
      </p>

      <div className="card">
        <h3>Save this comparison</h3>
        <div className="row">
          <label htmlFor="save-name">Name</label>
          <input id="save-name" type="text" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
          <button
            type="button"
            disabled={!name.trim()}
            onClick={() =>
              void saveNamed(name.trim(), ws).then(
                () => {
                  refresh();
                  setStatus(`Saved “${name.trim()}”.`);
                },
                (e: unknown) =>
                  setStatus(
                    `Not saved: ${e instanceof Error ? e.message : String(e)}. Your work is still here; free some space in this browser, or download the scenarios below.`,
                  ),
              )
            }
          >
            Save
          </button>
        </div>
        <h4>Saved comparisons</h4>
        {saved.length === 0 ? <p className="muted">Nothing saved yet.</p> : null}
        <ul className="saved">
          {saved.map((s) => (
            <li key={s.name}>
              <span>
                <strong>{s.name}</strong>{' '}
                <span className="muted small">
                  ({s.workspace.scenarios.map((x) => x.title).join(', ')}; saved{' '}
                  {new Date(s.savedAt).toLocaleString('en-GB')})
                </span>
              </span>
              <button
                type="button"
                onClick={() => {
                  // the work on screen is kept first, so opening a saved comparison never loses it
                  const backup = backupName(`opening “${s.name}”`);
                  void saveNamed(backup, ws)
                    .then(
                      () => `A copy of the work it replaced is saved as “${backup}”.`,
                      () => 'The work it replaced could not be kept (this browser’s storage refused it).',
                    )
                    .then((kept) => {
                      setWs(structuredClone(s.workspace));
                      setStatus(`Opened “${s.name}”. ${kept}`);
                      refresh();
                    });
                }}
              >
                Open<span className="sr-only"> {s.name}</span>
              </button>
              <button
                type="button"
                onClick={() => {
                  if (confirm(`Delete the saved comparison “${s.name}”? This cannot be undone.`))
                    void deleteSaved(s.name).then(refresh);
                }}
              >
                Delete<span className="sr-only"> {s.name}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>

      <div className="card">
        <h3>Export</h3>
        <ul className="plain">
          {ws.scenarios.map((s) => (
            <li key={s.key}>
              <button type="button" onClick={() => downloadText(`${s.id}.yaml`, draftToYaml(ws, s), 'text/yaml')}>
                Download scenario YAML<span className="sr-only">:</span> {s.title}
              </button>
            </li>
          ))}
        </ul>
        <p>
          <button
            type="button"
            onClick={() => downloadText('comparison-results.csv', resultsCsv(ws, datas), 'text/csv')}
          >
            Export results (CSV)
          </button>
        </p>
        <div className="row">
          <button
            type="button"
            onClick={() => {
              const l = shareLink(ws);
              setLink(l);
              void navigator.clipboard?.writeText(l).then(
                () => setStatus('Share link copied.'),
                () => undefined,
              );
            }}
          >
            Make a share link
          </button>
        </div>
        {link ? (
          <>
            <label htmlFor="share-link">
              Share link (the scenarios, seed and what the ranges show travel in the link; whoever opens it is asked
              before its scenarios join their own, and the results are run again)
            </label>
            <textarea id="share-link" readOnly rows={3} value={link} onFocus={(e) => e.target.select()} />
          </>
        ) : null}
      </div>

      <div className="card">
        <h3>Import a scenario (YAML)</h3>
        <p className="muted small">
          The same checks as the command line: every problem is listed with its line number.
        </p>
        <div className="row">
          <label htmlFor="yaml-file">Choose a .yaml file</label>
          <input
            id="yaml-file"
            type="file"
            accept=".yaml,.yml,text/yaml"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              if (f.size > 1_000_000) {
                setYamlIssues([
                  { file: f.name, line: 0, column: 0, path: '', message: 'the file is larger than 1 MB' },
                ]);
                return;
              }
              void f.text().then((t) => {
                setYamlText(t);
                setYamlFile(f.name);
                importYaml(t, f.name);
              });
            }}
          />
        </div>
        <label htmlFor="yaml-text">Or paste scenario YAML</label>
        <div className="yaml-editor">
          <textarea
            id="yaml-text"
            rows={14}
            spellCheck={false}
            value={yamlText}
            aria-invalid={yamlIssues && yamlIssues.length > 0 ? true : undefined}
            aria-describedby="yaml-errors"
            onChange={(e) => {
              setYamlText(e.target.value);
              setYamlFile('pasted.yaml');
              setYamlIssues(null);
            }}
          />
        </div>
        <button type="button" disabled={!yamlText.trim()} onClick={() => importYaml(yamlText, yamlFile)}>
          Check and import
        </button>
        <div id="yaml-errors" aria-live="polite">
          {yamlIssues && yamlIssues.length > 0 ? (
            <div className="field-errors" role="alert">
              <p>
                <strong>
                  {yamlIssues.length} problem{yamlIssues.length > 1 ? 's' : ''} in {yamlFile}; nothing was imported.
                </strong>
              </p>
              <ol className="yaml-issues">
                {yamlIssues.map((i, k) => (
                  <li key={k}>
                    <span className="where">
                      {i.line ? `Line ${i.line}${i.column ? `, column ${i.column}` : ''}` : 'File'}
                      {i.path ? ` (${i.path})` : ''}:
                    </span>{' '}
                    {i.message}
                    {i.line > 0 && lines[i.line - 1] !== undefined ? (
                      <pre className="src-line">
                        <span className="ln">{i.line}</span>
                        {lines[i.line - 1]}
                      </pre>
                    ) : null}
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
        </div>
      </div>
    </section>
  );
}
