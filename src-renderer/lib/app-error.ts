/**
 * Turns anything thrown or rejected in the renderer into the `{ code, message }` shape the
 * global error surface shows. ApiErrors keep the code main chose; everything else is
 * reported as a renderer-side problem with a readable message.
 */
import { i18n } from '../i18n';
import { ApiError } from './api';

export interface AppErrorInput {
  code: string;
  message: string;
}

/**
 * Messages from main stay as main wrote them; only the renderer's own fallback is
 * translated, in the language shown when the error happened.
 */
export function toAppError(reason: unknown): AppErrorInput {
  const fallback = i18n.t('errors.fallback');
  if (reason instanceof ApiError) return { code: reason.code, message: reason.message || fallback };
  if (reason instanceof Error) return { code: 'RENDERER_ERROR', message: reason.message || fallback };
  if (typeof reason === 'string' && reason.trim() !== '') return { code: 'RENDERER_ERROR', message: reason };
  return { code: 'RENDERER_ERROR', message: fallback };
}
