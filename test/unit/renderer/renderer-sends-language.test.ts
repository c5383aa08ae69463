/**
 * The page asks main for an export or a cleanup run in the language it shows: the bundle's
 * offline viewer and the cleanup receipt then speak the user's language. The request is
 * checked at the bridge, where main would receive it, after the store built it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../src-renderer/i18n';
import { createStewardStore } from '../../../src-renderer/store';
import { FakeMain } from '../../support/renderer/fakes';
import { planSummary } from '../../support/renderer/fake-cleanup';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

function setup() {
  const main = new FakeMain();
  const store = createStewardStore(main.client);
  const sent = (channel: string) => main.received.filter((entry) => entry.channel === channel).map((entry) => entry.request);
  return { main, store, sent };
}

describe('the renderer sends its language', () => {
  it('with every export it starts', async () => {
    const { store, sent } = setup();
    store.setState({ exportFolder: { folderId: 'folder-1', displayPath: '/home/me/bundle' }, exportCategories: ['projects'] });
    expect(await store.getState().startExport()).toBe(true);
    await i18n.changeLanguage('zh-TW');
    store.setState({ exportZip: true });
    expect(await store.getState().startExport()).toBe(true);
    expect(sent('export:start')).toEqual([
      { folderId: 'folder-1', categories: ['projects'], zip: false, language: 'en' },
      { folderId: 'folder-1', categories: ['projects'], zip: true, language: 'zh-TW' },
    ]);
  });

  it('with every cleanup run, for its receipt', async () => {
    const { main, store, sent } = setup();
    const plan = planSummary({ planId: 'plan-1', confirmText: 'Contoso' });
    main.cleanup.plans.set('plan-1', plan);
    store.setState({ cleanupPlanId: 'plan-1', cleanupPlan: plan, cleanupConfirmInput: 'Contoso', cleanupWaived: true });
    await i18n.changeLanguage('zh-TW');
    expect(await store.getState().runCleanupPlan()).toBe(true);
    expect(sent('cleanup:run')).toEqual([{ planId: 'plan-1', confirmText: 'Contoso', backup: { kind: 'waived' }, language: 'zh-TW' }]);
  });
});
