/**
 * CSV cells for people who open the file in a spreadsheet: RFC 4180 quoting (fields with a
 * comma, quote, CR or LF are quoted, quotes doubled; records end with CRLF), and a guard
 * against formula injection (OWASP "CSV Injection"): a cell that starts with = + - @, a tab
 * or a CR is prefixed with a single quote, so a tag named `=HYPERLINK(…)` stays text.
 * The guard changes the text; the exact names are in each view's JSON mapping.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number): string {
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: ReadonlyArray<string | number>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
