/** What commsim stress and sensitivity share: reading the spec file, and the metadata of their results. */
import type { Library } from '../node.ts';
import { readStressSpecFile, SpecFileError, type StressSpec } from '../node.ts';
import { packageVersion } from './common.ts';
import { UsageError } from './errors.ts';

/** Reads and checks a spec (sim/analysis/node-stress-spec.ts); a file that cannot be read is a usage error. */
export function readSpec(file: string, lib: Library, years?: number): StressSpec {
  try {
    return readStressSpecFile(file, lib, years);
  } catch (e) {
    if (e instanceof SpecFileError) throw new UsageError(e.message, 1);
    throw e;
  }
}

export function studyMetadata(
  command: 'stress' | 'sensitivity',
  spec: StressSpec,
  header: Record<string, unknown>,
): Record<string, unknown> {
  return {
    tool: 'commsim',
    version: packageVersion(),
    command,
    spec: spec.id,
    file: spec.file.replace(/^.*[\\/]/, ''),
    ...header,
  };
}
