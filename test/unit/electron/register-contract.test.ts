/**
 * Sender validation on every channel, not just one (Electron security checklist:
 * validate the sender of all IPC messages). The dispatcher behind it is a recorder, so
 * "refused" means no service could have run.
 */
import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS } from '../../../shared/ipc/contract';
import { registerContract } from '../../../src-main/electron/register-contract';
import { APP_ENTRY_URL, isTrustedSender } from '../../../src-main/electron/trusted-sender';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

function registered() {
  const handlers = new Map<string, Handler>();
  const dispatched: string[] = [];
  const refused: string[] = [];
  registerContract({
    ipcMain: { handle: (channel: string, fn: Handler) => void handlers.set(channel, fn), removeHandler: (channel: string) => void handlers.delete(channel) },
    dispatch: async (channel) => {
      dispatched.push(String(channel));
      return { ok: true, value: 'ran' };
    },
    isTrusted: (facts) => isTrustedSender(facts, new Set([1])),
    onRefused: (channel) => refused.push(channel),
  });
  const call = (channel: string, event: unknown) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`${channel} has no handler`);
    return handler(event as IpcMainInvokeEvent, {});
  };
  return { call, dispatched, refused };
}

const own = { sender: { id: 1 }, senderFrame: { url: APP_ENTRY_URL, parent: null } };
const foreign = {
  'another window': { sender: { id: 2 }, senderFrame: { url: APP_ENTRY_URL, parent: null } },
  'an iframe in our window': { sender: { id: 1 }, senderFrame: { url: APP_ENTRY_URL, parent: {} } },
  'our window after navigating away': { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null } },
  'a destroyed frame': { sender: { id: 1 }, senderFrame: null },
};

describe('every IPC channel checks who is calling', () => {
  it.each(INVOKE_CHANNELS)('%s refuses foreign senders before any service runs', async (channel) => {
    const { call, dispatched, refused } = registered();
    for (const event of Object.values(foreign)) {
      await expect(call(channel, event)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
    expect(dispatched).toEqual([]);
    expect(refused).toEqual(Object.values(foreign).map(() => channel));
  });

  it.each(INVOKE_CHANNELS)('%s answers the app’s own main frame', async (channel) => {
    const { call, dispatched } = registered();
    await expect(call(channel, own)).resolves.toEqual({ ok: true, value: 'ran' });
    expect(dispatched).toEqual([channel]);
  });
});
