/**
 * The only caller of `ipcMain.handle` (docs/architecture.md, "The IPC contract"): registers
 * one handler per contract channel, refuses any sender that is not the app's own main
 * frame, and hands the rest to the transport-neutral dispatcher, which validates the
 * payload and maps errors.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/errors';
import type { Dispatch } from '../ipc/dispatcher';
import type { SenderFacts } from './trusted-sender';

export interface RegisterContractOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatch: Dispatch;
  isTrusted: (facts: SenderFacts) => boolean;
  /** Told about refused senders so the shell can log them. */
  onRefused?: (channel: string, facts: SenderFacts) => void;
}

export function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url,
    isMainFrame: frame !== null && frame !== undefined && frame.parent === null,
  };
}

const FORBIDDEN: IpcResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: 'This request did not come from CV Steward’s own window and was refused.' },
};

/** Returns a function that removes every handler again (used on shutdown and in tests). */
export function registerContract(options: RegisterContractOptions): () => void {
  for (const channel of INVOKE_CHANNELS) {
    options.ipcMain.handle(channel, async (event, payload: unknown) => {
      const facts = senderFacts(event);
      if (!options.isTrusted(facts)) {
        options.onRefused?.(channel, facts);
        return FORBIDDEN;
      }
      return options.dispatch(channel, payload);
    });
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) options.ipcMain.removeHandler(channel);
  };
}
