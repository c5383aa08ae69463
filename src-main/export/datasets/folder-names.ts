/**
 * Tag names → folder names for the folder-per-tag view. Tag names are user text (`../../x`,
 * `CON`, `a` and `A`, newlines, markup, emoji); folder names must be safe on Windows, macOS
 * and Linux, unique on case-insensitive file systems, and the same on every run.
 *
 * Rules (also in datasets/README.txt):
 *   1. Unicode NFC; control characters, bidi controls and < > : " / \ | ? * become `_`.
 *   2. Leading spaces are removed; a leading `.` (hidden files, `.` and `..`) or = + - @
 *      (spreadsheet formulas, command-line options) becomes `_`.
 *   3. At most MAX_NAME_CHARS characters and MAX_NAME_BYTES UTF-8 bytes; trailing dots and
 *      spaces removed (Windows drops them).
 *   4. A Windows reserved device name (CON, PRN, AUX, NUL, COM0–9, LPT0–9, also with an
 *      extension such as `con.txt`) gets `_` appended to its first part.
 *   5. Empty → `tag`.
 *   6. Names equal ignoring case: in tag-id order the first keeps its name, the others get
 *      `_` + the first 8 characters of their tag id (the full id, then a counter, if that
 *      still collides).
 */

export const MAX_NAME_CHARS = 64;
export const MAX_NAME_BYTES = 128;

// eslint-disable-next-line no-control-regex -- control characters are exactly what this must find
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/iu;

function truncate(name: string, maxChars: number, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  let chars = 0;
  for (const char of name) {
    const size = Buffer.byteLength(char, 'utf8');
    if (chars + 1 > maxChars || bytes + size > maxBytes) break;
    out += char;
    bytes += size;
    chars += 1;
  }
  return out;
}

function trimEnd(name: string): string {
  return name.replace(/[. ]+$/u, '');
}

/** The safe base form of one name (rules 1–5), before uniqueness. */
export function sanitiseFolderName(name: string, maxChars = MAX_NAME_CHARS, maxBytes = MAX_NAME_BYTES): string {
  let safe = name.normalize('NFC').replace(UNSAFE, '_').replace(/^ +/u, '');
  safe = safe.replace(/^[.=+\-@]/u, '_');
  safe = trimEnd(truncate(safe, maxChars, maxBytes));
  const dot = safe.indexOf('.');
  const stem = dot === -1 ? safe : safe.slice(0, dot);
  if (RESERVED.test(stem.trimEnd())) safe = `${stem.trimEnd()}_${dot === -1 ? '' : safe.slice(dot)}`;
  return safe === '' ? 'tag' : safe;
}

function foldKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Unique folder names for tags, keyed by tag id. Input order does not matter: tags are
 * taken in tag-id order, so a tag keeps its folder however the records were listed.
 */
export function assignFolderNames(tags: ReadonlyArray<{ tagId: string; name: string }>): Map<string, string> {
  const sorted = [...tags].sort((a, b) => (a.tagId < b.tagId ? -1 : a.tagId > b.tagId ? 1 : 0));
  const bases = sorted.map((tag) => ({ tag, base: sanitiseFolderName(tag.name) }));
  // Every plain base name is reserved first, so a suffixed name never takes a later tag's plain name.
  const taken = new Set<string>();
  const result = new Map<string, string>();
  const needSuffix: typeof bases = [];
  for (const entry of bases) {
    const key = foldKey(entry.base);
    if (taken.has(key)) needSuffix.push(entry);
    else {
      taken.add(key);
      result.set(entry.tag.tagId, entry.base);
    }
  }
  for (const { tag, base } of needSuffix) {
    // Tag ids are data too: only their safe characters go into a suffix.
    const id = tag.tagId.replace(/[^0-9A-Za-z-]/gu, '_').slice(0, 36);
    for (let attempt = 0; ; attempt += 1) {
      const suffix = attempt === 0 ? id.slice(0, 8) : attempt === 1 ? id : `${id}_${attempt}`;
      const candidate = `${sanitiseFolderName(base, MAX_NAME_CHARS - suffix.length - 1, MAX_NAME_BYTES - suffix.length - 1)}_${suffix}`;
      if (taken.has(foldKey(candidate))) continue;
      taken.add(foldKey(candidate));
      result.set(tag.tagId, candidate);
      break;
    }
  }
  return result;
}
