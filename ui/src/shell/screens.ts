/** The app's screens, in the order of the navigation; each is reached at #<id>. */
export const SCREENS = [
  { id: 'compare', label: 'Compare' },
  { id: 'place', label: 'Your place' },
  { id: 'strategy', label: 'Strategies' },
  { id: 'overview', label: 'All twelve approaches' },
  { id: 'run', label: 'Inside a run' },
  { id: 'stress', label: 'Stress test' },
  { id: 'keep', label: 'Keep and share' },
] as const;
export type ScreenId = (typeof SCREENS)[number]['id'];

/** The screen a location hash names (#stress), else Compare. */
export function screenFromHash(hash: string): ScreenId {
  return SCREENS.find((s) => `#${s.id}` === hash)?.id ?? 'compare';
}
