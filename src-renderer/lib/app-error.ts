/**
 * Turns anything thrown or rejected in the renderer into the `{ code, message }` shape the
 * global error surface shows, and turns such an error into the words the page shows in the
 * user's language.
 *
 * Main writes its messages in English and they often carry specifics (a folder, a count, an
 * HTTP status, a request id). The page therefore shows the catalogue's sentence for the
 * code (`errorCodes.<CODE>`, in the active language) as the headline and main's own message
 * as a secondary "Details" line, so nothing specific is lost. Codes the catalogue does not
 * know (a newer main, a renderer-side problem) are shown as main wrote them.
 */
import { i18n, resources } from '../i18n';
import { ApiError } from './api';

export interface AppErrorInput {
  code: string;
  message: string;
  /**
   * True when `message` was written by the renderer from its own catalogue (already in the
   * user's language): it is shown as it is, never replaced by the code's generic sentence.
   */
  translated?: boolean;
}

/** What the page shows for an error: the headline, and main's original words when they add something. */
export interface ErrorText {
  headline: string;
  /** Main's message, shown under the headline; null when it would only repeat it. */
  details: string | null;
}

export type ErrorCode = keyof typeof resources.en.translation.errorCodes;

/** Whether the catalogues have a sentence for `code` (every code main can throw must). */
export function isKnownErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(resources.en.translation.errorCodes, code);
}

/**
 * The headline and details for `error` in the language shown now. Components call it while
 * rendering (after useTranslation(), so a language switch re-renders them in the new one).
 */
export function describeAppError(error: AppErrorInput): ErrorText {
  const message = error.message.trim();
  if (error.translated || !isKnownErrorCode(error.code)) {
    return { headline: message === '' ? i18n.t('errors.fallback') : message, details: null };
  }
  const headline = i18n.t(`errorCodes.${error.code}`);
  return { headline, details: message === '' || message === headline ? null : message };
}

/** One line of text for an accessible name or a plain-text place (headline, then details). */
export function appErrorText(error: AppErrorInput): string {
  const { headline, details } = describeAppError(error);
  return details === null ? headline : `${headline} ${i18n.t('errors.details', { message: details })}`;
}

/**
 * Messages from main stay as main wrote them (the page translates them by code when it
 * shows them); only the renderer's own fallback is written here, in the language shown
 * when the error happened, and marked as such.
 */
export function toAppError(reason: unknown): AppErrorInput {
  if (reason instanceof ApiError) {
    // A known code has its own sentence even when main sent no words.
    return reason.message || isKnownErrorCode(reason.code) ? { code: reason.code, message: reason.message } : renderer(reason.code);
  }
  if (reason instanceof Error) return reason.message ? { code: 'RENDERER_ERROR', message: reason.message } : renderer('RENDERER_ERROR');
  if (typeof reason === 'string' && reason.trim() !== '') return { code: 'RENDERER_ERROR', message: reason };
  return renderer('RENDERER_ERROR');
}

function renderer(code: string): AppErrorInput {
  return { code, message: i18n.t('errors.fallback'), translated: true };
}
