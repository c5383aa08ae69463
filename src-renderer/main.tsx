import './lib/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { ErrorBoundary } from './components/error-boundary';
import { toAppError } from './lib/app-error';
import { useStewardStore } from './store';
import { connectStewardEvents } from './store/connect-events';
import { connectHashRouting } from './store/hash-routing';
import './styles.css';

const pushError = (reason: unknown) => useStewardStore.getState().pushError(toAppError(reason));

// Failures nobody awaited, and errors thrown outside React's render (e.g. in handlers),
// still reach the user through the error surface instead of only the console.
window.addEventListener('unhandledrejection', (event) => pushError(event.reason));
window.addEventListener('error', (event) => pushError(event.error ?? event.message));

// Before the first render, so a reload opens straight on the page in the hash.
connectHashRouting(useStewardStore);
connectStewardEvents(useStewardStore);

const container = document.getElementById('root');
if (!container) throw new Error('CV Steward: #root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary title="CV Steward ran into a problem.">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
