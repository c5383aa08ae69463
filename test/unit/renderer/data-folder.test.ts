/** Settings › Data folder, seen from the page: it asks main to open the folder and names no path. */
import { describe, expect, it } from 'vitest';
import { createStewardStore } from '../../../src-renderer/store';
import { FakeMain } from '../../support/renderer/fakes';

describe('opening the data folder from Settings', () => {
  it('asks main, with nothing but the request', async () => {
    const main = new FakeMain();
    const store = createStewardStore(main.client);
    await store.getState().openDataFolder();
    expect(main.received).toEqual([{ channel: 'app:openDataFolder', request: {} }]);
    expect(main.requests).toEqual(['app.openDataFolder']);
    expect(store.getState().errors).toEqual([]);
  });

  it('shows main’s refusal on the error surface', async () => {
    const main = new FakeMain();
    const store = createStewardStore(main.client);
    main.failWith('app.openDataFolder', { code: 'NOT_SUPPORTED', message: 'CV Steward cannot open a file manager from here. Its data folder is /data' });
    await store.getState().openDataFolder();
    expect(store.getState().errors).toMatchObject([{ code: 'NOT_SUPPORTED', message: 'CV Steward cannot open a file manager from here. Its data folder is /data' }]);
  });
});
