/**
 * Errors that reach a user: what was wrong, where (file, line, column, field path) and what would be valid.
 * Everything the scenario layer throws is a ScenarioError carrying one issue or more.
 */
import { didYouMean } from '../core/did-you-mean.ts';

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
    const list =
      issues.length > 0 ? issues : [{ file: '', line: 0, column: 0, path: '', message: 'unknown scenario error' }];
    const head = list.length === 1 ? 'scenario error' : `${list.length} scenario errors`;
    super(`${head}:\n${list.map(formatIssue).join('\n')}`);
    this.name = 'ScenarioError';
    this.issues = list;
  }
}

/** "unknown approach `aliance`; did you mean `alliance`? valid: a, b, c" */
export function unknownMessage(kind: string, word: string, valid: readonly string[]): string {
  const shown = word.length > 60 ? `${word.slice(0, 60)}…` : word;
  const guess = didYouMean(word, valid, { max: 1, quote: '`' });
  const hint = guess ? `; ${guess}` : ';';
  const list = valid.length > 0 ? ` valid: ${valid.join(', ')}` : ' there are none';
  return `unknown ${kind} \`${shown}\`${hint}${list}`;
}
