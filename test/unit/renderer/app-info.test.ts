import { describe, expect, it } from 'vitest';
import { createStewardStore } from '../../../src-renderer/store';
import { FakeMain, SAMPLE_APP_INFO } from '../../support/renderer/fakes';

function setup() {
  const main = new FakeMain();
  const store = createStewardStore(main.client);
  return { main, store };
}

describe('app info (Settings › About)', () => {
  it('has nothing to show before it is asked for', () => {
    const { store } = setup();
    expect(store.getState().appInfoStatus).toBe('idle');
    expect(store.getState().appInfo).toBeNull();
    expect(store.getState().appInfoError).toBeNull();
  });

  it('goes from loading to ready with the details main sent', async () => {
    const { main, store } = setup();

    const loading = store.getState().loadAppInfo();
    expect(store.getState().appInfoStatus).toBe('loading');
    expect(store.getState().appInfo).toBeNull();

    await loading;
    expect(store.getState().appInfoStatus).toBe('ready');
    expect(store.getState().appInfo).toEqual(SAMPLE_APP_INFO);
    expect(store.getState().appInfoError).toBeNull();
    expect(main.requests).toEqual(['app.info']);
  });

  it("shows main's code and message when main fails, next to the details rather than in the global list", async () => {
    const { main, store } = setup();
    main.failWith('app.info', { code: 'INTERNAL', message: 'Main could not read its own version.' });

    await store.getState().loadAppInfo();

    expect(store.getState().appInfoStatus).toBe('error');
    expect(store.getState().appInfo).toBeNull();
    expect(store.getState().appInfoError).toEqual({ code: 'INTERNAL', message: 'Main could not read its own version.' });
    expect(store.getState().errors).toEqual([]);
  });

  it('reports an unexpected failure in the renderer with a readable message', async () => {
    const { main, store } = setup();
    main.failWith('app.info', new TypeError('Cannot read the answer'));

    await store.getState().loadAppInfo();

    expect(store.getState().appInfoStatus).toBe('error');
    expect(store.getState().appInfoError).toEqual({ code: 'RENDERER_ERROR', message: 'Cannot read the answer' });
  });

  it('reports a missing bridge (page opened without main)', async () => {
    const { main, store } = setup();
    main.bridgeMissing = true;

    await store.getState().loadAppInfo();

    expect(store.getState().appInfoStatus).toBe('error');
    expect(store.getState().appInfoError?.code).toBe('NO_BRIDGE');
    expect(store.getState().appInfoError?.message).toMatch(/could not reach its main process/);
  });

  it('"Try again" clears the error while loading and shows the details once main answers', async () => {
    const { main, store } = setup();
    main.failWith('app.info', { code: 'INTERNAL', message: 'Temporary failure.' });
    await store.getState().loadAppInfo();
    main.recover('app.info');

    const retry = store.getState().loadAppInfo();
    expect(store.getState().appInfoStatus).toBe('loading');
    expect(store.getState().appInfoError).toBeNull();

    await retry;
    expect(store.getState().appInfoStatus).toBe('ready');
    expect(store.getState().appInfo).toEqual(SAMPLE_APP_INFO);
  });

  it('asks main only once when loading is requested again while a request is in flight', async () => {
    const { main, store } = setup();
    await Promise.all([store.getState().loadAppInfo(), store.getState().loadAppInfo()]);
    expect(main.requests).toEqual(['app.info']);
    expect(store.getState().appInfo).toEqual(SAMPLE_APP_INFO);
  });
});
