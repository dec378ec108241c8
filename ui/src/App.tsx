/**
 * The app's shell: the header with the comparison's progress, the navigation, notices, which screen shows, and
 * the run settings. The workspace lives in state/ (useWorkspace), the comparison's runs in runs/
 * (useComparisonRuns); each screen is a folder of its own under screens/.
 */
import { useCallback, useState } from 'react';
import { useComparisonRuns } from './runs/use-comparison-runs.ts';
import { AppraisalScreen } from './screens/appraisal/AppraisalScreen.tsx';
import { CompareScreen } from './screens/compare/CompareScreen.tsx';
import { HelpScreen } from './screens/help/HelpScreen.tsx';
import { KeepScreen } from './screens/keep/KeepScreen.tsx';
import { OverviewScreen } from './screens/overview/OverviewScreen.tsx';
import { PlaceScreen } from './screens/place/PlaceScreen.tsx';
import { RunScreen } from './screens/run/RunScreen.tsx';
import { StrategiesScreen } from './screens/strategies/StrategiesScreen.tsx';
import { StressScreen } from './screens/stress/StressScreen.tsx';
import { useExplainInputs } from './screens/why/explain-inputs.ts';
import { WhyScreen } from './screens/why/WhyScreen.tsx';
import { PlayerApp } from './screens/workshop/PlayerApp.tsx';
import { WorkshopScreen } from './screens/workshop/WorkshopScreen.tsx';
import { KeptScreen } from './shell/KeptScreen.tsx';
import { NoticeBox } from './shell/NoticeBox.tsx';
import { PresentationToggle } from './shell/PresentationToggle.tsx';
import { ProblemsNotice } from './shell/ProblemsNotice.tsx';
import { RunSettings } from './shell/RunSettings.tsx';
import { RunStatus } from './shell/RunStatus.tsx';
import { useScreen } from './shell/screens.ts';
import { ScreenTabs } from './shell/ScreenTabs.tsx';
import { lib } from './state/library.ts';
import { useComparedWorkspace, useWorkspace, type Notice } from './state/use-workspace.ts';
import { codeFromAddress } from './state/workshop-storage.ts';
import type { CompareView } from './state/workspace.ts';

/** A join address opens only the player's view (screens/workshop/PlayerApp.tsx); anything else the simulator. */
export function App() {
  return codeFromAddress(location.search) ? <PlayerApp /> : <Simulator />;
}

function Simulator() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const { ws, setWs, update } = useWorkspace(setNotice);
  const runs = useComparisonRuns(ws);
  const compared = useComparedWorkspace(ws);
  const explain = useExplainInputs(ws, runs.resolved);
  const [screen, setScreen, within] = useScreen();
  const [selected, setSelected] = useState(0);
  // the Strategies screen is kept mounted once opened (state, set while rendering the first time it shows)
  const [strategiesOpened, setStrategiesOpened] = useState(false);
  if (screen === 'strategy' && !strategiesOpened) setStrategiesOpened(true);
  const setCompareView = useCallback(
    (v: CompareView) => update((w) => ({ ...w, compareView: { ...w.compareView, ...v } })),
    [update],
  );
  if (!ws || !compared) return <p className="loading">Loading the simulator…</p>;
  const badScenarios = ws.scenarios.map((s, i) => ({ s, i })).filter(({ i }) => runs.issuesOf(i).length > 0);

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <div>
          <h1>Commissioning Flight Simulator</h1>
          <p className="tagline">
            Try out ways of commissioning adult social care in {lib().places.get(ws.placeId)?.name ?? 'your place'}{' '}
            before they go live.
          </p>
        </div>
        <PresentationToggle />
        <RunStatus
          progress={runs.progress}
          running={runs.running}
          runs={ws.runs}
          cancel={runs.cancel}
          resume={runs.resume}
        />
      </header>
      <ScreenTabs current={screen} show={setScreen} />
      <main id="main" tabIndex={-1}>
        {notice ? <NoticeBox notice={notice} dismiss={() => setNotice(null)} /> : null}
        {badScenarios.length && screen !== 'strategy' ? (
          <ProblemsNotice
            titles={badScenarios.map(({ s }) => s.title)}
            showProblems={() => {
              setSelected(badScenarios[0].i);
              setScreen('strategy');
            }}
          />
        ) : null}
        {/* kept mounted while other screens show, so its charts are redrawn, not rebuilt, on return */}
        <KeptScreen shown={screen === 'compare'}>
          <CompareScreen
            ws={compared}
            setView={setCompareView}
            shown={runs.shown}
            currentDatas={runs.currentDatas}
            explain={explain}
          />
        </KeptScreen>
        {screen === 'place' ? <PlaceScreen ws={ws} update={update} /> : null}
        {/* kept mounted once opened: going back and forth between levers and charts then only shows and hides */}
        {strategiesOpened || screen === 'strategy' ? (
          <KeptScreen shown={screen === 'strategy'}>
            <StrategiesScreen
              ws={ws}
              update={update}
              selected={selected}
              setSelected={setSelected}
              issuesOf={runs.issuesOf}
            />
          </KeptScreen>
        ) : null}
        {screen === 'overview' ? <OverviewScreen ws={ws} store={runs.store} /> : null}
        {screen === 'appraisal' ? <AppraisalScreen ws={ws} update={update} /> : null}
        {screen === 'run' ? <RunScreen ws={ws} resolved={runs.resolved} /> : null}
        {screen === 'why' && explain ? <WhyScreen key={within} explain={explain} open={within} /> : null}
        {screen === 'stress' ? <StressScreen ws={ws} planKey={ws.scenarios[selected]?.key} /> : null}
        {screen === 'keep' ? (
          <KeepScreen
            ws={ws}
            setWs={(w) => {
              setWs(w);
              setSelected(0);
            }}
            datas={runs.datas}
          />
        ) : null}
        {screen === 'workshop' ? <WorkshopScreen ws={ws} /> : null}
        {screen === 'help' ? <HelpScreen focus={within} /> : null}
        <RunSettings ws={ws} update={update} />
      </main>
      <footer className="muted small">
        <p>
          An agent-based model of one council area, week by week. Plausible dynamics, not forecasts. Results stay in
          this browser.
        </p>
      </footer>
    </>
  );
}
