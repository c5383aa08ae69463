/** Escaping for the text formats the views write (XML, YAML, one-name-per-line lists). */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/** Lone UTF-16 surrogates cannot be encoded as UTF-8; they become U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** Characters XML 1.0 forbids even as references; they become U+FFFD. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this must find
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu;
const XML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/**
 * Text for an XML element or attribute. Tab, CR and LF are written as references because
 * parsers normalise raw line breaks and whitespace, which would change a tag name.
 */
export function xmlText(text: string): string {
  return wellFormed(text)
    .replace(XML_FORBIDDEN, '\ufffd')
    .replace(/[&<>"'\t\n\r]/gu, (char) => XML_SPECIAL[char] ?? char);
}

/** Characters JSON leaves raw that YAML treats as line breaks, BOM or non-printable. */
const YAML_RAW = /[\u007f-\u009f\u2028\u2029\ufeff]/gu;

/**
 * A YAML double-quoted scalar. JSON strings are YAML 1.2 double-quoted scalars, once the
 * characters YAML reads differently are escaped too.
 */
export function yamlString(text: string): string {
  return JSON.stringify(wellFormed(text)).replace(YAML_RAW, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One name per line (classes.txt): line breaks and other controls become spaces. */
export function singleLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this must find
  return wellFormed(text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, ' ');
}
