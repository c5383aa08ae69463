import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../../src-main/ipc/dispatcher';
import { AppError } from '../../../src-main/errors/app-error';
import { createTestServices } from '../../support/test-services';

const appInfo = { name: 'CV Steward', version: '1.2.3', platform: 'linux', arch: 'x64', runtime: 'harness' as const, versions: { node: '20' } };

function dispatcherWith(overrides: Partial<Handlers>, onInternalError = vi.fn()) {
  const { handlers, dispose } = createTestServices({ appInfo });
  return { dispatch: createDispatcher({ ...handlers, ...overrides } as Handlers, { onInternalError }), dispose, onInternalError };
}

describe('dispatcher', () => {
  it('refuses an unknown channel by name without echoing unprintable text', async () => {
    const { dispatch, dispose } = dispatcherWith({});
    const result = await dispatch('secrets:dump\u0007', {});
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'CV Steward has no operation called "secrets:dump?".' } });
    expect(await dispatch(Object.prototype, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    await dispose();
  });

  it('shows the user the code and message of an expected failure', async () => {
    const { dispatch, dispose } = dispatcherWith({
      'jobs:cancel': () => {
        throw new AppError('NOT_FOUND', 'There is no job job-9.');
      },
    });
    expect(await dispatch('jobs:cancel', { jobId: 'job-9' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no job job-9.' } });
    await dispose();
  });

  it('hides the internals of an unexpected failure but reports it for the log', async () => {
    const { dispatch, dispose, onInternalError } = dispatcherWith({
      'app:info': () => {
        throw new TypeError('Cannot read properties of undefined (reading "secretThing")');
      },
    });
    const result = await dispatch('app:info', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong in CV Steward while running app:info.' } });
    expect(onInternalError).toHaveBeenCalledOnce();
    await dispose();
  });

  it('never sends an answer that breaks the contract', async () => {
    const { dispatch, dispose } = dispatcherWith({ 'app:info': () => ({ name: 'x' }) as never });
    expect(await dispatch('app:info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    await dispose();
  });

  it('treats a missing payload as an empty request', async () => {
    const { dispatch, dispose } = dispatcherWith({});
    expect(await dispatch('app:info', undefined)).toEqual({ ok: true, value: appInfo });
    await dispose();
  });
});
