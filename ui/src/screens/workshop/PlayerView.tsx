/**
 * The player's view (issue 18): join a session with its code (from the join address or typed) and a name, and,
 * if the facilitator said so, a table and a role; then play that seat from this browser. The rejoin token the host
 * gives is kept in this browser, so a dropped connection, a reload or a closed page comes back to the same seat
 * (the connection rejoins by itself). When the table's game has ended the player can open its debrief.
 */
import { useId, useState } from 'react';
import {
  CODE_LENGTH,
  MAX_NAME_CHARS,
  MAX_TABLES,
  ROLE_IDS,
  roleLabel,
  type GameDebrief,
  type HostMessage,
  type RoleId,
  type RoleView,
  type SeatInfo,
} from '../../../../sim/index.ts';
import { linkWords, useWorkshopClient, type WorkshopClient } from '../../state/workshop-client.ts';
import type { TableOutcome } from '../../state/workshop-record.ts';
import {
  codeFromAddress,
  forgetSeat,
  joinAddress,
  loadSeat,
  normaliseCode,
  saveSeat,
} from '../../state/workshop-storage.ts';
import { Debrief } from './Debrief.tsx';
import { RoleDesk } from './RoleDesk.tsx';

/** When a timer reading from the host runs out, on this browser's clock. */
const deadlineOf = (secondsLeft: number | null): number | null =>
  secondsLeft === null ? null : Date.now() + secondsLeft * 1000;

export function PlayerView() {
  const idp = useId();
  const [code, setCode] = useState(() => codeFromAddress(location.search) ?? '');
  const [name, setName] = useState('');
  const [table, setTable] = useState('');
  const [role, setRole] = useState<RoleId | ''>('');
  const [seat, setSeat] = useState<SeatInfo | null>(null);
  const [view, setView] = useState<RoleView | null>(null);
  const [deadline, setDeadline] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [debrief, setDebrief] = useState<TableOutcome[] | null>(null);

  const onMessage = (m: HostMessage): void => {
    if (m.t === 'view') {
      setSeat(m.seat);
      setView(m.view);
      setDeadline(m.seat.paused ? null : deadlineOf(m.seat.secondsLeft));
    }
    if (m.t === 'error' && m.id === undefined) {
      setError(m.message);
      // the facilitator deleted the session: this browser forgets the seat
      if (m.code === 'not-found' && seat) {
        forgetSeat(seat.code);
        setSeat(null);
        setView(null);
      }
    }
  };

  /** Take the seat this browser holds for the code, if any (after every reconnection). */
  const rejoin = (c: WorkshopClient, forCode: string): void => {
    const key = forCode ? loadSeat(forCode) : undefined;
    if (!key) return;
    c.request({ t: 'rejoin', code: key.code, seatToken: key.token }).catch((e: unknown) => {
      setError(`${e instanceof Error ? e.message : String(e)}`);
      if (e instanceof Error && /not one of this session|no such session|session/.test(e.message)) forgetSeat(forCode);
    });
  };
  const { client, link } = useWorkshopClient({
    onMessage,
    onOpen: (c) => rejoin(c, seat?.code ?? normaliseCode(code)),
  });

  const join = (): void => {
    if (!client) return;
    const c = normaliseCode(code);
    // the address now carries the code: a reload or a dropped page comes back here and takes the seat again
    history.replaceState(null, '', joinAddress(location.origin, location.pathname, c));
    if (loadSeat(c)) {
      rejoin(client, c);
      return;
    }
    setBusy(true);
    client
      .request({
        t: 'join',
        code: c,
        name: name.trim(),
        ...(table ? { table: Number(table) - 1 } : {}),
        ...(role ? { role } : {}),
      })
      .then((m) => {
        if (m.t === 'joined' && m.seatToken)
          saveSeat({ code: m.code, seat: `${m.table}:${m.role}`, token: m.seatToken, name: m.name });
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };

  const decide = (values: Record<string, number | null>, note: string): void => {
    if (!client || !seat || !view) return;
    setBusy(true);
    client
      .request({ t: 'decide', table: seat.table, round: view.round, values, ...(note ? { note } : {}) })
      .then(() => setError(null))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };

  const openDebrief = (): void => {
    if (!client || !seat) return;
    client
      .request({ t: 'debrief', table: seat.table })
      .then((m) => {
        if (m.t === 'debrief') setDebrief([{ name: `Table ${seat.table + 1}`, debrief: m.debrief as GameDebrief }]);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  const status = (
    <p className={link === 'no-host' ? 'notice error' : 'small muted'} role="status">
      {linkWords(link)}
    </p>
  );
  const errorBox = error ? (
    <p className="notice error" role="alert">
      {error}
    </p>
  ) : null;

  if (seat && view) {
    if (debrief)
      return (
        <section aria-label="Join a workshop">
          <Debrief title={`${seat.code}, table ${seat.table + 1}`} tables={debrief} />
          <button onClick={() => setDebrief(null)}>Back to my desk</button>
        </section>
      );
    return (
      <section aria-label="Join a workshop" className="ws-player">
        {status}
        {errorBox}
        <p className="small muted">
          Session {seat.code}, table {seat.table + 1}. If your connection drops, open this page again on this device:
          you keep your seat.
        </p>
        <RoleDesk view={view} onDecide={decide} deadline={deadline} paused={seat.paused} busy={busy} who={seat.name} />
        {view.phase === 'ended' ? <button onClick={openDebrief}>See how your table did</button> : null}
      </section>
    );
  }

  const known = code ? loadSeat(code) : undefined;
  return (
    <section aria-label="Join a workshop" className="ws-player">
      {status}
      {errorBox}
      {known && link === 'open' ? <p role="status">Taking your seat again…</p> : null}
      <form
        className="card ws-join-form"
        aria-label="Join a session"
        onSubmit={(e) => {
          e.preventDefault();
          join();
        }}
      >
        <div className="field">
          <label htmlFor={`${idp}-code`}>Session code (from the facilitator’s screen)</label>
          <input
            id={`${idp}-code`}
            value={code}
            maxLength={CODE_LENGTH + 4}
            autoCapitalize="characters"
            autoComplete="off"
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${idp}-name`}>Your name (as the others will see it)</label>
          <input
            id={`${idp}-name`}
            value={name}
            maxLength={MAX_NAME_CHARS}
            autoComplete="given-name"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="row">
          <label htmlFor={`${idp}-table`}>Table</label>
          <select id={`${idp}-table`} value={table} onChange={(e) => setTable(e.target.value)}>
            <option value="">any table with a free seat</option>
            {Array.from({ length: MAX_TABLES }, (_, i) => (
              <option key={i} value={i + 1}>
                table {i + 1}
              </option>
            ))}
          </select>
          <label htmlFor={`${idp}-role`}>Role</label>
          <select id={`${idp}-role`} value={role} onChange={(e) => setRole(e.target.value as RoleId | '')}>
            <option value="">any free role</option>
            {ROLE_IDS.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </div>
        <p className="small muted">Choose a table and role only if the facilitator gave you one.</p>
        <button
          type="submit"
          className="primary"
          disabled={busy || link !== 'open' || normaliseCode(code).length !== CODE_LENGTH || !name.trim()}
        >
          Join
        </button>
      </form>
    </section>
  );
}
