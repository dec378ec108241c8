import { useMemo, useState } from 'react';
import {
  describeBox,
  formatNumber,
  uncertaintyBounds,
  type Discovery,
  type PrimStep,
  type StressResult,
} from '../../../../sim/index.ts';
import { pct } from '../../common/format.ts';
import type { Importance } from '../../state/stress-store.ts';
import { FuturesScatter } from './FuturesScatter.tsx';
import { PeelingSteps } from './PeelingSteps.tsx';
import { Term } from '../../common/Term.tsx';
import { feeLevelWords, inputAxis, inputValueWords } from '../../state/lever-units.ts';

/**
 * The box in plain words with three significant digits (two would write a fee level of 1.04 as “1”); a fee level
 * in pounds an hour and as a share of today's fee, shares as percentages, trust out of 100, multiples as ×.
 */
function statementOf(
  h: StressResult['header'],
  step: Discovery['peeling'][number],
  name: string,
  placeFee: number,
): string {
  return describeBox(
    step as unknown as PrimStep,
    h.uncertainties.map((u) => u.label),
    uncertaintyBounds(h),
    {
      outcome: `“${name}” fails`,
      includeMass: true,
      format: (v, j) => {
        const u = h.uncertainties[j];
        if (u?.path === 'levers.fee_level') return feeLevelWords(v, placeFee);
        if (u?.percent) return `${formatNumber(v * 100, 3)}%`;
        // trust out of 100, multiples as ×, other inputs as the model has them
        const axis = u ? inputAxis(u.path, placeFee) : { k: 1, unit: null };
        return axis.unit ? inputValueWords(v, axis, 3) : formatNumber(v, 3);
      },
    },
  );
}

/**
 * Where one approach fails (scenario discovery): the chosen box in plain words, the boxes along PRIM's peeling
 * path to choose from, and the futures on the two inputs that matter most.
 */
export function DiscoveryPanel({
  result,
  a,
  d,
  name,
  importance,
  placeFee,
}: {
  result: StressResult;
  a: number;
  d: Discovery;
  name: string;
  importance: Importance;
  /** today's fee in the place, £ an hour (lever-units.ts, placeFeeOf): the fee level is a ratio to it */
  placeFee: number;
}) {
  const h = result.header;
  const [picked, setStep] = useState(d.chosen);
  const step = Math.max(0, Math.min(picked, d.peeling.length - 1));
  // at the suggested box, show its pruned version (restrictions that do not matter dropped), as the CLI does
  const pruned = step === d.chosen && d.boxes.length > 0;
  const s = (pruned ? d.boxes[0] : d.peeling[step]) as Discovery['peeling'][number] | undefined;
  // the two inputs of the scatter: the box's restrictions, topped up by what matters most
  const dims = useMemo(() => {
    const ids = [...(s?.restricted ?? [])];
    for (const b of importance.bars) if (ids.length < 2 && !ids.includes(b.id)) ids.push(b.id);
    for (const u of h.uncertainties) if (ids.length < 2 && !ids.includes(u.id)) ids.push(u.id);
    return ids
      .slice(0, 2)
      .map((id) => h.uncertainties.findIndex((u) => u.id === id))
      .filter((j) => j >= 0);
  }, [s, importance, h]);
  return (
    <>
      {d.note || !s ? (
        <p className="statement">
          {(d.note ?? 'nothing to describe').replace(d.approach, `“${name}”`)}, so there is no failure region to
          describe.
        </p>
      ) : (
        <>
          <p className="statement" aria-live="polite">
            <strong>{statementOf(h, s, name, placeFee)}</strong>
          </p>
          <p className="muted small">
            Fails in {pct(s.density)} of the futures inside the box (density <Term id="density" />) · holds{' '}
            {pct(s.coverage)} of all its failures (coverage <Term id="coverage" />) · {s.nInBox} of {d.futures} futures.{' '}
            {pruned
              ? 'The suggested box, pruned of limits that do not matter.'
              : step === d.chosen
                ? 'The suggested box.'
                : ''}
          </p>
          {d.boxes.length ? (
            <details>
              <summary>Covering boxes, pruned of restrictions that do not matter ({d.boxes.length})</summary>
              <ol className="small">
                {d.boxes.map((b, i) => (
                  <li key={i}>
                    {statementOf(h, b, name, placeFee)}{' '}
                    <span className="muted">
                      (
                      {b.pValues
                        .map(
                          (p) =>
                            `${h.uncertainties.find((u) => u.id === p.uncertainty)?.label ?? p.uncertainty}: p ≈ ${p.pValue < 0.001 ? '<0.001' : p.pValue.toFixed(3)}`,
                        )
                        .join('; ')}
                      )
                    </span>
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
        </>
      )}
      <div className="stress-grid">
        {d.peeling.length ? (
          <figure>
            <figcaption>
              <strong>Catching failures against being sure of them</strong>
              <span className="muted small block">
                Each point is a box of futures, narrowed step by step from all futures (right) to small boxes where
                failure is near certain (left). Click a point, or choose below.
              </span>
            </figcaption>
            <PeelingSteps d={d} step={step} onPick={setStep} />
            <label htmlFor="st-step" className="small">
              Box of futures, step by step
            </label>{' '}
            <select id="st-step" value={step} onChange={(e) => setStep(Number(e.target.value))}>
              {d.peeling.map((t, i) => (
                <option key={i} value={i}>
                  {i === 0 ? 'All futures' : `Box ${i}`}: holds {pct(t.coverage)} of the failures, fails in{' '}
                  {pct(t.density)} of its futures
                  {i === d.chosen ? ' (suggested)' : ''}
                </option>
              ))}
            </select>
          </figure>
        ) : null}
        {dims.length === 2 ? (
          <figure>
            <figcaption>
              <strong>
                Futures on {h.uncertainties[dims[0]].label} and {h.uncertainties[dims[1]].label}
              </strong>
              <span className="muted small block">
                Orange crosses: “{name}” failed; blue circles: it did not. The dashed rectangle is the chosen box
                {s && s.restricted.length > 2
                  ? ` (it also limits ${s.restricted
                      .slice(2)
                      .map((id) => h.uncertainties.find((u) => u.id === id)?.label ?? id)
                      .join(' and ')}, not shown)`
                  : ''}
                .
              </span>
            </figcaption>
            <FuturesScatter result={result} a={a} dims={dims} box={s?.box ?? null} name={name} placeFee={placeFee} />
          </figure>
        ) : null}
      </div>
    </>
  );
}
