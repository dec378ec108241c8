/**
 * Sums over people at the end of a week, for the weekly metrics (record.ts). They are gathered in the pass that
 * updates people's connection (M2, communityWeek), the last change to people in a week, so recording needs no
 * pass of its own.
 */
import { PersonStatus, type People } from './state.ts';

const { Supported: SUPPORTED, Hospital: HOSPITAL } = PersonStatus;

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

/** Add person i (not an empty slot) to the tally. */
export function tallyPerson(t: PeopleTally, pe: People, i: number): void {
  const st = pe.status[i];
  t.population++;
  if (st === HOSPITAL) return;
  // need may have fallen a little since this week's delivery (reablement): count at most what is needed
  const need = pe.needHours[i];
  const got = pe.delivered[i] < need ? pe.delivered[i] : need;
  t.needed += need;
  t.delivered += got;
  if (st === SUPPORTED) {
    t.supported++;
    t.plannedSupported += need;
    t.deliveredSupported += got;
    t.continuity += pe.continuity[i];
  } else {
    t.waiting++;
    t.waited += pe.weeksWaiting[i];
    if (pe.fromHospital[i]) t.delayed++;
  }
  const wb = pe.wellbeing[i];
  t.wellbeing += wb;
  t.counted++;
  t.choice += pe.choice[i];
  t.assets += pe.assets[i];
  const b = (wb * 200) | 0;
  t.hist[b < 199 ? b : 199]++;
}

