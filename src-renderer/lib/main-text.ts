/**
 * Main's messages in the reader's language: main sends a catalogue code with parameters
 * (shared/model/main-text.ts) next to its English sentence. A code this catalogue knows is
 * shown translated; an unknown one (a newer main) falls back to main's English, so nothing
 * is ever blank.
 */
import { EXPORT_SUMMARY_CODE, sayExportSummary } from '../../shared/model/export-summary';
import type { MainText } from '../../shared/model/main-text';
import { i18n } from '../i18n';
import en from '../i18n/en.json';
import { formatBytes, formatCount } from './format';
import { appErrorText } from './app-error';

/** A code is its catalogue key, or the base of its plural forms (verifyIntact → verifyIntact_one, verifyIntact_other). */
type MainTextKey = keyof typeof en.mainText;
// The export summary's block is many sentences, said by exportSummaryLine, not one message.
type MainTextCode = Exclude<MainTextKey extends infer K ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K) : never, typeof EXPORT_SUMMARY_CODE>;

function isKnownCode(code: string): code is MainTextCode {
  return code !== EXPORT_SUMMARY_CODE && (Object.hasOwn(en.mainText, code) || Object.hasOwn(en.mainText, `${code}_other`));
}

/**
 * Parameters as the reader reads them: a number named "…Bytes" as a size, any other number
 * as a count in the reader's format; `count` stays a number too, for i18next's plural forms.
 */
function readable(params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if (typeof value !== 'number' || name === 'count') return [name, value];
      return [name, name.endsWith('Bytes') ? formatBytes(value) : formatCount(value)];
    }),
  );
}

/**
 * `appError` with `{ code }`: an error main knows by its AppError code (a failed call of a
 * job). Said the way every error of the app is (lib/app-error.ts): the code's sentence in
 * the interface's language, main's English as the details.
 */
const APP_ERROR = 'appError';

function appErrorLine(text: MainText, english: string): string {
  const code = text.params?.code;
  return typeof code === 'string' ? appErrorText({ code, message: english }) : english;
}

/** The export's summary: several sentences, each said only when its facts call for it. */
function exportSummaryLine(text: MainText): string {
  return sayExportSummary(text.params ?? {}, (key, params) => i18n.t(`mainText.exportSummary.${key}`, readable(params)));
}

/** The message in the interface's language, or `english` when there is no code or it is unknown here. */
export function mainTextOr(text: MainText | undefined, english: string): string {
  if (text?.code === APP_ERROR) return appErrorLine(text, english);
  if (text?.code === EXPORT_SUMMARY_CODE) return exportSummaryLine(text);
  if (!text || !isKnownCode(text.code)) return english;
  return i18n.t(`mainText.${text.code}`, readable(text.params ?? {}));
}
