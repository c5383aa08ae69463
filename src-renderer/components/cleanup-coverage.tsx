import type { CoverageReport, PlanSummary } from '../../shared/model/cleanup';
import { formatCount } from '../lib/format';
import { categoryLabel } from '../lib/labels';
import { countsText, plural, UNCOVERED_REASONS } from './cleanup-labels';

function exportedText(report: CoverageReport): string {
  if (report.exportedAt === undefined) return '';
  const date = new Date(report.exportedAt);
  return Number.isNaN(date.getTime()) ? '' : `, exported ${date.toLocaleString()}`;
}

/** The bundle check's answer: covered, or exactly what is missing (the first items of it). */
export function CleanupCoverage({ report, plan }: { report: CoverageReport; plan: PlanSummary }) {
  const projectName = (id: string) => plan.projects.find((project) => project.id === id)?.name || id;

  if (report.ok) {
    return (
      <section className="cleanup-coverage" aria-labelledby="cleanup-coverage-heading">
        <h3 id="cleanup-coverage-heading" className="verify-ok">
          Covered: the bundle holds every item of the plan
        </h3>
        <p>
          {plural(report.checkedFiles, 'file', 'files')} re-checked against their checksums{exportedText(report)}. It holds{' '}
          {countsText(report.covered)}.
        </p>
      </section>
    );
  }
  const hidden = report.uncoveredCount - report.uncovered.length;
  return (
    <section className="cleanup-coverage" aria-labelledby="cleanup-coverage-heading">
      <h3 id="cleanup-coverage-heading" className="verify-bad">
        Not covered: {plural(report.uncoveredCount, 'item', 'items')} of the plan {report.uncoveredCount === 1 ? 'is' : 'are'} not safely in this bundle
      </h3>
      <p>
        Nothing can be deleted relying on this bundle. Back up now into this folder to fetch what is missing, choose
        another bundle, or waive the backup.
      </p>
      {report.uncovered.length > 0 && (
        <ul className="cleanup-uncovered" aria-label="Items not covered">
          {report.uncovered.map((item) => (
            <li key={`${item.category}|${item.projectId}|${item.id}`}>
              {categoryLabel(item.category)}: <code>{item.id}</code> in {projectName(item.projectId)} — {UNCOVERED_REASONS[item.reason]}
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && <p className="field-hint">…and {formatCount(hidden)} more.</p>}
      {report.verifyProblems.length > 0 && (
        <>
          <h4>Problems found in the bundle</h4>
          <ul className="verify-problems">
            {report.verifyProblems.slice(0, 20).map((problem, index) => (
              <li key={`${index}-${problem}`}>{problem}</li>
            ))}
          </ul>
          {report.verifyProblems.length > 20 && <p className="field-hint">…and {formatCount(report.verifyProblems.length - 20)} more.</p>}
        </>
      )}
    </section>
  );
}
