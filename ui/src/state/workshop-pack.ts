/**
 * The facilitator's pack: three ready-made workshops (issue 18), each with a brief, role cards, timings, debrief
 * questions and a guided solo version for self-study. Plain data: the Workshop screen shows it and prints it, and
 * docs/facilitators-pack.md is the same material for reading away from the app (tests/ui/workshop-pack.test.ts
 * checks the two name the same workshops and that every scenario named here is in the library).
 *
 * Role ids follow the game's roles (the engine's role list, exported through sim/index.ts); a role the pack
 * does not list can still be played, and a role nobody plays follows the model's rules.
 */
import type { MetricId, RoleKind } from '../../../sim/index.ts';
import { METRIC_BY_ID, ROLE_DEFS } from '../../../sim/index.ts';
import type { ScreenId } from '../shell/screens.ts';

export interface RoleCard {
  /** the game's kind of role (a provider card is for every provider seat) */
  role: RoleKind;
  /** who in the room should play it */
  whoPlays: string;
  /** the situation as this role sees it, in a few sentences */
  situation: string;
  /** what this role wants from the next few years */
  wants: string;
  /** what it is afraid of */
  fears: string;
  /** questions to keep in mind while deciding */
  ask: string[];
}

export interface SoloStep {
  /** the app screen the step happens on */
  screen: ScreenId;
  title: string;
  /** what to do there, in plain words */
  doThis: string;
  /** what to look for */
  notice: string;
}

export interface Timing {
  minutes: number;
  what: string;
}

export interface SuggestedShock {
  /** the round it is best dropped into */
  round: number;
  /** the shock's kind in the game (SHOCK_TYPES) */
  kind: string;
  /** what the facilitator says when injecting it */
  say: string;
}

export interface WorkshopPlan {
  id: string;
  title: string;
  /** the library scenario the game starts from */
  scenario: string;
  /** the question the workshop explores */
  question: string;
  brief: string[];
  /** suggested settings: rounds, weeks per round, minutes each round lasts in the room */
  rounds: number;
  weeksPerRound: number;
  minutesPerRound: number;
  roles: RoleCard[];
  timings: Timing[];
  shocks: SuggestedShock[];
  debrief: string[];
  /** figures hidden from a role when the session starts (the facilitator may reveal them later) */
  hidden: { role: RoleKind; metric: MetricId; why: string }[];
  solo: SoloStep[];
  /** where the material comes from */
  sources: string[];
}

/** The conversation prompts every debrief opens with (issue 18, seed 004's "glitches ... before go-live"). */
export const DEBRIEF_PROMPTS = [
  'What surprised you? Something you expected to happen that did not, or the other way round.',
  'Which glitches showed up? A moment where what one role did made another role’s job harder without anyone meaning it.',
  'What would you change before go-live? One thing in the contract, the money, the monitoring or the way you talk to each other.',
  'Where did the game and the model’s rules part company, and why? (The comparison table shows the same place run by the model alone.)',
] as const;

const FEE_CUT: WorkshopPlan = {
  id: 'fee-cut',
  title: 'The fee cut',
  scenario: 'fee-cut-three-years-ago',
  question:
    'Three years ago Midshire cut home-care fees by 5%, clumsily. Providers are still hurting. Can the council rebuild the market before the next winter, and what does it cost?',
  brief: [
    'Midshire is a mixed town-and-country council area. Three years ago, under pressure to save money, the council cut the fee it pays home-care providers by 5% with a month’s notice. Nobody went bust at once, but margins went thin, training budgets went first, and two providers started handing packages back.',
    'Today the council has a new head of commissioning who wants to put things right. The providers have heard promises before. Care workers are leaving for supermarkets and warehouses that pay as much for less. People waiting for care are waiting longer, and the hospital is phoning about delayed discharges.',
    'Each round is a quarter of a year. You will see your own figures, the messages others send you, and the decisions that are yours to make. The model plays every role nobody in the room plays, by its rules.',
    'The figures are plausible dynamics from a model, not forecasts. The point is what you notice about each other’s positions, not the exact numbers.',
  ],
  rounds: 8,
  weeksPerRound: 13,
  minutesPerRound: 8,
  roles: [
    {
      role: 'commissioner',
      whoPlays: 'A commissioner or finance lead from the council',
      situation:
        'You inherited the cut. Your budget for next year is flat. You can raise fees, pay for travel time, guarantee hours, or go back out to tender.',
      wants: 'Enough care, at a price the council can afford, from providers who will still be there in three years.',
      fears: 'Spending the uplift and seeing it vanish into margins, not pay; a provider collapsing over winter.',
      ask: [
        'If you raise the fee, how will providers know it will last?',
        'What would make a provider believe you this time?',
      ],
    },
    {
      role: 'provider',
      whoPlays: 'Someone who runs or manages a home-care agency',
      situation:
        'Your margin is thin since the cut. You pay close to the legal minimum and lose a third of your staff each year. You can set wages, accept or hand back packages, and decide whether to bid when the council re-tenders.',
      wants: 'A fee that covers the real cost of care, paid travel time, and a commissioner you can plan with.',
      fears: 'Another cut; being undercut at re-tender by an agency that will not last; running out of reserves.',
      ask: ['Would you pass a fee rise on to wages? All of it?', 'Which packages are costing you money?'],
    },
    {
      role: 'workers',
      whoPlays: 'A care worker, a union or staff representative',
      situation:
        'You speak for the care workers. You decide whether people stay or leave at the pay on offer, and you can say what would make them stay.',
      wants: 'Pay that beats the supermarket, paid travel time, guaranteed hours, time to do the job properly.',
      fears: 'Zero-hours rotas, fifteen-minute visits, being blamed when there are not enough of you.',
      ask: ['At what hourly pay would the people you know stay?', 'What matters besides pay?'],
    },
    {
      role: 'nhs',
      whoPlays: 'Someone from the NHS: discharge team, ICB, community health',
      situation: 'Beds are full of people who are ready to go home but have no care to go home to.',
      wants: 'Care ready when people leave hospital; a shared plan for winter.',
      fears: 'Delayed discharges rising all winter; being asked to put money in with nothing back.',
      ask: ['Would you pool money with the council? On what terms?'],
    },
    {
      role: 'people',
      whoPlays: 'A person who draws on care, a family carer, or an advocate',
      situation: 'You have had four different carers this month, none of whom knew your routine.',
      wants: 'The same faces, at times that suit your life, and a say in what the care is for.',
      fears: 'Being moved to another agency again; waiting for a package that never starts.',
      ask: ['What would a good day look like?', 'What would you tell the commissioner if you had five minutes?'],
    },
  ],
  timings: [
    { minutes: 15, what: 'Welcome; read the brief together; hand out role cards; players join on their phones' },
    { minutes: 10, what: 'Each role reads its card and first figures; a practice round' },
    { minutes: 65, what: 'Eight rounds of about eight minutes: talk, decide, see what happened' },
    { minutes: 10, what: 'Break' },
    { minutes: 35, what: 'Debrief: each table against the others and against the model alone; the prompts' },
    { minutes: 10, what: 'What would you change before going live? Write it down; export the record' },
  ],
  shocks: [
    {
      round: 4,
      kind: 'provider_collapse',
      say: 'A provider has just collapsed. Its packages need new homes this week.',
    },
    {
      round: 6,
      kind: 'competing_employer',
      say: 'A new warehouse has opened on the ring road, paying about 10% more than care work (drop in “A big new employer opens nearby” at 10%).',
    },
  ],
  hidden: [],
  debrief: [
    'Did the providers believe the commissioner’s first offer? What changed their minds, if anything?',
    'How much of any fee rise reached care workers’ pay, and how quickly?',
    'When the provider collapsed, who picked up the packages, and at what cost?',
    'Compare your table with the model alone: did talking to each other change what happened?',
  ],
  solo: [
    {
      screen: 'place',
      title: 'Meet Midshire',
      doThis: 'Open "Your place" and read how Midshire is described: its people, its providers, its workforce.',
      notice: 'How thin providers’ margins are, and how many care workers leave each year.',
    },
    {
      screen: 'strategy',
      title: 'Add the fee-cut scenario',
      doThis:
        'On "Strategies", under "Add a scenario", choose "Midshire: a fee cut three years ago" from the library scenarios and press Add. Midshire’s status quo is already in the comparison.',
      notice: 'The two start from the same place; one remembers the cut.',
    },
    {
      screen: 'compare',
      title: 'See what the memory does',
      doThis: 'On "Compare", look at trust between providers and the council, turnover and people waiting.',
      notice: 'Whether the fee cut still shows three years on, and in which figures it shows most.',
    },
    {
      screen: 'strategy',
      title: 'Try to put it right',
      doThis:
        'On "Strategies", copy the fee-cut scenario and raise the fee level and the travel time paid. Give it a new name.',
      notice: 'How long it takes for trust and turnover to recover, if they do.',
    },
    {
      screen: 'run',
      title: 'Look inside one run',
      doThis: 'On "Inside a run", step through the weeks of your repaired plan.',
      notice: 'The moments providers hand packages back, and what came just before.',
    },
    {
      screen: 'stress',
      title: 'Would it hold?',
      doThis: 'On "Stress test", test your plan against a provider collapse and a competing employer.',
      notice: 'Which futures break it; write down what you would change before going live.',
    },
  ],
  sources: [
    'Seed 000: "are they still hurting because we clumsily tried to reduce their fees three years ago?"',
    'scenarios/fee-cut-three-years-ago.yaml',
  ],
};

const ALLIANCE: WorkshopPlan = {
  id: 'alliance',
  title: 'Going live with an alliance',
  scenario: 'plymouth-style-sequence',
  question:
    'Midshire wants to do what Plymouth did: a shared budget, an alliance of providers, no outputs in the contract. What has to be true for it to hold when it goes live?',
  brief: [
    'Plymouth’s council and NHS put £80m over ten years into a shared budget for vulnerable adults, and commissioned it through an alliance: organisations in the city came together to make a shared response. The contract named no outputs or outcomes; it was about collaboration and learning together. It was made possible by four years of work building trust (seed 002).',
    'Midshire wants to try the same, faster: two years of trust building and learning, with whole-system events, then an alliance with a shared budget. You are the people who will have to make it work.',
    'Each round is half a year. The alliance starts in round 5. Before then, what you do builds (or spends) the trust it will need.',
    'The figures are plausible dynamics from a model, not forecasts. Watch for the glitches: the moments one part of the system makes another’s job harder.',
  ],
  rounds: 12,
  weeksPerRound: 26,
  minutesPerRound: 7,
  roles: [
    {
      role: 'commissioner',
      whoPlays: 'A council commissioner',
      situation:
        'You are letting go of control: no outputs in the contract, a shared budget, decisions made with the alliance.',
      wants: 'A system that learns and adapts, and spends less on monitoring and more on care.',
      fears: 'Being asked by councillors what the money bought, and having no numbers to show.',
      ask: ['What will you stop measuring?', 'What will you do when something goes wrong in the first year?'],
    },
    {
      role: 'provider',
      whoPlays: 'Leaders of provider organisations, one each if you can',
      situation: 'You will share a budget with organisations you used to compete with.',
      wants: 'Stable funding, freedom to do what works, and not being blamed for the whole system.',
      fears: 'A bigger partner taking over; carrying the risk of the others’ overspend.',
      ask: ['Would you hand a package to another alliance member if they could do it better?'],
    },
    {
      role: 'workers',
      whoPlays: 'A care worker or team leader',
      situation: 'Teams will have more say over visits. Pay and contracts depend on the alliance’s choices.',
      wants: 'Time to build relationships with the people you support; guaranteed hours.',
      fears: 'More meetings and the same rotas.',
      ask: ['What would you do with more freedom over a visit?'],
    },
    {
      role: 'nhs',
      whoPlays: 'Someone from the ICB or the local hospital',
      situation: 'You are asked to pool money into the shared budget.',
      wants: 'Fewer admissions and faster discharges.',
      fears: 'Money disappearing into social care with no change at the hospital door.',
      ask: ['How much would you pool, and when?', 'What would you need to see in the first year?'],
    },
    {
      role: 'community',
      whoPlays: 'A community or voluntary organisation',
      situation: 'You run lunch clubs, befriending and small groups; you may be part of the alliance.',
      wants: 'To be a partner, not a subcontractor; funding that lasts more than a year.',
      fears: 'Being expected to fill every gap for free.',
      ask: ['What capacity could you add if you were funded for three years?'],
    },
    {
      role: 'people',
      whoPlays: 'A person who draws on care, a family carer, or an advocate',
      situation: 'You have been invited to help design the alliance.',
      wants: 'Choice and control over your care; the same people; being heard.',
      fears: 'Consultation that changes nothing.',
      ask: ['What should the alliance promise you?'],
    },
  ],
  timings: [
    { minutes: 15, what: 'Welcome; the Plymouth story; hand out role cards; players join' },
    { minutes: 30, what: 'Rounds 1–4: building trust (the whole-system events happen in the model)' },
    { minutes: 10, what: 'Pause: the alliance agreement. What does each role promise?' },
    { minutes: 55, what: 'Rounds 5–12: the alliance is live' },
    { minutes: 10, what: 'Break' },
    { minutes: 40, what: 'Debrief and what to change before go-live' },
  ],
  shocks: [
    { round: 6, kind: 'budget_cut', say: 'The council’s settlement is worse than expected: 3% less next year.' },
    { round: 9, kind: 'demand_surge', say: 'A hard winter: many more people need care at once.' },
  ],
  hidden: [],
  debrief: [
    'Was there enough trust when the alliance started? How could you tell?',
    'When the money got tight, did the alliance hold together or did each member protect itself?',
    'What did the commissioner stop measuring, and did anyone miss it?',
    'Plymouth took four years; this table took two. What would you not skip?',
  ],
  solo: [
    {
      screen: 'overview',
      title: 'The twelve approaches',
      doThis: 'Open "All twelve" and find the alliance and human-learning approaches.',
      notice: 'What each needs to work: trust and capability the place may not have yet.',
    },
    {
      screen: 'strategy',
      title: 'Add the two paths',
      doThis:
        'On "Strategies", under "Add a scenario", add "Midshire: trust building, then an alliance" from the library scenarios ("Midshire: Alliance contracting" is already in the comparison).',
      notice: 'One goes straight to an alliance; the other builds trust first.',
    },
    {
      screen: 'compare',
      title: 'Does the order matter?',
      doThis: 'On "Compare", look at trust between providers, system health and people waiting.',
      notice: 'Whether the alliance that starts without trust behaves differently from the one that waits.',
    },
    {
      screen: 'strategy',
      title: 'Change the sequence',
      doThis:
        'On "Strategies", copy the trust-building path and move the alliance’s start earlier or later on the timeline.',
      notice: 'How sensitive the result is to when you go live.',
    },
    {
      screen: 'stress',
      title: 'Test it against bad luck',
      doThis: 'On "Stress test", test the sequence against a budget cut and a demand surge.',
      notice: 'In which futures the alliance fails, and what they have in common.',
    },
  ],
  sources: [
    'Seed 002 (Lowe, Human Learning Systems): the Plymouth alliance case',
    'scenarios/plymouth-style-sequence.yaml, scenarios/midshire-alliance.yaml',
  ],
};

const OUTCOMES: WorkshopPlan = {
  id: 'outcomes',
  title: 'Outcomes-based payment and Campbell’s law',
  scenario: 'midshire-outcomes',
  question: 'If Midshire pays providers on measured outcomes, do people’s lives get better, or do the measures?',
  brief: [
    'Midshire’s councillors want to pay for results, not for time. The plan: part of every fee is paid only if the outcomes providers report reach a target.',
    'Campbell’s law (seed 002): “The more any quantitative social indicator is used for social decision-making, the more subject it will be to corruption pressures and the more apt it will be to distort and corrupt the social processes it is intended to monitor.”',
    'In this game the reported outcome and the real one are different figures. Providers see the money; the people who draw on care see their days. The commissioner sees what is reported, unless the facilitator reveals more.',
    'Each round is a quarter of a year. The figures are plausible dynamics from a model, not forecasts.',
  ],
  rounds: 8,
  weeksPerRound: 13,
  minutesPerRound: 8,
  roles: [
    {
      role: 'commissioner',
      whoPlays: 'A commissioner or performance manager',
      situation: 'You set the share of the fee paid on outcomes, and how closely you check the reports.',
      wants: 'Better lives for the money, and evidence of it.',
      fears: 'Paying for outcomes that are not real; being told the targets were met while complaints rise.',
      ask: ['What would you measure? What would you do if the figures looked too good?'],
    },
    {
      role: 'provider',
      whoPlays: 'Someone who runs a home-care agency',
      situation: 'Part of your income now depends on what you report.',
      wants: 'To get paid for the good work your staff already do.',
      fears: 'Losing money for things outside your control: a hospital stay, a bad winter.',
      ask: [
        'What would you do if the target were just out of reach this quarter?',
        'How hard will you work the measures? It is one of your decisions each round; your desk shows what you report beside how your people fare.',
      ],
    },
    {
      role: 'workers',
      whoPlays: 'A care worker',
      situation: 'There are new forms to fill in at every visit.',
      wants: 'Time with people, not with paperwork.',
      fears: 'Being told to record things a certain way.',
      ask: ['What would you tell your manager about the forms?'],
    },
    {
      role: 'people',
      whoPlays: 'A person who draws on care, a family carer, or an advocate',
      situation: 'You are asked to fill in a survey about your outcomes every three months.',
      wants: 'Care that fits your life; being asked what matters, not what is easy to count.',
      fears: 'Being “discharged” as a success when you still need help.',
      ask: ['Does the survey ask about what matters to you?'],
    },
  ],
  timings: [
    { minutes: 15, what: 'Welcome; Campbell’s law; role cards; players join' },
    { minutes: 60, what: 'Eight rounds; the facilitator keeps the real outcomes hidden from the commissioner' },
    { minutes: 5, what: 'The reveal: show everyone the real outcomes beside the reported ones' },
    { minutes: 10, what: 'Break' },
    { minutes: 35, what: 'Debrief' },
    { minutes: 10, what: 'What would you measure instead? What would you learn from instead of judge by?' },
  ],
  shocks: [{ round: 5, kind: 'sickness_wave', say: 'A sickness wave: one worker in ten off for three weeks.' }],
  hidden: [
    {
      role: 'commissioner',
      metric: 'wellbeing_mean',
      why: 'The commissioner sees what providers report, not how people’s days are going; reveal it for the last round.',
    },
    {
      role: 'commissioner',
      metric: 'quality_mean',
      why: 'Quality of care as delivered is not what the contract measures; reveal it with wellbeing.',
    },
  ],
  debrief: [
    'When did the reported outcomes and the real ones start to part? Who noticed first?',
    'Did anyone decide to “game” the measure? Did it feel like gaming at the time?',
    'What would “using data to learn, not to demonstrate impact” (seed 002) look like here?',
    'Stories, as well as measurement: what story from the game would you tell the councillors?',
  ],
  solo: [
    {
      screen: 'overview',
      title: 'Outcomes-based commissioning',
      doThis: 'On "All twelve", find "Outcomes-based commissioning" and read what it changes.',
      notice: 'The share of the fee paid on measured outcomes.',
    },
    {
      screen: 'strategy',
      title: 'Add the outcomes scenario',
      doThis:
        'On "Strategies", under "Add a scenario", add "Midshire: Outcomes-based commissioning (payment by results)" from the library scenarios.',
      notice: 'It starts from Midshire as it is today.',
    },
    {
      screen: 'compare',
      title: 'Reported against real',
      doThis: 'On "Compare", put the reported outcome beside the wellbeing of people who draw on care.',
      notice: 'Whether the reported figure rises faster than wellbeing: that gap is Campbell’s law at work.',
    },
    {
      screen: 'strategy',
      title: 'Turn the dial',
      doThis: 'On "Strategies", copy the outcomes scenario and halve the payment on measured outcomes.',
      notice: 'Whether the gap between reported and real closes, and what it costs.',
    },
    {
      screen: 'run',
      title: 'Watch gaming appear',
      doThis: 'On "Inside a run", follow the weeks and the messages about providers’ reports.',
      notice: 'When the gap opens and what was happening to margins just before.',
    },
  ],
  sources: [
    'Seed 002: Campbell’s law; "using data to learn, not to demonstrate impact"',
    'Seed 003: "populations don’t experience outcomes, people do"',
    'scenarios/midshire-outcomes.yaml',
  ],
};

export const WORKSHOP_PACK: readonly WorkshopPlan[] = [FEE_CUT, ALLIANCE, OUTCOMES];

/**
 * "Reading the debrief": how the debrief's comparison and its "what drove this table's result" are worked out, in
 * plain words, for the facilitator to read before the debrief and to say to the room. The same passage is in every
 * printed workshop, at the end of the pack's Markdown, and (all but the last paragraph) under the debrief's
 * "What drove the result".
 */
export const READING_THE_DEBRIEF: readonly string[] = [
  'Each table is set beside the same place run by the model’s rules alone: the same starting point, the same shocks and the same random numbers. The model takes its chance events (who needs care in which week, which care worker thinks of leaving) from a fixed list of random numbers that the game’s seed sets, so a game played again with the same seed and the same decisions comes out the same to the last figure. A difference between a table and the model alone starts from what people decided.',
  'To see whose decisions made the difference, the table is played again once for each role that decided something. For the commissioner, say: “we replayed your table with the commissioner’s decisions left to the model’s rules, with the same chance events, and everyone else deciding as they did.” How far the result moves back towards the model alone is the commissioner’s part of the difference. “Together” is what the decisions did only in combination (a fee rise that helped only because the providers raised wages too). The parts and “together” add up to the whole difference.',
  'Read large shares with care. A share above 100% or below 0% means the parts pulled in opposite directions: one did more than the whole difference and another took some of it back. Every replay starts from the same chance events, but once a decision changes what happens (a care worker who would have left stays), later chance can fall to different people. When the parts are much larger than the difference itself, part of what they show is that luck, and the debrief says so.',
  'Round by round, the debrief also names the loop of the causal map that carried most of the change at the table: a chain of causes that comes back to where it started, either reinforcing (it feeds on itself) or balancing (it pushes back). It reads which figures moved together along the map’s links; it is not proof of cause. The replays are the test of cause.',
  'The figures are plausible dynamics from a model, not forecasts. Use the shares to open a conversation (“what did the fee rise do that we did not see at the time?”), not to hand out marks.',
];

export function planById(id: string): WorkshopPlan | undefined {
  return WORKSHOP_PACK.find((p) => p.id === id);
}

/** A kind of role's name in plain words (the game's own names, sim/game/roles.ts). */
export function roleTitle(role: RoleKind): string {
  return ROLE_DEFS[role].label;
}

/**
 * The pack as Markdown: the part of docs/facilitators-pack.md between its "pack begins" and "pack ends" marks is
 * exactly this (tests/ui/workshop-pack.test.ts), so the printed pack and the document never disagree.
 */
export function packMarkdown(pack: readonly WorkshopPlan[] = WORKSHOP_PACK): string {
  const out: string[] = [];
  for (const p of pack) {
    out.push(`## ${p.title}`, '', `**The question.** ${p.question}`, '');
    out.push(
      `Starts from the library scenario \`${p.scenario}\`. Suggested: ${p.rounds} rounds of ${p.weeksPerRound} weeks, about ${p.minutesPerRound} minutes a round in the room.`,
      '',
    );
    out.push('### The brief (read it out)', '', ...p.brief.flatMap((b) => [b, '']));
    out.push('### Role cards', '');
    for (const r of p.roles) {
      out.push(`#### ${roleTitle(r.role)}`, '', `*Played by:* ${r.whoPlays}`, '', r.situation, '');
      out.push(`- **You want:** ${r.wants}`, `- **You fear:** ${r.fears}`, ...r.ask.map((a) => `- ${a}`), '');
    }
    out.push('### Timings', '', '| Minutes | What happens |', '|---:|---|');
    for (const t of p.timings) out.push(`| ${t.minutes} | ${t.what} |`);
    out.push(`| **${p.timings.reduce((a, t) => a + t.minutes, 0)}** | in all |`, '');
    if (p.hidden.length) {
      out.push('### Hidden at the start', '');
      for (const h of p.hidden)
        out.push(
          `- From ${roleTitle(h.role).toLowerCase()}: ${METRIC_BY_ID.get(h.metric).label.toLowerCase()}. ${h.why}`,
        );
      out.push('');
    }
    if (p.shocks.length) {
      out.push('### Shocks to drop in', '');
      for (const s of p.shocks) out.push(`- Round ${s.round}: “${s.say}”`);
      out.push('');
    }
    out.push('### Debrief questions', '');
    [...DEBRIEF_PROMPTS, ...p.debrief].forEach((q, i) => out.push(`${i + 1}. ${q}`));
    out.push('', '### On your own: the guided solo version', '');
    p.solo.forEach((s, i) =>
      out.push(`${i + 1}. **${s.title}** (screen: ${s.screen}). ${s.doThis} *Look for:* ${s.notice}`),
    );
    out.push('', `*Sources:* ${p.sources.join('; ')}.`, '');
  }
  out.push('## Reading the debrief', '', ...READING_THE_DEBRIEF.flatMap((x) => [x, '']));
  return out.join('\n');
}
