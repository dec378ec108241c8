import type { Workspace } from '../lib/workspace.ts';
import type { ResultStore } from '../lib/runner.ts';
export function OverviewView(_: { ws: Workspace; store: ResultStore }) {
  return <section aria-labelledby="ov-h"><h2 id="ov-h">All twelve approaches</h2></section>;
}
