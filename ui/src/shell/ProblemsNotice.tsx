/** Scenarios that cannot run until their problems are fixed, with a link to them on the Strategies screen. */
export function ProblemsNotice({ titles, showProblems }: { titles: string[]; showProblems: () => void }) {
  return (
    <div className="notice error" role="alert">
      <p>
        {titles.map((t) => `“${t}”`).join(', ')} cannot run until{' '}
        {titles.length === 1 ? 'its problems are' : 'their problems are'} fixed.{' '}
        <a
          href="#strategy"
          onClick={(e) => {
            e.preventDefault();
            showProblems();
          }}
        >
          Show the problems
        </a>
      </p>
    </div>
  );
}
