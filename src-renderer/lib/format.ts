/**
 * Numbers, sizes, durations and dates in the language the interface shows, through Intl.
 * Formatters are cached per language; components that show these values re-render on a
 * language change (useTranslation), so they are re-formatted then.
 */
import { currentLanguage, i18n } from '../i18n';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(kind: 'count' | 'decimal'): Intl.NumberFormat {
  const language = currentLanguage();
  const key = `${kind}|${language}`;
  let format = cache.get(key);
  if (!(format instanceof Intl.NumberFormat)) {
    format = new Intl.NumberFormat(language, kind === 'decimal' ? { maximumFractionDigits: 1 } : {});
    cache.set(key, format);
  }
  return format;
}

function dateFormat(): Intl.DateTimeFormat {
  const language = currentLanguage();
  const key = `date|${language}`;
  let format = cache.get(key);
  if (!(format instanceof Intl.DateTimeFormat)) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    cache.set(key, format);
  }
  return format;
}

/** Unit symbols are the same in both languages (Taiwan writes KB, MB, GB too). */
const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatCount(value: number): string {
  return numberFormat('count').format(value);
}

/** At most one decimal: "3.2" (items per second and the like). */
export function formatDecimal(value: number): string {
  return numberFormat('decimal').format(value);
}

/** 1536 → "1.5 KB" (binary multiples, the way file managers usually show sizes). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return i18n.t('format.bytes', { count: value, value: formatCount(value) });
  return i18n.t('format.size', { value: formatDecimal(value), unit: UNITS[unit] });
}

/** 4 000 s → "1 h 7 min"; rounded up so "about 0 s" never shows while work remains. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return i18n.t('format.seconds', { s: formatCount(whole) });
  const minutes = Math.ceil(whole / 60);
  if (minutes < 10) return i18n.t('format.minutesSeconds', { m: formatCount(Math.floor(whole / 60)), s: formatCount(whole % 60) });
  if (minutes < 60) return i18n.t('format.minutes', { m: formatCount(minutes) });
  return i18n.t('format.hoursMinutes', { h: formatCount(Math.floor(minutes / 60)), m: formatCount(minutes % 60) });
}

/** A moment as date and time ("Jan 1, 2025, 10:00 AM"; "2025年1月1日 上午10:00"). */
export function formatDateTime(date: Date): string {
  return dateFormat().format(date);
}

/** "a, b, c" with the language's list separator. */
export function joinList(parts: readonly string[]): string {
  return parts.join(i18n.t('common.listSeparator'));
}

/** "a, b, and c" / "a、b和c": a list read as one phrase, joined the way the language joins one. */
export function formatConjunction(parts: readonly string[]): string {
  return new Intl.ListFormat(currentLanguage(), { style: 'long', type: 'conjunction' }).format(parts);
}
