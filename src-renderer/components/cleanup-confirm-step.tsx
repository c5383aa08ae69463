import { useId } from 'react';
import { selectCleanupBackup, useStewardStore } from '../store';
import { countsText } from './cleanup-labels';
import { CleanupStepFrame } from './cleanup-step-frame';

/** Step 4: type the account's name; the Delete button stays disabled until it matches exactly. */
export function CleanupConfirmStep() {
  const ids = { input: useId(), hint: useId(), mismatch: useId() };
  const plan = useStewardStore((state) => state.cleanupPlan);
  const bundle = useStewardStore((state) => state.cleanupBundle);
  // The kind only: selectCleanupBackup builds a new object each time, which a selector must not return.
  const backupKind = useStewardStore((state) => selectCleanupBackup(state)?.kind ?? null);
  const typed = useStewardStore((state) => state.cleanupConfirmInput);
  const pending = useStewardStore((state) => state.cleanupPending);
  const setTyped = useStewardStore((state) => state.setCleanupConfirmInput);
  const run = useStewardStore((state) => state.runCleanupPlan);
  const back = useStewardStore((state) => state.cleanupBack);
  if (!plan) return null;
  const matches = typed === plan.confirmText;
  const mismatch = typed !== '' && !matches;

  return (
    <CleanupStepFrame step="confirm">
      <p>
        You are about to delete <strong>{plan.scopeText}</strong> from the account <strong>{plan.account.displayName}</strong> (
        {plan.account.endpointHost}): {countsText(plan.counts)}. This cannot be undone.
      </p>
      <p>
        {backupKind === 'bundle' && bundle ? (
          <>
            Backup: the checked bundle in <code>{bundle.displayPath}</code>.
          </>
        ) : (
          'Backup: none. You chose to delete without a backup; the receipt records that.'
        )}
      </p>
      <div className="field">
        <label htmlFor={ids.input} className="field-label">
          Account name
        </label>
        <p id={ids.hint} className="field-hint">
          To confirm, type <strong className="cleanup-confirm-text">{plan.confirmText}</strong> exactly as shown (capitals and
          spaces count).
        </p>
        <input
          id={ids.input}
          className="input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          aria-describedby={mismatch ? `${ids.hint} ${ids.mismatch}` : ids.hint}
          aria-invalid={mismatch || undefined}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && matches) void run();
          }}
        />
        <p id={ids.mismatch} className="field-problem" aria-live="polite">
          {mismatch ? 'That is not the account name yet.' : ''}
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={back}>
          Back to the backup
        </button>
        <button type="button" className="button button-primary button-destructive" disabled={!matches || pending || backupKind === null} onClick={() => void run()}>
          Delete permanently
        </button>
      </div>
    </CleanupStepFrame>
  );
}
