/**
 * Human names for machine ids that arrive from main (data categories, platforms).
 * Unknown ids fall back to the raw id, so a new category still shows up, just less prettily.
 */
import { i18n } from '../i18n';
import en from '../i18n/en.json';

type CategoryId = keyof typeof en.categories;

function isKnownCategory(id: string): id is CategoryId {
  return Object.hasOwn(en.categories, id);
}

export function categoryLabel(id: string): string {
  return isKnownCategory(id) ? i18n.t(`categories.${id}`) : id;
}

/** Product names: the same in every language. */
const PLATFORM_LABELS: Readonly<Record<string, string>> = {
  darwin: 'macOS',
  win32: 'Windows',
  linux: 'Linux',
};

export function platformLabel(id: string): string {
  return Object.hasOwn(PLATFORM_LABELS, id) ? (PLATFORM_LABELS[id] ?? id) : id;
}
