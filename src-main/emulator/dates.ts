/**
 * The two date formats the Training API emits (Microsoft's recorded SDK traffic):
 * - Image, ImageTag and ImageRegion `created`: up to 7 fractional digits and NO zone,
 *   e.g. `2020-06-06T16:44:43.3417089` (.NET "FFFFFFF": trailing zeros dropped, so
 *   `…43.212834` also occurs);
 * - Project, Iteration and StoredImagePrediction dates: milliseconds and `Z`, trailing
 *   zeros dropped (`2019-09-16T15:03:38.84Z`, `2017-12-18T05:43:18Z`).
 * Sub-millisecond precision is kept as a separate "tick" (0–9999, units of 100 ns).
 */

function trimFraction(fraction: string): string {
  const trimmed = fraction.replace(/0+$/, '');
  return trimmed === '' ? '' : `.${trimmed}`;
}

/** `2020-06-06T16:44:43.3417089` for ms + 100-ns tick. */
export function formatImageDate(ms: number, tick: number): string {
  const iso = new Date(ms).toISOString(); // 2020-06-06T16:44:43.341Z
  const millis = iso.slice(20, 23);
  const ticks = String(Math.max(0, Math.min(9999, Math.trunc(tick)))).padStart(4, '0');
  return `${iso.slice(0, 19)}${trimFraction(millis + ticks)}`;
}

/** `2019-09-16T15:03:38.84Z`. */
export function formatZonedDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}${trimFraction(iso.slice(20, 23))}Z`;
}

/** `2020-06-07T16:45:22Z` (a SAS `se`): whole seconds, UTC. */
export function formatSasDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** `Thu, 25 Jun 2026 00:31:00 GMT`, as Azure Storage writes times in its error details. */
export function formatHttpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
