/**
 * What the facilitator does to a running table (the console and the single screen share it): drop in a shock,
 * speak to every role, reveal or hide a figure, move the round on without waiting, end the game. Shocks are offered
 * in plain words with their size in the units people use; the game checks them against the scenario format's ranges.
 */
import { useId, useState } from 'react';
import {
  METRICS,
  NEED_GROUP_KEYS,
  ROLE_IDS,
  roleLabel,
  type MetricId,
  type RoleId,
  type ShockSpec,
} from '../../../../sim/index.ts';
import { NumberBox } from '../../common/NumberBox.tsx';

interface ShockPreset {
  id: string;
  label: string;
  /** the size's words and bounds (in % unless `unit` says otherwise) */
  size?: { label: string; unit: string; value: number; min: number; max: number };
  make: (size: number) => ShockSpec;
}

/** The shocks a facilitator can drop in, in plain words; sizes are typed in % (or £) and sent in model units. */
export const SHOCK_PRESETS: readonly ShockPreset[] = [
  {
    id: 'collapse-largest',
    label: 'The largest provider has just collapsed',
    make: () => ({ type: 'provider_collapse', largest: true }),
  },
  {
    id: 'collapse-share',
    label: 'Providers holding some of the care hours collapse',
    size: { label: 'Share of care hours', unit: '%', value: 15, min: 1, max: 100 },
    make: (x) => ({ type: 'provider_collapse', share: x / 100 }),
  },
  {
    id: 'sickness',
    label: 'A sickness wave among care workers (for 4 weeks)',
    size: { label: 'Care workers off sick', unit: '%', value: 10, min: 1, max: 100 },
    make: (x) => ({ type: 'sickness_wave', share: x / 100, weeks: 4 }),
  },
  {
    id: 'employer',
    label: 'A big new employer opens nearby, paying more',
    size: { label: 'Pay above local jobs', unit: '%', value: 8, min: 1, max: 100 },
    make: (x) => ({ type: 'competing_employer', wage_rise: x / 100 }),
  },
  {
    id: 'budget',
    label: 'The care budget is cut',
    size: { label: 'Cut', unit: '%', value: 3, min: 1, max: 90 },
    make: (x) => ({ type: 'budget_cut', share: x / 100 }),
  },
  {
    id: 'demand',
    label: 'A surge in older people needing care (a hard winter)',
    size: { label: 'More new requests', unit: '%', value: 25, min: 1, max: 300 },
    make: (x) => ({ type: 'demand_surge', need_group: NEED_GROUP_KEYS[0], share: x / 100 }),
  },
  {
    id: 'living-wage',
    label: 'The national living wage rises',
    size: { label: 'Rise', unit: '%', value: 5, min: 1, max: 50 },
    make: (x) => ({ type: 'living_wage', rise: x / 100 }),
  },
  {
    id: 'employer-costs',
    label: 'Employers’ costs rise (sick pay, National Insurance)',
    size: { label: 'Rise in cost per hour', unit: '%', value: 3, min: 1, max: 50 },
    make: (x) => ({ type: 'employer_costs', share: x / 100 }),
  },
];

export interface ControlActions {
  shock: (s: ShockSpec) => void;
  message: (text: string) => void;
  reveal: (role: RoleId | 'all', metric: MetricId, show: boolean) => void;
  advance: () => void;
  end: () => void;
}

export function FacilitatorControls({
  actions,
  played,
  disabled,
  scope,
}: {
  actions: ControlActions;
  played: readonly RoleId[];
  disabled?: boolean;
  /** which tables the controls act on, in words ("every table", "table 2") */
  scope: string;
}) {
  const idp = useId();
  const [preset, setPreset] = useState(SHOCK_PRESETS[0].id);
  const p = SHOCK_PRESETS.find((x) => x.id === preset) ?? SHOCK_PRESETS[0];
  const [size, setSize] = useState<Record<string, number>>({});
  const sz = size[p.id] ?? p.size?.value ?? 0;
  const [text, setText] = useState('');
  const [who, setWho] = useState<RoleId | 'all'>('all');
  const [metric, setMetric] = useState<MetricId>('wellbeing_mean');
  const [ending, setEnding] = useState(false);
  const roles = ROLE_IDS.filter((r) => played.includes(r));
  return (
    <section className="ws-controls" aria-label={`Facilitator’s controls for ${scope}`}>
      <fieldset disabled={disabled}>
        <legend>Drop in a shock ({scope})</legend>
        <div className="row">
          <label htmlFor={`${idp}-shock`}>What happens</label>
          <select id={`${idp}-shock`} value={preset} onChange={(e) => setPreset(e.target.value)}>
            {SHOCK_PRESETS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
          {p.size ? (
            <label>
              {p.size.label}{' '}
              <NumberBox
                label={p.size.label}
                value={sz}
                min={p.size.min}
                max={p.size.max}
                onChange={(v) => setSize({ ...size, [p.id]: v })}
              />{' '}
              {p.size.unit}
            </label>
          ) : null}
          <button type="button" onClick={() => actions.shock(p.make(sz))}>
            Drop it in now
          </button>
        </div>
        <p className="small muted">It happens at the start of the round being decided; every role is told.</p>
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>Tell every role something</legend>
        <div className="row">
          <label htmlFor={`${idp}-msg`} className="sr-only">
            Message to every role
          </label>
          <input
            id={`${idp}-msg`}
            type="text"
            maxLength={500}
            value={text}
            placeholder="e.g. The council's cabinet meets next round"
            onChange={(e) => setText(e.target.value)}
          />
          <button
            type="button"
            disabled={!text.trim()}
            onClick={() => {
              actions.message(text.trim());
              setText('');
            }}
          >
            Send
          </button>
        </div>
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>Reveal or hide a figure</legend>
        <div className="row">
          <label htmlFor={`${idp}-who`}>To</label>
          <select id={`${idp}-who`} value={who} onChange={(e) => setWho(e.target.value as RoleId | 'all')}>
            <option value="all">every role</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
          <label htmlFor={`${idp}-metric`}>Figure</label>
          <select id={`${idp}-metric`} value={metric} onChange={(e) => setMetric(e.target.value as MetricId)}>
            {METRICS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => actions.reveal(who, metric, true)}>
            Reveal
          </button>
          <button type="button" onClick={() => actions.reveal(who, metric, false)}>
            Hide
          </button>
        </div>
      </fieldset>
      <div className="row ws-round-buttons">
        <button type="button" disabled={disabled} onClick={actions.advance}>
          Play the round now (without waiting)
        </button>
        {ending ? (
          <>
            <span role="alert">End the game ({scope}) and open the debrief?</span>
            <button type="button" onClick={actions.end}>
              Yes, end the game
            </button>
            <button type="button" onClick={() => setEnding(false)}>
              No, carry on
            </button>
          </>
        ) : (
          <button type="button" disabled={disabled} onClick={() => setEnding(true)}>
            End the game
          </button>
        )}
      </div>
    </section>
  );
}
