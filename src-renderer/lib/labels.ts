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

function isKeyOf<T extends object>(known: T, value: string): value is Extract<keyof T, string> {
  return Object.hasOwn(known, value);
}

/**
 * Values the Custom Vision API returns as English words, in the reader's language: an
 * iteration's status, a tag's type, a model export's status. A value this catalogue does
 * not know (the service added one) is shown as the API sent it.
 */
export function iterationStatusLabel(value: string): string {
  return isKeyOf(en.apiValues.iterationStatus, value) ? i18n.t(`apiValues.iterationStatus.${value}`) : value;
}

export function tagTypeLabel(value: string): string {
  return isKeyOf(en.apiValues.tagType, value) ? i18n.t(`apiValues.tagType.${value}`) : value;
}

export function exportStatusLabel(value: string): string {
  return isKeyOf(en.apiValues.exportStatus, value) ? i18n.t(`apiValues.exportStatus.${value}`) : value;
}
