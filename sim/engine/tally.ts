/**
 * Sums over people at the end of a week, for the weekly metrics (record.ts). They are gathered in the pass that
 * updates people's connection (M2, communityWeek calls connectAndTally), the last change to people in a week, so
 * recording needs no pass of its own.
 */
import { PersonStatus, type People } from './state.ts';

const { Empty: EMPTY, Supported: SUPPORTED, Hospital: HOSPITAL } = PersonStatus;

export class PeopleTally {
  population = 0;
  supported = 0;
  waiting = 0;
  /** weeks waited, summed over those waiting */
  waited = 0;
  delayed = 0;
  needed = 0;
  delivered = 0;
  plannedSupported = 0;
  deliveredSupported = 0;
  /** people counted in the means below (everyone not in hospital) */
  counted = 0;
  wellbeing = 0;
  continuity = 0;
  choice = 0;
  assets = 0;
  /** wellbeing in 200 bins, for the bottom decile */
  readonly hist = new Float64Array(200);

  reset(): void {
    this.population = 0; this.supported = 0; this.waiting = 0; this.waited = 0; this.delayed = 0; this.needed = 0;
    this.delivered = 0; this.plannedSupported = 0; this.deliveredSupported = 0; this.counted = 0; this.wellbeing = 0;
    this.continuity = 0; this.choice = 0; this.assets = 0;
    this.hist.fill(0);
  }
}

/**
 * M2's last step and the tally in one pass: each person's connection moves towards their community
 * organisation's target (assets += rate × (target − assets)), then the person is added to the tally. Sums are
 * kept in locals and stored once; the order of additions is the people's index order.
 */
export function connectAndTally(pe: People, target: Float64Array, rate: number, t: PeopleTally): void {
  const status = pe.status, community = pe.community, assets = pe.assets, needHours = pe.needHours, delivered = pe.delivered;
  const continuity = pe.continuity, weeksWaiting = pe.weeksWaiting, fromHospital = pe.fromHospital, wellbeing = pe.wellbeing, choice = pe.choice;
  const hist = t.hist;
  let population = 0, supported = 0, waiting = 0, waited = 0, delayed = 0, needed = 0, got_ = 0, planned = 0, gotSupported = 0;
  let counted = 0, wbSum = 0, contSum = 0, choiceSum = 0, assetSum = 0;
  for (let i = 0, hi = pe.hi; i < hi; i++) {
    const st = status[i];
    if (st === EMPTY) continue;
    const a = assets[i] + rate * (target[community[i]] - assets[i]);
    assets[i] = a;
    population++;
    if (st === HOSPITAL) continue;
    // need may have fallen a little since this week's delivery (reablement): count at most what is needed
    const need = needHours[i];
    const got = delivered[i] < need ? delivered[i] : need;
    needed += need;
    got_ += got;
    if (st === SUPPORTED) {
      supported++;
      planned += need;
      gotSupported += got;
      contSum += continuity[i];
    } else {
      waiting++;
      waited += weeksWaiting[i];
      if (fromHospital[i]) delayed++;
    }
    const wb = wellbeing[i];
    wbSum += wb;
    counted++;
    choiceSum += choice[i];
    assetSum += a;
    const b = (wb * 200) | 0;
    hist[b < 199 ? b : 199]++;
  }
  t.population += population; t.supported += supported; t.waiting += waiting; t.waited += waited; t.delayed += delayed;
  t.needed += needed; t.delivered += got_; t.plannedSupported += planned; t.deliveredSupported += gotSupported;
  t.counted += counted; t.wellbeing += wbSum; t.continuity += contSum; t.choice += choiceSum; t.assets += assetSum;
}
