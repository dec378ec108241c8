import { setPresentation, usePresentation } from './presentation.ts';

/** The switch into presentation mode: large type, full width and larger chart text, for a projector. */
export function PresentationToggle() {
  const present = usePresentation();
  return (
    <button
      type="button"
      className="present-toggle"
      aria-pressed={present}
      onClick={() => setPresentation(!present)}
      title="Large type and the full width of the screen, for a projector or a room"
    >
      Presentation mode
    </button>
  );
}
