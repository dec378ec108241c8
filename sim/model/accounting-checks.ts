/**
 * Weekly accounting identities (docs/model.md 7.15), checked when RunOptions.checkInvariants is on (the tests turn
 * it on). They change no state and draw no random numbers, so results are identical with or without them.
 */
import { INHOUSE, PersonStatus, type State } from './state.ts';

const SUPPORTED = PersonStatus.Supported;

/**
 * Accounting identities (tests switch these on): hours delivered to people equal hours providers delivered,
 * never exceed what people need or what staff (with overtime) can give; what the council paid independent
 * providers equals their revenue; council care spend equals that plus the in-house service's cost.
 */
export function checkHoursAndMoney(s: State, care: number): void {
  const pe = s.people;
  const pr = s.providers;
  const fail = (what: string): never => {
    throw new Error(`week ${s.week}: ${what}`);
  };
  for (let i = 0; i < pe.hi; i++) {
    if (pe.status[i] !== SUPPORTED) continue;
    // need may have changed by at most a few per cent since delivery this week (N1, N2)
    if (pe.delivered[i] < 0 || pe.delivered[i] > pe.needHours[i] * 1.05)
      fail(`person ${i} received ${pe.delivered[i]} of ${pe.needHours[i]} hours`);
  }
  const toPeople = s.thisWeek.deliveredToPeople;
  let byProviders = 0;
  let revenue = 0;
  for (let p = 0; p < pr.count; p++) {
    if (!pr.active[p]) continue;
    byProviders += pr.deliveredHours[p];
    if (pr.deliveredHours[p] > pr.capacityHours[p] * s.params.overtime_max + 1e-6 && pr.deliveredHours[p] > 1e-9) {
      fail(`provider ${p} delivered ${pr.deliveredHours[p]} hours with capacity ${pr.capacityHours[p]}`);
    }
    if (p !== INHOUSE) revenue += pr.revenue[p];
  }
  if (Math.abs(toPeople - byProviders) > 1e-6 * Math.max(1, toPeople))
    fail(`hours delivered to people ${toPeople} differ from hours providers delivered ${byProviders}`);
  if (Math.abs(revenue - s.thisWeek.paidToProviders) > 1e-6 * Math.max(1, revenue))
    fail('provider revenue differs from what the council paid');
  const inhouse = pr.active[INHOUSE] ? pr.cost[INHOUSE] : 0;
  if (Math.abs(care - (s.thisWeek.paidToProviders + inhouse)) > 1e-6 * Math.max(1, care))
    fail('care spend differs from payments plus in-house cost');
}
