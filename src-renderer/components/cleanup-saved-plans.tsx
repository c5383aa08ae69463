import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedPlan } from '../../shared/model/resume';
import { formatDateTime } from '../lib/format';
import { useStewardStore } from '../store';

/**
 * The cleanup plans saved in CV Steward's data folder (newest first), so a plan can be
 * found again after a restart: opening one shows it at the review step; the backup and
 * the typed confirmation are asked for again before anything is deleted.
 */
export function CleanupSavedPlans() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const plans = useStewardStore((state) => state.savedPlans);
  const status = useStewardStore((state) => state.savedPlansStatus);
  const load = useStewardStore((state) => state.loadSavedPlans);

  // Each plan's scope sentence comes from main in the interface's language: ask again when that changes.
  useEffect(() => {
    void load();
  }, [load, i18n.language]);

  return (
    <section className="cleanup-saved-plans" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('savedPlans.title')}</h3>
      <p className="field-hint">{t('savedPlans.intro')}</p>
      <div role="status" aria-live="polite">
        {status === 'loading' && plans.length === 0 && <p>{t('savedPlans.loading')}</p>}
        {status === 'ready' && plans.length === 0 && <p className="empty-state">{t('savedPlans.empty')}</p>}
      </div>
      {plans.length > 0 && (
        <ul className="export-list">
          {plans.map((plan) => (
            <SavedPlanRow key={plan.planId} plan={plan} />
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className="button button-quiet" disabled={status === 'loading'} onClick={() => void load()}>
          {t('savedPlans.refresh')}
        </button>
      </div>
    </section>
  );
}

function SavedPlanRow({ plan }: { plan: SavedPlan }) {
  const { t } = useTranslation();
  const pending = useStewardStore((state) => state.cleanupPending);
  const open = useStewardStore((state) => state.openCleanupPlan);
  const date = formatDateTime(new Date(plan.createdAt));
  return (
    <li className="export-list-row export-folder-row">
      <span className="export-check-text">
        <span className="export-check-name">{plan.accountName}</span>
        {/* Main's words (project and tag names), shown as text. */}
        <span className="saved-plan-scope"> {t('savedPlans.scope', { scope: plan.scopeText })}</span>
        <span className="export-check-hint">
          {' — '}
          {t('savedPlans.made', { date })} · {t('savedPlans.items', { count: plan.totalItems })} · {t(`savedPlans.states.${plan.state}`)}
        </span>
      </span>
      <button
        type="button"
        className="button button-quiet"
        disabled={pending}
        aria-label={t('savedPlans.openLabel', { account: plan.accountName, scope: plan.scopeText, date })}
        onClick={() => void open(plan.planId)}
      >
        {t('savedPlans.open')}
      </button>
    </li>
  );
}
