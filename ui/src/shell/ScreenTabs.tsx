import { SCREENS, type ScreenId } from './screens.ts';

/** The navigation between screens: links to #<screen>, the current one marked as the page. */
export function ScreenTabs({ current, show }: { current: ScreenId; show: (id: ScreenId) => void }) {
  return (
    <nav aria-label="Screens">
      <ul className="tabs">
        {SCREENS.map((t) => (
          <li key={t.id}>
            <a
              href={`#${t.id}`}
              aria-current={current === t.id ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                show(t.id);
                // a new screen opens at its top
                window.scrollTo(0, 0);
                document.getElementById('main')?.focus({ preventScroll: true });
              }}
            >
              {t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
