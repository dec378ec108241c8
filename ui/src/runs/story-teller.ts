/**
 * Stories of one run, told in a worker of their own (story-worker.ts): the run of a task (replicateTask in
 * ensemble-runs.ts gives replicate r of the comparison: its seed and its draw of the assumed coefficients). Made by
 * pools.ts (storyTeller), the one owner of the app's workers.
 */
import type { RunTask, Story, StoryPick, StoryWho } from '../../../sim/index.ts';
import type { StoryRequest } from './story-worker.ts';

export class StoryTeller {
  private worker: Worker | null = null;
  private next = 1;
  private waiting = new Map<number, { resolve: (s: Story) => void; reject: (e: Error) => void }>();

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./story-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<{ id: number; story?: Story; error?: string }>) => {
      const p = this.waiting.get(e.data.id);
      if (!p) return;
      this.waiting.delete(e.data.id);
      if (e.data.story) p.resolve(e.data.story);
      else p.reject(new Error(e.data.error ?? 'the story could not be told'));
    };
    w.onerror = (e) => {
      for (const p of this.waiting.values()) p.reject(new Error(e.message || 'the story worker failed'));
      this.waiting.clear();
      w.terminate();
      this.worker = null;
    };
    this.worker = w;
    return w;
  }

  /** The story of one agent of a task's run (picked as asked; `pickSeed` varies a random pick). */
  tell(task: RunTask, who: StoryWho, pick: StoryPick, pickSeed: number | string): Promise<Story> {
    const runConfig = task.params ? { ...task.config, params: { ...task.config.params, ...task.params } } : task.config;
    const id = this.next++;
    const req: StoryRequest = { id, config: runConfig, seed: task.seed, who, pick, pickSeed };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.ensure().postMessage(req);
    });
  }
}
