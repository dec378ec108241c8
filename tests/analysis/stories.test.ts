/**
 * People's stories (sim/analysis/stories.ts): each sentence agrees with the agent's recorded state. The state is
 * read here by an observer of our own (not the story's recorder) straight from the run's arrays, week by week, and
 * every figure a sentence was told from (`facts`) is checked against it; the picks pick what they say.
 */
import { describe, expect, it } from 'vitest';
import { STORY_PICKS, tellStory, type Story } from '../../sim/analysis/stories.ts';
import { simulateObserved } from '../../sim/model/simulate.ts';
import { PersonStatus, type State } from '../../sim/model/state.ts';
import { SMALL_PLACE, statusQuoConfig } from '../../sim/model/defaults.ts';
import type { RunConfig } from '../../sim/types.ts';

const base = statusQuoConfig(SMALL_PLACE, 3);
// a strained place, so that hand-backs, closures and leavers happen
const config: RunConfig = {
  ...base,
  events: [
    { week: 10, type: 'budget_cut', share: 0.2 },
    { week: 20, type: 'fee_change', share: -0.2, funded: 0 },
  ],
};
const SEED = 7;

type Row = Record<string, number>;

/** The agent's state week by week, read directly from the arrays. */
function stateOf(story: Story): Map<number, Row> {
  const rows = new Map<number, Row>();
  simulateObserved(
    config,
    SEED,
    0,
    { log: false },
    {
      week(s: State, week: number) {
        const pr = s.providers;
        if (story.who === 'person') {
          const i = story.slot;
          const p = s.people.provider[i];
          const rw = s.people.regularWorker[i];
          rows.set(week, {
            carerOff: rw >= 0 && s.workers.sickWeeks[rw] > 0 ? 1 : 0,
            status: s.people.status[i],
            need: s.people.needHours[i],
            delivered: s.people.delivered[i],
            wellbeing: s.people.wellbeing[i],
            continuity: s.people.continuity[i],
            weeksWaiting: s.people.weeksWaiting[i],
            provider: p,
            providerKind: p >= 0 ? pr.kind[p] : -1,
          });
        } else if (story.who === 'worker') {
          const i = story.slot;
          const p = s.workers.employer[i];
          rows.set(week, {
            employer: p,
            employerKind: p >= 0 ? pr.kind[p] : -1,
            tenure: s.workers.tenureWeeks[i],
            morale: s.workers.morale[i],
            fatigue: s.workers.fatigue[i],
            sick: s.workers.sickWeeks[i],
            zeroHours: s.workers.zeroHours[i],
          });
        } else {
          const p = story.slot;
          rows.set(week, {
            active: pr.active[p],
            workers: pr.workers[p],
            clients: pr.clients[p],
            fee: pr.fee[p],
            margin: pr.margin[p],
            deliveryRatio: pr.deliveryRatio[p],
            trust: pr.trustInCommissioner[p],
            quality: pr.quality[p],
          });
        }
      },
    },
  );
  return rows;
}

/** Every fact of every sentence that names a recorded field equals the state in that week. */
function checkAgainstState(story: Story): number {
  const rows = stateOf(story);
  let checked = 0;
  let lastWeek = -Infinity;
  for (const s of story.sentences) {
    expect(s.text.startsWith(`Week ${s.week}:`), s.text).toBe(true);
    expect(s.week, s.text).toBeGreaterThanOrEqual(lastWeek);
    lastWeek = s.week;
    const row = rows.get(s.week);
    expect(row, `week ${s.week} recorded`).toBeDefined();
    for (const [k, v] of Object.entries(s.facts)) {
      if (k in row!) {
        expect(row![k], `${s.text} — ${k}`).toBe(v);
        checked++;
      } else if (k === 'goodDays' && !/admitted/.test(s.text)) {
        expect(Math.round(row!.wellbeing * 7), s.text).toBe(v);
        expect(s.text).toContain(`${v} good days`.replace(/^(\d+) good days$/, '$1'));
        checked++;
      } else if (k === 'waited') {
        // the weeks before this one the person spent waiting, counted from the state
        let n = 0;
        while (rows.get(s.week - 1 - n)?.status === PersonStatus.Waiting) n++;
        // a wait that began before week 0 (not recorded) counts its earlier weeks too
        if (s.week - n > 0) expect(n, s.text).toBe(v);
        else expect(v as number, s.text).toBeGreaterThanOrEqual(n);
        expect(row!.status).toBe(PersonStatus.Supported);
        checked++;
      }
    }
  }
  return checked;
}

describe('stories: each sentence agrees with the agent’s recorded state', { timeout: 120_000 }, () => {
  it.each([
    ['person', 'waited-longest'],
    ['person', 'handed-back'],
    ['person', 'random'],
    ['worker', 'left-soonest'],
    ['worker', 'stayed-longest'],
    ['provider', 'exited'],
    ['provider', 'largest'],
  ] as const)('a %s picked by %s', (who, pick) => {
    const story = tellStory(config, SEED, { who, pick });
    expect(story.sentences.length).toBeGreaterThan(0);
    expect(checkAgainstState(story)).toBeGreaterThan(0);
  });

  it('picks what the pick says', () => {
    const waited = tellStory(config, SEED, { who: 'person', pick: 'waited-longest' });
    const rows = stateOf(waited);
    const longest = Math.max(...[...rows.values()].map((r) => r.weeksWaiting));
    expect(longest).toBeGreaterThan(0);
    expect(waited.fellBack).toBe(false);
    const handed = tellStory(config, SEED, { who: 'person', pick: 'handed-back' });
    if (!handed.fellBack)
      expect(handed.sentences.some((s) => /handed the package back|provider closed/.test(s.text))).toBe(true);
    const exited = tellStory(config, SEED, { who: 'provider', pick: 'exited' });
    if (!exited.fellBack) {
      const last = exited.sentences[exited.sentences.length - 1];
      expect(last.text).toMatch(/closes/);
      expect(stateOf(exited).get(last.week)!.active).toBe(0);
    }
    const left = tellStory(config, SEED, { who: 'worker', pick: 'left-soonest' });
    if (!left.fellBack) {
      const last = left.sentences[left.sentences.length - 1];
      expect(last.text).toMatch(/leaves care work|leaves for a/);
    }
  });

  it('is the same story for the same run and pick, and refuses a pick that does not fit', () => {
    const a = tellStory(config, SEED, { who: 'person', pick: 'random' });
    const b = tellStory(config, SEED, { who: 'person', pick: 'random' });
    expect(b).toEqual(a);
    expect(() => tellStory(config, SEED, { who: 'worker', pick: 'exited' })).toThrow(/cannot be picked/);
    for (const who of Object.keys(STORY_PICKS)) expect(STORY_PICKS[who as 'person'].length).toBeGreaterThan(1);
  });
});
