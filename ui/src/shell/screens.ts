import { useEffect, useState } from 'react';

/** The app's screens, in the order of the navigation; each is reached at #<id>. */
export const SCREENS = [
  { id: 'compare', label: 'Compare' },
  { id: 'place', label: 'Your place' },
  { id: 'strategy', label: 'Strategies' },
  { id: 'overview', label: 'All twelve approaches' },
  { id: 'run', label: 'Inside a run' },
  { id: 'stress', label: 'Stress test' },
  { id: 'keep', label: 'Keep and share' },
  { id: 'workshop', label: 'Workshop' },
] as const;
export type ScreenId = (typeof SCREENS)[number]['id'];

/** The screen a location hash names (#stress), else Compare. */
export function screenFromHash(hash: string): ScreenId {
  return SCREENS.find((s) => `#${s.id}` === hash)?.id ?? 'compare';
}

/** The page's title on a screen: the screen first, so tabs and history entries tell screens apart. */
export function titleOf(id: ScreenId): string {
  return `${SCREENS.find((s) => s.id === id)?.label ?? 'Compare'} · Commissioning Flight Simulator`;
}

/**
 * The screen shown, kept in the address: opening a screen adds a history entry, so the browser's Back and
 * Forward move between screens instead of leaving the app; the page title follows the screen.
 */
export function useScreen(): [ScreenId, (id: ScreenId) => void] {
  const [screen, setScreen] = useState<ScreenId>(() => screenFromHash(location.hash));
  useEffect(() => {
    const follow = (): void => setScreen(screenFromHash(location.hash));
    window.addEventListener('popstate', follow);
    window.addEventListener('hashchange', follow);
    return () => {
      window.removeEventListener('popstate', follow);
      window.removeEventListener('hashchange', follow);
    };
  }, []);
  useEffect(() => {
    document.title = titleOf(screen);
  }, [screen]);
  const show = (id: ScreenId): void => {
    if (location.hash !== `#${id}`) history.pushState(null, '', `#${id}`);
    setScreen(id);
  };
  return [screen, show];
}
