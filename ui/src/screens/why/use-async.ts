import { useEffect, useState } from 'react';

/** The state of a piece of work started for a key: its value once done, or its error. */
export interface AsyncState<T> {
  value: T | undefined;
  error: string;
  pending: boolean;
}

/**
 * Runs `work` whenever `key` changes (not when null) and gives its outcome for the current key only: a result
 * that arrives for an earlier key is dropped, and nothing is set synchronously inside the effect.
 */
export function useAsync<T>(key: string | null, work: () => Promise<T>): AsyncState<T> {
  const [got, setGot] = useState<{ key: string; value?: T; error?: string } | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    work().then(
      (value) => live && setGot({ key, value }),
      (e: unknown) => live && setGot({ key, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const mine = got && got.key === key ? got : null;
  return { value: mine?.value, error: mine?.error ?? '', pending: key !== null && !mine };
}
