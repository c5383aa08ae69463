import { Trans } from 'react-i18next';
import type { JobSnapshot } from '../../shared/model/job';
import { jobStateLabel } from '../lib/job-state';

/** "Status: Running", the state styled by its class; announced as it changes. */
export function JobStatus({ job }: { job: JobSnapshot }) {
  return (
    <p className="job-state" role="status">
      <Trans
        i18nKey="jobs.status"
        values={{ label: jobStateLabel(job.state) }}
        components={{ state: <strong className={`state state-${job.state}`} /> }}
      />
    </p>
  );
}
