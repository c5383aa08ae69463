import type { VerifyReport } from '../../shared/model/bundle';
import { formatBytes, formatCount } from '../lib/format';
import { selectVerifyJob, useStewardStore } from '../store';
import { VirtualList } from './virtual-list';
import { JobProgress } from './job-progress';

const PATH_GROUPS = [
  { key: 'missing', title: 'Missing', hint: 'listed in the manifest but not in the folder' },
  { key: 'truncated', title: 'Truncated', hint: 'shorter than the manifest says' },
  { key: 'altered', title: 'Altered', hint: 'same size, different content' },
  { key: 'extra', title: 'Extra', hint: 'in the folder but not listed in the manifest' },
] as const;

function PathGroup({ title, hint, paths }: { title: string; hint: string; paths: string[] }) {
  if (paths.length === 0) return null;
  return (
    <section className="verify-group">
      <h4>
        {title} ({formatCount(paths.length)})
      </h4>
      <p className="field-hint">Files {hint}.</p>
      {/* Paths come from the bundle: plain text, shown as React text nodes. */}
      <VirtualList variant="export"
        items={paths}
        getKey={(path) => path}
        renderItem={(path) => <code className="verify-path">{path}</code>}
        label={`${title} files`}
        threshold={30}
        estimateRowHeight={28}
        textOnly
      />
    </section>
  );
}

function ReportView({ report }: { report: VerifyReport }) {
  const damaged = report.missing.length + report.truncated.length + report.altered.length + report.extra.length;
  return (
    <section className="verify-report" aria-labelledby="verify-report-heading">
      <h3 id="verify-report-heading" className={report.ok ? 'verify-ok' : 'verify-bad'}>
        {report.ok
          ? `Bundle is intact: ${formatCount(report.checkedFiles)} files, ${formatBytes(report.checkedBytes)} checked`
          : `The bundle has problems: ${formatCount(damaged)} ${damaged === 1 ? 'file' : 'files'} differ from its manifest`}
      </h3>
      {!report.ok && (
        <p>
          {formatCount(report.checkedFiles)} files ({formatBytes(report.checkedBytes)}) were checked. Starting the export
          again into this folder repairs missing, truncated and altered files.
        </p>
      )}
      {PATH_GROUPS.map((group) => (
        <PathGroup key={group.key} title={group.title} hint={group.hint} paths={report[group.key]} />
      ))}
      {report.problems.length > 0 && (
        <section className="verify-group">
          <h4>Other problems ({formatCount(report.problems.length)})</h4>
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
  const job = useStewardStore(selectVerifyJob);
  const folder = useStewardStore((state) => state.verifyFolder);
  const busy = useStewardStore((state) => state.verifyStarting || state.choosingFolder);
  const report = useStewardStore((state) => (job && state.verifyReport?.jobId === job.id ? state.verifyReport.report : null));
  const reportStatus = useStewardStore((state) => state.verifyReportStatus);
  const verifyBundle = useStewardStore((state) => state.verifyBundle);

  return (
    <section className="panel" aria-labelledby="verify-heading">
      <h2 id="verify-heading">Verify a bundle</h2>
      <p>
        Checks every file of a bundle against the sizes and SHA-256 checksums in its manifest: nothing missing, cut short
        or changed. Only the folder is read; nothing is downloaded and your Custom Vision account is not touched.
      </p>
      <button
        type="button"
        className="button"
        aria-disabled={busy}
        onClick={() => {
          if (!busy) void verifyBundle();
        }}
      >
        Verify…
      </button>
      {folder && (
        <p className="export-folder-path verify-folder">
          Folder: <code>{folder.displayPath}</code>
        </p>
      )}
      {job && <JobProgress job={job} headingLevel={3} />}
      {job?.state === 'succeeded' && !report && reportStatus === 'loading' && <p role="status">Loading the report…</p>}
      {report && <ReportView report={report} />}
    </section>
  );
}
