/**
 * The error shape that crosses the process boundary. Anything thrown in main is mapped to
 * this before it reaches the renderer, so the page can show a specific message without
 * ever seeing a stack trace or an internal object.
 */
import { z } from 'zod';

export const IPC_ERROR_CODES = [
  /** The renderer asked for a channel the contract does not have. */
  'UNKNOWN_CHANNEL',
  /** The payload failed the channel's request schema; nothing was done. */
  'BAD_REQUEST',
  /** The message came from a frame or origin that is not the app's own main frame. */
  'FORBIDDEN_SENDER',
  /** The thing asked for does not exist (e.g. an unknown job id). */
  'NOT_FOUND',
  /** The request is well-formed but not allowed in the current state. */
  'INVALID_STATE',
  /** An unexpected failure inside main. */
  'INTERNAL',
] as const;

export const IpcErrorSchema = z.object({
  /** One of IPC_ERROR_CODES, or a domain code such as `WRONG_KEY` added by later services. */
  code: z.string().min(1),
  message: z.string(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

/** Every invoke answers with this envelope; the preload never throws across the bridge. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };
