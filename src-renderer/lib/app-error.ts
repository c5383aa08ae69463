/**
 * Turns anything thrown or rejected in the renderer into the `{ code, message }` shape the
 * global error surface shows. ApiErrors keep the code main chose; everything else is
 * reported as a renderer-side problem with a readable message.
 */
import { ApiError } from './api';

export interface AppErrorInput {
  code: string;
  message: string;
}

const FALLBACK_MESSAGE = 'Something went wrong. Please try again.';

export function toAppError(reason: unknown): AppErrorInput {
  if (reason instanceof ApiError) return { code: reason.code, message: reason.message || FALLBACK_MESSAGE };
  if (reason instanceof Error) return { code: 'RENDERER_ERROR', message: reason.message || FALLBACK_MESSAGE };
  if (typeof reason === 'string' && reason.trim() !== '') return { code: 'RENDERER_ERROR', message: reason };
  return { code: 'RENDERER_ERROR', message: FALLBACK_MESSAGE };
}
