import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import LIBRARY_JSON from 'virtual:commsim-library';
import { libraryFromJson } from '../../sim/index.ts';
import { App } from './App.tsx';
import { drawAfter } from './charts/draw-queue.ts';
import { bootLanes } from './runs/pools.ts';
import { provideLibrary } from './state/library.ts';
import './styles.css';

// the scenario library, built from scenarios/ by ui/vite.config.ts; parsed when first used
provideLibrary(() => libraryFromJson(LIBRARY_JSON));

// the workers start loading first; plotly is evaluated once they have
drawAfter(bootLanes());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
