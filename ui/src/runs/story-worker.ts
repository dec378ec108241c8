/**
 * The worker that tells people's stories (the simulation's tellStory: two passes over one run, watching every
 * agent), so that following a person never holds the page. One request at a time; each answer carries its id.
 */
import { tellStory, type RunConfig, type StoryPick, type StoryWho } from '../../../sim/index.ts';

export interface StoryRequest {
  id: number;
  config: RunConfig;
  seed: number;
  who: StoryWho;
  pick: StoryPick;
  pickSeed: number | string;
}

self.onmessage = (e: MessageEvent<StoryRequest>) => {
  const { id, config, seed, who, pick, pickSeed } = e.data;
  try {
    const story = tellStory(config, seed, { who, pick, pickSeed });
    (self as unknown as Worker).postMessage({ id, story });
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
