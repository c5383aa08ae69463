/** `diagnostics:start`: the system check runs as a real job, so the page shows its progress like any other. */
import { mainText } from '../../shared/model/main-text';
import type { HandlersOf } from '../ipc/handler-sets';
import type { JobRunner } from '../jobs';
import { runSystemCheck, SYSTEM_CHECK_CATEGORIES } from './system-check';

export function diagnosticsHandlers(deps: { jobs: JobRunner; dataDir: string }): HandlersOf<'diagnostics'> {
  return {
    'diagnostics:start': () => {
      const job = deps.jobs.start({
        kind: 'system-check',
        title: 'System check',
        titleText: mainText('systemCheckTitle'),
        categories: [...SYSTEM_CHECK_CATEGORIES],
        run: (ctx) => runSystemCheck(ctx, { dataDir: deps.dataDir }),
      });
      return { jobId: job.id };
    },
  };
}
