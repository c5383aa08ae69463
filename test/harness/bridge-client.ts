/**
 * Runs in the page served by the harness, before the app's own script, and defines
 * `window.steward` with exactly the preload's interface (both come from
 * buildStewardApi) — only the transport is a WebSocket instead of Electron IPC.
 */
import { buildStewardApi } from '../../shared/ipc/api';
import type { EventChannel } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/errors';
import { HARNESS_WS_PATH, type ServerMessage } from './bridge-protocol';

const socket = new WebSocket(`ws://${location.host}${HARNESS_WS_PATH}`);
const pending = new Map<number, (result: unknown) => void>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
const outbox: string[] = [];
let nextId = 1;

const disconnected: IpcResult<never> = {
  ok: false,
  error: { code: 'NO_BRIDGE', message: 'The connection to the CV Steward harness was lost. Restart `npm run web` and reload.' },
};

socket.addEventListener('open', () => {
  for (const message of outbox.splice(0)) socket.send(message);
});
socket.addEventListener('close', () => {
  for (const resolve of pending.values()) resolve(disconnected);
  pending.clear();
});
socket.addEventListener('message', (message: MessageEvent<string>) => {
  const data = JSON.parse(message.data) as ServerMessage;
  if (data.kind === 'result') {
    pending.get(data.id)?.(data.result);
    pending.delete(data.id);
  } else {
    for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
  }
});

const steward = buildStewardApi({
  invoke(channel, request) {
    return new Promise((resolve) => {
      if (socket.readyState > WebSocket.OPEN) return resolve(disconnected);
      const id = nextId++;
      pending.set(id, resolve);
      const message = JSON.stringify({ id, channel, payload: request });
      if (socket.readyState === WebSocket.OPEN) socket.send(message);
      else outbox.push(message);
    });
  },
  subscribe(event: EventChannel, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const wrapped = (payload: unknown) => listener(payload);
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  },
});

Object.defineProperty(window, 'steward', { value: steward, writable: false, configurable: false });
