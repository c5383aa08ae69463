import { Trans, useTranslation } from 'react-i18next';
import type { CoverageReport, PlanSummary, UncoveredItem } from '../../shared/model/cleanup';
import { formatCount, formatDateTime } from '../lib/format';
import { categoryLabel } from '../lib/labels';
import { countsText, uncoveredReason } from './cleanup-labels';

function exportedDate(report: CoverageReport): string | null {
  if (report.exportedAt === undefined) return null;
  const date = new Date(report.exportedAt);
  return Number.isNaN(date.getTime()) ? null : formatDateTime(date);
}

/**
 * The catalogue sentence for an uncovered item: what a step names ("Images: <id> in …"),
 * or what a deleted iteration takes along, said as such ("Image kept only by a deleted
 * iteration", "Exported model ONNX of iteration …", "Performance of iteration …").
 */
function itemKey(item: UncoveredItem): 'item' | 'itemImplicitImage' | 'itemModel' | 'itemModelUnnamed' | 'itemPerformance' {
  if (item.part === 'implicit-image') return 'itemImplicitImage';
  if (item.part === 'performance') return 'itemPerformance';
  if (item.part === 'model') return item.detail ? 'itemModel' : 'itemModelUnnamed';
  return 'item';
}

function UncoveredLine({ item, project }: { item: UncoveredItem; project: string }) {
  return (
    <Trans
      i18nKey={`cleanup.coverage.${itemKey(item)}`}
      // The platform is the service's name for it (data), shown as is.
      values={{ category: categoryLabel(item.category), id: item.id, project, reason: uncoveredReason(item.reason), platform: item.detail ?? '' }}
      components={{ code: <code /> }}
    />
  );
}

/** The bundle check's answer: covered, or exactly what is missing (the first items of it). */
export function CleanupCoverage({ report, plan }: { report: CoverageReport; plan: PlanSummary }) {
  const { t } = useTranslation();
  const projectName = (id: string) => plan.projects.find((project) => project.id === id)?.name || id;

  if (report.ok) {
    const date = exportedDate(report);
    const counts = countsText(report.covered);
    return (
      <section className="cleanup-coverage" aria-labelledby="cleanup-coverage-heading">
        <h4 id="cleanup-coverage-heading" className="verify-ok">
          {t('cleanup.coverage.covered')}
        </h4>
        <p>
          {date === null
            ? t('cleanup.coverage.checked', { count: report.checkedFiles, counts })
            : t('cleanup.coverage.checkedExported', { count: report.checkedFiles, date, counts })}
        </p>
      </section>
    );
  }
  const hidden = report.uncoveredCount - report.uncovered.length;
  return (
    <section className="cleanup-coverage" aria-labelledby="cleanup-coverage-heading">
      <h4 id="cleanup-coverage-heading" className="verify-bad">
        {t('cleanup.coverage.notCovered', { count: report.uncoveredCount })}
      </h4>
      <p>{t('cleanup.coverage.notCoveredText')}</p>
      {report.uncovered.length > 0 && (
        <ul className="cleanup-uncovered" aria-label={t('cleanup.coverage.uncoveredLabel')}>
          {report.uncovered.map((item, index) => (
            // Not unique by id: an iteration's models (two flavors of one platform) and its performance share it. The list never reorders.
            <li key={`${index}|${item.id}`}>
              <UncoveredLine item={item} project={projectName(item.projectId)} />
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && <p className="field-hint">{t('cleanup.coverage.more', { n: formatCount(hidden) })}</p>}
      {/* The problems are main's words, shown as sent. */}
      {report.verifyProblems.length > 0 && (
        <>
          <h5>{t('cleanup.coverage.problemsHeading')}</h5>
          <ul className="verify-problems">
            {report.verifyProblems.slice(0, 20).map((problem, index) => (
              <li key={`${index}-${problem}`}>{problem}</li>
            ))}
          </ul>
          {report.verifyProblems.length > 20 && (
            <p className="field-hint">{t('cleanup.coverage.more', { n: formatCount(report.verifyProblems.length - 20) })}</p>
          )}
        </>
      )}
    </section>
  );
}
