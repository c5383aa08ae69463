/**
 * Quirks: opt-in behaviours the real service is allowed to show (or that a broken network
 * in front of it shows) but the tidy emulator does not. Each name, what it does and the
 * public evidence behind it are in README.md ("Quirks"). All are off unless named.
 */
import { z } from 'zod';

export const QUIRK_NAMES = [
  /** Equal `created` values come back in a fresh random order on every request. */
  'ties',
  /** Every URI field is a relative `{container}/{blob}` path for GetArtifact; /__blob refuses. */
  'relative-uris',
  /** The resource's firewall refuses this caller: every API call and blob download → 403. */
  'network-rules',
  /** QueryPredictions refuses maxCount > 64 (instead of > 256). */
  'prediction-count-limit',
  /** GetIterationPerformance without `threshold` computes at 0.9 (instead of 0.5). */
  'other-default-threshold',
  /** Image lists answer ~1 GiB: the real page followed by whitespace. */
  'huge-json',
  /** Every blob body is the real bytes followed by zeros up to 400 MiB. */
  'oversize-blobs',
  /** A request line over 8192 bytes → IIS request filtering's 404.15 page, before routing. */
  'url-limit',
  /** A request line (with its CRLF) over 8192 bytes → Kestrel's 414 with an empty body. */
  'url-limit-414',
  /** DeleteImages/DeletePrediction naming any id that does not exist is refused whole. */
  'strict-batch-ids',
] as const;

export type QuirkName = (typeof QUIRK_NAMES)[number];

/** huge-json: announced (and, if read, sent) size of an image list answer: 1 GiB. */
export const HUGE_JSON_BYTES = 1024 * 1024 * 1024;
/** oversize-blobs: every blob is padded to 400 MiB (the service caps training images at 6 MB). */
export const OVERSIZE_BLOB_BYTES = 400 * 1024 * 1024;
/** prediction-count-limit: the largest maxCount accepted. */
export const SMALL_PREDICTION_PAGE = 64;
/** other-default-threshold: the threshold used when GetIterationPerformance gets none. */
export const OTHER_DEFAULT_THRESHOLD = 0.9;

const KNOWN: ReadonlySet<string> = new Set(QUIRK_NAMES);

export function isQuirkName(name: string): name is QuirkName {
  return KNOWN.has(name);
}

export function unknownQuirkMessage(name: string): string {
  return `unknown quirk "${name.slice(0, 40)}"; the quirks are ${QUIRK_NAMES.join(', ')}`;
}

/** Deduplicated, in QUIRK_NAMES order, so config reads back the same whatever order was given. */
function normalise(names: readonly QuirkName[]): QuirkName[] {
  const given = new Set(names);
  return QUIRK_NAMES.filter((name) => given.has(name));
}

/** The `quirks` setting: a list of names replacing the current set; unknown names are refused. */
export const quirkListSchema = z
  .array(z.string())
  .max(QUIRK_NAMES.length * 4)
  .transform((names, ctx) => {
    const known: QuirkName[] = [];
    for (const name of names) {
      if (isQuirkName(name)) known.push(name);
      else ctx.addIssue({ code: 'custom', message: unknownQuirkMessage(name) });
    }
    return normalise(known);
  });

/** `--quirks ties,relative-uris` (and `--gateway-404 A,B`): comma-separated, blanks ignored. */
export function splitQuirkList(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export function hasQuirk(config: { readonly quirks: readonly QuirkName[] }, name: QuirkName): boolean {
  return config.quirks.includes(name);
}
