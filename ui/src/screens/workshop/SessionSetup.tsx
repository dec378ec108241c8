import { useId, useState } from 'react';
import { HEADLINE_METRICS, ROLE_IDS, roleKind, roleLabel, type MetricId, type RoleId } from '../../../../sim/index.ts';
import { NumberBox } from '../../common/NumberBox.tsx';
import { lib } from '../../state/library.ts';
import { draftToYaml, type Workspace } from '../../state/workspace.ts';
import { WORKSHOP_PACK, type WorkshopPlan } from '../../state/workshop-pack.ts';

/** Where a session's place and strategy come from: a library scenario, or one of the user's own plans. */
export type ScenarioSource =
  { kind: 'library'; id: string; title: string } | { kind: 'plan'; id: string; title: string; yaml: string };

export interface SetupChoice {
  source: ScenarioSource;
  /** the pack workshop it follows, if any */
  plan?: string;
  rounds: number;
  weeksPerRound: number;
  /** minutes a round lasts in the room before the facilitator may move it on (0 = no timer) */
  minutesPerRound: number;
  tables: number;
  /** the roles people play; the others follow the model's rules */
  played: RoleId[];
  /** the information each role sees beyond its own figures: role → shown */
  seesOthers: Record<string, boolean>;
}

const LENGTHS = [
  { weeks: 4, label: 'a month (4 weeks)' },
  { weeks: 13, label: 'a quarter (13 weeks)' },
  { weeks: 26, label: 'half a year (26 weeks)' },
  { weeks: 52, label: 'a year (52 weeks)' },
];

/**
 * The facilitator's choices for a new session: the scenario (any library scenario or the user's own plan), the
 * rounds and their length, the timer, the number of tables, who is played and what each role sees.
 */
export function SessionSetup({
  ws,
  roles = SEATS,
  start,
  busy,
  startLabel,
  maxTables = 8,
}: {
  ws: Workspace;
  /** the game's seats: id and plain name */
  roles?: readonly { id: RoleId; name: string }[];
  start: (choice: SetupChoice) => void;
  busy?: boolean;
  startLabel: string;
  maxTables?: number;
}) {
  const idp = useId();
  const [plan, setPlan] = useState<WorkshopPlan | undefined>(WORKSHOP_PACK[0]);
  const [sourceKey, setSourceKey] = useState(`library:${WORKSHOP_PACK[0].scenario}`);
  const [rounds, setRounds] = useState(WORKSHOP_PACK[0].rounds);
  const [weeks, setWeeks] = useState(WORKSHOP_PACK[0].weeksPerRound);
  const [minutes, setMinutes] = useState(WORKSHOP_PACK[0].minutesPerRound);
  const [tables, setTables] = useState(1);
  const [played, setPlayed] = useState<RoleId[]>(() =>
    roles.filter((r) => planRoles(WORKSHOP_PACK[0]).includes(r.id)).map((r) => r.id),
  );
  const [sees, setSees] = useState<Record<string, boolean>>({});

  const applyPlan = (p: WorkshopPlan | undefined): void => {
    setPlan(p);
    if (!p) return;
    setSourceKey(`library:${p.scenario}`);
    setRounds(p.rounds);
    setWeeks(p.weeksPerRound);
    setMinutes(p.minutesPerRound);
    setPlayed(roles.filter((r) => planRoles(p).includes(r.id)).map((r) => r.id));
  };

  const library = [...lib().scenarios.values()].sort((a, b) => a.title.localeCompare(b.title));
  const source = (): ScenarioSource | undefined => {
    const [kind, id] = [sourceKey.slice(0, sourceKey.indexOf(':')), sourceKey.slice(sourceKey.indexOf(':') + 1)];
    if (kind === 'library') {
      const s = lib().scenarios.get(id);
      return s ? { kind: 'library', id, title: s.title } : undefined;
    }
    const d = ws.scenarios.find((x) => x.key === id);
    return d ? { kind: 'plan', id: d.id, title: d.title, yaml: draftToYaml(ws, d) } : undefined;
  };
  const years = (rounds * weeks) / 52;
  const ok = played.length > 0 && !!source();

  return (
    <form
      className="card ws-setup"
      aria-label="Set up a session"
      onSubmit={(e) => {
        e.preventDefault();
        const s = source();
        if (!s || !ok) return;
        start({
          source: s,
          plan: plan?.id,
          rounds,
          weeksPerRound: weeks,
          minutesPerRound: minutes,
          tables,
          played,
          seesOthers: sees,
        });
      }}
    >
      <div className="field">
        <label htmlFor={`${idp}-plan`}>Follow a ready-made workshop</label>{' '}
        <select
          id={`${idp}-plan`}
          value={plan?.id ?? ''}
          onChange={(e) => applyPlan(WORKSHOP_PACK.find((p) => p.id === e.target.value))}
        >
          {WORKSHOP_PACK.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
          <option value="">None: my own set-up</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idp}-src`}>The place and strategy the game starts from</label>{' '}
        <select id={`${idp}-src`} value={sourceKey} onChange={(e) => setSourceKey(e.target.value)}>
          <optgroup label="Your own plans (from the Strategies screen)">
            {ws.scenarios.map((d) => (
              <option key={d.key} value={`plan:${d.key}`}>
                {d.title}
              </option>
            ))}
          </optgroup>
          <optgroup label="The scenario library">
            {library.map((s) => (
              <option key={s.id} value={`library:${s.id}`}>
                {s.title}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="row ws-numbers">
        <label>
          Rounds <NumberBox label="Rounds" value={rounds} onChange={setRounds} min={1} max={40} whole />
        </label>
        <label htmlFor={`${idp}-len`}>Each round lasts, in the model</label>
        <select id={`${idp}-len`} value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
          {LENGTHS.map((l) => (
            <option key={l.weeks} value={l.weeks}>
              {l.label}
            </option>
          ))}
        </select>
        <label>
          Minutes per round in the room (0 = no timer){' '}
          <NumberBox
            label="Minutes per round in the room"
            value={minutes}
            onChange={setMinutes}
            min={0}
            max={60}
            whole
          />
        </label>
        {maxTables > 1 ? (
          <label>
            Tables <NumberBox label="Tables" value={tables} onChange={setTables} min={1} max={maxTables} whole />
          </label>
        ) : null}
      </div>
      <p className="small muted">
        The game covers {years.toFixed(years < 2 ? 2 : 1)} years of the model in {rounds} rounds
        {minutes > 0 ? `, about ${rounds * minutes} minutes of play` : ''}.
      </p>
      <fieldset>
        <legend>Who is played by people (the others follow the model’s rules), and what each sees</legend>
        <table className="ws-roles-table">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Played by a person</th>
              <th scope="col">Also sees the other roles’ figures</th>
            </tr>
          </thead>
          <tbody>
            {roles.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${r.name} is played by a person`}
                    checked={played.includes(r.id)}
                    onChange={(e) => setPlayed(e.target.checked ? [...played, r.id] : played.filter((x) => x !== r.id))}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${r.name} also sees the other roles’ figures`}
                    checked={!!sees[r.id]}
                    onChange={(e) => setSees({ ...sees, [r.id]: e.target.checked })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {played.length === 0 ? <p role="alert">Choose at least one role for people to play.</p> : null}
      </fieldset>
      <button type="submit" className="primary" disabled={!ok || busy}>
        {startLabel}
      </button>
    </form>
  );
}

/** The seats a pack workshop plays: its kinds of role, with two provider seats for the provider card. */
function planRoles(p: WorkshopPlan): string[] {
  return p.roles.flatMap((r) => (r.role === 'provider' ? ['provider-1', 'provider-2'] : [r.role]));
}

/**
 * What each role sees at the start beyond its own figures: the place's headline figures for a role the facilitator
 * lets see the others', and the figures a pack workshop hides (Campbell's law: the commissioner sees only what is
 * reported).
 */
export function initialReveals(choice: SetupChoice): { role: RoleId; metric: MetricId; show: boolean }[] {
  const out: { role: RoleId; metric: MetricId; show: boolean }[] = [];
  for (const role of ROLE_IDS)
    if (choice.seesOthers[role]) for (const metric of HEADLINE_METRICS) out.push({ role, metric, show: true });
  const plan = WORKSHOP_PACK.find((p) => p.id === choice.plan);
  for (const h of plan?.hidden ?? [])
    for (const role of ROLE_IDS) if (roleKind(role) === h.role) out.push({ role, metric: h.metric, show: false });
  return out;
}

/** The game's seats, in plain words, for the set-up form. */
export const SEATS: readonly { id: RoleId; name: string }[] = ROLE_IDS.map((id) => ({ id, name: roleLabel(id) }));
