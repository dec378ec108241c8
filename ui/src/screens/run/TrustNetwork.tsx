import { useMemo } from 'react';
import type { RunResult } from '../../../../sim/index.ts';
import { INK, NETWORK, trustColour } from '../../charts/theme.ts';

/** provider kinds by the trace's code */
const KINDS = ['for-profit', 'voluntary', 'micro', 'in-house'];

/**
 * The trust network in one week: providers on a ring around the council, lines for trust between providers and
 * with the council, the community below; closed providers crossed out.
 */
export function TrustNetwork({ run, week }: { run: RunResult; week: number }) {
  const tr = run.trace!;
  const P = tr.providers;
  const size = 460;
  const cx = size / 2;
  const cy = size / 2;
  const R = 180;
  // the layout is the run's, not the week's: computed once per run, not at every frame of playback
  const { everActive, pos } = useMemo(() => {
    const ever: number[] = [];
    for (let p = 0; p < P; p++) {
      for (let t = 0; t < run.weeks; t++)
        if (tr.providerActive[t * P + p]) {
          ever.push(p);
          break;
        }
    }
    const at = new Map<number, [number, number]>();
    ever.forEach((p, i) => {
      const a = (i / Math.max(1, ever.length)) * Math.PI * 2 - Math.PI / 2;
      at.set(p, [cx + R * Math.cos(a), cy + R * Math.sin(a)]);
    });
    return { everActive: ever, pos: at };
  }, [run, tr, P, cx, cy]);
  const E = tr.ties.length / 2;
  const base = week * P;
  const commTrust = run.series[run.metricIds.indexOf('trust_council_community') * run.weeks + week];
  const active = everActive.filter((p) => tr.providerActive[base + p]);
  return (
    <svg
      viewBox={`0 0 ${size} ${size}`}
      className="network"
      role="img"
      aria-label={`Trust network in week ${week}: ${active.length} providers active of ${everActive.length} that traded during the run; council's community trust ${Number.isFinite(commTrust) ? commTrust.toFixed(2) : 'unknown'}`}
    >
      {Array.from({ length: E }, (_, e) => {
        const a = tr.ties[2 * e];
        const b = tr.ties[2 * e + 1];
        if (!tr.providerActive[base + a] || !tr.providerActive[base + b]) return null;
        const pa = pos.get(a);
        const pb = pos.get(b);
        if (!pa || !pb) return null;
        const t = tr.tieTrust[week * E + e];
        return (
          <line
            key={`t${e}`}
            x1={pa[0]}
            y1={pa[1]}
            x2={pb[0]}
            y2={pb[1]}
            stroke={trustColour(t)}
            strokeWidth={0.5 + t * 1.5}
            strokeOpacity={0.5}
          />
        );
      })}
      {active.map((p) => {
        const [x, y] = pos.get(p)!;
        const t = tr.providerTrust[base + p];
        return (
          <line
            key={`c${p}`}
            x1={cx}
            y1={cy}
            x2={x}
            y2={y}
            stroke={trustColour(t)}
            strokeWidth={0.6 + t * 3}
            strokeOpacity={0.75}
          />
        );
      })}
      <line
        x1={cx}
        y1={cy}
        x2={cx}
        y2={size - 16}
        stroke={trustColour(commTrust)}
        strokeWidth={1 + 3 * (commTrust || 0)}
      />
      {everActive.map((p) => {
        const [x, y] = pos.get(p)!;
        const on = tr.providerActive[base + p] === 1;
        const r = 3 + Math.sqrt(tr.providerWorkers[base + p] || 0) * 0.9;
        if (!on)
          return (
            <g key={`n${p}`} aria-hidden="true">
              <circle cx={x} cy={y} r={4} fill={NETWORK.closedFill} stroke={NETWORK.closedStroke} />
              <path
                d={`M${x - 3},${y - 3}L${x + 3},${y + 3}M${x + 3},${y - 3}L${x - 3},${y + 3}`}
                stroke={NETWORK.closedCross}
              />
            </g>
          );
        return (
          <circle
            key={`n${p}`}
            cx={x}
            cy={y}
            r={r}
            fill={tr.providerKind[p] === 3 ? NETWORK.inHouse : NETWORK.providerFill}
            stroke={trustColour(tr.commissionerTrust[base + p])}
            strokeWidth={3}
          >
            <title>
              {KINDS[tr.providerKind[p]] ?? 'provider'} provider {p}: {Math.round(tr.providerWorkers[base + p])}{' '}
              workers; trusts council {tr.providerTrust[base + p].toFixed(2)}; council trusts it{' '}
              {tr.commissionerTrust[base + p].toFixed(2)}
            </title>
          </circle>
        );
      })}
      <rect x={cx - 40} y={cy - 16} width={80} height={32} rx={6} fill={NETWORK.council} />
      <text x={cx} y={cy + 5} textAnchor="middle" fill={NETWORK.councilText} fontSize={13}>
        Council
      </text>
      <rect
        x={cx - 52}
        y={size - 30}
        width={104}
        height={26}
        rx={13}
        fill={NETWORK.community}
        stroke={NETWORK.communityStroke}
      />
      <text x={cx} y={size - 12} textAnchor="middle" fontSize={12} fill={INK}>
        Community
      </text>
    </svg>
  );
}
