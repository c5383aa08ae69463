/**
 * The renderer-isolation probes, run in the page: through the harness
 * (test/e2e/renderer-isolation.spec.ts) and in the real Electron app
 * (test/e2e-electron/app.spec.ts), so both check exactly the same things.
 */
import type { Page } from '@playwright/test';
import { apiMembers } from '../../shared/ipc/api';

/** `window.steward` as the contract defines it: domain → sorted member names. */
export function contractShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  for (const member of apiMembers()) (shape[member.domain] ??= []).push(member.name);
  for (const names of Object.values(shape)) names.sort();
  return shape;
}

export function probeGlobals(page: Page) {
  return page.evaluate(() => {
    const scope = globalThis as unknown as Record<string, unknown>;
    const names = ['require', 'process', 'module', 'exports', 'global', 'Buffer', '__dirname', 'ipcRenderer', 'electron'];
    return Object.fromEntries(names.map((name) => [name, typeof scope[name]]));
  });
}

export function probeSteward(page: Page) {
  return page.evaluate(() => {
    const steward = (window as unknown as { steward: Record<string, Record<string, unknown>> }).steward;
    return {
      frozen: Object.isFrozen(steward),
      domains: Object.fromEntries(
        Object.keys(steward).map((domain) => {
          const api = steward[domain] ?? {};
          return [domain, { frozen: Object.isFrozen(api), members: Object.keys(api).sort(), kinds: [...new Set(Object.values(api).map((value) => typeof value))] }];
        }),
      ),
    };
  });
}

export function tryUnlistedChannels(page: Page) {
  return page.evaluate(async () => {
    type Fn = (...args: unknown[]) => unknown;
    const steward = (window as unknown as { steward: Record<string, Record<string, Fn>> }).steward;
    const app = steward.app as Record<string, Fn> & { info: Fn };
    const jobs = steward.jobs as Record<string, Fn> & { cancel: Fn; onProgress: Fn };
    const refused = (attempt: () => unknown) => {
      try {
        attempt();
        return 'accepted';
      } catch {
        return 'refused';
      }
    };
    return {
      addDomain: Reflect.set(steward, 'secrets', { read: () => 'key' }),
      defineDomain: refused(() => Object.defineProperty(steward, 'secrets', { value: {} })),
      replaceFunction: Reflect.set(app, 'info', () => 'hijacked'),
      secretsAfterwards: typeof (steward as Record<string, unknown>).secrets,
      // The channel is fixed inside each function; a channel in the payload or as `this` changes nothing.
      channelInPayload: await app.info({ channel: 'accounts:forget', accountId: 'a' }),
      channelAsPayload: await jobs.cancel('accounts:forget'),
      channelAsThis: await app.info.call({ channel: 'accounts:forget' }),
      subscribeWithChannel: refused(() => jobs.onProgress('accounts:forget')),
      functionProperties: Object.keys(app.info),
    };
  });
}
