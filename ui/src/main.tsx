import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { bootLanes } from './runs/run-queue.ts';
import { drawAfter } from './charts/draw-queue.ts';
import './styles.css';

// the workers start loading first; plotly is evaluated once they have
drawAfter(bootLanes());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
