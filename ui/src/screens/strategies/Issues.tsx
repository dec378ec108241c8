import type { ScenarioIssue } from '../../../../sim/index.ts';

/** The scenario's problems at these paths (and below them), beside the fields they are about. */
export function Issues({ issues, paths }: { issues: ScenarioIssue[]; paths: string[] }) {
  const mine = issues.filter((i) =>
    paths.some((p) => i.path === p || i.path.startsWith(`${p}.`) || i.path.startsWith(`${p}[`)),
  );
  if (!mine.length) return null;
  return (
    <ul className="field-errors" role="alert">
      {mine.map((i, k) => (
        <li key={k}>{i.message}</li>
      ))}
    </ul>
  );
}
