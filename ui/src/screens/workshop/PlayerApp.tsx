/**
 * The page a player opens from a join address (…?join=CODE#workshop): only the player's view, so a phone in a
 * workshop does not also start the comparison runs the full simulator begins with. "Open the full simulator"
 * leaves the join address for the whole app.
 */
import { PlayerView } from './PlayerView.tsx';
import './workshop.css';

export function PlayerApp() {
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <div>
          <h1>Commissioning Flight Simulator</h1>
          <p className="tagline">Workshop: an Open Simulation. You play one part; the model plays the rest.</p>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="ws">
        <h2>Join a workshop</h2>
        <PlayerView />
        <p className="small muted ws-noprint">
          <a href={`${location.pathname}#compare`}>Open the full simulator</a> (leaves this workshop page; your seat is
          kept).
        </p>
      </main>
      <footer className="muted small">
        <p>Plausible dynamics of a model place, not forecasts.</p>
      </footer>
    </>
  );
}
