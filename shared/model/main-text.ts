/**
 * A message main writes for a person, sent as a catalogue code plus its parameters so the
 * renderer can say it in the reader's language (src-renderer/i18n: `mainText.<code>`).
 * Main keeps writing the English sentence too: it is what the logs and the CLI show, and
 * what the renderer falls back to (as "Details") for a code its catalogue does not know —
 * a newer main, or an older renderer.
 */
import { z } from 'zod';

/** A code is a dotted catalogue path: letters, digits and dots only, so it can never reach outside `mainText`. */
export const MAIN_TEXT_CODE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

export const MainTextSchema = z.object({
  code: z.string().regex(MAIN_TEXT_CODE),
  /** Numbers stay numbers, so the renderer formats them the reader's way. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type MainText = z.infer<typeof MainTextSchema>;

/** Shorthand for main: mainText('exportTitle', { account }). */
export function mainText(code: string, params?: Record<string, string | number>): MainText {
  return params ? { code, params } : { code };
}
