import type { Resolved, Workspace } from '../lib/workspace.ts';
export function RunView(_: { ws: Workspace; resolved: Resolved[] }) {
  return <section aria-labelledby="run-h"><h2 id="run-h">Inside a run</h2></section>;
}
