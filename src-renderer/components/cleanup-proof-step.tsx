import { Trans, useTranslation } from 'react-i18next';
import { useStewardStore } from '../store';
import { CleanupLeftInPlace } from './cleanup-left-in-place';
import { CleanupNotDeletable } from './cleanup-not-deletable';
import { CleanupProofChecks } from './cleanup-proof-checks';
import { CleanupStepFrame } from './cleanup-step-frame';

/**
 * Step 6: the proof (each item re-read and found gone, still there, or not provable either
 * way), what was left in place, the receipt, and what is left to do elsewhere. The checks'
 * descriptions are main's words, shown as main wrote them.
 */
export function CleanupProofStep() {
  const { t } = useTranslation();
  const receipt = useStewardStore((state) => state.cleanupReceipt);
  const plan = useStewardStore((state) => state.cleanupPlan);
  const pending = useStewardStore((state) => state.cleanupPending);
  const openReceipt = useStewardStore((state) => state.openCleanupReceipt);
  const showInFolder = useStewardStore((state) => state.showInFolder);
  const planId = useStewardStore((state) => state.cleanupPlanId);
  const reset = useStewardStore((state) => state.resetCleanup);
  const runAgain = useStewardStore((state) => state.runCleanupPlan);
  if (!receipt) return null;
  const calls = receipt.calls.length;

  return (
    <CleanupStepFrame step="proof">
      <CleanupProofChecks receipt={receipt} plan={plan} />
      {/* A step that is not proven gone is still to do: running the plan again resumes it. */}
      {!receipt.complete && (
        <>
          <p>{t('cleanup.proof.runAgainHint')}</p>
          <div className="form-actions">
            <button type="button" className="button" disabled={pending} onClick={() => void runAgain()}>
              {t('cleanup.proof.runAgain')}
            </button>
          </div>
        </>
      )}
      <CleanupLeftInPlace receipt={receipt} plan={plan} />
      <p>
        {receipt.backup.kind === 'bundle' ? t('cleanup.proof.callsBundle', { count: calls }) : t('cleanup.proof.callsWaived', { count: calls })}
      </p>
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={pending} onClick={() => void openReceipt()}>
          {t('cleanup.proof.openReceipt')}
        </button>
        {planId !== null && (
          <button type="button" className="button" disabled={pending} onClick={() => void showInFolder({ kind: 'receipt', planId })}>
            {t('shell.showReceiptInFolder')}
          </button>
        )}
      </div>
      {plan && (
        <p className="field-hint">
          <Trans i18nKey="cleanup.proof.saved" values={{ path: plan.planPath }} components={{ code: <code /> }} />
        </p>
      )}
      <CleanupNotDeletable />
      <div className="form-actions">
        <button type="button" className="button" onClick={reset}>
          {t('cleanup.proof.another')}
        </button>
      </div>
    </CleanupStepFrame>
  );
}
