/**
 * The options appraisal paper as a document model: sections of paragraphs, lists, tables and figures, built by
 * one function (paperModel) from one Appraisal and nothing else, so every figure in the paper is one the JSON
 * carries. Every number written from the results is recorded as a fact (its JSON path, its value and the text
 * printed), so a test can check the paper against the JSON. paper-html.ts and paper-docx.ts render the model.
 */
import { CONTEXT_ASPECTS } from '../scenario/context.ts';
import { READINESS_DIMENSIONS, type Appraisal, type Interval } from './types.ts';
import { DIMENSION_LABELS } from './readiness.ts';
import { intervalChart, readinessGrid, shareBars, type Svg } from './paper-svg.ts';
import { APPRAISAL_FAILURE_WORDS } from './fit.ts';
import { listWords, metricChange, metricValue, percent, pounds, signedPounds } from './words.ts';

export type PaperBlock =
  | { kind: 'p'; text: string }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'table'; caption: string; columns: string[]; rows: string[][]; numeric?: boolean[] }
  | { kind: 'figure'; caption: string; alt: string; svg: Svg }
  | { kind: 'note'; text: string };

export interface PaperSection {
  id: 'place' | 'question' | 'options' | 'needs' | 'results' | 'plan' | 'breaks' | 'limits' | 'sources';
  title: string;
  blocks: PaperBlock[];
}

/** A number printed in the paper: where it is in the JSON, its value there, and the text printed. */
export interface PaperFact {
  path: string;
  value: number;
  text: string;
}

export interface PaperDoc {
  title: string;
  subtitle: string;
  /** the date the appraisal was made (given by the caller: the paper itself reads no clock) */
  date: string;
  summary: string[];
  sections: PaperSection[];
  facts: PaperFact[];
}

export const PAPER_SECTIONS: readonly { id: PaperSection['id']; title: string }[] = [
  { id: 'place', title: '1. The place' },
  { id: 'question', title: '2. The question' },
  { id: 'options', title: '3. The options' },
  { id: 'needs', title: '4. What each option needs' },
  { id: 'results', title: '5. Results: outcomes, ranges and cost' },
  { id: 'plan', title: '6. The recommended path' },
  { id: 'breaks', title: '7. Where the plan breaks' },
  { id: 'limits', title: '8. What the model leaves out, and how far to trust it' },
  { id: 'sources', title: '9. Sources' },
];

/** How each kind of number is written (the tests use the same functions). */
export const FORMAT = {
  score: (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '—'),
  pounds: (x: number): string => signedPounds(x),
  share: (x: number): string => percent(x, 0),
  trust: (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '—'),
};

/** The paper of an appraisal. `date` is printed as given (e.g. the run's date). */
export function paperModel(a: Appraisal, opts: { date?: string } = {}): PaperDoc {
  const facts: PaperFact[] = [];
  const fact = (path: string, value: number, format: (x: number) => string): string => {
    const text = format(value);
    facts.push({ path, value, text });
    return text;
  };
  const name = (id: string): string =>
    id === 'status-quo' ? 'Status quo' : (a.approaches.find((x) => x.id === id)?.name ?? id);
  const fits = a.fit.ranking;
  const best = fits[0];
  const plan = a.plan;
  const rec = plan.paths.find((p) => p.id === plan.recommended) ?? null;
  const recIndex = rec ? plan.paths.indexOf(rec) : -1;
  const interval = (path: string, iv: Interval, f: (x: number) => string): string =>
    `${fact(`${path}.mean`, iv.mean, f)} (${fact(`${path}.low`, iv.low, f)} to ${fact(`${path}.high`, iv.high, f)})`;

  /* summary */
  const summary: string[] = [];
  const bestGroup = a.fit.groups[0] ?? [];
  if (best.score.high < 0)
    summary.push(
      `No option beats the status quo on the outcomes weighed: the least bad is ${best.name}. Look first at why the status quo cannot be improved on here (section 5).`,
    );
  else
    summary.push(
      bestGroup.length > 1
        ? `Best fit on the outcomes weighed: ${listWords(bestGroup.map(name))}, which the runs cannot tell apart; ${best.name} scores highest.`
        : `Best fit on the outcomes weighed: ${best.name}.`,
    );
  summary.push(best.words);
  if (rec && plan.basis === 'step')
    summary.push(
      `Recommended path: ${rec.name} towards ${plan.target}, as a step towards safety, not a safe plan: here even the status quo fails the tests in ${fact('plan.statusQuoFailShare', plan.statusQuoFailShare, FORMAT.share)} of runs, and this path fails in ${fact(`plan.paths[${recIndex}].failShare`, rec.failShare, FORMAT.share)}.`,
    );
  else if (rec)
    summary.push(
      rec.robustness
        ? `Recommended path: ${rec.name} towards ${plan.target} — it holds up in ${fact(`plan.paths[${recIndex}].robustness.satisficing`, rec.robustness.satisficing, FORMAT.share)} of the futures sampled.`
        : `Recommended path: ${rec.name} towards ${plan.target} — it fails in ${fact(`plan.paths[${recIndex}].failShare`, rec.failShare, FORMAT.share)} of runs; it was not tested across futures.`,
    );
  else
    summary.push(
      plan.futures > 0
        ? 'No path towards the chosen option holds up in the futures sampled, and none does better than the status quo: none is recommended.'
        : 'Every path towards the chosen option fails in every run, and none does better than the status quo: none is recommended.',
    );
  summary.push(
    `What to build first: ${a.targetReadiness.short.length ? listWords(a.targetReadiness.short.map((d) => DIMENSION_LABELS[d].toLowerCase())) : 'nothing is short'}.`,
  );
  summary.push(
    'These are plausible dynamics from a simulation, not forecasts: every figure is a range over many runs.',
  );

  /* 1. the place */
  const place: PaperBlock[] = [];
  place.push({
    kind: 'p',
    text: `${a.place.name}: ${a.place.people.toLocaleString('en-GB')} people receiving long-term support in the community, ${a.place.workers.toLocaleString('en-GB')} care workers and ${a.place.providers} independent providers at the start.`,
  });
  place.push({
    kind: 'table',
    caption: 'The place as its commissioners describe it (answers 1 = hardest to 5 = most favourable)',
    columns: ['Question', 'Answer'],
    rows: CONTEXT_ASPECTS.map((q) => {
      const v = a.place.context[q.id];
      return [
        q.question,
        v === undefined
          ? '3 (not answered; typical)'
          : `${v} — ${q.answers[Math.min(4, Math.max(0, Math.round(v) - 1))]}`,
      ];
    }),
  });
  if (a.place.applied.length)
    place.push({
      kind: 'table',
      caption: `The council's own figures${a.place.numbers?.source ? ` (${a.place.numbers.source})` : ''}, ${a.place.numbers?.years[0]?.year ?? ''}, and what each sets`,
      columns: ['Figure', 'Value', 'Sets', 'How'],
      rows: a.place.applied.map((f) => [f.label, String(f.value), `${f.sets} = ${f.to}`, f.how]),
      numeric: [false, true, false, false],
    });
  if (a.baseline) {
    place.push({ kind: 'p', text: `Baseline check. ${a.baseline.summary}` });
    place.push({
      kind: 'table',
      caption: `The status quo run from ${a.baseline.fromYear} (${a.baseline.runs} runs) against the reported figures`,
      columns: ['Figure', 'Year', 'Reported', 'Simulated (5–95%)', 'Gap'],
      rows: a.baseline.rows.flatMap((r, i) =>
        r.years.map((y, k) => [
          r.label,
          y,
          showFigure(r.figure, r.given[k]),
          `${showFigure(r.figure, r.simulated[k].mean)} (${showFigure(r.figure, r.simulated[k].p5)} to ${showFigure(r.figure, r.simulated[k].p95)})`,
          fact(`baseline.rows[${i}].gapShare[${k}]`, r.gapShare[k], (x) => percent(x, 1)),
        ]),
      ),
      numeric: [false, false, true, true, true],
    });
  } else
    place.push({ kind: 'note', text: 'No figures for earlier years were given, so the baseline check was not run.' });

  /* 2. the question */
  const question: PaperBlock[] = [
    { kind: 'p', text: a.question },
    {
      kind: 'p',
      text: `Each option is run in this place for ${a.options.years} years against the status quo, many times: each run draws chance and the model's uncertain coefficients, and run i of every option shares its chance and its coefficients with run i of the status quo, so the differences are fair comparisons. ${a.fit.rule}`,
    },
    {
      kind: 'table',
      caption: 'What matters most: the weights given to each outcome',
      columns: ['Outcome', 'Weight', 'Better when'],
      rows: Object.entries(a.options.weights)
        .filter(([, w]) => w > 0)
        .map(([m, w]) => {
          const fm = best.metrics.find((x) => x.metric === m);
          return [fm?.label ?? m, String(w), fm?.better === 'higher' ? 'higher' : 'lower'];
        }),
      numeric: [false, true, false],
    },
    {
      kind: 'note',
      text: 'The score adds each outcome’s difference from the status quo, measured in its typical spread across all runs, weighted as above: 0 is the status quo, +1 is one typical spread better on the weighted mix.',
    },
  ];

  /* 3. the options */
  const options: PaperBlock[] = [
    {
      kind: 'table',
      caption: 'The commissioning approaches appraised (the LGA / PSTA options appraisal’s twelve)',
      columns: ['Option', 'What defines it'],
      rows: a.approaches.map((x) => [x.name, x.defines]),
    },
  ];

  /* 4. needs */
  const grid = readinessGrid(
    a.readiness.map((r) => ({
      name: r.name,
      cells: READINESS_DIMENSIONS.map((d) => {
        const x = r.dimensions.find((y) => y.dimension === d)!;
        return { status: x.status, label: x.words };
      }),
    })),
    READINESS_DIMENSIONS.map((d) => DIMENSION_LABELS[d]),
  );
  const needs: PaperBlock[] = [
    {
      kind: 'p',
      text: 'What each option needs of the place, against what the place has. Trust and capability needs are the model’s own thresholds (below them an option is carried out only partly); market, NHS and community needs follow from how far the option moves the levers that lean on them; money is the extra spend its levers commit against the room in the budget.',
    },
    {
      kind: 'figure',
      caption: 'Figure 1. Readiness of each option',
      alt: 'A grid of options by readiness dimension, each cell ready, close or short',
      svg: grid,
    },
    { kind: 'list', items: a.readiness.map((r) => r.summary) },
  ];
  const t = a.targetReadiness;
  needs.push({ kind: 'p', text: `In detail for ${t.name}, the option the plan builds towards:` });
  needs.push({
    kind: 'table',
    caption: `What ${t.name} needs and why`,
    columns: ['Dimension', 'Status', 'In plain words', 'Evidence (levers and mechanisms)'],
    rows: t.dimensions.map((d) => [d.label, d.status, d.words, d.evidence.map((e) => e.text).join('; ')]),
  });

  /* 5. results */
  const scoreFig = intervalChart(
    fits.map((f) => ({ name: f.name, mean: f.score.mean, low: f.score.low, high: f.score.high, shade: f.group === 0 })),
    {
      title: 'Weighted score against the status quo (90% interval)',
      axis: 'score (0 = status quo; + is better)',
      format: (x) => x.toFixed(2),
    },
  );
  const poundFig = intervalChart(
    fits.map((f) => ({
      name: f.name,
      mean: f.poundsPerYear.mean,
      low: f.poundsPerYear.low,
      high: f.poundsPerYear.high,
    })),
    {
      title: 'Council spend against the status quo, £ a year (90% interval)',
      axis: '£ a year (+ costs more)',
      format: (x) => signedPounds(x),
    },
  );
  const rows = fits.map((f, i) => {
    const gd = f.metrics.find((m) => m.metric === 'wellbeing_mean');
    const un = f.metrics.find((m) => m.metric === 'unmet_need_share');
    return [
      String(f.rank),
      f.name,
      interval(`fit.ranking[${i}].score`, f.score, FORMAT.score),
      interval(`fit.ranking[${i}].poundsPerYear`, f.poundsPerYear, FORMAT.pounds),
      gd ? metricChange('wellbeing_mean', gd.diff.mean) : '—',
      un ? metricChange('unmet_need_share', un.diff.mean) : '—',
      f.robustness ? fact(`fit.ranking[${i}].robustness.failureRate`, f.robustness.failureRate, FORMAT.share) : '—',
      f.robustness ? fact(`fit.ranking[${i}].robustness.satisficing`, f.robustness.satisficing, FORMAT.share) : '—',
    ];
  });
  const results: PaperBlock[] = [
    {
      kind: 'figure',
      caption: 'Figure 2. Weighted score of each option (shaded: the best group, which cannot be told apart)',
      alt: 'Dots with 90% intervals of each option’s score',
      svg: scoreFig,
    },
    {
      kind: 'table',
      caption: `Results over ${a.fit.runs} paired runs per option${a.fit.futures ? ` and ${a.fit.futures} futures` : ''} (90% intervals)`,
      columns: [
        'Rank',
        'Option',
        'Score',
        '£ a year vs status quo',
        'Good days',
        'Unmet need',
        'Fails in (futures)',
        'Holds up in (futures)',
      ],
      rows,
      numeric: [true, false, true, true, true, true, true, true],
    },
    {
      kind: 'figure',
      caption: 'Figure 3. Spend against the status quo',
      alt: 'Dots with 90% intervals of each option’s extra spend a year',
      svg: poundFig,
    },
    { kind: 'p', text: 'The trade-offs in words:' },
    { kind: 'list', items: fits.map((f) => f.words) },
  ];
  const tieGroups = a.fit.groups.filter((g) => g.length > 1);
  results.push({
    kind: 'p',
    text: tieGroups.length
      ? `Options the runs cannot tell apart (the 90% interval of their paired score difference includes zero): ${tieGroups.map((g) => listWords(g.map(name))).join('; ')}. Their order within each group should not decide anything.`
      : 'Every option can be told apart from the next in the ranking.',
  });
  results.push({
    kind: 'p',
    text: `Stability: ${a.fit.stability.map((s) => `at ${s.runs} runs ${s.stable ? 'stable' : 'not stable'} against ${Math.floor(s.runs / 2)}${s.swaps.length ? ` (order changed: ${s.swaps.join('; ')})` : ''}`).join('; ')}.`,
  });
  if (a.fit.futures)
    results.push({
      kind: 'p',
      text: `Futures: ${a.fit.futures} combinations of ${listWords(a.fit.futuresText)}, every option run in each with the same chance. An option fails in a future when, in at least half its runs there, ${APPRAISAL_FAILURE_WORDS} (${a.fit.failureText}). Holding up means not failing and scoring no worse than the status quo in that future.`,
    });

  /* 6. plan */
  const planBlocks: PaperBlock[] = [
    {
      kind: 'p',
      text: `The plan builds towards ${plan.target}. Three candidate paths were assembled from its readiness gaps, each simulated against the status quo (${plan.runs} paired runs) and stress-tested across ${plan.futures} futures.`,
    },
    {
      kind: 'table',
      caption: 'The candidate paths',
      columns: ['Path', 'Score', '£ a year vs status quo', 'Fails in (runs)', 'Holds up in (futures)'],
      rows: plan.paths.map((p, i) => [
        p.name,
        interval(`plan.paths[${i}].score`, p.score, FORMAT.score),
        interval(`plan.paths[${i}].poundsPerYear`, p.poundsPerYear, FORMAT.pounds),
        fact(`plan.paths[${i}].failShare`, p.failShare, FORMAT.share),
        p.robustness ? fact(`plan.paths[${i}].robustness.satisficing`, p.robustness.satisficing, FORMAT.share) : '—',
      ]),
      numeric: [false, true, true, true, true],
    },
    {
      kind: 'figure',
      caption: 'Figure 4. Share of futures in which each path holds up',
      alt: 'Bars of the share of futures each path holds up in',
      svg: shareBars(
        plan.paths.map((p) => ({ name: p.name, value: p.robustness?.satisficing ?? NaN })),
        { title: 'Holds up in (share of futures)', axis: 'no failure and no worse than the status quo' },
      ),
    },
  ];
  if (rec) {
    planBlocks.push({ kind: 'p', text: `Recommended: ${rec.name}.` });
    planBlocks.push({ kind: 'list', items: plan.reasons });
    planBlocks.push({ kind: 'p', text: 'Milestones:' });
    planBlocks.push({ kind: 'list', ordered: true, items: rec.milestones.map((m) => `Year ${m.year}: ${m.text}`) });
    planBlocks.push({ kind: 'p', text: 'Early-warning indicators, found in the runs of this path:' });
    planBlocks.push({
      kind: 'list',
      items: rec.earlyWarnings.length
        ? rec.earlyWarnings.map((w) => w.words)
        : [
            `${rec.failShare >= 0.9 ? 'Nearly every run failed' : 'Too few runs failed'} (${fact(`plan.paths[${recIndex}].failShare`, rec.failShare, FORMAT.share)} of runs) for a threshold to separate failing runs from the rest; watch providers' trust against the ${rec.readinessAtSwitch[0]?.need ?? 0} the option needs at the move.`,
          ],
    });
  } else planBlocks.push({ kind: 'list', items: plan.reasons });
  planBlocks.push({ kind: 'p', text: 'Each path in words:' });
  planBlocks.push({ kind: 'list', items: plan.paths.map((p) => p.words) });

  /* 7. breaks */
  const breaks: PaperBlock[] = [
    { kind: 'p', text: `A run fails when ${APPRAISAL_FAILURE_WORDS} (in the model's terms: ${plan.failureText}).` },
  ];
  for (const p of plan.paths)
    breaks.push({
      kind: 'p',
      text: `${p.name}: ${p.failureConditions.length ? p.failureConditions.join(' ') : p.robustness && p.robustness.failureRate === 0 ? 'did not fail in any future sampled.' : 'no region of the futures sampled stands out where it fails.'}`,
    });
  const fragile = fits.filter((f) => f.robustness && f.robustness.failureRate > 0);
  if (fragile.length)
    breaks.push({
      kind: 'p',
      text: `Options that fail in some futures: ${fragile.map((f) => `${f.name} (${percent(f.robustness!.failureRate, 0)})`).join(', ')}.`,
    });

  /* 8. limits */
  const limits: PaperBlock[] = [
    {
      kind: 'list',
      items: [
        'The results are plausible dynamics of a simulation built from documented mechanisms, not forecasts. Every figure is a range over runs that differ in chance and in the model’s uncertain coefficients.',
        'No option is written to win: each acts only through documented levers (sim/model/levers.ts) and mechanisms (docs/model.md); many coefficients are assumptions with ranges, and the ranges are drawn in every run.',
        'The model has no geography: a pilot “in one zone” is a share of hours under the new approach.',
        'Pooling a budget with the NHS is not refused by a distrustful partner in the model; it builds trust. The NHS readiness need is a rule of this appraisal (docs/appraisal.md), not a mechanism.',
        'Money readiness is accounting from the levers (fee, community investment, in-house pay, transition and practice costs); the runs give the real spend, in the results.',
        'Politics, legal challenge to procurement, TUPE disputes, inspection and individual leaders are outside the model.',
        a.baseline
          ? `Against the council’s own recent figures: ${a.baseline.summary}`
          : 'The model was not checked against the council’s own recent figures (none were given for earlier years).',
        a.fit.stable
          ? `The ranking was stable when the runs were doubled (${a.fit.runs} runs).`
          : `The ranking was not yet stable when the runs were doubled at ${a.fit.runs} runs: read close ranks with care.`,
      ],
    },
  ];

  /* 9. sources */
  const sources: PaperBlock[] = [
    {
      kind: 'list',
      items: [
        'Local Government Association / Public Service Transformation Academy (2022), strategic options appraisal for adult social care commissioners: assess the context, make a development plan, choose among twelve approaches.',
        'Lowe, T., Human Learning Systems; Plymouth complex-needs alliance: shared budget, no outputs in the contract, made possible by four years of trust building.',
        'Whole-system approaches to commissioning: Future Search, Open Space, World Café, Open Negotiation, Open Simulation.',
        'Homecare Association, fee rates and Minimum Price for Homecare 2025/26; Skills for Care, the state of the adult social care workforce (vacancies, turnover, pay).',
        ...a.approaches.map((x) => `${x.name}: ${x.source}`),
        `This appraisal: seed ${a.options.seed}, ${a.fit.runs} runs per option, ${a.options.futures} futures, ${a.options.years} years, ranges ${a.options.ranges}; ${a.cost.runs} runs in ${Math.round(a.cost.seconds)} s. The scenario of every option and path is in appraisal.json (scenarios): re-run any with commsim compare and the same seed and runs for the same figures.`,
      ],
    },
  ];

  const blocks: Record<PaperSection['id'], PaperBlock[]> = {
    place,
    question,
    options,
    needs,
    results,
    plan: planBlocks,
    breaks,
    limits,
    sources,
  };
  return {
    title: `Options appraisal: commissioning adult social care in ${a.place.name}`,
    subtitle: 'Which approach fits, why, what to build first, what it costs and where it breaks',
    date: opts.date ?? '',
    summary,
    sections: PAPER_SECTIONS.map((s) => ({ id: s.id, title: s.title, blocks: blocks[s.id] })),
    facts,
  };
}

function showFigure(figure: string, v: number): string {
  if (figure === 'vacancies') return percent(v);
  if (figure === 'spend') return pounds(v);
  if (figure === 'fee_per_hour') return `£${v.toFixed(2)}`;
  if (figure === 'turnover_rate' || figure === 'zero_hours_share') return percent(v);
  return metricValue('people_supported', v);
}
