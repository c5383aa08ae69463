import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanProject, PlanSummary } from '../../shared/model/cleanup';
import { i18n } from '../i18n';
import { modelIterations, modelNames, takenAlongOf, takesAlong } from '../lib/cleanup-evidence';
import { joinList } from '../lib/format';

/** One project's lines: what its deleted iterations take along, in words (re-run by the component's renders). */
function projectLines(project: PlanProject): string[] {
  const { t } = i18n;
  const taken = takenAlongOf(project);
  // "this iteration" reads right only when the project loses exactly one.
  const oneIteration = project.counts.iterations <= 1;
  const lines: string[] = [];
  if (taken.images > 0) {
    lines.push(oneIteration ? t('cleanup.review.takenAlong.imagesOne', { count: taken.images }) : t('cleanup.review.takenAlong.imagesMany', { count: taken.images }));
  }
  if (taken.models > 0) {
    // Platform names are the service's data, shown as it gives them.
    const values = { count: taken.models, platforms: joinList(modelNames(project)) };
    lines.push(modelIterations(project) <= 1 ? t('cleanup.review.takenAlong.modelsOne', values) : t('cleanup.review.takenAlong.modelsMany', values));
  }
  if (taken.performance > 0) lines.push(t('cleanup.review.takenAlong.performance', { count: taken.performance }));
  return lines;
}

/**
 * "Deleted along with them": what the plan's deleted iterations (or projects) take along
 * without a step of their own — images kept only by them, their model exports, their
 * performance. Said per project, because the backup must hold these too.
 */
export function CleanupTakenAlong({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation();
  const headingId = useId();
  const projects = plan.projects.filter((project) => takesAlong(takenAlongOf(project)));
  if (projects.length === 0) return null;
  return (
    <section className="cleanup-taken-along" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('cleanup.review.takenAlong.heading')}</h3>
      <p>{t('cleanup.review.takenAlong.intro')}</p>
      <ul className="cleanup-loss" aria-labelledby={headingId}>
        {projects.map((project) => (
          <li key={project.id}>
            <span className="cleanup-project-name">{project.name || t('common.unnamedProject')}</span>
            <ul>
              {projectLines(project).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
