import { useEffect, useRef, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { CleanupBackupStep } from '../components/cleanup-backup-step';
import { CleanupConfirmStep } from '../components/cleanup-confirm-step';
import { CleanupProofStep } from '../components/cleanup-proof-step';
import { CleanupReviewStep } from '../components/cleanup-review-step';
import { CleanupRunStep } from '../components/cleanup-run-step';
import { CleanupScopeStep } from '../components/cleanup-scope-step';
import { STEP_HEADING_ID } from '../components/cleanup-step-frame';
import { CleanupStepList } from '../components/cleanup-step-list';
import { useStewardStore, type CleanupStep } from '../store';

const STEP_COMPONENTS: Readonly<Record<CleanupStep, ComponentType>> = {
  scope: CleanupScopeStep,
  review: CleanupReviewStep,
  backup: CleanupBackupStep,
  confirm: CleanupConfirmStep,
  run: CleanupRunStep,
  proof: CleanupProofStep,
};

/** The cleanup wizard: one path for every deletion, from the whole account to one tag. */
export function CleanupPage() {
  const { t } = useTranslation();
  const step = useStewardStore((state) => state.cleanupStep);
  const accountId = useStewardStore((state) => state.activeAccountId);
  const loadInventory = useStewardStore((state) => state.loadInventory);
  const shownStep = useRef(step);
  const Step = STEP_COMPONENTS[step];

  // The project lists of step 1 come from the latest inventory of the account in use.
  useEffect(() => {
    if (accountId !== null) void loadInventory();
  }, [accountId, loadInventory]);

  // Keyboard and screen-reader users land on each new step's heading.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    document.getElementById(STEP_HEADING_ID)?.focus();
  }, [step]);

  return (
    <>
      <h1 tabIndex={-1}>{t('cleanup.title')}</h1>
      <p className="lead">{t('cleanup.lead')}</p>
      <CleanupStepList />
      <Step />
    </>
  );
}
