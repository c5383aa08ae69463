import { useTranslation } from 'react-i18next';
import { CLEANUP_STEPS, useStewardStore } from '../store';
import { stepTitle } from './cleanup-labels';

/** The wizard's steps, the current one marked (for screen readers: aria-current="step"). */
export function CleanupStepList() {
  const { t } = useTranslation();
  const current = useStewardStore((state) => state.cleanupStep);
  const currentIndex = CLEANUP_STEPS.indexOf(current);

  return (
    <ol className="cleanup-steps" aria-label={t('cleanup.steps.label')}>
      {CLEANUP_STEPS.map((step, index) => {
        const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
        return (
          <li key={step} className={`cleanup-steps-item cleanup-steps-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="cleanup-steps-number">{index + 1}</span> {stepTitle(step)}
            {state === 'done' && <span className="inventory-visually-hidden"> {t('cleanup.steps.done')}</span>}
          </li>
        );
      })}
    </ol>
  );
}
