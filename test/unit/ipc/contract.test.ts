/**
 * The contract test (docs/architecture.md): every channel has a schema, a handler in main and a
 * function on window.steward; a malformed payload and a foreign sender are refused
 * before any service runs.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { IpcMainInvokeEvent } from 'electron';
import { EVENT_CHANNELS, INVOKE_CHANNELS, eventContract, invokeContract } from '../../../shared/ipc/contract';
import { apiMembers } from '../../../shared/ipc/api';
import { createTestServices, TEST_APP_INFO } from '../../support/test-services';
import { createDispatcher, type Handlers } from '../../../src-main/ipc/dispatcher';
import { registerContract } from '../../../src-main/electron/register-contract';
import { APP_ENTRY_URL, isTrustedSender } from '../../../src-main/electron/trusted-sender';

// The preload is loaded for real with a stand-in for Electron's two bridge objects.
const exposed: Record<string, unknown> = {};
const rendererListeners = new Map<string, Set<(...args: unknown[]) => void>>();
const invokeCalls: Array<[string, unknown]> = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke: (channel: string, payload: unknown) => {
      invokeCalls.push([channel, payload]);
      return Promise.resolve({ ok: true, value: 'answer' });
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      const set = rendererListeners.get(channel) ?? new Set();
      set.add(listener);
      rendererListeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => rendererListeners.get(channel)?.delete(listener),
  },
}));

const appInfo = TEST_APP_INFO;

function services() {
  return createTestServices();
}

describe('the IPC contract', () => {
  it('names every channel domain:verb and gives each a zod schema', () => {
    expect(INVOKE_CHANNELS.length).toBeGreaterThan(0);
    for (const channel of INVOKE_CHANNELS) {
      expect(channel).toMatch(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/);
      expect(invokeContract[channel].request).toBeInstanceOf(z.ZodType);
      expect(invokeContract[channel].response).toBeInstanceOf(z.ZodType);
    }
    for (const event of EVENT_CHANNELS) {
      expect(event).toMatch(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/);
      expect(eventContract[event]).toBeInstanceOf(z.ZodType);
    }
  });

  it('has a handler in main for every invoke channel, and no handler without a channel', async () => {
    const { handlers, dispose } = services();
    expect(Object.keys(handlers).sort()).toEqual([...INVOKE_CHANNELS].sort());
    for (const channel of INVOKE_CHANNELS) expect(typeof handlers[channel]).toBe('function');
    await dispose();
  });

  describe('the preload', () => {
    beforeEach(async () => {
      vi.resetModules();
      invokeCalls.length = 0;
      rendererListeners.clear();
      await import('../../../src-main/preload/preload');
    });

    it('exposes window.steward with one function per channel and event, grouped by domain', () => {
      const steward = exposed.steward as Record<string, Record<string, unknown>>;
      expect(steward).toBeDefined();
      for (const member of apiMembers()) expect(typeof steward[member.domain]?.[member.name]).toBe('function');
      const exposedNames = Object.entries(steward).flatMap(([domain, fns]) => Object.keys(fns).map((name) => `${domain}.${name}`));
      expect(exposedNames.sort()).toEqual(apiMembers().map((m) => `${m.domain}.${m.name}`).sort());
    });

    it('sends each call on its own channel and exposes no raw IPC', async () => {
      const steward = exposed.steward as { jobs: { cancel(r: unknown): Promise<unknown> }; app: { info(): Promise<unknown> } };
      await expect(steward.jobs.cancel({ jobId: 'j1' })).resolves.toEqual({ ok: true, value: 'answer' });
      await steward.app.info();
      expect(invokeCalls).toEqual([
        ['jobs:cancel', { jobId: 'j1' }],
        ['app:info', {}],
      ]);
      expect(JSON.stringify(Object.keys(exposed.steward as object))).not.toMatch(/ipc|invoke|send/i);
    });

    it('passes only the payload to subscribers, never the Electron event, and unsubscribes', () => {
      const steward = exposed.steward as { jobs: { onProgress(l: (p: unknown) => void): () => void } };
      const received: unknown[] = [];
      const unsubscribe = steward.jobs.onProgress((payload) => received.push(payload));
      const [listener] = rendererListeners.get('jobs:progress') ?? [];
      listener?.({ sender: 'electron-event-object' }, { id: 'job-1' });
      expect(received).toEqual([{ id: 'job-1' }]);
      unsubscribe();
      expect(rendererListeners.get('jobs:progress')?.size).toBe(0);
    });
  });
});

describe('registering the contract in main', () => {
  const trusted = new Set([7]);
  const ownFrame = { sender: { id: 7 }, senderFrame: { url: APP_ENTRY_URL, parent: null } };

  function register(handlers: Partial<Handlers>) {
    const registered = new Map<string, (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: (channel: string, fn: (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>) => registered.set(channel, fn),
      removeHandler: (channel: string) => registered.delete(channel),
    };
    const refused: string[] = [];
    const { handlers: real, dispose } = services();
    const remove = registerContract({
      ipcMain: ipcMain as never,
      dispatch: createDispatcher({ ...real, ...handlers } as Handlers),
      isTrusted: (facts) => isTrustedSender(facts, trusted),
      onRefused: (channel) => refused.push(channel),
    });
    const call = (channel: string, event: unknown, payload: unknown) => {
      const handler = registered.get(channel);
      if (!handler) throw new Error(`no handler registered for ${channel}`);
      return handler(event as IpcMainInvokeEvent, payload);
    };
    return { registered, refused, call, remove, dispose };
  }

  it('registers exactly the contract channels and removes them again', async () => {
    const { registered, remove, dispose } = register({});
    expect([...registered.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    remove();
    expect(registered.size).toBe(0);
    await dispose();
  });

  it('answers the app’s own main frame', async () => {
    const { call, dispose } = register({});
    const result = await call('app:info', ownFrame, {});
    expect(result).toEqual({ ok: true, value: appInfo });
    await dispose();
  });

  it('refuses a malformed payload with BAD_REQUEST and runs nothing', async () => {
    const cancel = vi.fn();
    const { call, dispose } = register({ 'jobs:cancel': cancel });
    for (const payload of [{ jobId: 42 }, { jobId: '' }, 'job-1', { jobId: 'a', extra: true }, null]) {
      const result = (await call('jobs:cancel', ownFrame, payload)) as { ok: boolean; error?: { code: string; message: string } };
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('BAD_REQUEST');
      expect(result.error?.message).toContain('jobs:cancel');
    }
    expect(cancel).not.toHaveBeenCalled();
    await dispose();
  });

  it('refuses foreign senders with FORBIDDEN_SENDER and runs nothing', async () => {
    const start = vi.fn();
    const { call, refused, dispose } = register({ 'diagnostics:start': start });
    const foreign = [
      { sender: { id: 99 }, senderFrame: { url: APP_ENTRY_URL, parent: null } }, // a window we did not create
      { sender: { id: 7 }, senderFrame: { url: APP_ENTRY_URL, parent: {} } }, // an iframe inside our window
      { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/index.html', parent: null } }, // navigated away
      { sender: { id: 7 }, senderFrame: { url: 'file:///etc/passwd', parent: null } },
      { sender: { id: 7 }, senderFrame: null }, // frame already destroyed
    ];
    for (const event of foreign) {
      const result = (await call('diagnostics:start', event, {})) as { ok: boolean; error?: { code: string } };
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
    expect(start).not.toHaveBeenCalled();
    expect(refused).toHaveLength(foreign.length);
    await dispose();
  });
});
