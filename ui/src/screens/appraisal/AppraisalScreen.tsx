import { useEffect, useMemo, useState } from 'react';
import { assessReadiness, ScenarioError, type ApproachReadiness } from '../../../../sim/index.ts';
import { loadSavedAppraisalOnce, useAppraisal } from '../../runs/appraisal-session.ts';
import { appraisalPlaceOf, inputsKey, numbersUsed } from '../../state/appraisal-draft.ts';
import { lib } from '../../state/library.ts';
import type { Workspace } from '../../state/workspace.ts';
import { FitPanel } from './FitPanel.tsx';
import { PaperPanel } from './PaperPanel.tsx';
import { PlanPanel } from './PlanPanel.tsx';
import { ReadinessPanel } from './ReadinessPanel.tsx';
import './appraisal.css';

/** The four steps of the appraisal, in the order a commissioner takes them. */
export const STEPS = [
  { id: 'readiness', label: '1. Readiness' },
  { id: 'fit', label: '2. Fit' },
  { id: 'plan', label: '3. Development plan' },
  { id: 'paper', label: '4. The paper' },
] as const;
export type StepId = (typeof STEPS)[number]['id'];

type PlaceOutcome =
  | { ok: true; place: ReturnType<typeof appraisalPlaceOf>; readiness: ApproachReadiness[] }
  | { ok: false; message: string };

/**
 * The Options appraisal screen: which of the twelve commissioning approaches fits this place (readiness, then fit
 * with reasons), what to build first (the development plan), and a paper a Cabinet member can read.
 */
export function AppraisalScreen({ ws, update }: { ws: Workspace; update: (f: (w: Workspace) => Workspace) => void }) {
  const [step, setStep] = useState<StepId>('readiness');
  const [picked, setPicked] = useState('');
  const placeName = lib().places.get(ws.placeId)?.name ?? 'your place';
  const used = numbersUsed(ws);
  const st = useAppraisal();
  useEffect(() => loadSavedAppraisalOnce(), []);
  const stale = !!st.outcome && st.outcome.inputs !== inputsKey(ws);
  // the place and the readiness of every approach: recomputed only when the place, answers or figures change
  const outcome = useMemo<PlaceOutcome>(() => {
    try {
      const place = appraisalPlaceOf(ws);
      return { ok: true, place, readiness: assessReadiness(place, lib(), { years: ws.years }) };
    } catch (e) {
      return {
        ok: false,
        message: e instanceof ScenarioError ? e.issues.map((i) => i.message).join('; ') : String(e),
      };
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ws.placeId, ws.context, ws.numbers, ws.years]);

  return (
    <section aria-labelledby="ap-h" className="appraisal">
      <h2 id="ap-h">Options appraisal: which approach fits {placeName}, and what to build first</h2>
      <p>
        The strategic options appraisal of the twelve commissioning approaches, for the place described under Your place
        {used ? ', with your numbers' : ''}. Take the steps in order: what each approach needs against what the place
        has, how each turns out when run here, a development plan for the one you choose, and a paper to take to Cabinet
        or a partnership board.
      </p>
      <p className="honest" role="note">
        <strong>Plausible dynamics, not forecasts.</strong> The appraisal runs the simulation many times with the
        model’s uncertain coefficients and chance; read the ranges and the order, not single numbers.
      </p>
      <nav aria-label="Appraisal steps">
        <ul className="ap-steps">
          {STEPS.map((s) => (
            <li key={s.id}>
              <button type="button" aria-pressed={step === s.id} onClick={() => setStep(s.id)}>
                {s.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {st.busy && step !== 'fit' ? (
        <p className="notice" role="status">
          The appraisal is running (
          {st.progress ? `${st.progress.stage}: ${st.progress.done} of ${st.progress.total} runs` : 'starting'}
          ).{' '}
          <button type="button" className="link" onClick={() => setStep('fit')}>
            Watch it under Fit
          </button>
        </p>
      ) : null}
      {!outcome.ok ? (
        <p className="notice error" role="alert">
          The place could not be set up: {outcome.message}. Check your answers and numbers under Your place.
        </p>
      ) : step === 'readiness' ? (
        <ReadinessPanel
          // after an appraisal of these inputs, its readiness (money in pounds, from the simulated spend)
          rows={st.outcome && !stale ? st.outcome.appraisal.readiness : outcome.readiness}
          picked={picked || outcome.readiness[0]?.id}
          pick={setPicked}
          placeName={placeName}
          numbersUsed={used}
        />
      ) : step === 'fit' ? (
        <FitPanel ws={ws} update={update} st={st} stale={stale} />
      ) : step === 'plan' ? (
        <PlanPanel ws={ws} update={update} st={st} readiness={outcome.readiness} goToFit={() => setStep('fit')} />
      ) : (
        <PaperPanel ws={ws} st={st} stale={stale} goToFit={() => setStep('fit')} />
      )}
    </section>
  );
}
