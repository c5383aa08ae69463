import { Trans, useTranslation } from 'react-i18next';
import type { VerifyReport } from '../../shared/model/bundle';
import { formatBytes, formatCount } from '../lib/format';
import { isTerminal } from '../lib/job-state';
import { selectVerifyJob, useStewardStore } from '../store';
import { VirtualList } from './virtual-list';
import { JobProgress } from './job-progress';

const PATH_GROUPS = ['missing', 'truncated', 'altered', 'extra'] as const;
type PathGroupKey = (typeof PATH_GROUPS)[number];

function PathGroup({ group, paths }: { group: PathGroupKey; paths: string[] }) {
  const { t } = useTranslation();
  if (paths.length === 0) return null;
  return (
    <section className="verify-group">
      <h4>{t('export.verify.groupHeading', { title: t(`export.verify.groups.${group}.title`), n: formatCount(paths.length) })}</h4>
      <p className="field-hint">{t(`export.verify.groups.${group}.hint`)}</p>
      {/* Paths come from the bundle: plain text, shown as React text nodes. */}
      <VirtualList variant="export"
        items={paths}
        getKey={(path) => path}
        renderItem={(path) => <code className="verify-path">{path}</code>}
        label={t(`export.verify.groups.${group}.listLabel`)}
        threshold={30}
        estimateRowHeight={28}
        textOnly
      />
    </section>
  );
}

/** The report's problems are main's words (file paths and reasons), shown as sent. */
function ReportView({ report }: { report: VerifyReport }) {
  const { t } = useTranslation();
  const damaged = report.missing.length + report.truncated.length + report.altered.length + report.extra.length;
  const files = formatCount(report.checkedFiles);
  const size = formatBytes(report.checkedBytes);
  return (
    <section className="verify-report" aria-labelledby="verify-report-heading">
      <h3 id="verify-report-heading" className={report.ok ? 'verify-ok' : 'verify-bad'}>
        {report.ok ? t('export.verify.intact', { files, size }) : t('export.verify.problems', { count: damaged })}
      </h3>
      {!report.ok && <p>{t('export.verify.checked', { files, size })}</p>}
      {PATH_GROUPS.map((group) => (
        <PathGroup key={group} group={group} paths={report[group]} />
      ))}
      {report.problems.length > 0 && (
        <section className="verify-group">
          <h4>{t('export.verify.otherProblems', { n: formatCount(report.problems.length) })}</h4>
          <ul className="verify-problems">
            {report.problems.map((problem, index) => (
              <li key={`${index}-${problem}`}>{problem}</li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

/** "Verify a bundle": re-checks every file of a bundle folder against its manifest. */
export function ExportVerify() {
  const { t } = useTranslation();
  const job = useStewardStore(selectVerifyJob);
  const folder = useStewardStore((state) => state.verifyFolder);
  const busy = useStewardStore((state) => state.verifyStarting || state.choosingFolder);
  const report = useStewardStore((state) => (job && state.verifyReport?.jobId === job.id ? state.verifyReport.report : null));
  const reportStatus = useStewardStore((state) => state.verifyReportStatus);
  const verifyBundle = useStewardStore((state) => state.verifyBundle);
  const showInFolder = useStewardStore((state) => state.showInFolder);

  return (
    <section className="panel" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('export.verify.heading')}</h2>
      <p>{t('export.verify.text')}</p>
      <button
        type="button"
        className="button"
        aria-disabled={busy}
        onClick={() => {
          if (!busy) void verifyBundle();
        }}
      >
        {t('export.verify.button')}
      </button>
      {folder && (
        <p className="export-folder-path verify-folder">
          <Trans i18nKey="export.verify.folder" values={{ path: folder.displayPath }} components={{ code: <code /> }} />
        </p>
      )}
      {/* Once the report is in, it alone gives the result: the finished job would say it a second time. */}
      {job && !(report && isTerminal(job.state)) && <JobProgress job={job} headingLevel={3} />}
      {job?.state === 'succeeded' && !report && reportStatus === 'loading' && <p role="status">{t('export.verify.loading')}</p>}
      {report && <ReportView report={report} />}
      {report && folder && (
        <button type="button" className="button" onClick={() => void showInFolder({ kind: 'bundle', folderId: folder.folderId })}>
          {t('shell.showInFolder')}
        </button>
      )}
    </section>
  );
}
