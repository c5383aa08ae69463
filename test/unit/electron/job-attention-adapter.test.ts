/**
 * The OS side of long jobs: the app's windows show the job's progress in the taskbar/dock,
 * a long export ending while the user is elsewhere raises a notification, and clicking it
 * brings the user to the job's page.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { JobRunner } from '../../../src-main/jobs';
import { FakeDesktopWindow, FakeNotification } from '../../support/electron/desktop-fakes';

vi.mock('electron', async () => {
  const fakes = await import('../../support/electron/desktop-fakes');
  return { BrowserWindow: fakes.FakeDesktopWindow, Notification: fakes.FakeNotification };
});

const { attachJobAttention } = await import('../../../src-main/electron/job-attention-adapter');

async function runExport(seconds: number, focusApp = false) {
  let clock = Date.parse('2025-03-01T10:00:00.000Z');
  const runner = new JobRunner({ now: () => new Date(clock), progressIntervalMs: 0 });
  const appWindow = new FakeDesktopWindow();
  const otherWindow = new FakeDesktopWindow();
  FakeDesktopWindow.all = [appWindow, otherWindow];
  if (focusApp) FakeDesktopWindow.focused = appWindow;
  const pages: string[] = [];
  const stop = attachJobAttention({
    jobs: runner,
    language: () => 'en',
    isAppWindow: (window) => window.webContents.id === appWindow.webContents.id,
    onClick: (page) => pages.push(page),
  });
  const finished = new Promise<void>((resolve) => runner.onFinished(() => resolve()));
  runner.start({
    kind: 'export',
    title: 'Export of Contoso',
    categories: ['images'],
    run: async (ctx) => {
      ctx.progress.setTotal('images', 10);
      ctx.progress.advance('images', { items: 5 });
      await vi.waitFor(() => expect(appWindow.progress.at(-1)).toEqual({ value: 0.5, mode: 'normal' }));
      clock += seconds * 1000;
      ctx.progress.advance('images', { items: 5 });
    },
  });
  await finished;
  return { appWindow, otherWindow, pages, stop, runner };
}

describe('job attention in Electron', () => {
  beforeEach(() => {
    FakeNotification.shown = [];
    FakeNotification.supported = true;
    FakeDesktopWindow.focused = null;
  });

  it('shows the progress on the app’s window only, and removes it when the job ends', async () => {
    const { appWindow, otherWindow, stop, runner } = await runExport(1);
    expect(appWindow.progress.at(-1)).toEqual({ value: -1, mode: 'none' });
    expect(otherWindow.progress).toEqual([]);
    stop();
    runner.dispose();
  });

  it('notifies about a long export while the window is in the background; a click opens the Export page', async () => {
    const { pages, stop, runner } = await runExport(45);
    expect(FakeNotification.shown.map((n) => n.options)).toEqual([{ title: 'Export finished', body: '10 items saved in the bundle.' }]);
    FakeNotification.shown[0]?.emit('click');
    expect(pages).toEqual(['export']);
    stop();
    runner.dispose();
  });

  it('does not notify when the app’s window has the focus, or the OS has no notifications', async () => {
    FakeDesktopWindow.focused = new FakeDesktopWindow();
    // A focused window that is not the app's own (e.g. a devtools window) does not count as looking.
    const first = await runExport(45);
    expect(FakeNotification.shown).toHaveLength(1);
    first.stop();
    first.runner.dispose();

    FakeNotification.shown = [];
    const looking = await runExport(45, true);
    expect(FakeNotification.shown).toEqual([]);
    looking.stop();
    looking.runner.dispose();

    FakeDesktopWindow.focused = null;
    FakeNotification.supported = false;
    const second = await runExport(45);
    expect(FakeNotification.shown).toEqual([]);
    second.stop();
    second.runner.dispose();
  });
});
