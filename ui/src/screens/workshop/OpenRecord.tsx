/**
 * Opening a kept workshop: the game records a debrief saved are read back, each table's game replayed from its
 * set-up and its recorded actions and checked against the fingerprint saved with it (verifyRecord), and the
 * debrief shown again.
 * A file that is not such a record is refused with what is wrong with it; nothing in it is run or shown as HTML.
 */
import { useId, useState } from 'react';
import { GameError, verifyRecord, type GameRecord } from '../../../../sim/index.ts';
import type { TableOutcome } from '../../state/workshop-record.ts';
import { Debrief } from './Debrief.tsx';

/** The most a kept record may be (a long workshop of eight tables is well under this). */
const MAX_RECORD_CHARS = 20_000_000;

/** A kept table, replayed, and whether it gave the same figures as when it was saved. */
export interface KeptTable extends TableOutcome {
  /** true: the same to the last bit; false: different; null: the record carries no fingerprint */
  same: boolean | null;
}

function isRecord(v: unknown): v is GameRecord {
  const r = v as Partial<GameRecord> | null;
  return typeof r === 'object' && r !== null && Array.isArray(r.actions) && typeof r.setup === 'object';
}

/**
 * Read kept records back into replayed tables, or say what is wrong. A file holds one table's record (as the
 * debrief saves it, and as `commsim workshop --replay` reads it) or a list of `{table, record}`.
 */
export function readKeptRecords(
  text: string,
  fallbackName = 'Table 1',
): { ok: true; tables: KeptTable[] } | { ok: false; message: string } {
  if (text.length > MAX_RECORD_CHARS) return { ok: false, message: 'the file is too large to be a workshop record' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the file is not a workshop record (it is not JSON)' };
  }
  const items: { name: string; record: unknown }[] = [];
  if (isRecord(raw)) items.push({ name: fallbackName, record: raw });
  else if (Array.isArray(raw) && raw.length > 0 && raw.length <= 8)
    raw.forEach((t, i) => {
      const item = t as { table?: unknown; record?: unknown } | null;
      items.push({
        name: typeof item?.table === 'string' ? item.table.slice(0, 40) : `Table ${i + 1}`,
        record: item?.record,
      });
    });
  else return { ok: false, message: 'the file is not a workshop record (it needs "setup" and "actions")' };
  const tables: KeptTable[] = [];
  for (const [i, { name, record: rec }] of items.entries()) {
    if (!isRecord(rec))
      return { ok: false, message: `table ${i + 1}: no game record (a set-up and a list of actions)` };
    const su = rec.setup as Partial<GameRecord['setup']>;
    if (
      typeof su.rounds !== 'number' ||
      typeof su.roundWeeks !== 'number' ||
      su.config?.weeks !== 1 + su.rounds * su.roundWeeks
    )
      return { ok: false, message: `${name}: the set-up does not match its rounds (it may have been edited)` };
    try {
      const v = verifyRecord(rec);
      tables.push({ name, debrief: v.game.debrief(), record: v.game.record(), same: v.same });
    } catch (e) {
      const why = e instanceof GameError ? e.message : e instanceof Error ? e.message : String(e);
      return { ok: false, message: `${name}: the game could not be replayed: ${why}` };
    }
  }
  return { ok: true, tables };
}

export function OpenRecord() {
  const idp = useId();
  const [tables, setTables] = useState<KeptTable[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card ws-open-record" aria-labelledby={`${idp}-h`}>
      <h4 id={`${idp}-h`}>Open a workshop you kept</h4>
      <p className="small muted">
        Choose the game record files a debrief saved (one a table; choose several to set the tables side by side). Each
        table is played again from its record and checked against the figures it had when it was saved.
      </p>
      <label htmlFor={`${idp}-file`}>Game record files (.json)</label>{' '}
      <input
        id={`${idp}-file`}
        type="file"
        multiple
        accept=".json,application/json"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])].slice(0, 8);
          if (files.length === 0) return;
          void Promise.all(files.map((f) => f.text())).then((texts) => {
            const out: KeptTable[] = [];
            for (const [i, text] of texts.entries()) {
              const r = readKeptRecords(text, `Table ${out.length + 1}`);
              if (!r.ok) {
                setTables(null);
                setError(`“${files[i].name.slice(0, 80)}”: ${r.message}.`);
                return;
              }
              out.push(...r.tables);
            }
            setTables(out);
            setError(null);
          });
        }}
      />
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
      {tables ? (
        <>
          <ul className="ws-checks" role="status">
            {tables.map((t) => (
              <li key={t.name}>
                {t.name}:{' '}
                {t.same === true
                  ? 'replayed exactly — every figure of every week is the same as when it was saved.'
                  : t.same === false
                    ? 'NOT the same figures as when it was saved: the record or the simulator has changed since.'
                    : 'replayed (the record carries no check of its figures).'}
              </li>
            ))}
          </ul>
          <Debrief title={tables[0].debrief.title} tables={tables} />
        </>
      ) : null}
    </section>
  );
}
