/**
 * Scrubs secrets out of text before it reaches the log file. The log is something users
 * attach to bug reports, so everything written there must be safe to share: no training
 * or prediction keys, no SAS signatures that would let a reader download their images.
 */

/** Secrets shorter than this are refused by hide(): redacting "abc" everywhere would
 * mangle the log without protecting anything worth a key's name. */
export const MIN_HIDDEN_SECRET_LENGTH = 8;

export const REDACTED = '[redacted]';

/** Custom Vision training and prediction keys are 32 hex digits. Hex lookarounds rather
 * than \b, so `key_<hex>` or `"<hex>"` are caught while a 64-hex SHA-256 (bundle
 * checksums) is left whole. Dashed GUIDs (project ids) never match. */
const HEX_KEY = /(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/gi;

/** `Training-Key: x`, `"Prediction-Key":"x"`, `training-key=x`, and the generic Azure
 * subscription header; the header name stays so the log still says what was sent. */
const KEY_HEADER = /((?:Training|Prediction|Ocp-Apim-Subscription)-Key["']?\s*[:=]\s*["']?)[^\s"',;}&]+/gi;

/** Every http(s) URL's query string goes, not only blob SAS URLs: SAS tokens come from
 * several hosts (blob storage, export downloads, the emulator on 127.0.0.1), and the
 * Training API's own query parameters (ids, paging) are not worth the risk. Scheme, host
 * and path stay, which is what a bug report needs. */
const URL_QUERY = /(https?:\/\/[^\s?#"'<>]*)\?[^\s#"'<>]*/gi;

/** A SAS signature seen outside a full URL (a bare query string, a form body). */
const SIG_PARAM = /(\bsig=)[^\s&#"'<>]+/gi;

export interface Redactor {
  /** Registers a secret (e.g. the current account's key) to be replaced wherever it
   * appears, whatever its format. Ignores values shorter than MIN_HIDDEN_SECRET_LENGTH. */
  hide(secret: string): void;
  /** Forgets a secret registered with hide() (an account was removed). */
  unhide(secret: string): void;
  redact(text: string): string;
}

export function createRedactor(): Redactor {
  const hidden = new Set<string>();

  function variants(secret: string): string[] {
    // A key can show up URL-encoded (a query string) as well as verbatim.
    const encoded = encodeURIComponent(secret);
    return encoded === secret ? [secret] : [secret, encoded];
  }

  return {
    hide(secret) {
      if (secret.length < MIN_HIDDEN_SECRET_LENGTH) return;
      for (const value of variants(secret)) hidden.add(value);
    },
    unhide(secret) {
      for (const value of variants(secret)) hidden.delete(value);
    },
    redact(text) {
      let out = text;
      // Longest first, so a secret that contains another is replaced as a whole.
      for (const secret of [...hidden].sort((a, b) => b.length - a.length)) {
        out = out.split(secret).join(REDACTED);
      }
      return out
        .replace(KEY_HEADER, `$1${REDACTED}`)
        .replace(URL_QUERY, `$1?${REDACTED}`)
        .replace(SIG_PARAM, `$1${REDACTED}`)
        .replace(HEX_KEY, REDACTED);
    },
  };
}
