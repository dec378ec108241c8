import { useState } from 'react';

const KEY = 'commsim-start-here-dismissed';

/**
 * What this is and where to start, above the first comparison a newcomer sees: the place, what is compared, and
 * three things to try, each a link to its screen. Dismissed once, it stays dismissed in this browser.
 */
export function StartHere({ placeName }: { placeName: string }) {
  const [shown, setShown] = useState(() => {
    try {
      return localStorage.getItem(KEY) !== '1';
    } catch {
      return true;
    }
  });
  if (!shown) return null;
  return (
    <section className="start-here" aria-label="Start here">
      <p>
        <strong>Start here.</strong> This simulator runs {placeName}
        {placeName === 'Midshire' ? ', a typical English council area,' : ''} week by week under different ways of
        commissioning; four strategies already run below. Try: <a href="#place">Describe your place</a> ·{' '}
        <a href="#strategy">Build your plan</a> · <a href="#stress">Stress test it</a>.{' '}
        <button
          type="button"
          className="link"
          onClick={() => {
            try {
              localStorage.setItem(KEY, '1');
            } catch {
              /* a private window: dismissed for this visit only */
            }
            setShown(false);
          }}
        >
          Got it
        </button>
      </p>
    </section>
  );
}
