/**
 * Errors that reach a user: what was wrong, where (file, line, column, field path) and what would be valid.
 * Everything the scenario layer throws is a ScenarioError carrying one issue or more.
 */

export interface ScenarioIssue {
  /** file name as given to the loader (e.g. `scenarios/midshire-alliance.yaml` or `<editor>`) */
  file: string;
  /** 1-based; 0 if unknown */
  line: number;
  /** 1-based; 0 if unknown */
  column: number;
  /** field path such as `strategy.phases[0].levers.fee_level`; '' for the whole file */
  path: string;
  message: string;
}

export function formatIssue(i: ScenarioIssue): string {
  const where = i.line > 0 ? `${i.file}:${i.line}:${i.column}` : i.file;
  return i.path ? `${where}: ${i.path}: ${i.message}` : `${where}: ${i.message}`;
}

export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];
  constructor(issues: ScenarioIssue[]) {
    const list = issues.length > 0 ? issues : [{ file: '', line: 0, column: 0, path: '', message: 'unknown scenario error' }];
    const head = list.length === 1 ? 'scenario error' : `${list.length} scenario errors`;
    super(`${head}:\n${list.map(formatIssue).join('\n')}`);
    this.name = 'ScenarioError';
    this.issues = list;
  }
}

/** Levenshtein distance, small strings only (field names). */
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

/** The closest candidate if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 100) return undefined;
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.floor(w.length / 3));
  return bestD <= limit ? best : undefined;
}

/** "unknown approach `aliance`; did you mean `alliance`? valid: a, b, c" */
export function unknownMessage(kind: string, word: string, valid: readonly string[]): string {
  const shown = word.length > 60 ? `${word.slice(0, 60)}…` : word;
  const guess = closest(word, valid);
  const hint = guess ? `; did you mean \`${guess}\`?` : ';';
  const list = valid.length > 0 ? ` valid: ${valid.join(', ')}` : ' there are none';
  return `unknown ${kind} \`${shown}\`${hint}${list}`;
}
