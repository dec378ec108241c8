/**
 * The Workshop screen (issue 18, seed 004's "Open Simulation"): people who will make a new way of working real
 * play their parts in it, round by round, before it goes live. Four ways in: run a workshop (the facilitator's
 * console, with players joining from their own browsers through the workshop host), join one as a player, play
 * on one shared screen with no network, or read and print the facilitator's pack.
 */
import { useState } from 'react';
import type { Workspace } from '../../state/workspace.ts';
import { codeFromAddress, loadFacilitator } from '../../state/workshop-storage.ts';
import { FacilitatorConsole } from './FacilitatorConsole.tsx';
import { OpenRecord } from './OpenRecord.tsx';
import { PackView } from './PackView.tsx';
import { PlayerView } from './PlayerView.tsx';
import { SingleScreen } from './SingleScreen.tsx';
import './workshop.css';

type Mode = 'facilitate' | 'join' | 'single' | 'pack';

const MODES: { id: Mode; label: string; hint: string }[] = [
  { id: 'facilitate', label: 'Run a workshop', hint: 'for the facilitator: players join from their own browsers' },
  { id: 'join', label: 'Join a workshop', hint: 'for players: you need the code the facilitator shows' },
  { id: 'single', label: 'One screen, no network', hint: 'the whole game on one projected screen, roles taking turns' },
  { id: 'pack', label: 'Facilitator’s pack', hint: 'three ready-made workshops, and a solo version of each' },
];

export function WorkshopScreen({ ws }: { ws: Workspace }) {
  const [mode, setMode] = useState<Mode>(() =>
    codeFromAddress(location.search) ? 'join' : loadFacilitator() ? 'facilitate' : 'pack',
  );
  return (
    <section aria-labelledby="ws-h" className="ws">
      <h2 id="ws-h">Workshop: an Open Simulation</h2>
      <p className="muted">
        The people who will have to make a new way of commissioning work play their parts in it, round by round: the
        commissioner, providers, care workers, the NHS, community organisations and people who draw on care. Any part
        nobody plays follows the model’s rules. Glitches show up here, before the go-live date, not after. The figures
        are plausible dynamics from a model, not forecasts.
      </p>
      <div className="ws-modes" role="group" aria-label="What do you want to do?">
        {MODES.map((m) => (
          <button
            key={m.id}
            aria-pressed={mode === m.id}
            className={mode === m.id ? 'pill on' : 'pill'}
            onClick={() => setMode(m.id)}
          >
            <span>{m.label}</span>
            <span className="small muted block">{m.hint}</span>
          </button>
        ))}
      </div>
      {mode === 'pack' ? (
        <>
          <PackView />
          <OpenRecord />
        </>
      ) : null}
      {mode === 'facilitate' ? <FacilitatorConsole ws={ws} /> : null}
      {mode === 'join' ? <PlayerView /> : null}
      {mode === 'single' ? <SingleScreen ws={ws} /> : null}
    </section>
  );
}
