/**
 * Sums over people at the end of a week, for the weekly metrics (record.ts). They are gathered in the pass that
 * updates people's connection (M2: connectAndTally in model/relationships.ts), the last change to people in a
 * week, so recording needs no pass of its own.
 */
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
  /** people holding a personal budget */
  budgets = 0;
  assets = 0;
  /** wellbeing in 200 bins, for the bottom decile */
  readonly hist = new Float64Array(200);

  reset(): void {
    this.population = 0;
    this.supported = 0;
    this.waiting = 0;
    this.waited = 0;
    this.delayed = 0;
    this.needed = 0;
    this.delivered = 0;
    this.plannedSupported = 0;
    this.deliveredSupported = 0;
    this.counted = 0;
    this.wellbeing = 0;
    this.continuity = 0;
    this.choice = 0;
    this.budgets = 0;
    this.assets = 0;
    this.hist.fill(0);
  }
}
