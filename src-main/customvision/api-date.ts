/**
 * Dates as the Training API writes them. Two formats occur in real traffic: Project and
 * Iteration dates carry a zone (`2019-09-16T15:03:38.84Z`), Image and ImageTag `created`
 * do not and have up to 7 fractional digits (`2020-06-06T16:44:43.3417089`). JavaScript
 * would read the zone-less form as *local* time, so it is parsed here as UTC.
 */

const API_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Milliseconds since the epoch, or undefined for null, empty or unrecognised input. */
export function parseApiDateMs(value: string | null | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = API_DATE.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  // Sub-millisecond digits (.3417089) are dropped: Date has millisecond precision.
  const ms = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (Number.isNaN(utc)) return undefined;
  // Reject impossible calendar values that Date.UTC silently rolls over (Feb 30 → Mar 2).
  const check = new Date(utc);
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1) return undefined;
  return utc - zoneOffsetMs(zone);
}

/** A Date for an API date string (zone-less = UTC), or undefined when absent or malformed. */
export function parseApiDate(value: string | null | undefined): Date | undefined {
  const ms = parseApiDateMs(value);
  return ms === undefined ? undefined : new Date(ms);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}
