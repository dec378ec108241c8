/**
 * The Node-only door: everything sim/index.ts offers, plus what needs Node's modules (reading the scenario
 * library from disk). The command line, benchmarks and tools import from here; the web app never does.
 * (The worker pool's Node bundle, backend/node-bundle.ts, is loaded by the pool itself and needs no door.)
 */
export * from './index.ts';
export { loadNodeLibrary, readScenarioFiles, DEFAULT_SCENARIO_DIR } from './scenario/node-library.ts';
export { readStressSpecFile, SpecFileError } from './analysis/node-stress-spec.ts';
export * from './host/index.ts';
