/**
 * Composition root (DESIGN §2): builds every service from its adapters and returns the
 * contract's handlers. The Electron shell, the CLI and the browser harness all call this,
 * so nothing important lives only inside Electron.
 */
import type { AppInfo } from '../shared/model/app-info';
import { createEventBus, type EventBus } from './ipc/event-bus';
import type { Handlers } from './ipc/dispatcher';
import { JobRunner } from './jobs';
import { runSystemCheck, SYSTEM_CHECK_CATEGORIES } from './diagnostics/system-check';

export interface ServicesOptions {
  /** Folder for this app's own data (settings, journals); Electron's userData in the app. */
  dataDir: string;
  /** Facts about the running process; the shell knows whether it is Electron or Node. */
  appInfo: AppInfo;
  /** Unexpected failures go here (the shell logs them); they never reach the page as-is. */
  reportError?: (context: string, error: unknown) => void;
}

export interface Services {
  handlers: Handlers;
  events: EventBus;
  jobs: JobRunner;
  dispose(): void;
}

export function createServices(options: ServicesOptions): Services {
  const report = options.reportError ?? (() => undefined);
  const events = createEventBus((event, error) => report(`event ${event}`, error));
  const jobs = new JobRunner();
  const unsubscribe = [
    jobs.onProgress((snapshot) => events.emit('jobs:progress', snapshot)),
    jobs.onFinished((snapshot) => events.emit('jobs:finished', snapshot)),
  ];

  const handlers: Handlers = {
    'app:info': () => options.appInfo,
    'jobs:list': () => jobs.list(),
    'jobs:cancel': ({ jobId }) => jobs.cancel(jobId),
    'jobs:pause': ({ jobId }) => jobs.pause(jobId),
    'jobs:resume': ({ jobId }) => jobs.resume(jobId),
    'jobs:clearFinished': () => ({ removed: jobs.clearFinished() }),
    'diagnostics:start': () => {
      const job = jobs.start({
        kind: 'system-check',
        title: 'System check',
        categories: [...SYSTEM_CHECK_CATEGORIES],
        run: (ctx) => runSystemCheck(ctx, { dataDir: options.dataDir }),
      });
      return { jobId: job.id };
    },
  };

  return {
    handlers,
    events,
    jobs,
    dispose() {
      for (const stop of unsubscribe) stop();
      jobs.dispose();
    },
  };
}
