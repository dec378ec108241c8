/**
 * Merge trusts nothing (issue 19): a shard carries a digest of its content and of its experiment; a shard with a
 * row removed, relabelled, from another experiment, missing or given twice is refused, naming which; histogram
 * values and counts are bounded, so a hostile file cannot hang merge or exhaust its memory.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DirectBackend } from '../../sim/backend/index.ts';
import { runEnsembles } from '../../sim/experiment/ensemble.ts';
import { EXPERIMENT_SHARD_KINDS, ENSEMBLE_SHARDS, mergeShards } from '../../sim/experiment/merge.ts';
import { digest } from '../../sim/core/digest.ts';
import { experimentDigestOf, makeShardFile, parseShardFile } from '../../sim/experiment/shard.ts';
import { LogHistogram } from '../../sim/experiment/stats.ts';
import { smallConfig } from '../fixtures-backend.ts';

const spec = { config: smallConfig({ weeks: 8 }), runs: 48, seed: 5, series: true };
const metadata = { scenario: 'test-small', seed: 5, runs: 48 };
let texts: string[] = [];

const parse = (text: string, name: string) => parseShardFile(text, name, EXPERIMENT_SHARD_KINDS);
const files = (list: string[]) => list.map((t, i) => ({ name: `s${i + 1}.json`, file: parse(t, `s${i + 1}.json`) }));
/** a file changed by hand, its content digest recomputed as a careful forger would */
function forge(text: string, change: (f: Record<string, unknown>) => void): string {
  const f = JSON.parse(text) as Record<string, unknown>;
  change(f);
  delete f.contentDigest;
  return JSON.stringify({ ...f, contentDigest: digest(JSON.stringify(f)) });
}

interface Part {
  rows: { replicate: number; summary: (number | null)[] }[];
  runs: number;
  weeks: number;
  blockSize: number;
  stream: string;
}
const part = (f: Record<string, unknown>): Part => (f.partials as Part[])[0];

beforeAll(async () => {
  texts = [];
  for (const index of [1, 2, 3]) {
    const parts = await runEnsembles(new DirectBackend(), [spec], { shard: { index, count: 3 } });
    texts.push(JSON.stringify(makeShardFile(ENSEMBLE_SHARDS, { index, count: 3 }, metadata, { partials: parts })));
  }
});

describe('merge refuses', () => {
  it('accepts the shards as written', () => {
    const m = mergeShards(files(texts), EXPERIMENT_SHARD_KINDS);
    expect(m.kind).toBe('ensemble');
  });

  it('a shard with a row removed (its digest no longer matches), naming it', () => {
    const f = JSON.parse(texts[0]) as { partials: { rows: unknown[] }[] };
    expect(f.partials[0].rows.length).toBeGreaterThan(0);
    f.partials[0].rows.pop();
    expect(() => parse(JSON.stringify(f), 's1.json')).toThrow(/^s1\.json: the shard file was altered/);
  });

  it('a lone shard relabelled 1/1, even with its digests recomputed (it holds only some of the runs)', () => {
    const plain = JSON.parse(texts[1]) as Record<string, unknown>;
    plain.shard = { index: 1, count: 1 };
    expect(() => parse(JSON.stringify(plain), 's2.json')).toThrow(/altered/);
    const forged = forge(texts[1], (f) => {
      f.shard = { index: 1, count: 1 };
      f.experimentDigest = 'x';
    });
    expect(() => parse(forged, 's2.json')).toThrow(/experiment digest does not match/);
    const careful = JSON.parse(texts[0]) as Record<string, unknown>;
    careful.shard = { index: 1, count: 1 };
    careful.experimentDigest = experimentDigestOf(careful.format as string, 'ensemble', 1, metadata);
    delete careful.contentDigest;
    const text = JSON.stringify({ ...careful, contentDigest: digest(JSON.stringify(careful)) });
    expect(() => mergeShards(files([text]), EXPERIMENT_SHARD_KINDS)).toThrow(
      /^s1\.json: partials\[0\]\.rows holds 16 of the 48 runs of shard 1\/1: 32 missing/,
    );
  });

  it('a shard forged with its digest recomputed: a row removed, a count or size changed, a value no run produces — naming the file and the field', () => {
    const cases: [string, (f: Record<string, unknown>) => void, RegExp][] = [
      [
        'row removed',
        (f) => part(f).rows.pop(),
        /^s1\.json: partials\[0\]\.rows holds 15 of the 16 runs of shard 1\/3: 1 missing/,
      ],
      [
        'row moved to another shard',
        (f) => (part(f).rows[0].replicate = 20),
        /^s1\.json: partials\[0\]\.rows: replicate 20 is not one of shard 1\/3/,
      ],
      [
        'row given twice',
        (f) => (part(f).rows[1].replicate = 0),
        /^s1\.json: partials\[0\]\.rows: replicate 0 appears twice/,
      ],
      [
        'runs 1e9',
        (f) => (part(f).runs = 1e9),
        /^s1\.json: partials\[0\]\.runs is 1000000000, the experiment's metadata says 48/,
      ],
      [
        'weeks 1e9',
        (f) => (part(f).weeks = 1e9),
        /^s1\.json: partials\[0\]\.weeks is 1000000000: not a number of weeks/,
      ],
      ['block size', (f) => (part(f).blockSize = 1e9), /^s1\.json: partials\[0\]\.blockSize is 1000000000/],
      [
        'another stream',
        (f) => (part(f).stream = 'x'),
        /^s2\.json: partials\[0\]\.stream is test-small, in s1\.json it is x/,
      ],
      [
        'a summary of 1e308',
        (f) => (part(f).rows[3].summary[2] = 1e308),
        /^s1\.json: partials\[0\]\.rows: replicate 3's \w+ is 1e\+308, not a value a run produces/,
      ],
      [
        'a summary too short',
        (f) => part(f).rows[3].summary.pop(),
        /^s1\.json: partials\[0\]\.rows: replicate 3's summary has \d+ values for \d+ metrics/,
      ],
    ];
    for (const [what, change, message] of cases) {
      const t = Date.now();
      const forged = forge(texts[0], change);
      expect(() => mergeShards(files([forged, texts[1], texts[2]]), EXPERIMENT_SHARD_KINDS), what).toThrow(message);
      expect(Date.now() - t, what).toBeLessThan(2000);
    }
    // the metadata forged too (and its experiment digest): a lone shard claiming a billion runs, refused at once
    const t = Date.now();
    const lone = JSON.parse(texts[0]) as Record<string, unknown>;
    lone.shard = { index: 1, count: 1 };
    lone.metadata = { ...metadata, runs: 1e9 };
    Object.assign(part(lone), { runs: 1e9, blockSize: Math.ceil(1e9 / 64) });
    lone.experimentDigest = experimentDigestOf(
      lone.format as string,
      'ensemble',
      1,
      lone.metadata as Record<string, unknown>,
    );
    delete lone.contentDigest;
    const text = JSON.stringify({ ...lone, contentDigest: digest(JSON.stringify(lone)) });
    expect(() => mergeShards(files([text]), EXPERIMENT_SHARD_KINDS)).toThrow(
      /^s1\.json: partials\[0\]\.rows holds 16 of the 1000000000 runs/,
    );
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it('a shard from another experiment, naming both files', () => {
    const other = forge(texts[2], (f) => (f.metadata = { ...metadata, seed: 6 }));
    expect(() => parse(other, 's3.json')).toThrow(/experiment digest does not match/);
  });

  it('missing and duplicated shards, naming which', () => {
    expect(() => mergeShards(files([texts[0], texts[2]]), EXPERIMENT_SHARD_KINDS)).toThrow(/missing shard 2\/3/);
    expect(() => mergeShards(files([texts[0], texts[1], texts[1]]), EXPERIMENT_SHARD_KINDS)).toThrow(
      /shard 2\/3 given twice \(s2\.json and s3\.json\)/,
    );
  });

  it('a shard count or label that is not one (1e9 shards), at once', () => {
    const t = Date.now();
    const huge = forge(texts[0], (f) => (f.shard = { index: 1, count: 1e9 }));
    expect(() => parse(huge, 's1.json')).toThrow(/not a shard label/);
    expect(Date.now() - t).toBeLessThan(1000);
  });

  it('histograms with bins no value can fall in, or more values than runs, at once', () => {
    const t = Date.now();
    expect(() => LogHistogram.fromArray([0, 0, 1e308, 2, 1, 1, 0, 0])).toThrow(/outside the bins/);
    expect(() => LogHistogram.fromArray([0, 0, 10, 1e9, 1, 0, 0])).toThrow(/does not fit/);
    expect(() => LogHistogram.fromArray([0, 0, 10, 1, 1e9, 0, 0], 12)).toThrow(/count 1000000000/);
    expect(() => LogHistogram.fromArray([0, 0, 10, 2, 7, 7, 0, 0], 12)).toThrow(/holds 14 values/);
    const forged = forge(texts[0], (f) => {
      const p = (f.partials as { hist: number[][] }[])[0];
      p.hist[0] = [0, 0, 1e308, 1, 1, 0, 0];
    });
    expect(() => mergeShards(files([forged, texts[1], texts[2]]), EXPERIMENT_SHARD_KINDS)).toThrow(
      /s1\.json: shard file is incomplete \(a histogram bin/,
    );
    expect(Date.now() - t).toBeLessThan(2000);
  });
});
