import { useState } from 'react';
import { METRIC_BY_ID } from '../../../../sim/index.ts';
import { SCREENS } from '../../shell/screens.ts';
import { lib } from '../../state/library.ts';
import {
  DEBRIEF_PROMPTS,
  READING_THE_DEBRIEF,
  WORKSHOP_PACK,
  roleTitle,
  type WorkshopPlan,
} from '../../state/workshop-pack.ts';

const screenLabel = (id: string): string => SCREENS.find((s) => s.id === id)?.label ?? id;
const GUIDE_KEY = 'commsim.workshop.guide';

/** The facilitator's pack: each ready-made workshop's brief, role cards, timings and debrief, printable. */
export function PackView({ onUse }: { onUse?: (plan: WorkshopPlan) => void }) {
  const [open, setOpen] = useState(WORKSHOP_PACK[0].id);
  const plan = WORKSHOP_PACK.find((p) => p.id === open) ?? WORKSHOP_PACK[0];
  return (
    <section aria-labelledby="pack-h" className="ws-pack">
      <h3 id="pack-h" className="h3">
        The facilitator’s pack
      </h3>
      <p className="muted">
        Three ready-made workshops. Each has a brief to read out, a card for every role, timings for a half day and
        questions for the debrief. Print one to hand out, or use it to set up a session. Each also has a guided solo
        version, for working through on your own.
      </p>
      <div className="scenario-tabs" role="group" aria-label="Ready-made workshops">
        {WORKSHOP_PACK.map((p) => (
          <button
            key={p.id}
            className={p.id === plan.id ? 'pill on' : 'pill'}
            aria-pressed={p.id === plan.id}
            onClick={() => setOpen(p.id)}
          >
            {p.title}
          </button>
        ))}
      </div>
      <PlanSheet plan={plan} onUse={onUse} />
      <SoloGuide plan={plan} />
    </section>
  );
}

export function PlanSheet({ plan, onUse }: { plan: WorkshopPlan; onUse?: (plan: WorkshopPlan) => void }) {
  const scenario = lib().scenarios.get(plan.scenario);
  return (
    <article className="card ws-sheet" aria-label={`Workshop: ${plan.title}`}>
      <h4>{plan.title}</h4>
      <p>
        <strong>The question:</strong> {plan.question}
      </p>
      <p className="small muted">
        Starts from the scenario “{scenario?.title ?? plan.scenario}”. Suggested: {plan.rounds} rounds of{' '}
        {plan.weeksPerRound} weeks each (
        {plan.weeksPerRound === 13
          ? 'a quarter'
          : plan.weeksPerRound === 26
            ? 'half a year'
            : `${plan.weeksPerRound} weeks`}{' '}
        in the model), about {plan.minutesPerRound} minutes a round in the room.
      </p>
      <div className="row ws-actions">
        {onUse ? <button onClick={() => onUse(plan)}>Set up a session from this workshop</button> : null}
        <button onClick={() => window.print()}>Print this workshop</button>
      </div>
      <h5>The brief (read it out)</h5>
      {plan.brief.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <h5>Role cards</h5>
      <div className="ws-roles">
        {plan.roles.map((r) => (
          <section key={r.role} className="ws-role-card" aria-label={`Role card: ${roleName(r.role)}`}>
            <h6>{roleName(r.role)}</h6>
            <p className="small muted">Played by: {r.whoPlays}</p>
            <p>{r.situation}</p>
            <p>
              <strong>You want:</strong> {r.wants}
            </p>
            <p>
              <strong>You fear:</strong> {r.fears}
            </p>
            <ul>
              {r.ask.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <p className="small muted">Any role nobody plays follows the model’s rules.</p>
      <h5>Timings</h5>
      <table className="ws-timings">
        <thead>
          <tr>
            <th scope="col">Minutes</th>
            <th scope="col">What happens</th>
          </tr>
        </thead>
        <tbody>
          {plan.timings.map((t) => (
            <tr key={t.what}>
              <td>{t.minutes}</td>
              <td>{t.what}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{plan.timings.reduce((a, t) => a + t.minutes, 0)}</th>
            <td>in all</td>
          </tr>
        </tbody>
      </table>
      {plan.hidden.length ? (
        <>
          <h5>Hidden at the start</h5>
          <ul>
            {plan.hidden.map((h) => (
              <li key={h.role + h.metric}>
                From {roleName(h.role).toLowerCase()}: {METRIC_BY_ID.get(h.metric).label.toLowerCase()}. {h.why}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.shocks.length ? (
        <>
          <h5>Shocks to drop in</h5>
          <ul>
            {plan.shocks.map((s) => (
              <li key={s.say}>
                Round {s.round}: “{s.say}”
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h5>Debrief questions</h5>
      <ol>
        {[...DEBRIEF_PROMPTS, ...plan.debrief].map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ol>
      <h5>Reading the debrief</h5>
      {READING_THE_DEBRIEF.map((x) => (
        <p key={x}>{x}</p>
      ))}
      <p className="small muted">Sources: {plan.sources.join('; ')}.</p>
    </article>
  );
}

/** The guided solo version: a step at a time through the app's own screens; the step reached is remembered. */
function SoloGuide({ plan }: { plan: WorkshopPlan }) {
  const [steps, setSteps] = useState<Record<string, number>>(() => {
    try {
      const v: unknown = JSON.parse(localStorage.getItem(GUIDE_KEY) ?? '{}');
      return typeof v === 'object' && v !== null ? (v as Record<string, number>) : {};
    } catch {
      return {};
    }
  });
  const at = Math.min(Math.max(0, Number(steps[plan.id]) || 0), plan.solo.length - 1);
  const go = (n: number): void => {
    const next = { ...steps, [plan.id]: n };
    setSteps(next);
    try {
      localStorage.setItem(GUIDE_KEY, JSON.stringify(next));
    } catch {
      /* not kept: the guide still works */
    }
  };
  const step = plan.solo[at];
  return (
    <section className="card ws-solo" aria-labelledby="solo-h">
      <h4 id="solo-h">On your own: a guided version of “{plan.title}”</h4>
      <p className="small muted">
        No room, no players: work through the same question with the app’s own screens. The guide remembers the step you
        reached; come back here for the next one.
      </p>
      <ol className="ws-steps">
        {plan.solo.map((s, i) => (
          <li
            key={s.title}
            aria-current={i === at ? 'step' : undefined}
            className={i === at ? 'on' : i < at ? 'done' : ''}
          >
            {s.title}
          </li>
        ))}
      </ol>
      <div className="ws-step" aria-live="polite">
        <p>
          <strong>
            Step {at + 1} of {plan.solo.length}: {step.title}
          </strong>
        </p>
        <p>{step.doThis}</p>
        <p>
          <strong>Look for:</strong> {step.notice}
        </p>
        <div className="row">
          <button disabled={at === 0} onClick={() => go(at - 1)}>
            Previous step
          </button>
          <a className="ws-go" href={`#${step.screen}`}>
            Open “{screenLabel(step.screen)}”
          </a>
          <button disabled={at === plan.solo.length - 1} onClick={() => go(at + 1)}>
            Next step
          </button>
        </div>
      </div>
    </section>
  );
}

export const roleName = roleTitle;
