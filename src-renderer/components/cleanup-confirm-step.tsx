import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { selectCleanupBackup, useStewardStore } from '../store';
import { countsText } from './cleanup-labels';
import { CleanupStepFrame } from './cleanup-step-frame';

/** Step 4: type the account's name; the Delete button stays disabled until it matches exactly. */
export function CleanupConfirmStep() {
  const { t } = useTranslation();
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
        <Trans
          i18nKey="cleanup.confirm.about"
          values={{
            scope: plan.scopeText,
            account: plan.account.displayName,
            host: plan.account.endpointHost,
            counts: countsText(plan.counts),
          }}
          components={{ strong: <strong /> }}
        />
      </p>
      <p>
        {backupKind === 'bundle' && bundle ? (
          <Trans i18nKey="cleanup.confirm.backupBundle" values={{ path: bundle.displayPath }} components={{ code: <code /> }} />
        ) : (
          t('cleanup.confirm.backupNone')
        )}
      </p>
      <div className="field">
        <label htmlFor={ids.input} className="field-label">
          {t('cleanup.confirm.label')}
        </label>
        <p id={ids.hint} className="field-hint">
          <Trans
            i18nKey="cleanup.confirm.hint"
            values={{ text: plan.confirmText }}
            components={{ confirm: <strong className="cleanup-confirm-text" /> }}
          />
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
          {mismatch ? t('cleanup.confirm.mismatch') : ''}
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={back}>
          {t('cleanup.confirm.back')}
        </button>
        <button type="button" className="button button-primary button-destructive" disabled={!matches || pending || backupKind === null} onClick={() => void run()}>
          {t('cleanup.confirm.delete')}
        </button>
      </div>
    </CleanupStepFrame>
  );
}
