/**
 * Role overrides: where a person playing a part in a workshop (sim/game) replaces one of the model's rules. Each
 * field is consulted by exactly one rule, named below; a rule with no override for a provider (or no `overrides` on
 * the state at all, as in every ordinary run) runs as written, so runs outside a game are unchanged. The game engine
 * sets these between weeks (never during one), and records every value it sets, so a game replays exactly.
 * Providers are named by their slot in the state (1.. for independent providers; 0 is the in-house service).
 */
export interface RoleOverrides {
  /**
   * market.ts providerWages (step 5), P4/W5: the hourly wage (£) this provider pays, instead of the wage rule; the
   * living-wage floor (and a negotiated pay floor, step 5a) still bind.
   */
  wage: Record<number, number>;
  /**
   * market.ts placement (step 12), P2: the chance (0-1) this provider accepts a package offered to it, instead of
   * the rule that declines when losing money, carrying risk or gaming (creaming). It still needs spare hours.
   */
  accept: Record<number, number>;
  /**
   * market.ts handbacksAndExits (step 14), P2: packages this provider hands back this week (0 = none), instead of
   * the hand-back rule. Exits (reserves run out, owners close) still follow the model's rules.
   */
  handBack: Record<number, number>;
  /**
   * commissioner.ts updateLabourMarketAndFees (step 4, a re-tender), P4: the hourly fee (£) this provider bids,
   * instead of the random bid below its fee. A bid above its present fee is held at that fee, and no bid is taken
   * below the provider's cost of care (regulation 69, as in the rule).
   */
  bid: Record<number, number>;
  /**
   * market.ts qualityGamingLearning (step 18), P6: how hard (0-1) this provider works the measures — reporting
   * outcomes in the best light, choosing easier cases — instead of the level the incentive, distrust and margin
   * pressure set; its gaming still moves towards it over weeks, and what it reports still follows from it.
   */
  gaming: Record<number, number>;
  /**
   * workforce.ts workforceWeek (step 17), W1: the hourly pay (£) at which care workers, through their voice, say
   * they would stay. Quits follow pay against this figure instead of against the outside wage (morale and
   * recruitment still compare with the outside wage). Undefined: the rule.
   */
  stayPay?: number;
}

export function emptyOverrides(): RoleOverrides {
  return { wage: {}, accept: {}, handBack: {}, bid: {}, gaming: {} };
}

/** The override for provider p in one of the per-provider tables, if any. */
export function overrideFor(table: Record<number, number> | undefined, p: number): number | undefined {
  if (table === undefined) return undefined;
  const v = table[p];
  return v === undefined ? undefined : v;
}
