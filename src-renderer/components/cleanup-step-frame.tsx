import type { ReactNode } from 'react';
import { useStewardStore } from '../store';
import { stepTitle } from './cleanup-labels';
import type { CleanupStep } from '../store';
import { AppErrorMessage } from './error-surface';

/** The id of the shown step's heading: the page moves focus to it when the step changes. */
export const STEP_HEADING_ID = 'cleanup-step-heading';

/** One wizard step: a labelled panel whose heading receives focus, then its content. */
export function CleanupStepFrame({ step, children }: { step: CleanupStep; children: ReactNode }) {
  return (
    <section className="panel cleanup-step" aria-labelledby={STEP_HEADING_ID}>
      <h2 id={STEP_HEADING_ID} tabIndex={-1}>
        {stepTitle(step)}
      </h2>
      {children}
      <CleanupError />
    </section>
  );
}

/** Why main refused the latest wizard request, where the user is looking. */
function CleanupError() {
  const error = useStewardStore((state) => state.cleanupError);
  if (!error) return null;
  return (
    <p className="cleanup-error" role="alert">
      <code className="form-error-code">{error.code}</code> <AppErrorMessage error={error} />
    </p>
  );
}
