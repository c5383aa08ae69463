/**
 * The transport-neutral half of IPC registration: validate a request against the
 * contract, run the handler, validate its answer, and map failures to `{ code, message }`.
 * Electron's ipcMain registration and the browser harness's WebSocket bridge both call
 * this, so the harness enforces exactly the validation the real app does.
 */
import type { z } from 'zod';
import {
  invokeContract,
  isInvokeChannel,
  type InvokeChannel,
  type RequestOf,
  type ResponseOf,
} from '../../shared/ipc/contract';
import type { IpcError, IpcResult } from '../../shared/ipc/errors';
import { isUserFacingError } from '../errors/app-error';

export type Handler<C extends InvokeChannel> = (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
export type Handlers = { [C in InvokeChannel]: Handler<C> };
export type Dispatch = (channel: unknown, payload: unknown) => Promise<IpcResult<unknown>>;

export interface DispatcherOptions {
  /** Told about unexpected (INTERNAL) failures so they can be logged; never sent to the page. */
  onInternalError?: (channel: string, error: unknown) => void;
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  return async (channel, payload) => {
    if (!isInvokeChannel(channel)) {
      return failure({ code: 'UNKNOWN_CHANNEL', message: `CV Steward has no operation called "${describe(channel)}".` });
    }
    const contract = invokeContract[channel];
    const parsed = contract.request.safeParse(payload ?? {});
    if (!parsed.success) {
      return failure({ code: 'BAD_REQUEST', message: `The request to ${channel} was refused: ${summarise(parsed.error)}` });
    }
    try {
      // The handler table is keyed by channel, so this lookup is type-correct; TypeScript
      // cannot correlate the union here, hence the narrow cast.
      const handler = handlers[channel] as Handler<InvokeChannel>;
      const value: unknown = await handler(parsed.data as RequestOf<InvokeChannel>);
      const checked = contract.response.safeParse(value);
      if (!checked.success) {
        options.onInternalError?.(channel, checked.error);
        return failure({ code: 'INTERNAL', message: `CV Steward produced an invalid answer for ${channel}. This is a bug.` });
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (isUserFacingError(error)) return failure({ code: error.code, message: error.message });
      options.onInternalError?.(channel, error);
      return failure({ code: 'INTERNAL', message: `Something went wrong in CV Steward while running ${channel}.` });
    }
  };
}

function failure(error: IpcError): IpcResult<never> {
  return { ok: false, error };
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value;
  // Channel names come from the page; keep what is echoed back short and printable.
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 60);
}

function summarise(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
