/**
 * Child process for resume-kill.test.ts: CV Steward's services on CV_DATA_DIR, with the
 * demo account standing in for the parent's emulator, start an export of one project (CV_PROJECT_ID) into
 * CV_BUNDLE_FOLDER and keep running until the parent kills the process with SIGKILL.
 * Endpoint and key come from the environment (never the command line).
 */
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { createTestServices } from '../test-services';

async function main(): Promise<void> {
  const endpoint = process.env.CV_EMU_ENDPOINT ?? '';
  const key = process.env.CV_EMU_KEY ?? '';
  const folder = process.env.CV_BUNDLE_FOLDER ?? '';
  const services = createTestServices({
    dataDir: process.env.CV_DATA_DIR ?? '',
    demo: { start: async () => ({ endpoint, key }), stop: async () => undefined },
    pickFolder: async () => folder,
  });
  const dispatch = createDispatcher(services.handlers);
  await services.accounts.startDemo();
  const chosen = (await dispatch('export:chooseFolder', {})) as { ok: boolean; value?: { folderId: string } };
  const started = await dispatch('export:start', {
    folderId: chosen.value?.folderId,
    projectIds: [process.env.CV_PROJECT_ID ?? ''],
    categories: ['projects', 'tags', 'images'],
  });
  process.stdout.write(`${JSON.stringify(started)}\n`);
  // Keep the process (and the export) alive until the parent kills it.
  setInterval(() => undefined, 1_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
