/**
 * Single-screen mode (issue 18): the whole game in one projected browser, for rooms without a network. The game
 * runs here, through the engine in sim/ (the same Game the workshop host runs); played roles take turns at the
 * keyboard, a hand-over screen between them so nobody sees another's desk by accident. The round is played when
 * every played role has decided, when the timer runs out, or when the facilitator moves it on. The game's record
 * is kept in this browser after every action, so a reload or a closed laptop resumes it exactly (replayGame).
 */
import { useEffect, useState } from 'react';
import {
  formatIssue,
  Game,
  GameError,
  gameSetup,
  loadScenario,
  replayGame,
  roleKind,
  roleLabel,
  ScenarioError,
  scenarioFromLibrary,
  type DecisionValues,
  type GameAction,
  type GameRecord,
  type RoleId,
} from '../../../../sim/index.ts';
import { lib } from '../../state/library.ts';
import type { Workspace } from '../../state/workspace.ts';
import { planById } from '../../state/workshop-pack.ts';
import { Debrief } from './Debrief.tsx';
import { FacilitatorControls } from './FacilitatorControls.tsx';
import { RoleDesk } from './RoleDesk.tsx';
import { initialReveals, SessionSetup, type SetupChoice } from './SessionSetup.tsx';
import { TableCard } from './TableCard.tsx';

const KEY = 'commsim.workshop.single';

interface Meta {
  plan?: string;
  minutesPerRound: number;
  /** when each decision was taken, in the order of the record's decide actions */
  decidedAt: number[];
  /** when the round being decided opened */
  roundOpened: number;
}

interface Saved {
  record: GameRecord;
  meta: Meta;
}

function loadSaved(): Saved | undefined {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Saved | null;
    return v && v.record && v.meta ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The scenario's run configuration, or the problems that stop it loading, in plain words. */
function configOf(choice: SetupChoice) {
  const s = choice.source;
  try {
    return {
      ok: true as const,
      config:
        s.kind === 'library'
          ? scenarioFromLibrary(s.id, lib()).config
          : loadScenario(s.yaml, `${s.id}.yaml`, lib()).config,
    };
  } catch (e) {
    const msg = e instanceof ScenarioError ? e.issues.map(formatIssue).join('\n') : String(e);
    return { ok: false as const, message: msg };
  }
}

/** The clock, read only in event handlers and timers (never while drawing). */
const now = (): number => Date.now();

function persist(game: Game, meta: Meta): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ record: game.record(), meta }));
  } catch {
    /* storage full: the game goes on, a reload will not resume it */
  }
}

/** The game being played here and what the screen keeps beside it; `v` changes whenever the game does. */
interface Session {
  game: Game;
  meta: Meta;
  v: number;
}

export function SingleScreen({ ws }: { ws: Workspace }) {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [turn, setTurn] = useState<RoleId | null>(null);
  const [saved, setSaved] = useState<Saved | undefined>(loadSaved);

  /** Apply one action; a refusal is shown, not thrown. Plays the round when everyone has decided. */
  const act = (a: GameAction): boolean => {
    if (!session) return false;
    const g = session.game;
    let meta = session.meta;
    let ok = true;
    try {
      const round = g.currentRound;
      g.apply(a);
      if (a.kind === 'decide') meta = { ...meta, decidedAt: [...meta.decidedAt, now()] };
      if (g.allDecided()) g.apply({ kind: 'advance', round: g.currentRound, reason: 'all-decided' });
      if (g.currentRound !== round) meta = { ...meta, roundOpened: now() };
      setError(null);
    } catch (e) {
      setError(e instanceof GameError ? e.message : String(e));
      ok = false;
    }
    persist(g, meta);
    setSession({ game: g, meta, v: session.v + 1 });
    return ok;
  };

  // the round's timer: when it runs out the round is played with the decisions in
  const g = session?.game;
  const m = session?.meta;
  const deadline =
    g && m && m.minutesPerRound > 0 && g.currentPhase === 'deciding'
      ? m.roundOpened + m.minutesPerRound * 60_000
      : null;
  const roundNow = g?.currentRound;
  useEffect(() => {
    if (deadline === null || roundNow === undefined) return;
    const t = setTimeout(
      () => {
        if (g?.currentRound === roundNow && g.currentPhase === 'deciding') {
          act({ kind: 'advance', round: roundNow, reason: 'timer' });
          setTurn(null);
        }
      },
      Math.max(0, deadline - now()),
    );
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deadline, roundNow]);

  const begin = (choice: SetupChoice): void => {
    const c = configOf(choice);
    if (!c.ok) {
      setError(`The scenario “${choice.source.title}” cannot be played:\n${c.message}`);
      return;
    }
    const seed = crypto.getRandomValues(new Uint32Array(1))[0] & 0x7fffffff;
    try {
      const setup = gameSetup({
        config: c.config,
        seed,
        rounds: choice.rounds,
        roundWeeks: choice.weeksPerRound,
        roundSeconds: choice.minutesPerRound * 60,
        played: choice.played,
        title: choice.source.title,
      });
      const game = new Game(setup);
      const meta: Meta = {
        plan: choice.plan,
        minutesPerRound: choice.minutesPerRound,
        decidedAt: [],
        roundOpened: now(),
      };
      for (const r of initialReveals(choice))
        if (choice.played.includes(r.role)) game.apply({ kind: 'reveal', round: 0, ...r });
      game.apply({ kind: 'start' });
      setTurn(null);
      setError(null);
      persist(game, meta);
      setSession({ game, meta, v: 0 });
    } catch (e) {
      setError(e instanceof GameError ? e.message : String(e));
    }
  };

  const resume = (s: Saved): void => {
    try {
      setSession({ game: replayGame(s.record), meta: { ...s.meta, roundOpened: now() }, v: 0 });
      setSaved(undefined);
    } catch (e) {
      setError(`The saved game could not be resumed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const discard = (): void => {
    localStorage.removeItem(KEY);
    setSession(null);
    setSaved(undefined);
    setTurn(null);
  };

  const errorBox = error ? (
    <div className="notice error" role="alert">
      {error.split('\n').map((l, i) => (
        <p key={i}>{l}</p>
      ))}
    </div>
  ) : null;

  if (!g || !m) {
    return (
      <section aria-label="One screen, no network" className="ws-single">
        <p>
          Everything runs in this browser: nothing goes over a network. Put it on the projector; each role comes to the
          keyboard in turn to see its desk and decide. Roles nobody plays follow the model’s rules.
        </p>
        {saved ? (
          <div className="notice" role="status">
            <p>
              A game of “{saved.record.setup.title}” is in progress in this browser (round{' '}
              {saved.record.actions.filter((a) => a.kind === 'advance').length + 1} of {saved.record.setup.rounds}).
            </p>
            <div className="row">
              <button onClick={() => resume(saved)}>Resume it</button>
              <button onClick={discard}>Start afresh</button>
            </div>
          </div>
        ) : null}
        {errorBox}
        <SessionSetup ws={ws} start={begin} startLabel="Start the game on this screen" maxTables={1} />
      </section>
    );
  }

  const plan = m.plan ? planById(m.plan) : undefined;
  if (g.currentPhase === 'ended') {
    const record = g.record();
    return (
      <section aria-label="One screen, no network" className="ws-single">
        {errorBox}
        <Debrief
          title={g.setup.title}
          plan={plan}
          tables={[{ name: 'This table', debrief: g.debrief(), decidedAt: m.decidedAt, record }]}
        />
        <div className="row ws-noprint">
          <button onClick={discard}>Finish and set up another game</button>
        </div>
      </section>
    );
  }

  const waiting = g.played.filter((r) => g.canAct(r) && !g.hasDecided(r));
  const current = turn && g.canAct(turn) && !g.hasDecided(turn) ? turn : null;
  return (
    <section aria-label="One screen, no network" className="ws-single">
      {errorBox}
      {current ? (
        <>
          <RoleDesk
            view={g.view(current)}
            card={plan?.roles.find((r) => r.role === roleKind(current))}
            deadline={deadline}
            onDecide={(values: DecisionValues, note: string) => {
              if (act({ kind: 'decide', round: g.currentRound, role: current, values, note })) setTurn(null);
            }}
          />
          <button className="ws-noprint" onClick={() => setTurn(null)}>
            Back to the hand-over screen (without deciding)
          </button>
        </>
      ) : (
        <>
          <div className="card ws-handover" aria-live="polite">
            <h3 className="h3">
              {g.setup.title}: round {g.currentRound + 1} of {g.setup.rounds}
            </h3>
            {waiting.length ? (
              <>
                <p>
                  Next at the keyboard: <strong>{roleLabel(waiting[0])}</strong>. Everyone else, look away from the
                  screen.
                </p>
                <div className="row">
                  {waiting.map((r, i) => (
                    <button key={r} className={i === 0 ? 'primary' : ''} onClick={() => setTurn(r)}>
                      I am {roleLabel(r)}: show my desk
                    </button>
                  ))}
                </div>
                <p className="small muted">
                  Decided this round:{' '}
                  {g.played
                    .filter((r) => g.hasDecided(r))
                    .map(roleLabel)
                    .join(', ') || 'nobody yet'}
                  .
                </p>
              </>
            ) : null}
          </div>
          <TableCard n={1} summary={g.summary()} />
          <details className="ws-noprint">
            <summary>Facilitator’s controls</summary>
            <FacilitatorControls
              scope="this table"
              played={g.played}
              actions={{
                shock: (shock) => act({ kind: 'shock', round: g.currentRound, shock }),
                message: (text) => act({ kind: 'message', round: g.currentRound, text }),
                reveal: (role, metric, show) => act({ kind: 'reveal', round: g.currentRound, role, metric, show }),
                advance: () => act({ kind: 'advance', round: g.currentRound, reason: 'facilitator' }),
                end: () => act({ kind: 'end', round: g.currentRound }),
              }}
            />
          </details>
        </>
      )}
    </section>
  );
}
