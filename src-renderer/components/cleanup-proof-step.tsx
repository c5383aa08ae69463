import { CLEANUP_CATEGORIES, type Receipt } from '../../shared/model/cleanup';
import { categoryLabel } from '../lib/labels';
import { formatCount } from '../lib/format';
import { useStewardStore } from '../store';
import { plural } from './cleanup-labels';
import { CleanupNotDeletable } from './cleanup-not-deletable';
import { CleanupStepFrame } from './cleanup-step-frame';

function VerificationTable({ receipt }: { receipt: Receipt }) {
  const rows = CLEANUP_CATEGORIES.map((category) => {
    const checks = receipt.verifications.filter((v) => v.category === category);
    return { category, total: checks.length, verified: checks.filter((v) => v.verified).length };
  }).filter((row) => row.total > 0);
  return (
    <table className="inventory-table cleanup-proof-table">
      <caption>Checked again after deleting</caption>
      <thead>
        <tr>
          <th scope="col">Kind of data</th>
          <th scope="col">Checks proving it gone</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.category}>
            <th scope="row">{categoryLabel(row.category)}</th>
            <td className={row.verified === row.total ? 'verify-ok' : 'verify-bad'}>
              {formatCount(row.verified)} of {formatCount(row.total)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Step 6: the proof (each item re-read and found gone, or not), the receipt, and what is left to do elsewhere. */
export function CleanupProofStep() {
  const receipt = useStewardStore((state) => state.cleanupReceipt);
  const plan = useStewardStore((state) => state.cleanupPlan);
  const pending = useStewardStore((state) => state.cleanupPending);
  const openReceipt = useStewardStore((state) => state.openCleanupReceipt);
  const reset = useStewardStore((state) => state.resetCleanup);
  const runAgain = useStewardStore((state) => state.runCleanupPlan);
  if (!receipt) return null;
  const unverified = receipt.verifications.filter((v) => !v.verified);

  return (
    <CleanupStepFrame step="proof">
      <p className={receipt.complete ? 'cleanup-outcome verify-ok' : 'cleanup-outcome verify-bad'}>
        {receipt.complete
          ? 'Nothing left: every item of the plan was deleted, and reading it again proved it gone.'
          : `Not everything is gone: ${plural(unverified.length, 'check', 'checks')} could not prove ${unverified.length === 1 ? 'its items' : 'their items'} gone.`}
      </p>
      <VerificationTable receipt={receipt} />
      {unverified.length > 0 && (
        <>
          <h3>Still there, or not proven gone</h3>
          <ul className="cleanup-uncovered" aria-label="Checks that did not pass">
            {unverified.map((v, index) => (
              <li key={`${index}-${v.check}`}>
                {categoryLabel(v.category)}: {v.check}
                {v.detail !== undefined && ` — ${v.detail}`}
              </li>
            ))}
          </ul>
          <p>Running the plan again skips what is done, retries the rest and checks everything again.</p>
          <div className="form-actions">
            <button type="button" className="button" disabled={pending} onClick={() => void runAgain()}>
              Run the plan again
            </button>
          </div>
        </>
      )}
      <p>
        {plural(receipt.calls.length, 'call was', 'calls were')} made to the Training API. The receipt lists each one with its
        time, HTTP status and request id, the checks above, and{' '}
        {receipt.backup.kind === 'bundle' ? 'the bundle this cleanup relied on.' : 'that the backup was waived.'}
      </p>
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={pending} onClick={() => void openReceipt()}>
          Open the receipt
        </button>
      </div>
      {plan && (
        <p className="field-hint">
          Saved as JSON and HTML next to the plan: <code>{plan.planPath}</code>
        </p>
      )}
      <CleanupNotDeletable />
      <div className="form-actions">
        <button type="button" className="button" onClick={reset}>
          Start another cleanup
        </button>
      </div>
    </CleanupStepFrame>
  );
}
