import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunResult } from '../../../../sim/index.ts';
import { METRIC_BY_ID } from '../../../../sim/index.ts';
import type { Resolved, Workspace } from '../../state/workspace.ts';
import { isAbortError, runTraced } from '../../runs/runner.ts';
import { fmt, trustColour } from '../../common/format.ts';

const KINDS = ['for-profit', 'voluntary', 'micro', 'in-house'];
const SPEEDS = [1, 4, 13, 26, 52];

export function RunScreen({ ws, resolved }: { ws: Workspace; resolved: Resolved[] }) {
  const [sc, setSc] = useState(0);
  const [rep, setRep] = useState(0);
  const [run, setRun] = useState<RunResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [week, setWeek] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(13);
  const ac = useRef<AbortController | null>(null);

  const start = async (): Promise<void> => {
    const r = resolved[sc];
    if (!r?.ok) {
      setError('This scenario has problems; fix them under Strategies first.');
      return;
    }
    ac.current?.abort();
    const c = new AbortController();
    ac.current = c;
    setBusy(true);
    setError('');
    setPlaying(false);
    try {
      const out = await runTraced(r.config, ws.seed, rep, c.signal);
      setRun(out);
      setWeek(0);
    } catch (e) {
      if (!isAbortError(e)) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => () => ac.current?.abort(), []);
  useEffect(() => {
    if (!playing || !run) return;
    const t = setInterval(() => setWeek((w) => {
      if (w + 1 >= run.weeks) {
        setPlaying(false);
        return w;
      }
      return w + 1;
    }), 1000 / speed);
    return () => clearInterval(t);
  }, [playing, speed, run]);

  return (
    <section aria-labelledby="run-h">
      <h2 id="run-h">Inside a run</h2>
      <p>
        Pick one run of one scenario and play it week by week: who trusts whom, which providers close, where care
        workers come from and go to, and what happened, in plain words. One run is one possible future, not the
        expected one; the Compare screen shows the range.
      </p>
      <div className="row card">
        <label htmlFor="run-sc">Scenario</label>
        <select id="run-sc" value={sc} onChange={(e) => setSc(Number(e.target.value))}>
          {ws.scenarios.map((s, i) => <option key={s.key} value={i}>{s.title}</option>)}
        </select>
        <label htmlFor="run-rep">Run number (0 to {ws.runs - 1}; same number = same random events in every scenario)</label>
        <input id="run-rep" type="number" min={0} max={ws.runs - 1} value={rep} onChange={(e) => setRep(Math.max(0, Math.min(ws.runs - 1, Math.round(Number(e.target.value)))))} />
        <button type="button" onClick={() => void start()} disabled={busy}>{busy ? 'Running…' : 'Run and load for playback'}</button>
        {busy ? <button type="button" onClick={() => ac.current?.abort()}>Cancel</button> : null}
      </div>
      {error ? <p className="field-errors" role="alert">{error}</p> : null}
      {run ? <Player run={run} week={week} setWeek={setWeek} playing={playing} setPlaying={setPlaying} speed={speed} setSpeed={setSpeed} /> : null}
    </section>
  );
}

function Player({ run, week, setWeek, playing, setPlaying, speed, setSpeed }: {
  run: RunResult; week: number; setWeek: (w: number) => void; playing: boolean; setPlaying: (p: boolean) => void; speed: number; setSpeed: (s: number) => void;
}) {
  const tr = run.trace!;
  const W = run.weeks;
  const metric = (id: string): number => {
    const m = run.metricIds.indexOf(id);
    return m < 0 ? NaN : run.series[m * W + week];
  };
  const log = useMemo(() => run.log.filter((l) => l.week <= week).slice(-14).reverse(), [run, week]);
  return (
    <div className="player">
      <div className="row card" role="group" aria-label="Playback">
        <button type="button" onClick={() => setPlaying(!playing)} aria-pressed={playing}>{playing ? 'Pause' : 'Play'}</button>
        <button type="button" onClick={() => setWeek(Math.max(0, week - 1))}>Step back a week</button>
        <button type="button" onClick={() => setWeek(Math.min(W - 1, week + 1))}>Step forward a week</button>
        <label htmlFor="pl-speed">Speed (weeks per second)</label>
        <select id="pl-speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <label htmlFor="pl-week">Week (0 to {W - 1})</label>
        <input id="pl-week" type="range" min={0} max={W - 1} value={week} onChange={(e) => setWeek(Number(e.target.value))} aria-valuetext={`week ${week}, year ${(week / 52).toFixed(1)}`} />
        <output htmlFor="pl-week">Week {week} (year {(week / 52).toFixed(1)})</output>
      </div>
      <div className="run-grid">
        <div className="card">
          <h3>Trust network, week {week}</h3>
          <Network run={run} week={week} />
          <TrustKey />
        </div>
        <div className="card">
          <h3>This week</h3>
          <Flows run={run} week={week} />
          <dl className="kv">
            {['providers_active', 'people_waiting', 'wellbeing_mean', 'trust_providers_to_commissioner', 'trust_council_community', 'vacancy_rate'].map((id) => {
              const d = METRIC_BY_ID.get(id)!;
              return (
                <div key={id}><dt>{d.label}</dt><dd>{fmt(d, metric(id))}</dd></div>
              );
            })}
          </dl>
          <h3>What happened</h3>
          <ol className="log" aria-live="polite">
            {log.length === 0 ? <li className="muted">Nothing notable yet.</li> : null}
            {log.map((l, i) => <li key={`${l.week}-${i}`}><span className="muted">week {l.week}:</span> {l.text}</li>)}
          </ol>
          <p className="muted small">{tr.providers} provider slots; run seed {run.seed}.</p>
        </div>
      </div>
    </div>
  );
}

function TrustKey() {
  const stops = [0, 0.25, 0.5, 0.75, 1];
  return (
    <p className="small trust-key">
      Trust:{' '}
      {stops.map((s) => (
        <span key={s}><span className="swatch-inline" style={{ background: trustColour(s) }} aria-hidden="true" />{s === 0 ? 'none' : s === 1 ? 'full' : s}{' '}</span>
      ))}
      . Thicker lines mean more trust. Provider rings show the council’s trust in that provider; lines to the council show the provider’s trust in the council. Crossed grey circles have closed.
    </p>
  );
}

function Network({ run, week }: { run: RunResult; week: number }) {
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
      for (let t = 0; t < run.weeks; t++) if (tr.providerActive[t * P + p]) { ever.push(p); break; }
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
    <svg viewBox={`0 0 ${size} ${size}`} className="network" role="img" aria-label={`Trust network in week ${week}: ${active.length} providers active of ${everActive.length} that traded during the run; council's community trust ${Number.isFinite(commTrust) ? commTrust.toFixed(2) : 'unknown'}`}>
      {Array.from({ length: E }, (_, e) => {
        const a = tr.ties[2 * e];
        const b = tr.ties[2 * e + 1];
        if (!tr.providerActive[base + a] || !tr.providerActive[base + b]) return null;
        const pa = pos.get(a);
        const pb = pos.get(b);
        if (!pa || !pb) return null;
        const t = tr.tieTrust[week * E + e];
        return <line key={`t${e}`} x1={pa[0]} y1={pa[1]} x2={pb[0]} y2={pb[1]} stroke={trustColour(t)} strokeWidth={0.5 + t * 1.5} strokeOpacity={0.5} />;
      })}
      {active.map((p) => {
        const [x, y] = pos.get(p)!;
        const t = tr.providerTrust[base + p];
        return <line key={`c${p}`} x1={cx} y1={cy} x2={x} y2={y} stroke={trustColour(t)} strokeWidth={0.6 + t * 3} strokeOpacity={0.75} />;
      })}
      <line x1={cx} y1={cy} x2={cx} y2={size - 16} stroke={trustColour(commTrust)} strokeWidth={1 + 3 * (commTrust || 0)} />
      {everActive.map((p) => {
        const [x, y] = pos.get(p)!;
        const on = tr.providerActive[base + p] === 1;
        const r = 3 + Math.sqrt(tr.providerWorkers[base + p] || 0) * 0.9;
        if (!on) return (
          <g key={`n${p}`} aria-hidden="true">
            <circle cx={x} cy={y} r={4} fill="#ddd" stroke="#767676" />
            <path d={`M${x - 3},${y - 3}L${x + 3},${y + 3}M${x + 3},${y - 3}L${x - 3},${y + 3}`} stroke="#555" />
          </g>
        );
        return (
          <circle key={`n${p}`} cx={x} cy={y} r={r} fill={tr.providerKind[p] === 3 ? '#333' : '#fff'} stroke={trustColour(tr.commissionerTrust[base + p])} strokeWidth={3}>
            <title>{KINDS[tr.providerKind[p]] ?? 'provider'} provider {p}: {Math.round(tr.providerWorkers[base + p])} workers; trusts council {tr.providerTrust[base + p].toFixed(2)}; council trusts it {tr.commissionerTrust[base + p].toFixed(2)}</title>
          </circle>
        );
      })}
      <rect x={cx - 40} y={cy - 16} width={80} height={32} rx={6} fill="#0b5394" />
      <text x={cx} y={cy + 5} textAnchor="middle" fill="#fff" fontSize={13}>Council</text>
      <rect x={cx - 52} y={size - 30} width={104} height={26} rx={13} fill="#f3f3f3" stroke="#333" />
      <text x={cx} y={size - 12} textAnchor="middle" fontSize={12} fill="#1a1a1a">Community</text>
    </svg>
  );
}

function Flows({ run, week }: { run: RunResult; week: number }) {
  const f = run.trace!.workforceFlows;
  const labels = ['Hired', 'Left for another care employer', 'Left the sector', 'Off sick'];
  const colours = ['#009E73', '#E69F00', '#D55E00', '#56B4E9'];
  const vals = [0, 1, 2, 3].map((k) => f[week * 4 + k]);
  // bar scales for the whole run, computed once per run
  const { max, maxSick } = useMemo(() => {
    let flows = 1;
    let sick = 1;
    for (let t = 0; t < run.weeks; t++) {
      flows = Math.max(flows, f[t * 4], f[t * 4 + 1], f[t * 4 + 2]);
      sick = Math.max(sick, f[t * 4 + 3]);
    }
    return { max: flows, maxSick: sick };
  }, [run, f]);
  return (
    <table className="flows small">
      <caption className="sr-only">Care workforce flows in week {week}</caption>
      <tbody>
        {labels.map((l, k) => (
          <tr key={l}>
            <th scope="row">{l}</th>
            <td className="num">{Math.round(vals[k])}</td>
            <td className="bar-cell" aria-hidden="true">
              <span className="bar" style={{ width: `${(vals[k] / (k === 3 ? maxSick : max)) * 100}%`, background: colours[k] }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
