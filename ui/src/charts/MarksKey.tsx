import { MARK_KIND_WORDS, MAX_MARKS, markSentence, type ChartMark, type MarkKind } from './marks.ts';
import './charts.css';

const KIND_STYLE: Record<MarkKind, string> = {
  phase: 'dashed',
  shock: 'dotted',
  event: 'dashed',
  'whole-system': 'double',
};

/**
 * The key and the words of the marks drawn on the charts below it: what each style of vertical line means, and
 * every mark as a sentence (the charts are images; this is their text).
 */
export function MarksKey({ marks, weeks }: { marks: readonly ChartMark[]; weeks: number }) {
  const inside = marks.filter((m) => m.week >= 0 && m.week < weeks);
  if (inside.length === 0) return null; // a calm future is said once, above the charts
  const kinds = [...new Set(inside.map((m) => m.kind))];
  return (
    <details className="marks-key">
      <summary>
        Vertical lines on the charts mark {inside.length} event{inside.length === 1 ? '' : 's'}:{' '}
        {kinds.map((k, i) => (
          <span key={k}>
            {i ? ', ' : ''}
            <span className={`mark-swatch ${KIND_STYLE[k]}`} aria-hidden="true" /> {MARK_KIND_WORDS[k]}
          </span>
        ))}
        . Show them in words.
      </summary>
      <ul>
        {inside.map((m, i) => (
          <li key={i} className={i >= MAX_MARKS ? 'muted' : undefined}>
            {markSentence(m)}
            {i >= MAX_MARKS ? ' (not drawn: too many to label)' : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}
