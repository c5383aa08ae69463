import './lib/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Trans } from 'react-i18next';
import { App } from './app';
import { ErrorBoundary } from './components/error-boundary';
import { syncDocumentLanguage } from './i18n';
import { toAppError } from './lib/app-error';
import { useStewardStore } from './store';
import { connectStewardEvents } from './store/connect-events';
import { connectHashRouting } from './store/hash-routing';
import { connectJobReactions } from './store/job-reactions';
import './styles.css';

const pushError = (reason: unknown) => useStewardStore.getState().pushError(toAppError(reason));

// Failures nobody awaited, and errors thrown outside React's render (e.g. in handlers),
// still reach the user through the error surface instead of only the console.
window.addEventListener('unhandledrejection', (event) => pushError(event.reason));
window.addEventListener('error', (event) => pushError(event.error ?? event.message));

// <html lang> follows the language shown, from the OS's language on to the saved choice.
syncDocumentLanguage(document);
// Before the first render, so a reload opens straight on the page in the hash.
connectHashRouting(useStewardStore);
// Before the events, so the first job snapshots that arrive are already reacted to. These
// connections live as long as the window (nothing here is torn down before it closes);
// their disconnect functions are for tests and any later owner with a shorter life.
connectJobReactions(useStewardStore);
connectStewardEvents(useStewardStore);

/** Long enough for main's answer (milliseconds), short enough that a silent main never leaves the window blank. */
const PREFERENCES_WAIT_MS = 1500;

// The saved language before the first render, so a choice that differs from the OS's
// language does not flash the other one first. A late answer still applies when it comes.
await Promise.race([
  useStewardStore.getState().loadPreferences(),
  new Promise((resolve) => window.setTimeout(resolve, PREFERENCES_WAIT_MS)),
]);

const container = document.getElementById('root');
if (!container) throw new Error('CV Steward: #root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary title={<Trans i18nKey="app.crashTitle" />}>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
