import { useState } from 'react';
import { HonestNote } from '../../common/HonestNote.tsx';
import type { ExplainInputs } from './explain-inputs.ts';
import { MECHANISMS } from '../../../../sim/index.ts';
import { DrivePart } from './DrivePart.tsx';
import { MapPart } from './MapPart.tsx';
import { StoriesPart } from './StoriesPart.tsx';
import { TwoRuns } from './TwoRuns.tsx';
import './why.css';
import { Term } from '../../common/Term.tsx';

const PARTS = [
  { id: 'map', label: 'The causal map and its loops' },
  { id: 'drive', label: 'What drove the difference?' },
  { id: 'stories', label: "People's stories" },
  { id: 'chance', label: 'Chance: two runs from the same start' },
] as const;
type PartId = (typeof PARTS)[number]['id'];

/**
 * The Why? screen: what drove a result, in words and pictures — the model's causes and loops, which loops
 * carried the change in a run year by year, what drove the difference between two scenarios (knocking out one
 * mechanism at a time), people's stories, and how far chance alone takes two runs apart. `open` (#why/<part>)
 * names the part shown first.
 */
export function WhyScreen({ explain, open }: { explain: ExplainInputs; open?: string }) {
  // #why/drive, #why/stories, #why/chance open that part
  const [part, setPart] = useState<PartId>(PARTS.find((p) => p.id === open)?.id ?? PARTS[0].id);
  return (
    <section aria-labelledby="why-h" className="why">
      <h2 id="why-h">Why? What drove the results</h2>
      <p>
        The other screens show <em>what</em> happened. This one shows <em>why</em>: the causes the model is built from,
        which of them carried the change in a run, and what happened to the people inside it.
      </p>
      <HonestNote ranges={explain.ranges} />
      <div className="why-parts" role="group" aria-label="Parts of the Why? screen">
        {PARTS.map((p) => (
          <button key={p.id} type="button" aria-pressed={part === p.id} onClick={() => setPart(p.id)}>
            {p.label}
          </button>
        ))}
      </div>
      {part === 'map' ? (
        <section aria-labelledby="why-map-h">
          <h3 id="why-map-h">The causal map and its loops</h3>
          <p className="small">
            What the model is made of, drawn as parts and arrows <Term id="causal-map" />, and the loops they form{' '}
            <Term id="loop" />.
          </p>
          <MapPart explain={explain} />
        </section>
      ) : null}
      {part === 'drive' ? (
        <section aria-labelledby="why-drive-h">
          <h3 id="why-drive-h">What drove the difference?</h3>
          <DrivePart explain={explain} mechanisms={MECHANISMS.length} />
        </section>
      ) : null}
      {part === 'stories' ? (
        <section aria-labelledby="why-stories-h">
          <h3 id="why-stories-h">People&apos;s stories</h3>
          <StoriesPart explain={explain} />
        </section>
      ) : null}
      {part === 'chance' ? (
        <section aria-labelledby="why-chance-h">
          <h3 id="why-chance-h">Chance: two runs from the same start</h3>
          <TwoRuns explain={explain} />
        </section>
      ) : null}
    </section>
  );
}
