/**
 * Finds English left in a Traditional Chinese page: any run of three or more English words
 * in a row, once the proper names a page legitimately shows are taken out. Three words is
 * where a label ends and a sentence begins: "ONNX 模型" or "COCO JSON" are names, "Export of
 * Demo account" or "about 2 KB of settings" are untranslated text.
 */

/**
 * Text that may stay as it is in a Chinese page, and why. Longest first, so a name that
 * contains another is taken out whole.
 */
export const PROPER_NAMES: ReadonlyArray<{ text: string; reason: string }> = [
  { text: 'Multiclass classification: which flower is in the photo?', reason: 'a demo project description: the customer’s own text' },
  { text: 'Multilabel classification: everything visible in a street photo.', reason: 'a demo project description: the customer’s own text' },
  { text: 'Object detection: boxes, envelopes and shipping labels.', reason: 'a demo project description: the customer’s own text' },
  { text: 'Flower shop (demo)', reason: 'a demo project name: the customer’s own name' },
  { text: 'Street scenes (demo)', reason: 'a demo project name: the customer’s own name' },
  { text: 'Parcel detector (demo)', reason: 'a demo project name: the customer’s own name' },
  { text: 'Not a flower', reason: 'a demo tag name: the customer’s own name' },
  { text: 'Demo account', reason: 'the demo account’s display name, which a user may rename' },
  { text: 'Custom Vision', reason: 'the service’s product name' },
  { text: 'CV Steward', reason: 'this app’s product name' },
  { text: 'General (compact)', reason: 'a Custom Vision domain name, as the service names it' },
  { text: 'Delete your account', reason: 'a button’s label on customvision.ai, quoted so the reader finds it on that English-only site' },
];

/** Paths, addresses and ids: the reader's own data, never translated. */
const NAME_PATTERNS: readonly RegExp[] = [
  /\bhttps?:\/\/\S+/g, // addresses
  /\bfile:\/\/\S+/g,
  /(?:[A-Za-z]:)?(?:[/\\][\w.@()+-]+)+[/\\]?/g, // file paths
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, // ids
  /\b[\w.-]+\.(?:json|html|csv|txt|zip|xml|yaml|png|jpg|jpeg|onnx)\b/gi, // file names
];

/** A run of three or more words of Latin letters separated by single spaces (an apostrophe or hyphen belongs to the word). */
const ENGLISH_RUN = /[A-Za-z][A-Za-z'’-]*(?:[ \u00a0]+[A-Za-z][A-Za-z'’-]*){2,}/g;

/** The text with every proper name, path, address and id replaced by a separator. */
export function withoutNames(text: string, extraNames: readonly string[] = []): string {
  let rest = text;
  const names = [...PROPER_NAMES.map((entry) => entry.text), ...extraNames].sort((a, b) => b.length - a.length);
  for (const name of names) rest = rest.split(name).join(' · ');
  for (const pattern of NAME_PATTERNS) rest = rest.replace(pattern, ' · ');
  return rest;
}

/** Every run of three or more English words left once the proper names are taken out. */
export function englishRuns(text: string, extraNames: readonly string[] = []): string[] {
  return [...new Set([...withoutNames(text, extraNames).matchAll(ENGLISH_RUN)].map((match) => match[0]))];
}
