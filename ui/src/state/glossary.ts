/**
 * The words this app uses that a commissioner may not: each explained in a sentence or two of plain English, with
 * where it shows up. The Help screen lists them all; a "?" beside a word on any screen opens its entry (#help/<id>).
 */
export interface GlossaryEntry {
  id: string;
  term: string;
  /** other names the term goes by (research words), so a reader who meets them elsewhere can find it */
  aka?: string;
  plain: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'approach',
    term: 'Approach',
    plain:
      'A way of commissioning care: how the council buys it, pays for it and works with providers (for example time-and-task spot purchase, a price-led tender, an alliance, personal budgets). The twelve approaches are set out under "All twelve".',
  },
  {
    id: 'blend',
    term: 'Blend',
    plain:
      'A strategy can mix approaches, for example 70% time-and-task and 30% neighbourhood teams. The levers start from the weighted mix of the approaches’ settings; you can then change any lever.',
  },
  {
    id: 'phase',
    term: 'Phase',
    plain:
      'A period of a plan with its own blend and levers, such as "build trust for two years, then move to an alliance". Changes between phases take time and money, as they would in a real place.',
  },
  {
    id: 'lever',
    term: 'Lever',
    plain:
      'Something the council decides: the fee, how much travel time is paid, how much monitoring, how much say care workers have over visits. Levers are shown in pounds, percentages and years; for practices a word says how much ("none", "some", "most").',
  },
  {
    id: 'good-days',
    term: 'Good days',
    aka: 'wellbeing, ASCOT',
    plain:
      'How well people who draw on care are living, on a scale of 0 to 1, built from the domains of the Adult Social Care Outcomes Toolkit (ASCOT): needs met, control over daily life, safety, social contact, dignity and occupation. 1 would be every need met and a good life in every domain.',
  },
  {
    id: 'unmet-need',
    term: 'Unmet need',
    plain:
      'The share of assessed care hours that no one delivers in a week, because no provider has a care worker free. People waiting for a package count here.',
  },
  {
    id: 'hand-back',
    term: 'Hand-back',
    plain:
      'When a provider returns a package of care to the council because it cannot staff it or it loses money on it. The person then waits for another provider.',
  },
  {
    id: 'provider-exit',
    term: 'Provider exit',
    plain:
      'A provider leaving the market, usually after losses. Its staff and packages transfer to other providers where they have room (see TUPE).',
  },
  {
    id: 'tupe',
    term: 'TUPE',
    aka: 'Transfer of Undertakings (Protection of Employment) Regulations 2006',
    plain:
      'The law that moves care workers, on their existing terms, to a new employer when a service changes hands: from a failed provider to another, or from providers to the council when care is brought in-house.',
  },
  {
    id: 'continuity',
    term: 'Continuity of care',
    plain:
      'Whether a person sees the same few care workers week after week. Many new faces in a month is poor continuity; it lowers good days and care workers’ satisfaction.',
  },
  {
    id: 'relational',
    term: 'Relational practice',
    plain:
      'Ways of working that rest on relationships rather than contracts and checks: care workers’ say over visits, co-production with people and families, learning together. In the model they cost time, training and management, take years to build, and work only as far as trust and capability allow.',
  },
  {
    id: 'readiness',
    term: 'Readiness',
    plain:
      'What an approach needs from the place to work: trust between council and providers, the council’s and providers’ capability, a market with room, money, an NHS partner, a community sector. Where a place falls short, the approach strains and its benefits shrink.',
  },
  {
    id: 'trust',
    term: 'Trust',
    plain:
      'How far providers believe the council will treat them fairly, shown out of 100 (0: none; 100: complete; the model keeps it from 0 to 1). It is built slowly by fair fees, prompt payment and shared work, and lost quickly by cuts and clumsy re-tenders, which are remembered for years (breach memory).',
  },
  {
    id: 'breach-memory',
    term: 'Breach memory',
    plain:
      'What providers remember of a broken promise (a fee cut, late payment, a clumsy re-tender). It fades over years, with a half-life set out in the model’s documentation, so a cut three years ago still weighs on trust today.',
  },
  {
    id: 'whole-system-event',
    term: 'Whole-system event',
    aka: 'Future Search, Open Space, World Café',
    plain:
      'A large meeting of everyone with a stake in care (council, providers, care workers, NHS, community, people who draw on care) to build shared understanding and trust. It costs money and staff time and raises trust slowly.',
  },
  {
    id: 'gaming',
    term: 'Gaming the measures',
    aka: 'Campbell’s law',
    plain:
      'When payment follows a measure, providers learn to improve the measure rather than what it stands for. Campbell’s law: the more a measure is used to decide things, the more it is corrupted.',
  },
  {
    id: 'funded',
    term: 'Funded decision',
    plain:
      'A decision whose cost the council adds to its budget (the budget follows it). An unfunded one must be met from savings elsewhere, which shows as overspend and the council’s response to it.',
  },
  {
    id: 'pass-through',
    term: 'Fee pass-through',
    plain:
      'How much of a fee rise reaches care workers’ pay. Providers pass part of it on, over months, and keep part for other costs; the share is set out in the model’s documentation.',
  },
  {
    id: 'runs',
    term: 'Runs',
    aka: 'ensemble, replicates',
    plain:
      'The simulation is run many times for each scenario, each time with different chance events. Looking across the runs shows what usually happens and how widely it can vary.',
  },
  {
    id: 'range',
    term: 'Range (90% of runs)',
    aka: 'p5 to p95, 5th to 95th percentile',
    plain:
      'The band within which 90 out of 100 runs fall: 5 runs in 100 end below it and 5 above. It shows chance and, by default, what we do not know about the model’s own numbers.',
  },
  {
    id: 'uncertainty',
    term: 'What we don’t know',
    aka: 'parameter uncertainty',
    plain:
      'Many numbers in the model are assumptions with a plausible range rather than known facts. By default each run draws them from their ranges, so the results’ ranges show this as well as chance; a setting shows chance only, for teaching.',
  },
  {
    id: 'median',
    term: 'Median (the middle run)',
    aka: '50th percentile',
    plain:
      'Put the runs in order from lowest to highest: the median is the one in the middle, with half the runs above it and half below. The lines on the charts are the median week by week; unlike an average, one extreme run does not pull it.',
  },
  {
    id: 'interval',
    term: '90% interval of a difference',
    aka: 'confidence interval of the paired mean difference',
    plain:
      'How sure the comparison is about the average difference between two scenarios, given the runs done: the true average difference lies inside it 90 times in 100. When it lies wholly on one side of zero the summary says better or worse; when it spans zero, "no clear difference". More runs make it narrower.',
  },
  {
    id: 'paired',
    term: 'Paired comparison',
    aka: 'common random numbers, same random numbers',
    plain:
      'Run 1 of every scenario meets the same chance events and the same assumed numbers, and so does run 2, and so on. The difference between scenarios is then the difference the strategy makes, not luck.',
  },
  {
    id: 'spin-up',
    term: 'History weeks',
    aka: 'spin-up',
    plain:
      'Weeks simulated before the results start, so the place begins settled (trust, staff and money as they would be after years of the status quo) rather than at made-up starting values.',
  },
  {
    id: 'baseline',
    term: 'Baseline',
    plain:
      'The scenario the others are compared with: the first in the list, usually the place carrying on as it is. "Better" and "worse" always mean better or worse than the baseline in the same runs.',
  },
  {
    id: 'causal-map',
    term: 'Causal map',
    plain:
      'A drawing of the parts of the simulated place (care workers, providers, money, trust, people waiting) with an arrow wherever the model’s code has one part move another: + when they move the same way, − when opposite. It shows how the model is built, not a measured fact about a real place.',
  },
  {
    id: 'mechanism',
    term: 'Mechanism',
    plain:
      'One way the model makes something happen, written in its code and documented with its evidence: for example, lower pay making care workers more likely to leave, or part of a fee rise reaching pay over months. Each arrow of the causal map is a mechanism.',
  },
  {
    id: 'loop',
    term: 'Loop (reinforcing or balancing)',
    aka: 'feedback loop',
    plain:
      'A chain of causes that comes back to where it started. A reinforcing loop feeds on itself: a change comes back bigger (a fee squeeze lowers pay, more care workers leave, more packages are handed back, and the squeeze tightens). A balancing loop pushes back: a change comes back smaller, as a thermostat does.',
  },
  {
    id: 'dominant-loop',
    term: 'The loop that carried most change',
    aka: 'dominant loop, live loop weights, co-movement',
    plain:
      'For a year (or a few weeks) of a run, the loop of the causal map whose arrows moved most: both ends of each arrow moved the way the arrow says. It is read from how the parts moved together, not a proof of cause; "What drove the difference?" tests causes by switching them off.',
  },
  {
    id: 'switched-off',
    term: 'Switching off in turn',
    aka: 'knock-out, attribution',
    plain:
      'To find what drove a difference, the simulator runs both scenarios again with one mechanism, or one group of levers, switched off, on the same random numbers; how much of the difference disappears is that part’s share. Parts can overlap or work against each other, so what no single switch explains is shown as its own bar and the bars add up to the whole difference.',
  },
  {
    id: 'future',
    term: 'Future',
    plain:
      'In a stress test, one combination of outside conditions (demand, wages, budget, shocks) that a plan might meet. A stress test runs the plan in many futures.',
  },
  {
    id: 'robust',
    term: 'Holds up',
    aka: 'robust',
    plain:
      'A plan holds up if it meets every threshold you set (for example unmet need below 10%) in most futures, not just the expected one.',
  },
  {
    id: 'regret',
    term: 'Shortfall from the best',
    aka: 'regret',
    plain:
      'In each future, how far a plan falls short of the best plan in that same future. A plan with a small shortfall in every future is a safe choice even if it is rarely the very best.',
  },
  {
    id: 'narrowing',
    term: 'Narrowing steps',
    aka: 'PRIM, peeling, scenario discovery',
    plain:
      'A search for the plain-words conditions under which a plan fails ("when wages rise faster than 4% a year and the fee is below £23 an hour"). Each step narrows the conditions: the box then holds fewer of the failures but fails more often inside.',
  },
  {
    id: 'coverage',
    term: 'Share of failures held',
    aka: 'coverage',
    plain: 'Of all the futures in which the plan fails, the share that lie inside the conditions found.',
  },
  {
    id: 'density',
    term: 'Failing inside',
    aka: 'density',
    plain: 'Of the futures inside the conditions found, the share in which the plan fails.',
  },
  {
    id: 'typical-effect',
    term: 'Typical effect',
    aka: 'Morris method, μ*',
    plain:
      'How much an outcome moves, on average, when one outside condition is moved across its range on its own, from many different starting futures. The longest bars are the conditions that matter most.',
  },
];

export const GLOSSARY_BY_ID: ReadonlyMap<string, GlossaryEntry> = new Map(GLOSSARY.map((g) => [g.id, g]));
