import { trustColour } from '../../charts/theme.ts';

/** The key to the trust network's colours and lines. */
export function TrustKey() {
  const stops = [0, 0.25, 0.5, 0.75, 1];
  return (
    <p className="small trust-key">
      Trust:{' '}
      {stops.map((s) => (
        <span key={s}>
          <span className="swatch-inline" style={{ background: trustColour(s) }} aria-hidden="true" />
          {s === 0 ? 'none' : s === 1 ? 'full' : s}{' '}
        </span>
      ))}
      . Thicker lines mean more trust. Provider rings show the council’s trust in that provider; lines to the council
      show the provider’s trust in the council. Crossed grey circles have closed.
    </p>
  );
}
