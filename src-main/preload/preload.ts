/**
 * The sandboxed preload (contextIsolation on, sandbox on, nodeIntegration off). It
 * exposes `window.steward`, built from the IPC contract, and nothing else: no
 * ipcRenderer, no channel strings chosen by the page, no Electron event objects.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildStewardApi } from '../../shared/ipc/api';

const steward = buildStewardApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  subscribe: (event, listener) => {
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
});

contextBridge.exposeInMainWorld('steward', steward);
