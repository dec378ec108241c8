/**
 * Opening a kept workshop: the game records a debrief saved ("Download the game records") are read back, each
 * table's game replayed exactly from its set-up and its recorded actions (replayGame), and the debrief shown again.
 * A file that is not such a record is refused with what is wrong with it; nothing in it is run or shown as HTML.
 */
import { useId, useState } from 'react';
import { GameError, replayGame, type GameRecord } from '../../../../sim/index.ts';
import type { TableOutcome } from '../../state/workshop-record.ts';
import { Debrief } from './Debrief.tsx';

/** The most a kept record may be (a long workshop of eight tables is well under this). */
const MAX_RECORD_CHARS = 20_000_000;

/** Read the saved records back into replayed tables, or say what is wrong. */
export function readKeptRecords(text: string): { ok: true; tables: TableOutcome[] } | { ok: false; message: string } {
  if (text.length > MAX_RECORD_CHARS) return { ok: false, message: 'the file is too large to be a workshop record' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the file is not a workshop record (it is not JSON)' };
  }
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 8)
    return { ok: false, message: 'the file is not a workshop record: it should list one to eight tables' };
  const tables: TableOutcome[] = [];
  for (const [i, t] of raw.entries()) {
    const item = t as { table?: unknown; record?: unknown };
    const name = typeof item?.table === 'string' ? item.table.slice(0, 40) : `Table ${i + 1}`;
    const rec = item?.record as GameRecord | undefined;
    if (!rec || typeof rec !== 'object' || !Array.isArray(rec.actions) || typeof rec.setup !== 'object')
      return { ok: false, message: `table ${i + 1}: no game record (a set-up and a list of actions)` };
    const su = rec.setup as Partial<GameRecord['setup']>;
    if (
      typeof su.rounds !== 'number' ||
      typeof su.roundWeeks !== 'number' ||
      su.config?.weeks !== 1 + su.rounds * su.roundWeeks
    )
      return { ok: false, message: `${name}: the set-up does not match its rounds (it may have been edited)` };
    try {
      const g = replayGame(rec);
      tables.push({ name, debrief: g.debrief(), record: g.record() });
    } catch (e) {
      const why = e instanceof GameError ? e.message : e instanceof Error ? e.message : String(e);
      return { ok: false, message: `${name}: the game could not be replayed: ${why}` };
    }
  }
  return { ok: true, tables };
}

export function OpenRecord() {
  const idp = useId();
  const [tables, setTables] = useState<TableOutcome[] | null>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card ws-open-record" aria-labelledby={`${idp}-h`}>
      <h4 id={`${idp}-h`}>Open a workshop you kept</h4>
      <p className="small muted">
        Choose the game records file a debrief saved (“Download the game records”). Each table is played again from its
        record, exactly, and its debrief shown.
      </p>
      <label htmlFor={`${idp}-file`}>Game records file (.json)</label>{' '}
      <input
        id={`${idp}-file`}
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (!f) return;
          void f.text().then((text) => {
            const r = readKeptRecords(text);
            if (r.ok) {
              setTables(r.tables);
              setTitle(r.tables[0].debrief.title);
              setError(null);
            } else {
              setTables(null);
              setError(`“${f.name.slice(0, 80)}”: ${r.message}.`);
            }
          });
        }}
      />
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
      {tables ? <Debrief title={title} tables={tables} /> : null}
    </section>
  );
}
