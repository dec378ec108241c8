/**
 * The appraisal paper's charts as pictures (PNG data URLs), drawn from the same figures the screen shows: the
 * readiness picture, the ranking with its intervals, and the paths compared. A4 width at print resolution.
 */
import type { Appraisal } from '../../../../sim/index.ts';
import { figurePng } from '../../charts/plotly.ts';
import { fitFigure } from './FitChart.tsx';
import { pathsFigure } from './PathsChart.tsx';
import { readinessFigure } from './ReadinessChart.tsx';

export interface PaperChart {
  id: 'readiness' | 'fit' | 'paths';
  title: string;
  /** what the picture shows, for its alternative text */
  alt: string;
  png: string;
}

/** Width of a chart on the page, in CSS pixels (A4 less margins at 96 dpi ≈ 680). */
const WIDTH = 900;

export async function paperCharts(a: Appraisal): Promise<PaperChart[]> {
  const rec = a.plan.paths.find((p) => p.id === a.plan.recommended);
  const readiness = readinessFigure(a.readiness, a.targetReadiness.id);
  const fit = fitFigure(a.fit.ranking);
  const paths = pathsFigure(a.plan.paths, a.plan.recommended);
  const h = (f: { layout: Record<string, unknown> }): number => Number(f.layout.height) || 400;
  return [
    {
      id: 'readiness',
      title: 'What each approach needs against what the place has',
      alt: `Readiness of ${a.readiness.length} approaches on six dimensions: grey bars what ${a.place.name} has, dots what each approach needs (green ready, orange nearly, red short).`,
      png: await figurePng(readiness, WIDTH, h(readiness)),
    },
    {
      id: 'fit',
      title: 'How each approach does against the status quo, on what matters most',
      alt: `Weighted score of each approach against the status quo with 90% intervals; best: ${a.fit.ranking[0]?.name ?? ''}.`,
      png: await figurePng(fit, WIDTH, h(fit)),
    },
    {
      id: 'paths',
      title: 'The development paths compared',
      alt: `Score and failure rate of ${a.plan.paths.length} development paths${rec ? `; recommended: ${rec.name}` : ''}.`,
      png: await figurePng(paths, WIDTH, h(paths)),
    },
  ];
}
