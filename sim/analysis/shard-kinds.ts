/**
 * Every kind of shard this program writes and merges: the experiments' (sim/experiment/merge.ts) and the
 * analyses' (stress tests, sensitivity studies). Pass it to mergeShards and parseShardFile.
 */
import { EXPERIMENT_SHARD_KINDS } from '../experiment/merge.ts';
import { STRESS_SHARDS } from './stress.ts';
import { SENSITIVITY_SHARDS } from './sensitivity.ts';

export const SHARD_KINDS = [...EXPERIMENT_SHARD_KINDS, STRESS_SHARDS, SENSITIVITY_SHARDS] as const;
