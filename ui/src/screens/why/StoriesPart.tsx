import { useState } from 'react';
import { STORY_PICKS, type StoryPick, type StoryWho } from '../../../../sim/index.ts';
import { replicateTask } from '../../runs/ensemble-runs.ts';
import { storyTeller } from '../../runs/pools.ts';
import type { ExplainInputs } from './explain-inputs.ts';
import { useAsync } from './use-async.ts';

const WHO: readonly { who: StoryWho; title: string }[] = [
  { who: 'person', title: 'A person who draws on care' },
  { who: 'worker', title: 'A care worker' },
  { who: 'provider', title: 'A provider' },
];

/**
 * People's stories: one person who draws on care, one care worker and one provider followed through a run, week
 * by week, in sentences told from their own recorded state (the simulation's tellStory, in a worker). Each can be
 * picked at random (and another drawn) or by what happened to them.
 */
export function StoriesPart({ explain }: { explain: ExplainInputs }) {
  const ok = explain.scenarios.map((s, i) => ({ s, i })).filter(({ s }) => s.config);
  const [sc, setSc] = useState(ok[0]?.i ?? 0);
  const [rep, setRep] = useState(0);
  const s = explain.scenarios[sc];
  if (!s?.config) return <p>Every scenario has problems; fix them under Strategies first.</p>;
  return (
    <div className="stories-part">
      <p className="small">
        Populations don&apos;t experience outcomes; people do. Follow one person, one care worker and one provider
        through one run, in sentences told from what the simulation recorded about them week by week. The names are made
        up; the weeks count from the start of the run (week 52 is a year in).
      </p>
      <div className="row card" role="group" aria-label="Which run to follow people through">
        <label htmlFor="st-sc">Scenario</label>
        <select id="st-sc" value={sc} onChange={(e) => setSc(Number(e.target.value))}>
          {ok.map(({ s: x, i }) => (
            <option key={x.key} value={i}>
              {x.title}
            </option>
          ))}
        </select>
        <label htmlFor="st-rep">Run number</label>
        <input
          id="st-rep"
          type="number"
          min={0}
          max={999}
          value={rep}
          onChange={(e) => setRep(Math.max(0, Math.min(999, Math.round(Number(e.target.value)) || 0)))}
        />
      </div>
      <div className="stories">
        {WHO.map(({ who, title }) => (
          <StoryCard key={who} who={who} title={title} explain={explain} sc={sc} rep={rep} />
        ))}
      </div>
    </div>
  );
}

function StoryCard({
  who,
  title,
  explain,
  sc,
  rep,
}: {
  who: StoryWho;
  title: string;
  explain: ExplainInputs;
  sc: number;
  rep: number;
}) {
  const [pick, setPick] = useState<StoryPick>('random');
  const [draw, setDraw] = useState(0);
  const s = explain.scenarios[sc];
  const config = s.config!;
  const story = useAsync(`${s.hash}|${rep}|${who}|${pick}|${draw}`, () =>
    storyTeller().tell(
      replicateTask(config, explain.seed, explain.ranges, rep, { log: false }),
      who,
      pick,
      `${explain.seed}|${who}|${draw}`,
    ),
  );
  const id = `story-${who}`;
  return (
    <section className="card story" aria-labelledby={`${id}-h`} data-who={who}>
      <h4 id={`${id}-h`}>{title}</h4>
      <div className="row">
        <label htmlFor={`${id}-pick`}>Follow</label>
        <select id={`${id}-pick`} value={pick} onChange={(e) => setPick(e.target.value as StoryPick)}>
          {STORY_PICKS[who].map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        {pick === 'random' ? (
          <button type="button" onClick={() => setDraw((d) => d + 1)}>
            Another one<span className="sr-only"> ({title.toLowerCase()})</span>
          </button>
        ) : null}
      </div>
      {story.pending ? <p className="muted">Following them through run {rep}…</p> : null}
      {story.error ? <p role="alert">The story could not be told: {story.error}</p> : null}
      {story.value ? (
        <>
          <p className="story-title">
            <strong>{story.value.title}</strong>
          </p>
          <ol className="story-sentences" aria-live="polite" tabIndex={0} aria-label={`${title}: the story`}>
            {story.value.sentences.map((x, i) => (
              <li key={i} data-week={x.week}>
                {x.text}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
