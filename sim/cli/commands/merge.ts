/**
 * commsim merge SHARD…: the shard files of one experiment of any kind (run, compare, sweep, stress, sensitivity)
 * combined into exactly the result one machine would have written, through the simulation's one merge
 * (mergeShards with SHARD_KINDS).
 */
import type { Command } from '../command.ts';
import { SHARD_KINDS, mergeShards, parseShardFile } from '../../node.ts';
import { readText, stampDate } from '../common.ts';
import { UsageError } from '../errors.ts';
import { HELP, OUTPUT } from '../options.ts';
import { emit, formatOpt } from '../output.ts';
import { renderExperiment } from '../render-experiment.ts';
import { renderStudy } from '../render-study.ts';

export const merge: Command = {
  name: 'merge',
  help: `Usage: commsim merge SHARD… [--out PATH] [--format json|csv|table]

Combines the shard files of one experiment (all of 1/n … n/n) into exactly the result a single machine would
have written (apart from metadata.date).`,
  options: { ...HELP, ...OUTPUT },
  run: (args, o) => {
    if (args.length === 0) throw new UsageError(`commsim merge needs the shard files. See 'commsim merge --help'.`);
    const files = args.map((name) => {
      const text = readText(name);
      try {
        return { name, file: parseShardFile(text, name, SHARD_KINDS) };
      } catch (e) {
        throw new UsageError((e as Error).message, 1);
      }
    });
    let merged;
    try {
      merged = mergeShards(files, SHARD_KINDS);
    } catch (e) {
      throw new UsageError(`cannot merge: ${(e as Error).message}`, 1);
    }
    const metadata = { ...merged.metadata, date: stampDate() };
    if (merged.kind === 'stress' || merged.kind === 'sensitivity')
      emit(renderStudy(merged, metadata, formatOpt(o, 'json')), o);
    else {
      const format = formatOpt(o, merged.kind === 'ensemble' ? 'json' : 'table');
      emit(renderExperiment(merged.result, metadata, { format, series: merged.metadata.series === true }), o);
    }
    return 0;
  },
};
