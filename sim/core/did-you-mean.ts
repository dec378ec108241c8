/**
 * "Did you mean …?": the known words a mistyped one was probably meant to be. One helper for every message that
 * names an unknown id, field or metric (scenario files, stress-test specs, paths, failure conditions), so they
 * all guess the same way. Knows nothing of the model: callers pass the candidates.
 */

/** Levenshtein distance, small strings only (ids and field names). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

function sharedStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** the shorter of two strings must be this long to count as part of the other (else 'a' would match everything) */
const MIN_PART = 3;
/** a shared beginning this long makes two ids likely the same (outside_wages, outside_wage_growth) */
const MIN_SHARED_START = 6;

/**
 * Up to `max` candidates the word was probably meant to be, most likely first: those within a few edits of it
 * (at most max(2, a third of its length), ignoring case), those it is part of or that are part of it, and those
 * sharing a long beginning with it. Ordered by edit distance, ties in the candidates' order.
 */
export function closeMatches(word: string, candidates: readonly string[], max = 3): string[] {
  if (word.length > 100 || max < 1) return [];
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.floor(w.length / 3));
  const found: { c: string; d: number; i: number }[] = [];
  candidates.forEach((c, i) => {
    const lc = c.toLowerCase();
    const d = editDistance(w, lc);
    const part = Math.min(w.length, lc.length) >= MIN_PART && (lc.includes(w) || w.includes(lc));
    if (d <= limit || part || sharedStart(w, lc) >= MIN_SHARED_START) found.push({ c, d, i });
  });
  return found
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, max)
    .map((f) => f.c);
}

/**
 * 'did you mean a, b?' (each guess between `quote`s), or '' when nothing is close: the tail of a message about an
 * unknown word.
 */
export function didYouMean(
  word: string,
  candidates: readonly string[],
  opts: { max?: number; quote?: string } = {},
): string {
  const q = opts.quote ?? '';
  const close = closeMatches(word, candidates, opts.max ?? 3);
  return close.length ? `did you mean ${close.map((c) => `${q}${c}${q}`).join(', ')}?` : '';
}
