// @vitest-environment happy-dom
/**
 * The export job panel: its state in words, the overall bar and one bar per kind of data,
 * Pause/Resume/Cancel enabled by what the job can do now (and all waiting while a request
 * is out), and once it has ended the outcome instead of the controls: Verify for a finished
 * bundle, main's error for a failed one.
 */
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../../../shared/model/job';
import { ExportJob } from '../../../../src-renderer/components/export-job';
import { JobControls } from '../../../../src-renderer/components/job-controls';
import { JobStatus } from '../../../../src-renderer/components/job-status';
import { i18n } from '../../../../src-renderer/i18n';
import { createStewardStore, useStewardStore } from '../../../../src-renderer/store';
import { componentTestLifecycle, showStore, update } from '../../../support/renderer/show-store';
import { FakeMain, jobSnapshot } from '../../../support/renderer/fakes';

const FOLDER = { folderId: 'folder-1', displayPath: '/home/me/Custom Vision bundle' };
componentTestLifecycle();

function exportJob(overrides: Partial<JobSnapshot> = {}): JobSnapshot {
  return jobSnapshot({
    id: 'export-1',
    kind: 'export',
    title: 'Export of contoso-vision',
    categories: [
      { category: 'projects', done: 1, total: 1, bytesDone: 2_000, bytesTotal: 2_000, errors: 0 },
      { category: 'images', done: 3, total: 10, bytesDone: 3_000, bytesTotal: 10_000, errors: 0 },
    ],
    ...overrides,
  });
}

/** Main knows the job; the panel shows it as the store has it, as the Export page does. */
async function setup(job: JobSnapshot) {
  const main = new FakeMain();
  main.jobs = [job];
  const store = createStewardStore(main.client);
  await store.getState().loadJobs();
  showStore(store);
  render(<ShownJob id={job.id} />);
  return { main, store };
}

function ShownJob({ id }: { id: string }) {
  const job = useStewardStore((state) => state.jobsById[id]);
  return job ? <ExportJob job={job} /> : null;
}

const controls = () => screen.getByRole('group', { name: 'Export controls' });
const button = (name: string) => within(controls()).getByRole('button', { name }) as HTMLButtonElement;
const enabled = () => ['Pause', 'Resume', 'Cancel'].filter((name) => !button(name).disabled);

describe('ExportJob while it runs', () => {
  it('says it runs, fills the overall bar by bytes and shows one bar per kind of data', async () => {
    await setup(exportJob());

    expect(screen.getByRole('heading', { name: 'Export of contoso-vision' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Status: Running');
    const overall = screen.getByRole('progressbar', { name: 'Overall export progress' });
    expect([overall.getAttribute('value'), overall.getAttribute('max')]).toEqual(['5000', '12000']);
    const images = screen.getByRole('progressbar', { name: 'Images: export progress' });
    expect([images.getAttribute('value'), images.getAttribute('max')]).toEqual(['3', '10']);
    expect(enabled()).toEqual(['Pause', 'Cancel']);
    expect(screen.getByText(/Cancelling keeps what was saved/)).toBeTruthy();
  });

  it('pauses when asked: the status says so and only Resume and Cancel are left', async () => {
    await setup(exportJob());

    await userEvent.click(button('Pause'));

    expect((await screen.findByRole('status')).textContent).toBe('Status: Paused');
    expect(enabled()).toEqual(['Resume', 'Cancel']);
  });

  it('lets every button wait while a request for the job is out', async () => {
    const { store } = await setup(exportJob());
    update(store, { pendingJobActions: { 'export-1': 'cancel' } });
    expect(enabled()).toEqual([]);
  });

  it('speaks Traditional Chinese when the page does', async () => {
    await setup(exportJob());
    await i18n.changeLanguage('zh-TW');
    expect((await screen.findByRole('status')).textContent).toBe('狀態：執行中');
    const zhControls = screen.getByRole('group', { name: '匯出控制項' });
    expect(within(zhControls).getAllByRole('button').map((b) => b.textContent)).toEqual(['暫停', '繼續', '取消']);
  });
});

describe('ExportJob once it has ended', () => {
  it('shows main’s summary and a full bar, offers Verify for the folder, and no controls', async () => {
    const { main, store } = await setup(exportJob({ state: 'succeeded', summary: 'Saved 10 images.' }));
    update(store, { exportFolder: FOLDER });

    expect(screen.getByRole('status').textContent).toBe('Status: Finished');
    expect(screen.getByText('Saved 10 images.')).toBeTruthy();
    const overall = screen.getByRole('progressbar', { name: 'Overall export progress' });
    expect([overall.getAttribute('value'), overall.getAttribute('max')]).toEqual(['1', '1']);
    expect(screen.queryByRole('group', { name: 'Export controls' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Verify this bundle' }));
    expect(main.bundles.verifiedFolderIds).toEqual(['folder-1']);
  });

  it('shows why it failed (main’s code and words) and how to resume', async () => {
    await setup(exportJob({ state: 'failed', error: { code: 'DISK_FULL', message: 'The disk is full.' } }));

    expect(screen.getByRole('status').textContent).toBe('Status: Failed');
    expect(screen.getByText('DISK_FULL').parentElement?.textContent).toContain('The disk is full.');
    expect(screen.getByText(/To resume, press “Start export” again/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Verify this bundle' })).toBeNull();
  });
});

describe('JobControls and JobStatus on their own', () => {
  it('offer Resume for a paused job and name the group as told', async () => {
    const main = new FakeMain();
    showStore(createStewardStore(main.client));
    const paused = jobSnapshot({ id: 'job-9', state: 'paused' });
    render(
      <>
        <JobStatus job={paused} />
        <JobControls job={paused} label="Controls of job 9" />
      </>,
    );
    expect(screen.getByRole('status').textContent).toBe('Status: Paused');
    const group = screen.getByRole('group', { name: 'Controls of job 9' });
    const disabled = within(group)
      .getAllByRole('button')
      .map((b) => [b.textContent, (b as HTMLButtonElement).disabled]);
    expect(disabled).toEqual([
      ['Pause', true],
      ['Resume', false],
      ['Cancel', false],
    ]);
  });
});
