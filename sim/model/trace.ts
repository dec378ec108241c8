/**
 * The playback trace of one run (RunOptions.trace): per provider and week, whether it is active, trust both ways
 * and its staff; the workforce flows; trust on every tie. Only the web app's playback asks for it.
 */
import type { RunTrace } from '../types.ts';
import type { State } from './state.ts';

export function createTrace(s: State, weeks: number): RunTrace {
  const cap = s.providers.cap;
  const ties = s.providers.tieA.length;
  return {
    providers: cap,
    providerActive: new Uint8Array(weeks * cap),
    providerTrust: new Float32Array(weeks * cap),
    commissionerTrust: new Float32Array(weeks * cap),
    providerWorkers: new Float32Array(weeks * cap),
    providerKind: new Uint8Array(cap),
    workforceFlows: new Float32Array(weeks * 4),
    ties: new Int32Array(ties * 2),
    tieTrust: new Float32Array(weeks * ties),
  };
}

export function writeTrace(s: State, tr: RunTrace, t: number): void {
  const pr = s.providers;
  const cap = tr.providers;
  for (let p = 0; p < pr.count; p++) {
    tr.providerActive[t * cap + p] = pr.active[p];
    tr.providerTrust[t * cap + p] = pr.trustInCommissioner[p];
    tr.commissionerTrust[t * cap + p] = pr.commissionerTrust[p];
    tr.providerWorkers[t * cap + p] = pr.workers[p];
    tr.providerKind[p] = pr.kind[p];
  }
  const c = s.thisWeek;
  let sick = 0;
  for (let p = 0; p < pr.count; p++) sick += pr.sickWorkers[p];
  tr.workforceFlows[t * 4] = c.hires;
  tr.workforceFlows[t * 4 + 1] = c.leaversStay;
  tr.workforceFlows[t * 4 + 2] = c.leavers - c.leaversStay;
  tr.workforceFlows[t * 4 + 3] = sick;
  const nt = tr.tieTrust.length / Math.max(1, s.config.weeks);
  for (let e = 0; e < pr.tieCount; e++) {
    tr.ties[2 * e] = pr.tieA[e];
    tr.ties[2 * e + 1] = pr.tieB[e];
    tr.tieTrust[t * nt + e] = pr.tieTrust[e];
  }
}
