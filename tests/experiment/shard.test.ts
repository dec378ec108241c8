import { describe, expect, it } from 'vitest';
import { DirectBackend, WorkerPoolBackend } from '../../sim/backend/index.ts';
import { runEnsembles, mergePartials } from '../../sim/experiment/ensemble.ts';
import { comparisonSpecs } from '../../sim/experiment/compare.ts';
import { makeShardFile, parseShardFile, type ShardFile } from '../../sim/experiment/shard.ts';
import {
  COMPARE_SHARDS,
  ENSEMBLE_SHARDS,
  EXPERIMENT_SHARD_KINDS,
  finalizeExperiment,
  mergeShards,
} from '../../sim/experiment/merge.ts';
import { smallConfig } from '../fixtures-backend.ts';

const json = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (ArrayBuffer.isView(x) ? Array.from(x as Float64Array) : x));

describe('shards and merge', () => {
  it('merging shard files of an ensemble gives exactly the single-machine result', async () => {
    const spec = { config: smallConfig(), runs: 50, seed: 5, keepRunSeries: 4 };
    const single = finalizeExperiment(
      'ensemble',
      (await runEnsembles(new DirectBackend(), [spec])).map((p) => mergePartials([p])),
    );
    const pool = await WorkerPoolBackend.create({ size: 2 });
    const files: { name: string; file: ShardFile }[] = [];
    for (const index of [3, 1, 2]) {
      const parts = await runEnsembles(pool, [spec], { shard: { index, count: 3 } });
      const text = JSON.stringify(
        makeShardFile(ENSEMBLE_SHARDS, { index, count: 3 }, { scenario: 'test-small', seed: 5 }, { partials: parts }),
      );
      files.push({ name: `s${index}.json`, file: parseShardFile(text, `s${index}.json`, EXPERIMENT_SHARD_KINDS) });
    }
    await pool.close();
    expect(json(mergeShards(files, EXPERIMENT_SHARD_KINDS).result)).toBe(json(single));
    expect(() => mergeShards(files.slice(0, 2), EXPERIMENT_SHARD_KINDS)).toThrow(/missing shard/);
    expect(() => mergeShards([...files, files[0]], EXPERIMENT_SHARD_KINDS)).toThrow(/given twice/);
  });

  it('and of a comparison', async () => {
    const specs = comparisonSpecs(
      [smallConfig({ scenarioId: 'a' }), smallConfig({ scenarioId: 'b', levers: { fee_level: 1.1 } })],
      { runs: 20, seed: 2 },
    );
    const single = finalizeExperiment(
      'compare',
      (await runEnsembles(new DirectBackend(), specs)).map((p) => mergePartials([p])),
    );
    const files: { name: string; file: ShardFile }[] = [];
    for (const index of [1, 2]) {
      const parts = await runEnsembles(new DirectBackend(), specs, { shard: { index, count: 2 } });
      files.push({
        name: `c${index}`,
        file: parseShardFile(
          JSON.stringify(makeShardFile(COMPARE_SHARDS, { index, count: 2 }, {}, { partials: parts })),
          `c${index}`,
          EXPERIMENT_SHARD_KINDS,
        ),
      });
    }
    expect(json(mergeShards(files, EXPERIMENT_SHARD_KINDS).result)).toBe(json(single));
  });
});
