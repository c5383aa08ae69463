/**
 * The renderer's api is `window.steward` member for member, answers unwrapped: every
 * contract channel is `api.<domain>.<verb>` and reaches exactly its own channel, failures
 * become ApiErrors with main's code, and a missing bridge throws NO_BRIDGE at the call.
 */
import { describe, expect, it } from 'vitest';
import { apiMembers, buildStewardApi } from '../../../shared/ipc/api';
import type { EventChannel, InvokeChannel } from '../../../shared/ipc/contract';
import { api, ApiError, createApi } from '../../../src-renderer/lib/api';

function recordingApi(answer: (channel: InvokeChannel) => unknown = () => ({ ok: true, value: 'answer' })) {
  const invoked: Array<[InvokeChannel, unknown]> = [];
  const subscribed: EventChannel[] = [];
  const steward = buildStewardApi({
    invoke: (channel, request) => {
      invoked.push([channel, request]);
      return Promise.resolve(answer(channel));
    },
    subscribe: (event) => {
      subscribed.push(event);
      return () => undefined;
    },
  });
  return { client: createApi(() => steward), invoked, subscribed };
}

type Members = Record<string, Record<string, (argument?: unknown) => unknown>>;

describe('the renderer api', () => {
  it('has one member per contract channel and event, with the contract’s names', () => {
    const { client } = recordingApi();
    const names = Object.entries(client).flatMap(([domain, members]) => Object.keys(members as object).map((name) => `${domain}.${name}`));
    expect(names.sort()).toEqual(apiMembers().map((member) => `${member.domain}.${member.name}`).sort());
  });

  it('sends each call, unchanged, on its own channel and unwraps the answer', async () => {
    const { client, invoked, subscribed } = recordingApi();
    const members = client as unknown as Members;
    for (const member of apiMembers()) {
      const fn = members[member.domain]?.[member.name];
      if (member.kind === 'invoke') await expect(fn?.({ marker: member.channel })).resolves.toBe('answer');
      else fn?.(() => undefined);
    }
    expect(invoked).toEqual(apiMembers().filter((m) => m.kind === 'invoke').map((m) => [m.channel, { marker: m.channel }]));
    expect(subscribed).toEqual(apiMembers().filter((m) => m.kind === 'event').map((m) => m.channel));
  });

  it('turns main’s refusal into an ApiError carrying main’s code', async () => {
    const { client } = recordingApi(() => ({ ok: false, error: { code: 'PLAN_NOT_FOUND', message: 'No such plan.' } }));
    const refused = client.cleanup.plans({});
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ code: 'PLAN_NOT_FOUND', message: 'No such plan.' });
  });

  it('throws NO_BRIDGE at the call when the page has no bridge', () => {
    // A page opened without the preload: a window with no `steward`.
    Object.defineProperty(globalThis, 'window', { value: {}, configurable: true });
    try {
      expect(() => api.jobs.list()).toThrow(ApiError);
      expect(() => api.app.info()).toThrow(expect.objectContaining({ code: 'NO_BRIDGE' }));
    } finally {
      Reflect.deleteProperty(globalThis, 'window');
    }
  });
});
