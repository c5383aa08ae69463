/**
 * The page asks main for an export or a cleanup run in the language it shows: the bundle's
 * offline viewer and the cleanup receipt then speak the user's language. The request is
 * checked at the bridge, where main would receive it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StewardApi } from '../../../shared/ipc/api';
import { i18n } from '../../../src-renderer/i18n';
import { api } from '../../../src-renderer/lib/api';

const requests: Array<{ channel: string; request: Record<string, unknown> }> = [];
const started = (channel: string) => (request: Record<string, unknown>) => {
  requests.push({ channel, request });
  return Promise.resolve({ ok: true, value: { jobId: 'job-1' } });
};
const bridge = { export: { start: started('export:start') }, cleanup: { run: started('cleanup:run') } } as unknown as StewardApi;

beforeAll(() => {
  Object.defineProperty(globalThis, 'window', { value: { steward: bridge }, configurable: true });
});
afterAll(() => {
  Reflect.deleteProperty(globalThis, 'window');
});
afterEach(async () => {
  requests.length = 0;
  await i18n.changeLanguage('en');
});

describe('the renderer sends its language', () => {
  it('with every export it starts', async () => {
    await api.export.start({ folderId: 'folder-1', categories: ['projects'] });
    await i18n.changeLanguage('zh-TW');
    await api.export.start({ folderId: 'folder-1', categories: ['projects'], zip: true });
    expect(requests).toEqual([
      { channel: 'export:start', request: { folderId: 'folder-1', categories: ['projects'], language: 'en' } },
      { channel: 'export:start', request: { folderId: 'folder-1', categories: ['projects'], zip: true, language: 'zh-TW' } },
    ]);
  });

  it('with every cleanup run, for its receipt', async () => {
    await i18n.changeLanguage('zh-TW');
    await api.cleanup.run('plan-1', 'Contoso', { kind: 'waived' });
    expect(requests).toEqual([{ channel: 'cleanup:run', request: { planId: 'plan-1', confirmText: 'Contoso', backup: { kind: 'waived' }, language: 'zh-TW' } }]);
  });
});
