/**
 * Viewer data files are scripts (browsers refuse fetch() on file:// pages). API text ends
 * up inside them, so the JSON is escaped until nothing in it can end a <script> element,
 * start an HTML comment or entity, or be read as a line terminator: `<`, `>`, `&` and
 * every non-ASCII code unit (which covers U+2028/U+2029) become \uXXXX escapes. Pure
 * ASCII also makes the files immune to how a browser guesses their encoding.
 */

const UNSAFE = /[<>&\u007f-\uffff]/g;

export function escapeForScript(json: string): string {
  return json.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The whole content of one data file: a call that hands the payload to app.js. */
export function toDataScript(payload: unknown): string {
  return `window.cvSteward.receive(${escapeForScript(JSON.stringify(payload))});\n`;
}
