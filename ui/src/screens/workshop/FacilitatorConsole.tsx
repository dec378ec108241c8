/**
 * The facilitator's console (issue 18): create a session on the workshop host from any scenario (a library one or
 * the user's own plan), show its join code and QR code, start, pause and resume, drop in shocks, reveal or hide
 * figures, speak to the tables, move a round on, end, and see every table at a glance; then open the debrief. The
 * secret the host gives at creation is kept in this tab's storage: a reload presents it again and keeps control.
 */
import { useState } from 'react';
import type { GameDebrief, GameRecord, HostMessage, SessionSummary, TableTarget } from '../../../../sim/index.ts';
import type { Workspace } from '../../state/workspace.ts';
import { HostRefusal, linkWords, useWorkshopClient, type WorkshopClient } from '../../state/workshop-client.ts';
import { planById } from '../../state/workshop-pack.ts';
import type { TableOutcome } from '../../state/workshop-record.ts';
import { joinAddress, loadFacilitator, saveFacilitator } from '../../state/workshop-storage.ts';
import { Debrief } from './Debrief.tsx';
import { FacilitatorControls } from './FacilitatorControls.tsx';
import { JoinQr } from './JoinQr.tsx';
import { initialReveals, SessionSetup, type SetupChoice } from './SessionSetup.tsx';
import { TableCard } from './TableCard.tsx';

const PLAN_KEY = 'commsim.workshop.plan';

export function FacilitatorConsole({ ws }: { ws: Workspace }) {
  const [summary, setSummary] = useState<SessionSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [target, setTarget] = useState<TableTarget>('all');
  const [debrief, setDebrief] = useState<TableOutcome[] | null>(null);
  const [plan, setPlan] = useState<string | undefined>(() => sessionStorage.getItem(PLAN_KEY) ?? undefined);

  const [receivedAt, setReceivedAt] = useState(0);
  const [forgetting, setForgetting] = useState(false);
  const onMessage = (m: HostMessage): void => {
    if (m.t === 'summary' || m.t === 'created') {
      setSummary(m.summary);
      setReceivedAt(Date.now());
    }
  };
  const { client, link } = useWorkshopClient({
    onMessage,
    onOpen: (c) => {
      const key = loadFacilitator();
      if (!key) return;
      c.request({ t: 'facilitator', code: key.code, secret: key.secret }).catch((e: unknown) => {
        if (e instanceof HostRefusal && (e.code === 'not-found' || e.code === 'unauthorised' || e.code === 'invalid')) {
          saveFacilitator(undefined);
          setError(`The session ${key.code} is no longer on this host: set up a new one.`);
        }
      });
    },
  });

  const run = async (f: (c: WorkshopClient) => Promise<unknown>): Promise<void> => {
    if (!client) return;
    setBusy(true);
    try {
      await f(client);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const create = (choice: SetupChoice): void =>
    void run(async (c) => {
      const src = choice.source;
      const reply = await c.request({
        t: 'create',
        ...(src.kind === 'library' ? { scenario: src.id } : { yaml: src.yaml }),
        title: src.title,
        tables: choice.tables,
        rounds: choice.rounds,
        roundWeeks: choice.weeksPerRound,
        roundSeconds: choice.minutesPerRound * 60,
        roles: choice.played,
      });
      if (reply.t !== 'created') return;
      saveFacilitator({ code: reply.code, secret: reply.secret });
      if (choice.plan) sessionStorage.setItem(PLAN_KEY, choice.plan);
      else sessionStorage.removeItem(PLAN_KEY);
      setPlan(choice.plan);
      setSummary(reply.summary);
      for (const r of initialReveals(choice))
        if (choice.played.includes(r.role)) await c.request({ t: 'reveal', table: 'all', ...r });
    });

  const openDebrief = (s: SessionSummary): void =>
    void run(async (c) => {
      const out: TableOutcome[] = [];
      for (const t of s.tables) {
        const d = await c.request({ t: 'debrief', table: t.index });
        const r = await c.request({ t: 'record', table: t.index });
        if (d.t === 'debrief')
          out.push({
            name: `Table ${t.index + 1}`,
            debrief: d.debrief as GameDebrief,
            record: r.t === 'record' ? (r.record as GameRecord) : undefined,
          });
      }
      setDebrief(out);
    });

  const errorBox = error ? (
    <p className="notice error" role="alert">
      {error}
    </p>
  ) : null;
  const linkBox = (
    <p className={link === 'no-host' ? 'notice error' : 'small muted'} role="status">
      {linkWords(link)}
    </p>
  );

  if (!summary) {
    const key = loadFacilitator();
    return (
      <section aria-label="Run a workshop" className="ws-console">
        {linkBox}
        {errorBox}
        {key && link !== 'no-host' ? (
          <p role="status">Taking back control of session {key.code}…</p>
        ) : (
          <>
            <p>
              Set up a session on the workshop host. Players join from their own browsers with the code it gives; each
              table plays its own game of the same place.
            </p>
            <SessionSetup ws={ws} start={create} busy={busy || link !== 'open'} startLabel="Create the session" />
          </>
        )}
      </section>
    );
  }

  const address = joinAddress(location.origin, location.pathname, summary.code);
  const all = summary.tables;
  const scope = target === 'all' ? 'every table' : `table ${target + 1}`;
  const chosen = target === 'all' ? all : all.filter((t) => t.index === target);
  const send = (m: Parameters<WorkshopClient['request']>[0]): void => void run((c) => c.request(m));
  const lobby = chosen.some((t) => t.phase === 'lobby');
  const paused = chosen.some((t) => t.paused);
  const ended = all.every((t) => t.phase === 'ended');
  const played = all[0]?.played.map((p) => p.role) ?? [];

  if (debrief)
    return (
      <section aria-label="Run a workshop" className="ws-console">
        <Debrief title={summary.title} tables={debrief} plan={planById(plan ?? '')} />
        <button className="ws-noprint" onClick={() => setDebrief(null)}>
          Back to the console
        </button>
      </section>
    );

  return (
    <section aria-label="Run a workshop" className="ws-console">
      {linkBox}
      {errorBox}
      <div className="card ws-session">
        <h3 className="h3">
          {summary.title} <span className="muted small">· session {summary.code}</span>
        </h3>
        <p className="small">
          {summary.rounds} rounds of {summary.roundWeeks} weeks
          {summary.roundSeconds ? `, ${Math.round(summary.roundSeconds / 60)} minutes a round` : ', no timer'};{' '}
          {all.length} table{all.length === 1 ? '' : 's'}.
        </p>
        <JoinQr address={address} code={summary.code} />
      </div>
      <div className="row ws-target">
        <label htmlFor="ws-target">Act on</label>
        <select
          id="ws-target"
          value={String(target)}
          onChange={(e) => setTarget(e.target.value === 'all' ? 'all' : Number(e.target.value))}
        >
          <option value="all">every table</option>
          {all.map((t) => (
            <option key={t.index} value={t.index}>
              table {t.index + 1}
            </option>
          ))}
        </select>
        {lobby ? (
          <button disabled={busy} onClick={() => send({ t: 'start', table: target })}>
            Start the game ({scope})
          </button>
        ) : null}
        {!lobby && !paused ? (
          <button disabled={busy || ended} onClick={() => send({ t: 'pause', table: target })}>
            Pause ({scope})
          </button>
        ) : null}
        {paused ? (
          <button disabled={busy} onClick={() => send({ t: 'resume', table: target })}>
            Resume ({scope})
          </button>
        ) : null}
        <button disabled={busy || !all.some((t) => t.phase === 'ended')} onClick={() => openDebrief(summary)}>
          Open the debrief
        </button>
      </div>
      <div className="ws-tables">
        {all.map((t) => (
          <TableCard
            key={t.index}
            n={t.index + 1}
            summary={t}
            paused={t.paused}
            deadline={t.secondsLeft === null ? null : receivedAt + t.secondsLeft * 1000}
            seats={t.seats.map((s) => ({ role: s.role, name: s.name, connected: s.connected }))}
          />
        ))}
      </div>
      <FacilitatorControls
        scope={scope}
        played={played}
        disabled={busy || lobby || ended}
        actions={{
          shock: (shock) => send({ t: 'shock', table: target, shock }),
          message: (text) => send({ t: 'message', table: target, text }),
          reveal: (role, metric, show) => send({ t: 'reveal', table: target, role, metric, show }),
          advance: () => send({ t: 'advance', table: target }),
          end: () => send({ t: 'end', table: target }),
        }}
      />
      <div className="row ws-noprint ws-leave">
        <button
          onClick={() => {
            saveFacilitator(undefined);
            setSummary(null);
          }}
        >
          Leave this session (set up another)
        </button>
        <span className="small muted">
          The games stay on the host; this tab forgets the session’s secret and can no longer control it.
        </span>
      </div>
      <div className="row ws-noprint ws-leave">
        {forgetting ? (
          <>
            <span role="alert">
              Delete session {summary.code} from the host, with every name, note and decision? Download the record from
              the debrief first if the group wants to keep it.
            </span>
            <button
              disabled={busy}
              onClick={() =>
                void run(async (c) => {
                  await c.request({ t: 'forget', code: summary.code });
                  saveFacilitator(undefined);
                  setForgetting(false);
                  setSummary(null);
                })
              }
            >
              Yes, delete it
            </button>
            <button onClick={() => setForgetting(false)}>No, keep it</button>
          </>
        ) : (
          <button onClick={() => setForgetting(true)}>Delete this workshop from the host</button>
        )}
      </div>
    </section>
  );
}
