import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { PlanSummary, ProofResult, Receipt, Verification } from '../../shared/model/cleanup';
import { provenItems } from '../../shared/model/proven-items';
import { checksByResult, proofHeadline, proofResult, type ProofHeadline } from '../lib/cleanup-evidence';
import { formatCount } from '../lib/format';
import { categoryLabel } from '../lib/labels';
import { proofHeadlineText, proofResultLabel } from './cleanup-labels';

/** How each result looks: green for gone, red for still there, amber for "could not verify". */
const RESULT_CLASS: Readonly<Record<ProofResult, string>> = {
  gone: 'verify-ok',
  'still-there': 'verify-bad',
  'could-not-verify': 'verify-unsure',
};

/**
 * Per kind of data, how many items were proven gone out of those checked ("90 of 90"), and
 * how many were still there or could not be verified: items, not checks (one check can
 * cover 90 images). The checks behind the figures are listed further down.
 */
function ProofTable({ receipt }: { receipt: Receipt }) {
  const { t } = useTranslation();
  // Receipts written before `proven` existed get it worked out from their checks, the same way.
  const rows = receipt.proven ?? provenItems(receipt.verifications);
  const cell = (result: ProofResult, n: number) => <td className={n > 0 ? RESULT_CLASS[result] : undefined}>{formatCount(n)}</td>;
  return (
    <table className="inventory-table cleanup-proof-table">
      <caption>{t('cleanup.proof.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cleanup.proof.kindOfData')}</th>
          <th scope="col">{t('cleanup.proof.provenGone')}</th>
          <th scope="col">{proofResultLabel('still-there')}</th>
          <th scope="col">{proofResultLabel('could-not-verify')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.category}>
            <th scope="row">{categoryLabel(row.category)}</th>
            <td className={row.gone === row.items ? RESULT_CLASS.gone : undefined}>
              {t('cleanup.proof.provenOf', { gone: formatCount(row.gone), items: formatCount(row.items) })}
            </td>
            {cell('still-there', row.stillThere)}
            {cell('could-not-verify', row.couldNotVerify)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One check: its result in words, what and where, then main's own (English) description
 * of the check and what it found as a secondary line, as main wrote them.
 */
function CheckItem({ check, project }: { check: Verification; project: string }) {
  const { t } = useTranslation();
  const result = proofResult(check);
  return (
    <li>
      <Trans
        i18nKey="cleanup.proof.checkLine"
        values={{
          result: proofResultLabel(result),
          category: categoryLabel(check.category),
          project,
          items: t('cleanup.proof.items', { count: check.targetIds.length }),
        }}
        components={{ result: <strong className={RESULT_CLASS[result]} /> }}
      />
      <span className="cleanup-check-words">{check.detail === undefined ? check.check : t('cleanup.proof.checkWords', { check: check.check, detail: check.detail })}</span>
    </li>
  );
}

function CheckList({ checks, plan, labelledBy }: { checks: readonly Verification[]; plan: PlanSummary | null; labelledBy: string }) {
  const { t } = useTranslation();
  const projectName = (id: string) => {
    const project = plan?.projects.find((candidate) => candidate.id === id);
    return project ? project.name || t('common.unnamedProject') : id;
  };
  return (
    <ul className="cleanup-checks" aria-labelledby={labelledBy}>
      {checks.map((check, index) => (
        // Checks have no id of their own; the list is the receipt's, in its order, and never reorders.
        <CheckItem key={`${index}-${check.check}`} check={check} project={projectName(check.projectId)} />
      ))}
    </ul>
  );
}

/** The checks that did not find their items gone, under a heading that says which, with what that means. */
function ProblemChecks({ result, checks, plan }: { result: 'still-there' | 'could-not-verify'; checks: readonly Verification[]; plan: PlanSummary | null }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (checks.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{proofResultLabel(result)}</h3>
      <p>{result === 'still-there' ? t('cleanup.proof.stillThereText') : t('cleanup.proof.couldNotVerifyText')}</p>
      <CheckList checks={checks} plan={plan} labelledBy={headingId} />
    </section>
  );
}

/** Green only when everything is proven gone; amber when the only doubt is what could not be verified. */
const HEADLINE_CLASS: Readonly<Record<ProofHeadline['kind'], string>> = {
  complete: 'verify-ok',
  'could-not-verify': 'verify-unsure',
  'still-there': 'verify-bad',
  both: 'verify-bad',
  unchecked: 'verify-bad',
};

/**
 * The proof in words: the headline (everything proven gone, or how many checks found
 * items still there or could not verify them), counts per kind of data and result, the
 * checks that still need the user with what each result means, and every check one by one
 * (folded away: a large plan has hundreds).
 */
export function CleanupProofChecks({ receipt, plan }: { receipt: Receipt; plan: PlanSummary | null }) {
  const { t } = useTranslation();
  const allId = useId();
  const groups = checksByResult(receipt.verifications);
  const headline = proofHeadline(receipt);
  return (
    <>
      <p className={`cleanup-outcome ${HEADLINE_CLASS[headline.kind]}`}>{proofHeadlineText(headline)}</p>
      <ProofTable receipt={receipt} />
      <ProblemChecks result="still-there" checks={groups['still-there']} plan={plan} />
      <ProblemChecks result="could-not-verify" checks={groups['could-not-verify']} plan={plan} />
      {receipt.verifications.length > 0 && (
        <details className="cleanup-all-checks">
          <summary id={allId}>{t('cleanup.proof.allChecks', { count: receipt.verifications.length })}</summary>
          <CheckList checks={receipt.verifications} plan={plan} labelledBy={allId} />
        </details>
      )}
    </>
  );
}
