import { Trans, useTranslation } from 'react-i18next';
import { CLEANUP_CATEGORIES, type Receipt } from '../../shared/model/cleanup';
import { categoryLabel } from '../lib/labels';
import { formatCount } from '../lib/format';
import { useStewardStore } from '../store';
import { CleanupNotDeletable } from './cleanup-not-deletable';
import { CleanupStepFrame } from './cleanup-step-frame';

function VerificationTable({ receipt }: { receipt: Receipt }) {
  const { t } = useTranslation();
  const rows = CLEANUP_CATEGORIES.map((category) => {
    const checks = receipt.verifications.filter((v) => v.category === category);
    return { category, total: checks.length, verified: checks.filter((v) => v.verified).length };
  }).filter((row) => row.total > 0);
  return (
    <table className="inventory-table cleanup-proof-table">
      <caption>{t('cleanup.proof.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cleanup.proof.kindOfData')}</th>
          <th scope="col">{t('cleanup.proof.checksProving')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.category}>
            <th scope="row">{categoryLabel(row.category)}</th>
            <td className={row.verified === row.total ? 'verify-ok' : 'verify-bad'}>
              {t('common.ofTotal', { done: formatCount(row.verified), total: formatCount(row.total) })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Step 6: the proof (each item re-read and found gone, or not), the receipt, and what is
 * left to do elsewhere. The checks' descriptions are main's words, shown as main wrote them.
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
  const unverified = receipt.verifications.filter((v) => !v.verified);
  const calls = receipt.calls.length;

  return (
    <CleanupStepFrame step="proof">
      <p className={receipt.complete ? 'cleanup-outcome verify-ok' : 'cleanup-outcome verify-bad'}>
        {receipt.complete ? t('cleanup.proof.complete') : t('cleanup.proof.incomplete', { count: unverified.length })}
      </p>
      <VerificationTable receipt={receipt} />
      {unverified.length > 0 && (
        <>
          <h3>{t('cleanup.proof.stillThere')}</h3>
          <ul className="cleanup-uncovered" aria-label={t('cleanup.proof.failedChecksLabel')}>
            {unverified.map((v, index) => (
              <li key={`${index}-${v.check}`}>
                {v.detail === undefined
                  ? t('common.labelledValue', { label: categoryLabel(v.category), value: v.check })
                  : t('cleanup.proof.checkDetail', { category: categoryLabel(v.category), check: v.check, detail: v.detail })}
              </li>
            ))}
          </ul>
          <p>{t('cleanup.proof.runAgainHint')}</p>
          <div className="form-actions">
            <button type="button" className="button" disabled={pending} onClick={() => void runAgain()}>
              {t('cleanup.proof.runAgain')}
            </button>
          </div>
        </>
      )}
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
