import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { PlanSummary, Receipt } from '../../shared/model/cleanup';
import { formatCount } from '../lib/format';
import { categoryLabel } from '../lib/labels';
import { mainTextOr } from '../lib/main-text';

/** The page shows the first of them; the receipt lists every one. */
const SHOWN = 10;

/**
 * Targets of the plan that had left its scope when they were read again just before
 * deleting (an image tagged since an "untagged images" plan was made…): left in place,
 * never deleted. Why, in the page's language when main sent the reason's code (main's
 * English for older receipts and unknown codes).
 */
export function CleanupLeftInPlace({ receipt, plan }: { receipt: Receipt; plan: PlanSummary | null }) {
  const { t } = useTranslation();
  const headingId = useId();
  const items = receipt.leftInPlace ?? [];
  if (items.length === 0) return null;
  const projectName = (id: string) => plan?.projects.find((project) => project.id === id)?.name || id;
  const hidden = items.length - SHOWN;
  return (
    <section className="cleanup-left-in-place" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('cleanup.proof.leftInPlace.heading')}</h3>
      <p>{t('cleanup.proof.leftInPlace.text', { count: items.length })}</p>
      <ul className="cleanup-uncovered" aria-labelledby={headingId}>
        {items.slice(0, SHOWN).map((item, index) => (
          // Ids repeat across projects and categories; the receipt's order never changes.
          <li key={`${index}|${item.id}`}>
            <Trans
              i18nKey="cleanup.proof.leftInPlace.item"
              values={{ category: categoryLabel(item.category), id: item.id, project: projectName(item.projectId), reason: mainTextOr(item.reasonText?.[0], item.reason) }}
              components={{ code: <code /> }}
            />
          </li>
        ))}
      </ul>
      {hidden > 0 && <p className="field-hint">{t('cleanup.proof.leftInPlace.more', { n: formatCount(hidden) })}</p>}
    </section>
  );
}
