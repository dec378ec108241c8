import { useEffect, useState } from 'react';

/** The app's screens, in the order of the navigation; each is reached at #<id>. */
export const SCREENS = [
  { id: 'compare', label: 'Compare' },
  { id: 'place', label: 'Your place' },
  { id: 'strategy', label: 'Strategies' },
  { id: 'overview', label: 'All twelve' },
  { id: 'appraisal', label: 'Options appraisal' },
  { id: 'run', label: 'Inside a run' },
  { id: 'why', label: 'Why?' },
  { id: 'stress', label: 'Stress test' },
  { id: 'keep', label: 'Keep and share' },
  { id: 'workshop', label: 'Workshop' },
  { id: 'help', label: 'Help' },
] as const;
export type ScreenId = (typeof SCREENS)[number]['id'];

/** The screen a location hash names (#stress, or #help/regret: the Help screen at one word), else Compare. */
export function screenFromHash(hash: string): ScreenId {
  const head = hash.split('/')[0];
  return SCREENS.find((s) => `#${s.id}` === head)?.id ?? 'compare';
}

/** What a location hash points at within its screen (#help/regret → regret), if anything. */
export function placeInScreen(hash: string): string | undefined {
  const i = hash.indexOf('/');
  return i < 0 ? undefined : decodeURIComponent(hash.slice(i + 1)) || undefined;
}

/** The page's title on a screen: the screen first, so tabs and history entries tell screens apart. */
export function titleOf(id: ScreenId): string {
  return `${SCREENS.find((s) => s.id === id)?.label ?? 'Compare'} · Commissioning Flight Simulator`;
}

/**
 * The screen shown, kept in the address: opening a screen adds a history entry, so the browser's Back and
 * Forward move between screens instead of leaving the app; the page title follows the screen.
 */
export function useScreen(): [ScreenId, (id: ScreenId) => void, string | undefined] {
  const [screen, setScreen] = useState<ScreenId>(() => screenFromHash(location.hash));
  const [within, setWithin] = useState<string | undefined>(() => placeInScreen(location.hash));
  useEffect(() => {
    const follow = (): void => {
      setScreen(screenFromHash(location.hash));
      setWithin(placeInScreen(location.hash));
    };
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
    setWithin(undefined);
  };
  return [screen, show, within];
}
