import { Trans, useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../shared/model/cleanup';
import { i18n } from '../i18n';
import { formatCount } from '../lib/format';
import { selectCleanupPlanJob, useStewardStore } from '../store';
import { countsText } from './cleanup-labels';
import { CleanupStepFrame } from './cleanup-step-frame';
import { CleanupTakenAlong } from './cleanup-taken-along';
import { JobProgress } from './job-progress';

/** The service's limit is 10 calls a second; the estimate says "about" for that reason. */
const CALLS_PER_SECOND = 10;

function durationText(calls: number): string {
  const seconds = Math.ceil(calls / CALLS_PER_SECOND);
  return seconds < 90 ? i18n.t('counts.seconds', { count: seconds }) : i18n.t('counts.minutes', { count: Math.ceil(seconds / 60) });
}

function modelExports(plan: PlanSummary): number {
  return plan.projects.reduce((sum, project) => sum + project.modelExports, 0);
}

/** Everything that goes, in words: what a user would miss afterwards. */
function LossList({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation();
  const c = plan.counts;
  const models = modelExports(plan);
  const items = [
    c.projects > 0 && t('cleanup.review.loss.projects', { count: c.projects }),
    c.publishedIterations > 0 && t('cleanup.review.loss.published', { count: c.publishedIterations }),
    c.iterations > 0 && t('cleanup.review.loss.iterations', { count: c.iterations }),
    models > 0 && t('cleanup.review.loss.models', { count: models }),
    c.images > 0 &&
      (c.imagesOnlyInIterations > 0
        ? t('cleanup.review.loss.imagesWithOnly', { count: c.images, only: formatCount(c.imagesOnlyInIterations) })
        : t('cleanup.review.loss.images', { count: c.images })),
    c.predictions > 0 && t('cleanup.review.loss.predictions', { count: c.predictions }),
    c.tags > 0 && t('cleanup.review.loss.tags', { count: c.tags }),
  ].filter((item): item is string => typeof item === 'string');
  return (
    <>
      <h3>{t('cleanup.review.lossHeading')}</h3>
      <ul className="cleanup-loss">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>{t('cleanup.review.noUndo')}</p>
    </>
  );
}

/** The scope's description (plan.scopeText) is main's words, shown as main wrote them. */
function PlanView({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation();
  const c = plan.counts;
  const rows: Array<[string, string, number, string?]> = [
    ['projects', t('cleanup.review.rows.projects'), c.projects],
    [
      'iterations',
      t('cleanup.review.rows.iterations'),
      c.iterations,
      c.publishedIterations > 0 ? t('cleanup.review.publishedNote', { n: formatCount(c.publishedIterations) }) : undefined,
    ],
    [
      'images',
      t('cleanup.review.rows.images'),
      c.images,
      c.imagesOnlyInIterations > 0 ? t('cleanup.review.onlyInIterationsNote', { n: formatCount(c.imagesOnlyInIterations) }) : undefined,
    ],
    ['predictions', t('cleanup.review.rows.predictions'), c.predictions],
    ['tags', t('cleanup.review.rows.tags'), c.tags],
    ['models', t('cleanup.review.rows.models'), modelExports(plan), t('cleanup.review.modelsNote')],
  ];
  return (
    <>
      <p>
        <Trans
          i18nKey="cleanup.review.scope"
          values={{ scope: plan.scopeText, account: plan.account.displayName, host: plan.account.endpointHost }}
          components={{ strong: <strong /> }}
        />
      </p>
      <table className="inventory-table cleanup-counts">
        <caption>{t('cleanup.review.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cleanup.review.kindOfData')}</th>
            <th scope="col">{t('cleanup.review.count')}</th>
            <th scope="col">{t('cleanup.review.note')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([id, label, count, note]) => (
            <tr key={id}>
              <th scope="row">{label}</th>
              <td>{formatCount(count)}</td>
              <td>{note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('cleanup.review.calls', { count: plan.apiCalls, duration: durationText(plan.apiCalls), rate: formatCount(CALLS_PER_SECOND) })}
      </p>
      {plan.projects.length > 0 && (
        <>
          <h3>{t('cleanup.review.projectsHeading')}</h3>
          <ul className="cleanup-projects" aria-label={t('cleanup.review.projectsHeading')}>
            {plan.projects.map((project) => (
              <li key={project.id}>
                <span className="cleanup-project-name">{project.name || t('common.unnamedProject')}</span>
                {' — '}
                {project.deleteProject
                  ? t('cleanup.review.wholeProject', { counts: countsText(project.counts) })
                  : t('cleanup.review.partOfProject', { counts: countsText(project.counts) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.stepCount > 0 && <LossList plan={plan} />}
      {plan.stepCount > 0 && <CleanupTakenAlong plan={plan} />}
      <p className="field-hint">
        <Trans i18nKey="cleanup.review.planSaved" values={{ path: plan.planPath }} components={{ code: <code /> }} />
      </p>
    </>
  );
}

/** Step 2: the plan main built from a fresh id snapshot, in counts and words. */
export function CleanupReviewStep() {
  const { t } = useTranslation();
  const job = useStewardStore(selectCleanupPlanJob);
  const plan = useStewardStore((state) => state.cleanupPlan);
  const back = useStewardStore((state) => state.cleanupBack);
  const next = useStewardStore((state) => state.continueCleanup);
  const empty = plan !== null && plan.stepCount === 0;

  return (
    <CleanupStepFrame step="review">
      {!plan && job && <JobProgress job={job} headingLevel={3} />}
      {!plan && job?.state === 'succeeded' && <p role="status">{t('cleanup.review.loading')}</p>}
      {plan && <PlanView plan={plan} />}
      {empty && <p className="cleanup-warning">{t('cleanup.review.empty')}</p>}
      <div className="form-actions">
        <button type="button" className="button" onClick={back}>
          {t('cleanup.review.back')}
        </button>
        <button type="button" className="button button-primary" disabled={!plan || empty} onClick={next}>
          {t('cleanup.review.next')}
        </button>
      </div>
    </CleanupStepFrame>
  );
}
